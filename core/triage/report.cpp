// The triage report's JSON shape; schemas/triage.schema.json documents it.
#include "triage/triage.h"

namespace copilot::triage {
namespace {

constexpr FailureKind kKinds[] = {FailureKind::test_failure, FailureKind::test_error,    FailureKind::compile_error,
                                  FailureKind::link_error,   FailureKind::build_failure, FailureKind::crash};

}  // namespace

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::test_failure: return "test_failure";
    case FailureKind::test_error: return "test_error";
    case FailureKind::compile_error: return "compile_error";
    case FailureKind::link_error: return "link_error";
    case FailureKind::build_failure: return "build_failure";
    case FailureKind::crash: return "crash";
  }
  return "test_failure";
}

bool TriageReport::recognized() const {
  for (const auto& log : logs)
    if (!log.tools.empty()) return true;
  return false;
}

size_t TriageReport::unlinked_files() const {
  size_t n = 0;
  for (const auto& g : groups) n += !g.linked && !g.failure.file.empty();
  return n;
}

nlohmann::json to_json(const TriageReport& report) {
  using nlohmann::json;
  json by_kind = json::object();
  for (auto k : kKinds) by_kind[std::string(to_string(k))] = 0;
  json groups = json::array();
  for (const auto& g : report.groups) {
    const Failure& f = g.failure;
    by_kind[std::string(to_string(f.kind))] = by_kind[std::string(to_string(f.kind))].get<size_t>() + g.count;
    json occurrences = json::array();
    for (const auto& o : g.occurrences)
      occurrences.push_back({{"log", o.log}, {"log_line", o.log_line}, {"line", o.line}, {"column", o.column}});
    groups.push_back({{"fingerprint", g.fingerprint},
                      {"kind", to_string(f.kind)},
                      {"tool", f.tool},
                      {"test", f.test},
                      {"file", g.file},
                      {"linked", g.linked},
                      {"path_in_log", f.file},
                      {"link_note", g.link_note},
                      {"line", f.line},
                      {"column", f.column},
                      {"message", f.message},
                      {"detail", f.detail},
                      {"count", g.count},
                      {"occurrences", std::move(occurrences)}});
  }
  json logs = json::array();
  for (const auto& l : report.logs)
    logs.push_back({{"name", l.name}, {"lines", l.lines}, {"tools", l.tools}, {"failures", l.failures}});
  return {{"schema_version", "1.0"},
          {"tool", {{"name", "copilot"}, {"version", COPILOT_VERSION}}},
          {"root", report.root},
          {"summary",
           {{"failures", report.failures},
            {"groups", report.groups.size()},
            {"unlinked_files", report.unlinked_files()},
            {"recognized", report.recognized()},
            {"by_kind", std::move(by_kind)}}},
          {"logs", std::move(logs)},
          {"groups", std::move(groups)}};
}

}  // namespace copilot::triage
