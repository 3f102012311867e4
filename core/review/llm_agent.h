#pragma once
// The llm agent: a language model reviews the changed hunks (split to fit the
// request budget) and its answers become findings in the common shape, with
// the model's confidence. Where a rule already reported the same file,
// overlapping lines and category, the rule's finding stands alone.
#include <string>
#include <string_view>
#include <vector>

#include "llm/chunking.h"
#include "llm/llm.h"
#include "review/finding.h"
#include "util/diagnostics.h"

namespace copilot::review {

struct LlmReviewFile {
  std::string path;
  std::string_view content;
  std::string grammar;                  ///< "" when no grammar knows the file
  std::vector<llm::LineRange> changed;  ///< new-side lines to review
};

/// Findings for one file; problems (unanswered requests, dropped answers,
/// hunks too large) go to `notes` and never stop the review.
std::vector<Finding> llm_review_file(llm::Client& client, const LlmReviewFile& file, Diagnostics& notes);

/// Removes from `model` what `rules` already found: same file, overlapping lines, same category.
void drop_rule_duplicates(std::vector<Finding>& model, const std::vector<Finding>& rules);

/// The rule descriptions of the llm agent's findings, one per category.
const std::vector<RuleInfo>& llm_rules();

}  // namespace copilot::review
