#include "review/rule_test.h"

#include <map>
#include <mutex>
#include <set>

#include "review/engine.h"
#include "review/taint/taint.h"
#include "review/taint/taint_rule.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/strings.h"
#include "workspace/language.h"

namespace copilot::review {

std::vector<std::pair<int, std::string>> parse_expectations(std::string_view source) {
  std::vector<std::pair<int, std::string>> out;
  auto lines = util::split_lines(source);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    size_t pos = line.find("expect:");
    if (pos == std::string_view::npos) continue;
    // Only inside a comment: the marker follows '#', '//' or '/*'.
    std::string_view before = line.substr(0, pos);
    size_t comment = std::string_view::npos;
    for (std::string_view marker : {"#", "//", "/*", "--"}) {
      size_t at = before.rfind(marker);
      if (at != std::string_view::npos && (comment == std::string_view::npos || at > comment)) comment = at;
    }
    if (comment == std::string_view::npos) continue;
    bool trailing = !util::trim(before.substr(0, comment)).empty();
    int target = static_cast<int>(i) + (trailing ? 1 : 2);
    std::string_view ids = line.substr(pos + 7);
    if (size_t end = ids.find("*/"); end != std::string_view::npos) ids = ids.substr(0, end);
    for (auto id : util::split(ids, ',')) {
      id = util::trim(id);
      if (!id.empty()) out.emplace_back(target, std::string(id));
    }
  }
  return out;
}

RuleTestReport test_rules(const RuleSet& set, unsigned jobs) {
  RuleTestReport report;
  report.rules = static_cast<int>(set.rules.size());
  report.rules += static_cast<int>(set.taint.size());
  std::vector<const Rule*> all;
  for (const auto& r : set.rules) all.push_back(&r);
  std::vector<const TaintRule*> taint;
  for (const auto& t : set.taint) taint.push_back(t.get());
  struct Job {
    std::string id;
    std::vector<std::string> languages;
    std::filesystem::path file;
    bool positive;
  };
  std::vector<Job> jobs_list;
  for (const auto& r : set.rules) {
    if (!r.positive_example.empty()) jobs_list.push_back({r.id, r.languages, r.positive_example, true});
    if (!r.negative_example.empty()) jobs_list.push_back({r.id, r.languages, r.negative_example, false});
  }
  for (const auto& t : set.taint) {
    // Taint queries compile lazily; here every language must compile, not only the examples'.
    for (size_t gi = 0; gi < t->languages.size(); ++gi) {
      std::string error;
      if (!prepare_taint_language(*t, static_cast<int>(gi), &error))
        report.failures.push_back({t->file.string(), 0, error});
    }
    if (!t->positive_example.empty()) jobs_list.push_back({t->id, t->languages, t->positive_example, true});
    if (!t->negative_example.empty()) jobs_list.push_back({t->id, t->languages, t->negative_example, false});
  }
  report.examples = static_cast<int>(jobs_list.size());
  std::mutex mu;
  util::parallel_for(jobs_list.size(), jobs, [&](size_t i) {
    const Job& job = jobs_list[i];
    std::vector<ExampleFailure> failures;
    auto fail = [&](int line, std::string msg) { failures.push_back({job.file.string(), line, std::move(msg)}); };
    auto text = util::read_file(job.file);
    if (!text) {
      fail(0, text.error().message);
    } else {
      std::string_view src = *text;
      const auto* lang = workspace::detect_language(job.file.string(), src.substr(0, src.find('\n')));
      std::string grammar = lang ? std::string(lang->grammar) : "";
      if (std::find(job.languages.begin(), job.languages.end(), grammar) == job.languages.end()) {
        fail(0, "example language '" + grammar + "' is not one of the rule's languages");
      } else if (auto tree = syntax::parse(grammar, src); !tree) {
        fail(0, tree.error().message);
      } else {
        if (tree->has_error()) fail(0, "example does not parse cleanly");
        SourceUnit unit{job.file.string(), grammar, src, &*tree};
        std::set<std::pair<int, std::string>> actual, expected;
        for (const auto& f : run_rules(all, unit)) actual.insert({f.location.start_line, f.rule_id});
        std::vector<std::string> budget_notes;
        for (const auto& f : run_taint_rules(taint, unit, budget_notes))
          actual.insert({f.location.start_line, f.rule_id});
        for (auto& e : parse_expectations(src)) expected.insert(e);
        bool own = false;
        for (const auto& e : expected) own = own || e.second == job.id;
        if (job.positive && !own) fail(0, "positive example marks no '" + job.id + "' finding");
        if (!job.positive && own) fail(0, "negative example must not expect '" + job.id + "'");
        for (const auto& a : actual)
          if (!expected.count(a)) fail(a.first, "unexpected finding of " + a.second);
        for (const auto& e : expected)
          if (!actual.count(e)) fail(e.first, "expected " + e.second + ", got nothing");
      }
    }
    std::lock_guard lock(mu);
    for (auto& f : failures) report.failures.push_back(std::move(f));
  });
  std::sort(report.failures.begin(), report.failures.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.line, a.message) < std::tie(b.file, b.line, b.message);
  });
  return report;
}

}  // namespace copilot::review
