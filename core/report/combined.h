#pragma once
// One report over several repositories (a batch run): the parts every command
// shares. A command's combined writers wrap its own per-repository writers
// with these, so the usual report of each repository appears unchanged inside.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch.h"

namespace copilot::report {

inline constexpr const char* kCombinedSchemaVersion = "1.0";

struct CombinedOptions {
  bool color = false;
  /// Formats that name files for a checkout (annotations, Checkstyle) make
  /// repository paths relative to this directory, normally the current one.
  std::filesystem::path cwd;
};

/// A column of the totals table: a count per repository, summed in the last row unless not `summed`.
struct TotalsColumn {
  std::string name;
  bool summed = true;
};
struct Totals {
  std::vector<TotalsColumn> columns;
  /// The values of repository `i` (one that has a report), one per column.
  std::function<std::vector<long long>(size_t i)> row;
};

/// {"schema_version", "tool", "command", "summary", "repositories": [{"path",
/// "listed_at", "status", and "error" or "report"}]} (schemas/batch.schema.json);
/// `report(i)` is repository i's usual JSON report.
std::string combined_json(std::string_view command, const std::vector<batch::Outcome>& outcomes,
                          const std::function<nlohmann::json(size_t i)>& report);

/// A section per repository (`section(i)`, its usual text, or its error), then the totals table.
std::string combined_text(std::string_view command, const std::vector<batch::Outcome>& outcomes,
                          const std::function<std::string(size_t i)>& section, const Totals& totals, bool color);

/// The totals table, then a section per repository: `section(i)` is its usual
/// Markdown, whose title gives way to the repository's and whose headings move one level down.
std::string combined_markdown(std::string_view command, const std::vector<batch::Outcome>& outcomes,
                              const std::function<std::string(size_t i)>& section, const Totals& totals);

/// `dir` relative to `cwd` with a trailing '/', or "" when it is `cwd`: what
/// goes before a repository's paths where paths must resolve from the checkout.
std::string path_prefix(const std::filesystem::path& dir, const std::filesystem::path& cwd);

/// "ok", "gate failed", "error": the status as people read it.
std::string_view status_words(batch::Status s);

}  // namespace copilot::report
