// The gen-tests report as JSON (schemas/gen-tests.schema.json), text, and the test matrix.
#include <fmt/format.h>

#include <cmath>

#include "testgen/testgen.h"

namespace copilot::testgen {
namespace {

nlohmann::json coverage_json(const FileCoverage& c) {
  auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
  return {{"before", round2(c.before)},
          {"after", round2(c.after)},
          {"gain", round2(c.after - c.before)},
          {"statements", c.statements}};
}

}  // namespace

nlohmann::json to_json(const GenTestsReport& r) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files) {
    nlohmann::json units = nlohmann::json::array();
    for (const auto& u : f.units) {
      nlohmann::json cases = nlohmann::json::array();
      for (const auto& c : u.cases) {
        nlohmann::json jc = {{"id", c.id}, {"kind", c.kind}, {"status", c.status}, {"rows", c.rows}};
        if (!c.detail.empty()) jc["detail"] = c.detail;
        cases.push_back(jc);
      }
      nlohmann::json ju = {{"unit", u.unit}, {"line", u.line}, {"cases", cases}};
      if (!u.skipped.empty()) ju["skipped"] = u.skipped;
      units.push_back(ju);
    }
    nlohmann::json jf = {{"source", f.source}, {"test_file", f.test_file},     {"framework", f.framework},
                         {"status", f.status}, {"tests_added", f.tests_added}, {"units", units}};
    if (!f.reason.empty()) jf["reason"] = f.reason;
    if (f.coverage) jf["coverage"] = coverage_json(*f.coverage);
    files.push_back(jf);
  }
  nlohmann::json summary = {{"files", r.files.size()},
                            {"units", r.units},
                            {"tests_generated", r.tests_generated},
                            {"skeletons", r.skeletons},
                            {"units_skipped", r.units_skipped},
                            {"characterized", r.characterized}};
  nlohmann::json j = {{"schema_version", kSchemaVersion},
                      {"root", r.root},
                      {"out", r.out},
                      {"summary", summary},
                      {"files", files},
                      {"notes", r.notes}};
  if (r.verify) {
    const auto& v = *r.verify;
    j["verify"] = {{"files_run", v.files_run}, {"files_collected", v.files_collected},
                   {"collected", v.collected}, {"passed", v.passed},
                   {"removed", v.removed},     {"skipped", v.skipped}};
  }
  if (r.coverage_total) j["coverage"] = coverage_json(*r.coverage_total);
  if (r.llm) j["llm"] = *r.llm;
  return j;
}

std::string render_text(const GenTestsReport& r) {
  std::string out;
  for (const auto& f : r.files) {
    if (f.status == "skipped" || f.status == "removed") {
      out += fmt::format("{}: {} ({})\n", f.source, f.status, f.reason);
      continue;
    }
    out += fmt::format("{} -> {}: {}, {} test{} added", f.source, f.test_file, f.status, f.tests_added,
                       f.tests_added == 1 ? "" : "s");
    if (f.coverage)
      out += fmt::format(", coverage {:.1f}% -> {:.1f}% ({:+.1f})", f.coverage->before, f.coverage->after,
                         f.coverage->after - f.coverage->before);
    out += "\n";
    for (const auto& u : f.units)
      if (!u.skipped.empty()) out += fmt::format("  skipped {}: {}\n", u.unit, u.skipped);
  }
  for (const auto& n : r.notes) out += "note: " + n + "\n";
  if (r.llm) out += llm::summary_line(*r.llm) + "\n";
  out += fmt::format("\n{} files, {} units, {} tests generated ({} skeletons), {} units without a concrete test\n",
                     r.files.size(), r.units, r.tests_generated, r.skeletons, r.units_skipped);
  if (r.verify)
    out += fmt::format("verify: {} of {} files collected; {} tests collected, {} passed, {} removed, {} skipped\n",
                       r.verify->files_collected, r.verify->files_run, r.verify->collected, r.verify->passed,
                       r.verify->removed, r.verify->skipped);
  if (r.coverage_total)
    out += fmt::format("coverage: {:.1f}% -> {:.1f}% of {} statements ({:+.1f})\n", r.coverage_total->before,
                       r.coverage_total->after, r.coverage_total->statements,
                       r.coverage_total->after - r.coverage_total->before);
  return out;
}

nlohmann::json matrix_json(const GenTestsReport& r) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& f : r.files)
    for (const auto& u : f.units) {
      for (const auto& c : u.cases)
        rows.push_back({{"file", f.source},
                        {"unit", u.unit.empty() ? "(module)" : u.unit},
                        {"case", c.id},
                        {"kind", c.kind},
                        {"status", c.status},
                        {"rows", c.rows},
                        {"detail", c.detail}});
      if (u.cases.empty())
        rows.push_back({{"file", f.source},
                        {"unit", u.unit},
                        {"case", ""},
                        {"kind", ""},
                        {"status", "skipped"},
                        {"rows", 0},
                        {"detail", u.skipped}});
    }
  return {{"schema_version", kSchemaVersion}, {"matrix", rows}};
}

std::string matrix_markdown(const GenTestsReport& r) {
  auto cell = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
  };
  std::string out = "# Test matrix\n\n| file | unit | case | kind | status | detail |\n|---|---|---|---|---|---|\n";
  nlohmann::json matrix = matrix_json(r);
  for (const auto& row : matrix["matrix"])
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", cell(row["file"]), cell(row["unit"]), cell(row["case"]),
                       cell(row["kind"]), cell(row["status"]), cell(row["detail"]));
  return out;
}

}  // namespace copilot::testgen
