#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace copilot::audit {

/// Where a detector saw what it reports.
struct Evidence {
  std::string file;  ///< relative path
  int line = 0;      ///< 1-based; 0 when the whole file is the evidence
  std::string text;  ///< the line, trimmed and cut to 200 characters

  bool operator<(const Evidence& o) const { return std::tie(file, line) < std::tie(o.file, o.line); }
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Evidence, file, line, text)

}  // namespace copilot::audit
