// --verify: run what was generated, take out what fails, run again.
#include <map>
#include <set>

#include "testgen/markers.h"
#include "testgen/work.h"
#include "util/files.h"

namespace copilot::testgen {
namespace {

namespace fs = std::filesystem;

// Test function name → id of the generated block that defines it.
std::map<std::string, std::string> tests_by_block(const LanguageSupport& lang, const std::string& text) {
  std::map<std::string, std::string> out;
  for (const auto& b : scan_markers(text, lang.comment).blocks)
    for (const auto& name : lang.test_names(std::string_view(text).substr(b.begin, b.end - b.begin))) out[name] = b.id;
  return out;
}

CaseResult* case_result(ModuleWork& w, const std::string& id) {
  for (auto& u : w.result.units)
    for (auto& c : u.cases)
      if (c.id == id) return &c;
  return nullptr;
}

fs::path absolute_test_file(const RunContext& ctx, const ModuleWork& w) {
  fs::path p(w.result.test_file);
  return p.is_absolute() ? p : ctx.root / p;
}

// True when every test in the text is between markers: nothing of the user's would be lost.
bool only_generated(const LanguageSupport& lang, const std::string& text) {
  std::string outside;
  size_t at = 0;
  for (const auto& b : scan_markers(text, lang.comment).blocks) {
    outside += text.substr(at, b.begin - at);
    at = b.end;
  }
  outside += text.substr(at);
  return lang.test_names(outside).empty();
}

// A test file that does not collect goes: deleted when it holds only generated
// tests, else put back as it was before this run.
void restore(const RunContext& ctx, ModuleWork& w, const std::string& why) {
  std::error_code ec;
  fs::path file = absolute_test_file(ctx, w);
  if (w.existed && !only_generated(*w.lang, w.previous_text))
    (void)util::write_file_atomic(file, w.previous_text);
  else
    fs::remove(file, ec);
  w.result.status = "removed";
  w.result.reason = why;
  w.result.tests_added = 0;
  w.touched = false;
}

// Removes the generated tests that failed; returns how many outcomes went.
int prune(const RunContext& ctx, ModuleWork& w, const std::vector<const TestOutcome*>& failures) {
  fs::path file = absolute_test_file(ctx, w);
  auto text = util::read_file(file);
  if (!text) return 0;
  auto blocks = tests_by_block(*w.lang, *text);
  int removed = 0;
  for (const auto* f : failures) {
    auto it = blocks.find(f->test);
    if (it == blocks.end()) continue;  // the user's own test: not ours to touch
    std::string why = "failed under --verify: " + (f->message.empty() ? f->outcome : f->message);
    for (char& c : why)
      if (c == '\n' || c == '\r') c = ' ';
    bool gone = !f->label.empty() &&
                remove_row(*text, w.lang->comment, it->second, w.lang->row_needle(f->label), w.lang->any_row, why);
    if (!gone) gone = remove_block(*text, w.lang->comment, it->second, why);
    if (CaseResult* c = case_result(w, it->second)) {
      c->status = gone && scan_markers(*text, w.lang->comment).removed.count(it->second) ? "removed" : c->status;
      c->detail = why;
      if (!f->label.empty() && c->rows > 0) --c->rows;
    }
    ++removed;
  }
  if (removed) (void)util::write_file_atomic(file, *text);
  return removed;
}

}  // namespace

Result<VerifySummary> verify(const RunContext& ctx, std::vector<ModuleWork>& work) {
  VerifySummary summary;
  std::map<const LanguageSupport*, std::vector<ModuleWork*>> by_lang;
  for (auto& w : work)
    if (w.touched) by_lang[w.lang].push_back(&w);
  for (auto& [lang, modules] : by_lang) {
    auto files_of = [&] {
      std::vector<std::string> files;
      for (auto* w : modules)
        if (w->touched) files.push_back(w->result.test_file);
      return files;
    };
    auto first = lang->run_tests(ctx, files_of());
    if (!first) return first.error();
    summary.files_run += static_cast<int>(modules.size());
    for (auto* w : modules) {
      auto bad = first->collect_errors.find(w->result.test_file);
      if (bad != first->collect_errors.end()) {
        restore(ctx, *w, "did not collect: " + bad->second);
        continue;
      }
      ++summary.files_collected;
      auto text = util::read_file(absolute_test_file(ctx, *w));
      auto blocks = text ? tests_by_block(*lang, *text) : std::map<std::string, std::string>{};
      std::vector<const TestOutcome*> failures;
      for (const auto& o : first->outcomes) {
        if (o.file != w->result.test_file || !blocks.count(o.test)) continue;
        ++summary.collected;
        if (o.outcome == "failed" || o.outcome == "error") failures.push_back(&o);
      }
      summary.removed += prune(ctx, *w, failures);
    }
    if (files_of().empty()) continue;
    // Second run: what is left should pass; anything still failing (flaky, order-dependent) goes too.
    auto second = lang->run_tests(ctx, files_of());
    if (!second) return second.error();
    for (auto* w : modules) {
      if (!w->touched) continue;
      auto text = util::read_file(absolute_test_file(ctx, *w));
      auto blocks = text ? tests_by_block(*lang, *text) : std::map<std::string, std::string>{};
      std::vector<const TestOutcome*> failures;
      std::map<std::string, int> passed_rows;
      for (const auto& o : second->outcomes) {
        if (o.file != w->result.test_file || !blocks.count(o.test)) continue;
        if (o.outcome == "passed") {
          ++summary.passed;
          ++passed_rows[blocks[o.test]];
        } else if (o.outcome == "skipped") {
          ++summary.skipped;
        } else {
          failures.push_back(&o);
        }
      }
      summary.removed += prune(ctx, *w, failures);
      for (auto& [id, rows] : passed_rows)
        if (CaseResult* c = case_result(*w, id); c && c->status != "removed") {
          c->status = "passed";
          c->rows = rows;
        }
    }
  }
  return summary;
}

}  // namespace copilot::testgen
