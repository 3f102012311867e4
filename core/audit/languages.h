#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/input.h"

namespace copilot::audit {

struct LanguageTotals {
  std::string name;
  int64_t files = 0;
  int64_t code = 0;
  int64_t comment = 0;
  int64_t blank = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LanguageTotals, name, files, code, comment, blank)

struct SkippedCounts {
  int64_t vendored = 0, generated = 0, minified = 0, lock = 0, binary = 0, too_large = 0, unknown = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(SkippedCounts, vendored, generated, minified, lock, binary, too_large, unknown)

struct LanguagesSection {
  std::vector<LanguageTotals> languages;  ///< by code lines, descending
  LanguageTotals total;
  SkippedCounts skipped;
};

/// Counts lines per language over analysed files, in parallel.
LanguagesSection count_languages(const AuditInput& input);

}  // namespace copilot::audit
