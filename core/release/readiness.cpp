// The gates file is read with the project's schema checker (line numbers in
// every error), plus the few constraints it does not know (const, pattern,
// minLength, unique ids, real dates); then each gate is judged and waivers
// are applied to the ones that failed.
#include "release/readiness.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "config/schema_check.h"
#include "release/readiness_checks.h"
#include "util/files.h"
#include "util/schemas.h"

namespace copilot::release {
namespace {

/// What the review gate fails on when the file does not say, and where the
/// SBOM is expected: the values copilot plan writes.
constexpr const char* kDefaultFailOn = "critical";
constexpr const char* kDefaultSbomPath = "sbom.cdx.json";
constexpr size_t kMinimumReasonLength = 10;

struct GateSpec {
  std::string id;
  std::string check;
  std::string fail_on = kDefaultFailOn;
  std::string path = kDefaultSbomPath;
  double minimum = 0;
};

struct WaiverSpec {
  std::string gate;
  std::string reason;
  std::string expires;  ///< YYYY-MM-DD; "" for a command-line waiver
};

struct GatesFile {
  std::vector<GateSpec> gates;
  std::vector<WaiverSpec> waivers;
};

std::string where(const std::filesystem::path& file, const YAML::Node& node, const std::string& key) {
  return file.string() + ":" + std::to_string(node.Mark().line + 1) + ": key '" + key + "': ";
}

bool is_valid_id(const std::string& id) {
  auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return !id.empty() && id[0] != '-' && std::all_of(id.begin(), id.end(), allowed);
}

/// A calendar date in ISO form, checked day by day (no 2025-02-30).
std::optional<std::chrono::year_month_day> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(std::stoi(text.substr(0, 4))),
                                   std::chrono::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
                                   std::chrono::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
  if (!date.ok()) return std::nullopt;
  return date;
}

Result<GatesFile> read_gates(const std::filesystem::path& file, const YAML::Node& root) {
  GatesFile out;
  const YAML::Node gates = root["gates"];
  for (size_t i = 0; i < gates.size(); ++i) {
    const YAML::Node g = gates[i];
    std::string key = "gates[" + std::to_string(i) + "]";
    GateSpec spec{g["id"].Scalar(), g["check"].Scalar()};
    if (!is_valid_id(spec.id))
      return Error{where(file, g["id"], key + ".id") + "'" + spec.id + "' must be lower-case letters, digits and '-'"};
    for (const auto& earlier : out.gates)
      if (earlier.id == spec.id)
        return Error{where(file, g["id"], key + ".id") + "gate '" + spec.id + "' is defined twice"};
    if (g["fail_on"]) spec.fail_on = g["fail_on"].Scalar();
    if (g["path"]) spec.path = g["path"].Scalar();
    if (g["minimum"]) spec.minimum = g["minimum"].as<double>();
    out.gates.push_back(spec);
  }
  const YAML::Node waivers = root["waivers"];
  for (size_t i = 0; i < waivers.size(); ++i) {
    const YAML::Node w = waivers[i];
    std::string key = "waivers[" + std::to_string(i) + "]";
    WaiverSpec spec{w["gate"].Scalar(), w["reason"].Scalar(), w["expires"].Scalar()};
    if (spec.reason.size() < kMinimumReasonLength)
      return Error{where(file, w["reason"], key + ".reason") + "say why releasing anyway is acceptable (at least " +
                   std::to_string(kMinimumReasonLength) + " characters)"};
    if (!parse_date(spec.expires))
      return Error{where(file, w["expires"], key + ".expires") + "'" + spec.expires + "' is not a date (YYYY-MM-DD)"};
    auto named = [&](const GateSpec& g) { return g.id == spec.gate; };
    if (std::none_of(out.gates.begin(), out.gates.end(), named))
      return Error{where(file, w["gate"], key + ".gate") + "no gate is called '" + spec.gate + "'"};
    out.waivers.push_back(spec);
  }
  return out;
}

Result<GatesFile> load_gates(const std::filesystem::path& file) {
  auto text = util::read_file(file);
  if (!text) return Error{file.string() + ": cannot read the gates file: " + text.error().message};
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return Error{file.string() + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg};
  }
  static const nlohmann::json schema = nlohmann::json::parse(embedded_schemas().at("gates.schema.json"));
  if (!root || !root.IsMap())
    return Error{file.string() + ":1: expected a mapping with schema_version, gates, waivers"};
  if (auto v = config::check_against_schema(root, schema)) {
    std::string key = v->key.empty() ? "" : " key '" + v->key + "':";
    return Error{file.string() + ":" + std::to_string(v->line) + ":" + key + " " + v->problem};
  }
  if (root["schema_version"].Scalar() != "1.0")
    return Error{where(file, root["schema_version"], "schema_version") + "must be \"1.0\""};
  try {
    return read_gates(file, root);
  } catch (const YAML::Exception& e) {
    return Error{file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
  }
}

CheckOutcome judge(const GateSpec& gate, const std::filesystem::path& root, const ReadinessArtifacts& artifacts) {
  if (gate.check == "tests") return check_tests(root, artifacts.test_reports);
  if (gate.check == "review") return check_review(root, artifacts.review_report, gate.fail_on);
  if (gate.check == "sbom") return check_sbom(root, gate.path);
  return check_coverage(root, artifacts.coverage_report, gate.minimum);
}

std::string iso_date(std::chrono::system_clock::time_point t) {
  std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(t)};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buffer;
}

