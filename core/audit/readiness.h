#pragma once
// The production-readiness checklist and its 0–100 score (docs/READINESS.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "workspace/workspace.h"

namespace copilot::audit {

struct AuditReport;

struct ReadinessItem {
  std::string id;
  std::string title;
  int weight = 0;
  bool passed = false;
  std::string reason;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ReadinessItem, id, title, weight, passed, reason)

struct ReadinessSection {
  int score = 0;  ///< sum of passed weights; the weights add up to 100
  std::vector<ReadinessItem> items;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ReadinessSection, score, items)

ReadinessSection score_readiness(const AuditReport& report, const workspace::Workspace& workspace);

}  // namespace copilot::audit
