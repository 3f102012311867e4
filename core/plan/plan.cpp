#include "plan/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "plan/context.h"
#include "plan/cost.h"
#include "plan/targets.h"
#include "util/hash.h"

namespace copilot::plan {

using nlohmann::json;

std::vector<TargetInfo> plan_targets() {
  std::vector<TargetInfo> out;
  for (const auto& t : target_table()) out.push_back({t.name, t.summary});
  return out;
}

namespace {

std::string target_names() {
  std::string names;
  for (const auto& t : target_table()) names += (names.empty() ? "" : ", ") + std::string(t.name);
  return names;
}

Result<std::vector<std::string>> select_targets(const PlanRequest& request, const json& context) {
  std::set<std::string> asked(request.targets.begin(), request.targets.end());
  for (const auto& name : asked)
    if (!find_target(name)) return Error{"unknown plan target '" + name + "' (use " + target_names() + ")", true};
  std::vector<std::string> out;
  for (const auto& t : target_table())
    if (asked.empty() ? t.fits(context) : asked.count(t.name) > 0) out.push_back(t.name);
  return out;
}

// Each gap goes to the first selected target it concerns; gaps of targets not
// in the plan are left out.
std::vector<Gap> place_gaps(const std::vector<PendingGap>& pending, const std::vector<std::string>& targets) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Gap> out;
  for (const auto& g : pending) {
    for (const auto& t : g.targets) {
      bool selected = t == "plan" || std::find(targets.begin(), targets.end(), t) != targets.end();
      if (!selected) continue;
      if (seen.insert({t, g.message}).second) out.push_back({t, g.message});
      break;
    }
  }
  auto order = [&](const std::string& t) {
    auto it = std::find(targets.begin(), targets.end(), t);
    return t == "plan" ? -1 : static_cast<int>(it - targets.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](const Gap& a, const Gap& b) {
    return std::make_pair(order(a.target), a.message) < std::make_pair(order(b.target), b.message);
  });
  return out;
}

}  // namespace

Result<Blueprint> make_plan(const PlanRequest& request) {
  if (request.cloud != "aws" && request.cloud != "gcp")
    return Error{"unknown cloud '" + request.cloud + "' (use aws or gcp)", true};
  TemplateSet templates(request.templates);
  PlanContext ctx = build_context(request.audit, request);
  auto targets = select_targets(request, ctx.data);
  if (!targets) return targets.error();

  Blueprint b;
  b.project = text_of(request.audit, "project");
  b.services = ctx.services;
  b.targets = *targets;
  auto selected = [&](const char* name) {
    return std::find(b.targets.begin(), b.targets.end(), name) != b.targets.end();
  };
  if (selected("cost")) {
    auto cost = estimate_cost(ctx.data, request.cloud, templates);
    if (!cost) return cost.error();
    ctx.data["cost"] = cost_context(*cost);
    ctx.gaps.push_back({{"cost"},
                        "prices are list prices as of " + cost->prices_as_of + " from " + cost->pricing_file +
                            ", not live: check them before relying on the figures"});
    b.cost = std::move(*cost);
  }
  if (selected("gates"))
    for (const auto& g : list_of(ctx.data, "gates")) b.gates.push_back({text_of(g, "id"), text_of(g, "description")});

  std::map<std::string, std::string> owner;  // path → target, to catch two templates writing one file
  for (const auto& target : b.targets) {
    auto files = render_target(target, templates, ctx.data);
    if (!files) return files.error();
    for (auto& f : *files) {
      auto [it, fresh] = owner.emplace(f.path, target);
      if (!fresh) return Error{"targets " + it->second + " and " + target + " both write " + f.path, true};
      b.files.push_back(std::move(f));
    }
  }
  std::sort(b.files.begin(), b.files.end(), [](const PlanFile& a, const PlanFile& c) { return a.path < c.path; });
  b.gaps = place_gaps(ctx.gaps, b.targets);
  return b;
}

json to_json(const Blueprint& b) {
  json j;
  j["schema_version"] = kPlanSchemaVersion;
  j["tool"] = {{"name", "copilot"}, {"version", COPILOT_VERSION}};
  j["project"] = b.project;
  json services = json::array();
  for (const auto& s : b.services)
    services.push_back({{"name", s.name},
                        {"dir", s.dir},
                        {"language", s.language},
                        {"version", s.version.empty() ? json(nullptr) : json(s.version)},
                        {"framework", s.framework.empty() ? json(nullptr) : json(s.framework)},
                        {"port", s.port},
                        {"health_path", s.health_path.empty() ? json(nullptr) : json(s.health_path)}});
  j["services"] = services;
  j["targets"] = b.targets;
  json files = json::array();
  for (const auto& f : b.files)
    files.push_back(
        {{"path", f.path}, {"target", f.target}, {"bytes", f.content.size()}, {"hash", util::hash_hex(f.content)}});
  j["files"] = files;
  if (b.cost) {
    json profiles = json::array();
    for (const auto& p : b.cost->profiles) {
      json items = json::array();
      for (const auto& i : p.items)
        items.push_back({{"component", i.component}, {"monthly", i.monthly}, {"assumption", i.assumption}});
      profiles.push_back({{"name", p.name}, {"traffic", p.traffic}, {"items", items}, {"total", p.total}});
    }
    j["cost"] = {{"provider", b.cost->provider},
                 {"region", b.cost->region},
                 {"currency", b.cost->currency},
                 {"prices_as_of", b.cost->prices_as_of},
                 {"pricing_file", b.cost->pricing_file},
                 {"note", b.cost->note},
                 {"profiles", profiles}};
  } else {
    j["cost"] = nullptr;
  }
  json gates = json::array();
  for (const auto& g : b.gates) gates.push_back({{"id", g.id}, {"description", g.description}});
  j["gates"] = gates;
  json gaps = json::array();
  for (const auto& g : b.gaps) gaps.push_back({{"target", g.target}, {"message", g.message}});
  j["gaps"] = gaps;
  return j;
}

}  // namespace copilot::plan