/// Waives a failed gate with the first waiver still in force; an expired one
/// is mentioned so the team knows why it no longer helps.
void apply_waivers(GateVerdict& verdict, const std::vector<WaiverSpec>& waivers, const std::string& today) {
  std::vector<std::string> expired;
  for (const auto& w : waivers) {
    if (w.gate != verdict.id) continue;
    // The expiry date is the last day the waiver applies; ISO dates compare as text.
    if (!w.expires.empty() && w.expires < today) {
      expired.push_back(w.expires);
      continue;
    }
    verdict.waived = true;
    verdict.waiver_reason = w.reason;
    verdict.waiver_expires = w.expires;
    return;
  }
  for (const auto& date : expired) verdict.detail += "; waiver expired " + date;
}

}  // namespace

bool ReadinessReport::passed() const {
  return std::all_of(gates.begin(), gates.end(), [](const GateVerdict& g) { return g.passed || g.waived; });
}

Result<ReadinessReport> evaluate_readiness(const std::filesystem::path& gates_file, const std::filesystem::path& root,
                                           const ReadinessArtifacts& artifacts,
                                           const std::vector<CommandLineWaiver>& waivers,
                                           std::chrono::system_clock::time_point today) {
  auto file = load_gates(gates_file);
  if (!file) return file.error();
  std::vector<WaiverSpec> all = file->waivers;
  for (const auto& w : waivers) {
    auto named = [&](const GateSpec& g) { return g.id == w.gate; };
    if (std::none_of(file->gates.begin(), file->gates.end(), named))
      return Error{"--waive: no gate is called '" + w.gate + "' in " + gates_file.string(), true};
    // Command-line waivers come first: they are this release's explicit decision.
    all.insert(all.begin(), WaiverSpec{w.gate, w.reason, ""});
  }
  ReadinessReport report;
  report.gates_file = gates_file;
  std::string date = iso_date(today);
  for (const auto& gate : file->gates) {
    CheckOutcome outcome = judge(gate, root, artifacts);
    GateVerdict verdict{gate.id, gate.check, outcome.passed, outcome.detail};
    if (!verdict.passed) apply_waivers(verdict, all, date);
    report.gates.push_back(std::move(verdict));
  }
  return report;
}

}  // namespace copilot::release
