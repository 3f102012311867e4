#pragma once
// Inline suppressions: `copilot-ignore[rule-id]: reason` on the line or the line above.
#include <string_view>
#include <vector>

#include "review/finding.h"

namespace copilot::review {

/// True when `line` (1-based) or the line above carries an ignore marker for `rule_id`.
bool suppressed_inline(std::string_view source, int line, std::string_view rule_id);

}  // namespace copilot::review
