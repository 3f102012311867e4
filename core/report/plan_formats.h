#pragma once
// Writers for the plan summary: text for a terminal, JSON (schemas/plan.schema.json).
#include <string>
#include <string_view>

namespace copilot::plan {
struct Blueprint;
}

namespace copilot::report {

bool is_plan_format(std::string_view name);
/// "text, json"
std::string plan_format_names();
std::string render_plan(const plan::Blueprint& blueprint, std::string_view format, bool color);

std::string plan_to_text(const plan::Blueprint& blueprint, bool color);
std::string plan_to_json(const plan::Blueprint& blueprint, bool color);

}  // namespace copilot::report
