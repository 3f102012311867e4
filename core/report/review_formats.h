#pragma once
// Writers for `copilot review` findings. Each format lives in its own
// review_<name>.cpp; the table that names them is in review_formats.cpp.
// Writers return the whole output; printing and files are the caller's job.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch.h"
#include "report/combined.h"
#include "review/finding.h"

namespace copilot::report {

struct WriterOptions {
  bool color = false;
  /// Absolute path of the repository root; formats that want URIs use it.
  std::string source_root;
  /// Optional: returns the text of a repository-relative file, for code frames
  /// and exact regions. May be null; writers then fall back to Finding::snippet.
  std::function<std::string(const std::string& file)> read_file;
};

/// Options for a repository's findings, whose paths are relative to `root`:
/// the writers read its files for code frames and exact regions.
WriterOptions options_for_root(const std::filesystem::path& root, bool color);

/// One repository's review, as a combined report (several repositories) needs it.
struct RepoReview {
  review::ReviewResult result;
  std::filesystem::path root;  ///< the directory finding paths are relative to
};
using ReviewResults = batch::Results<RepoReview>;

struct ReviewFormat {
  const char* name;
  const char* extension;  ///< without the dot
  const char* description;
  std::string (*render)(const review::ReviewResult&, const WriterOptions&);
  /// The same format over several repositories, in one document.
  std::string (*combine)(const ReviewResults&, const CombinedOptions&);
};

/// Every output format, in the order help text lists them.
const std::vector<ReviewFormat>& review_formats();
/// nullptr when no format has this name.
const ReviewFormat* find_review_format(std::string_view name);
/// "text, json, sarif, ..."
std::string review_format_names();

std::string write_review_text(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_json(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_sarif(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_github(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_gitlab(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_checkstyle(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_junit(const review::ReviewResult& result, const WriterOptions& options);
std::string write_review_markdown(const review::ReviewResult& result, const WriterOptions& options);

std::string combine_review_text(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_json(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_sarif(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_github(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_gitlab(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_checkstyle(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_junit(const ReviewResults& results, const CombinedOptions& options);
std::string combine_review_markdown(const ReviewResults& results, const CombinedOptions& options);

/// Helpers the writers share; exposed so tests can pin their escaping.
namespace review_detail {

/// Replaces each invalid UTF-8 sequence with U+FFFD, so JSON and XML writers
/// never fail or emit malformed documents on odd source bytes.
std::string valid_utf8(std::string_view s);
/// XML character data (attribute = false) or attribute value (attribute = true).
/// Drops characters XML 1.0 cannot carry; keeps newlines in attributes as &#10;.
std::string xml_escape(std::string_view s, bool attribute);
/// GitHub workflow-command escaping: message data, and property values.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);
/// 1-based UTF-16 column of a 1-based byte column within `line`.
int utf16_column(std::string_view line, int byte_column);
/// Number of code points in `s` (display width, ignoring wide characters).
int code_points(std::string_view s);
/// Finding::fingerprint, or a hash of rule, file and trimmed snippet when a
/// producer left it empty: consumers key on it, so it is never blank.
std::string fingerprint_of(const review::Finding& f);
/// Percent-encodes a '/'-separated path for use in a URI.
std::string uri_encode_path(std::string_view path);
/// Markdown table cell text: punctuation escaped so it renders literally, newlines as <br>.
std::string markdown_cell(std::string_view raw);
/// A code span that survives a Markdown table cell.
std::string markdown_code(std::string_view raw);

/// Every repository's findings and notes in one result, in list order, with
/// paths prefixed by the repository's path from options.cwd (path_prefix), and
/// fingerprints made distinct per repository: for formats that name files of
/// one checkout (annotations, Checkstyle, GitLab).
review::ReviewResult merged_from_cwd(const ReviewResults& results, const CombinedOptions& options);
/// Writer options for merged_from_cwd's paths (read below options.cwd).
WriterOptions merged_options(const CombinedOptions& options);
/// The totals table of a combined review: files reviewed and findings by severity.
Totals review_totals(const ReviewResults& results);

/// The Markdown table of findings by severity (rows) and agent (columns).
std::string markdown_counts(const review::ReviewResult& result);
/// A Markdown table of `findings` in the order given, at most `max_rows` rows,
/// then a line saying how many more there are.
std::string markdown_findings(const std::vector<const review::Finding*>& findings, size_t max_rows);

/// Lines of repository files, read once each through WriterOptions::read_file,
/// with Finding::snippet as the fallback for a finding's own start line.
class SourceLines {
 public:
  explicit SourceLines(const WriterOptions& options) : options_(options) {}
  /// The text of `line` (1-based) in `file`, or nullptr when unknown.
  const std::string* line(const std::string& file, int line);
  /// Same, falling back to `f.snippet` for the finding's start line.
  const std::string* line(const review::Finding& f, const std::string& file, int line);

 private:
  const WriterOptions& options_;
  std::map<std::string, std::vector<std::string>> files_;
};

}  // namespace review_detail
}  // namespace copilot::report
