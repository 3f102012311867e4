// --coverage: the project's own tests alone, then with the generated ones.
#include <map>

#include "testgen/work.h"
#include "util/strings.h"

namespace copilot::testgen {

Result<FileCoverage> measure_coverage(const RunContext& ctx, std::vector<ModuleWork>& work,
                                      const std::vector<workspace::FileEntry>& files, const std::string& out_rel,
                                      std::vector<std::string>& notes) {
  FileCoverage total;
  double covered_before = 0, covered_after = 0;
  std::map<const LanguageSupport*, std::vector<ModuleWork*>> by_lang;
  for (auto& w : work)
    if (w.module.skip_reason.empty()) by_lang[w.lang].push_back(&w);
  for (auto& [lang, modules] : by_lang) {
    if (!lang->coverage) {
      notes.push_back("--coverage is not measured for " + std::string(lang->framework) + " tests yet");
      continue;
    }
    std::vector<std::string> own_tests, sources;
    for (const auto& f : files) {
      bool in_out = !out_rel.empty() && util::starts_with(f.path, out_rel + "/");
      if (!in_out && f.language && f.language->id == lang->language && lang->is_test_file(f.path))
        own_tests.push_back(f.path);
    }
    for (auto* w : modules) sources.push_back(w->module.path);
    std::vector<std::string> with_generated = own_tests;
    for (auto* w : modules)
      if (w->touched) with_generated.push_back(w->result.test_file);
    auto before = lang->coverage(ctx, own_tests, sources);
    if (!before) return before.error();
    auto after = lang->coverage(ctx, with_generated, sources);
    if (!after) return after.error();
    for (auto* w : modules) {
      FileCoverage fc;
      const FileCoverage& b = (*before)[w->module.path];
      const FileCoverage& a = (*after)[w->module.path];
      fc.before = b.after;  // each run reports its own percentage in `after`
      fc.after = a.after;
      fc.statements = std::max(a.statements, b.statements);
      w->result.coverage = fc;
      total.statements += fc.statements;
      covered_before += fc.before * fc.statements / 100.0;
      covered_after += fc.after * fc.statements / 100.0;
    }
  }
  if (total.statements > 0) {
    total.before = 100.0 * covered_before / total.statements;
    total.after = 100.0 * covered_after / total.statements;
  }
  return total;
}

}  // namespace copilot::testgen
