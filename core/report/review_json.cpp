#include "report/review_formats.h"

namespace copilot::report {

std::string write_review_json(const review::ReviewResult& result, const WriterOptions&) {
  // Replace rather than throw on invalid UTF-8: a report must never fail on odd source bytes.
  return review::review_to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string combine_review_json(const ReviewResults& results, const CombinedOptions&) {
  return combined_json("review", results.outcomes,
                       [&](size_t i) { return review::review_to_json(results.reports[i]->result); });
}

}  // namespace copilot::report
