// What the combined review writers share: the options a repository's own
// writer gets, one result over every repository for formats that name files
// of a checkout, and the totals table.
#include <map>

#include "report/review_formats.h"
#include "util/files.h"
#include "util/hash.h"

namespace copilot::report {
WriterOptions options_for_root(const std::filesystem::path& root, bool color) {
  WriterOptions options;
  options.color = color;
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(root, ec);
  options.source_root = canonical.string();
  options.read_file = [canonical](const std::string& file) {
    auto text = util::read_file(canonical / file);
    return text ? std::move(*text) : std::string();
  };
  return options;
}

namespace review_detail {

WriterOptions merged_options(const CombinedOptions& options) {
  return options_for_root(options.cwd, options.color);
}

review::ReviewResult merged_from_cwd(const ReviewResults& results, const CombinedOptions& options) {
  review::ReviewResult merged;
  merged.tool_version = COPILOT_VERSION;
  merged.scope = "batch";
  std::map<std::string, review::RuleInfo> rules;
  for (size_t i = 0; i < results.reports.size(); ++i) {
    if (!results.reports[i]) continue;
    const review::ReviewResult& r = results.reports[i]->result;
    std::string prefix = path_prefix(results.reports[i]->root, options.cwd);
    auto from_cwd = [&](std::string& file) {
      if (!file.empty()) file = prefix + file;
    };
    for (review::Finding f : r.findings) {
      // Two repositories may hold the same finding; consumers key on this.
      if (!prefix.empty()) f.fingerprint = util::hash_hex(prefix + '\0' + review_detail::fingerprint_of(f));
      from_cwd(f.location.file);
      if (f.fix) from_cwd(f.fix->range.file);
      for (auto& step : f.flow) from_cwd(step.location.file);
      merged.findings.push_back(std::move(f));
    }
    for (Diagnostic n : r.notes) {
      if (n.file.empty())
        n.message = results.outcomes[i].repo.path + ": " + n.message;
      else
        from_cwd(n.file);
      merged.notes.push_back(std::move(n));
    }
    for (const auto& rule : r.rules) rules.emplace(rule.id, rule);
    merged.files_reviewed += r.files_reviewed;
    merged.suppressed_inline += r.suppressed_inline;
    merged.suppressed_baseline += r.suppressed_baseline;
    merged.filtered_by_diff += r.filtered_by_diff;
    merged.below_confidence += r.below_confidence;
  }
  for (auto& [id, rule] : rules) merged.rules.push_back(std::move(rule));
  return merged;
}

Totals review_totals(const ReviewResults& results) {
  Totals t;
  t.columns = {{"files"}, {"findings"}, {"critical"}, {"high"}, {"medium"}, {"low"}, {"info"}};
  t.row = [&results](size_t i) {
    const review::ReviewResult& r = results.reports[i]->result;
    std::vector<long long> row(7, 0);
    row[0] = r.files_reviewed;
    row[1] = static_cast<long long>(r.findings.size());
    for (const auto& f : r.findings) ++row[2 + (4 - static_cast<int>(f.severity))];
    return row;
  };
  return t;
}

}  // namespace review_detail
}  // namespace copilot::report
