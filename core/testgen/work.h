#pragma once
// The state of one source module through a gen-tests run. Internal to testgen/.
#include <string>
#include <vector>

#include "testgen/cases.h"
#include "testgen/language.h"
#include "testgen/testgen.h"
#include "workspace/workspace.h"

namespace copilot::testgen {

struct ModuleWork {
  const LanguageSupport* lang = nullptr;
  ModuleUnits module;
  std::vector<TestCase> cases;
  std::vector<SkippedUnit> skipped;
  FileResult result;
  std::string previous_text;  ///< the test file before this run ("" if new)
  bool existed = false;
  bool touched = false;  ///< written, merged or already ours this run: --verify runs it
};

/// Drops tables that check nothing (no return type, not characterized) and
/// the skeletons of units that have a concrete test; the remaining skeletons'
/// units are listed in `skipped`.
void settle(std::vector<TestCase>& cases, std::vector<SkippedUnit>& skipped);

/// Runs the touched test files, removes generated tests that fail (files that
/// do not collect go back to what they were), runs again and records outcomes.
Result<VerifySummary> verify(const RunContext& ctx, std::vector<ModuleWork>& work);

/// Coverage of the modules in `work` with the project's own tests (before) and
/// with the generated ones too (after); per file and in total.
Result<FileCoverage> measure_coverage(const RunContext& ctx, std::vector<ModuleWork>& work,
                                      const std::vector<workspace::FileEntry>& files, const std::string& out_rel,
                                      std::vector<std::string>& notes);

}  // namespace copilot::testgen
