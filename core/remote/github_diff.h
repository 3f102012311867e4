#pragma once
// Which lines of a pull request GitHub accepts review comments on: the new
// side of each hunk of its diff (added lines and the context around them).
// GitHub rejects a whole review with 422 when one comment is elsewhere, so
// the review only anchors comments inside these ranges.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "review/finding.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace copilot::remote::github {

/// Lines `first`..`last` (1-based, inclusive) of the new side of one hunk.
struct LineRange {
  int first = 0;
  int last = 0;
};

/// Path (new side, '/'-separated) → its hunks in order.
using DiffLines = std::map<std::string, std::vector<LineRange>>;

/// The context GitHub's pull-request diff shows around each change (git's default).
constexpr int kDiffContext = 3;

/// The hunks of changes diffed with kDiffContext lines of context; deleted and
/// binary files have none.
DiffLines diff_lines(const std::vector<workspace::FileChange>& changes);

/// The pull request's diff from the local clone at `root`, as GitHub computes
/// it: from the merge base of `base_sha` and `head_sha` to `head_sha`.
Result<DiffLines> pull_request_lines(const std::filesystem::path& root, const std::string& base_sha,
                                     const std::string& head_sha);

/// Where an inline comment for `location` can go: the part of its lines that
/// lies in the first hunk it overlaps (a multi-line comment may not cross
/// hunks). nullopt when no line of it is in the diff.
std::optional<LineRange> comment_anchor(const DiffLines& diff, const review::Location& location);

}  // namespace copilot::remote::github
