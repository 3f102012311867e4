#include "plan/cost.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>

#include "plan/context.h"

namespace copilot::plan {

using nlohmann::json;

namespace {

double cents(double amount) {
  return std::round(amount * 100.0) / 100.0;
}

std::string money(double amount) {
  return fmt::format("{:.2f}", amount);
}

// Reads prices from the pricing YAML, naming the file and key on a miss.
class Prices {
 public:
  Prices(YAML::Node root, std::string origin) : root_(std::move(root)), origin_(std::move(origin)) {}

  YAML::Node node(const std::string& dotted) const {
    YAML::Node cur;
    cur.reset(root_);  // reset, not assignment: assigning a yaml-cpp node overwrites what it refers to
    size_t start = 0;
    while (true) {
      size_t dot = dotted.find('.', start);
      std::string key = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!cur.IsMap() || !cur[key]) throw Missing{origin_ + ": '" + dotted + "' is missing"};
      cur.reset(cur[key]);
      if (dot == std::string::npos) return cur;
      start = dot + 1;
    }
  }
  double number(const std::string& dotted) const {
    try {
      return node(dotted).as<double>();
    } catch (const YAML::Exception&) {
      throw Missing{origin_ + ":" + std::to_string(node(dotted).Mark().line + 1) + ": '" + dotted +
                    "' is not a number"};
    }
  }
  std::string text(const std::string& dotted) const { return node(dotted).as<std::string>(); }
  bool has(const std::string& dotted) const {
    try {
      node(dotted);
      return true;
    } catch (const Missing&) {
      return false;
    }
  }

  struct Missing {
    std::string message;
  };

 private:
  YAML::Node root_;
  std::string origin_;
};

std::string engine_priced(const json& context, std::initializer_list<const char*> engines) {
  for (const char* e : engines)
    if (context.contains(e)) return e;
  return "";
}

CostProfile price_profile(const Prices& p, const YAML::Node& profile, const json& context) {
  CostProfile out;
  out.name = profile["name"].as<std::string>();
  out.traffic = profile["traffic"].as<std::string>();
  double hours = p.number("hours_per_month");
  std::string cur = p.text("currency");
  int replicas = profile["replicas"].as<int>();

  double vcpu = 0, gb = 0;
  for (const auto& s : list_of(context, "services")) {
    vcpu += s["resources"].value("vcpu", 0.25);
    gb += s["resources"].value("memory_gb", 0.5);
  }
  double vcpu_hour = p.number("compute.vcpu_hour.price"), gb_hour = p.number("compute.gb_hour.price");
  size_t services = list_of(context, "services").size();
  out.items.push_back(
      {"compute", cents(replicas * hours * (vcpu * vcpu_hour + gb * gb_hour)),
       fmt::format("{}: {} replicas x {} vCPU and {} GB ({}), {} h at {} {} per vCPU-hour and {} per GB-hour",
                   p.text("compute.service"), replicas, vcpu, gb,
                   services == 1 ? "1 service" : std::to_string(services) + " services together", hours, cur, vcpu_hour,
                   gb_hour)});

  if (std::string engine = engine_priced(context, {"postgresql", "mysql"}); !engine.empty()) {
    std::string size = profile["database"].as<std::string>();
    bool ha = profile["database_high_availability"] && profile["database_high_availability"].as<bool>();
    double hourly = p.number("database.sizes." + size + ".hour");
    double storage_gb = profile["database_storage_gb"].as<double>();
    double storage = p.number("database.storage_gb_month.price");
    out.items.push_back(
        {"database", cents((ha ? 2 : 1) * hourly * hours + storage_gb * storage),
         fmt::format("{} for {}: {} ({}), {} h at {} {}/h, plus {} GB storage at {} per GB-month",
                     p.text("database.service"), engine, p.text("database.sizes." + size + ".instance"),
                     ha ? "highly available, priced twice" : "single zone", hours, cur, hourly, storage_gb, storage)});
  }
  if (context.contains("redis")) {
    std::string size = profile["cache"].as<std::string>();
    double hourly = p.number("cache.sizes." + size + ".hour");
    out.items.push_back({"cache", cents(hourly * hours),
                         fmt::format("{}: {}, {} h at {} {}/h", p.text("cache.service"),
                                     p.text("cache.sizes." + size + ".instance"), hours, cur, hourly)});
  }
  // Load balancers bill by the hour plus capacity units (AWS) or data processed (GCP).
  double egress_gb = profile["egress_gb"].as<double>();
  double lb_hour = p.number("load_balancer.hour.price");
  double lb = lb_hour * hours;
  std::string lb_words = fmt::format("{}: {} h at {} {}/h", p.text("load_balancer.service"), hours, cur, lb_hour);
  if (p.has("load_balancer.capacity_unit_hour")) {
    double lcu_hour = p.number("load_balancer.capacity_unit_hour.price");
    double lcus = profile["load_balancer_capacity_units"].as<double>();
    lb += lcus * lcu_hour * hours;
    lb_words += fmt::format(", plus {} x {}/h per capacity unit", lcus, lcu_hour);
  }
  if (p.has("load_balancer.gb_processed")) {
    double per_gb = p.number("load_balancer.gb_processed.price");
    lb += egress_gb * per_gb;
    lb_words += fmt::format(", plus {} GB processed at {}/GB", egress_gb, per_gb);
  }
  out.items.push_back({"load_balancer", cents(lb), lb_words});
  double free_gb = p.number("egress.free_gb");
  double per_gb = p.number("egress.gb.price");
  out.items.push_back({"egress", cents(std::max(0.0, egress_gb - free_gb) * per_gb),
                       fmt::format("{}: {} GB a month, the first {} GB free, then {} {} per GB",
                                   p.text("egress.service"), egress_gb, free_gb, cur, per_gb)});
  for (const auto& item : out.items) out.total += item.monthly;
  out.total = cents(out.total);
  return out;
}

}  // namespace

Result<CostEstimate> estimate_cost(const json& context, const std::string& cloud, const TemplateSet& templates) {
  auto file = templates.get("pricing/" + cloud + ".yaml");
  if (!file) return file.error();
  try {
    Prices p(YAML::Load(file->text), file->origin);
    CostEstimate e;
    e.provider = p.text("provider");
    e.region = p.text("region");
    e.currency = p.text("currency");
    e.prices_as_of = p.text("prices_as_of");
    e.note = p.text("note");
    e.pricing_file = file->origin;
    YAML::Node profiles = p.node("profiles");
    if (!profiles.IsSequence()) return Error{file->origin + ": 'profiles' must be a list", true};
    for (const auto& profile : profiles) e.profiles.push_back(price_profile(p, profile, context));
    return e;
  } catch (const Prices::Missing& m) {
    return Error{m.message, true};
  } catch (const YAML::Exception& ex) {
    return Error{file->origin + ":" + std::to_string(ex.mark.line + 1) + ": " + ex.msg, true};
  }
}

json cost_context(const CostEstimate& e) {
  json profiles = json::array();
  for (const auto& p : e.profiles) {
    json items = json::array();
    for (const auto& i : p.items)
      items.push_back({{"component", i.component}, {"monthly", money(i.monthly)}, {"assumption", i.assumption}});
    profiles.push_back({{"name", p.name}, {"traffic", p.traffic}, {"total", money(p.total)}, {"items", items}});
  }
  return {{"provider", e.provider}, {"region", e.region},
          {"currency", e.currency}, {"prices_as_of", e.prices_as_of},
          {"note", e.note},         {"pricing_file", e.pricing_file},
          {"profiles", profiles}};
}

}  // namespace copilot::plan
