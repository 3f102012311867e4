#pragma once
// The monthly cost estimate: a list-price table (templates/pricing/<cloud>.yaml)
// applied to the plan's services and backing services for each traffic profile.
#include <nlohmann/json.hpp>

#include "plan/plan.h"
#include "plan/templates.h"

namespace copilot::plan {

/// Prices the plan context. Errors name the pricing file and the missing key.
Result<CostEstimate> estimate_cost(const nlohmann::json& context, const std::string& cloud,
                                   const TemplateSet& templates);

/// The estimate as template data (amounts as text with two decimals).
nlohmann::json cost_context(const CostEstimate& estimate);

}  // namespace copilot::plan
