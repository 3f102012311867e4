#pragma once
// The plan target table, and rendering one target's templates. A target is a
// folder templates/<target>/ with an index (target.yaml) naming its templates
// and the paths they render to, plus one row in the table below.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plan/plan.h"
#include "plan/templates.h"

namespace copilot::plan {

struct TargetRow {
  const char* name;
  const char* summary;
  bool (*fits)(const nlohmann::json& context);  ///< whether a default plan includes it
};

/// The targets, in the order plans list them.
const std::vector<TargetRow>& target_table();
const TargetRow* find_target(const std::string& name);

/// Renders templates/<target>/target.yaml's files against `context`.
Result<std::vector<PlanFile>> render_target(const std::string& target, const TemplateSet& templates,
                                            const nlohmann::json& context);

}  // namespace copilot::plan
