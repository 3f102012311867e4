#pragma once
// Code checks: findings that need code rather than a query (sizes, complexity,
// layer rules). Each check is one file; the table is in checks.cpp.
#include <memory>
#include <vector>

#include "config/config.h"
#include "review/engine.h"
#include "review/finding.h"

namespace copilot::review {

struct FunctionMetrics {
  TSNode node;
  int lines = 0;
  int parameters = -1;  ///< -1 when the function has no parameter list
  int complexity = 1;   ///< cyclomatic: 1 + decision points, nested functions excluded
};

struct CheckContext {
  const SourceUnit& unit;
  const config::Config& config;
  /// Filled on first use by function_metrics(), shared by the checks of one file.
  mutable std::shared_ptr<std::vector<FunctionMetrics>> functions = nullptr;
};

/// Every function of the file with its size, parameters and complexity, from one tree walk.
const std::vector<FunctionMetrics>& function_metrics(const CheckContext& ctx);

struct Check {
  RuleInfo info;
  double confidence;
  void (*run)(const CheckContext&, const Check& self, std::vector<Finding>& out);
};

/// Every code check, in a fixed order.
const std::vector<Check>& code_checks();

/// Threshold from `review.thresholds`, or the default.
int threshold(const config::Config& config, const char* name, int fallback);

/// Function-like nodes of a grammar (definitions, methods, lambdas with bodies).
bool is_function_node(const char* type);

/// The name of a function node, or "<anonymous>".
std::string function_name(const SourceUnit& unit, TSNode fn);

/// Fills a finding from a check's metadata.
Finding check_finding(const Check& check, const SourceUnit& unit, TSNode node, std::string message,
                      std::string_view key_text);

void check_function_size(const CheckContext&, const Check&, std::vector<Finding>&);
void check_complexity(const CheckContext&, const Check&, std::vector<Finding>&);
void check_parameters(const CheckContext&, const Check&, std::vector<Finding>&);
void check_file_size(const CheckContext&, const Check&, std::vector<Finding>&);
void check_layers(const CheckContext&, const Check&, std::vector<Finding>&);

}  // namespace copilot::review
