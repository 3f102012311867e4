#include "report/plan_formats.h"

#include "plan/plan.h"

namespace copilot::report {
namespace {

struct PlanFormat {
  const char* name;
  std::string (*render)(const plan::Blueprint&, bool color);
};
constexpr PlanFormat kFormats[] = {
    {"text", plan_to_text},
    {"json", plan_to_json},
};

}  // namespace

bool is_plan_format(std::string_view name) {
  for (const auto& f : kFormats)
    if (name == f.name) return true;
  return false;
}

std::string plan_format_names() {
  std::string out;
  for (const auto& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

std::string render_plan(const plan::Blueprint& blueprint, std::string_view format, bool color) {
  for (const auto& f : kFormats)
    if (format == f.name) return f.render(blueprint, color);
  return {};
}

std::string plan_to_json(const plan::Blueprint& blueprint, bool) {
  return plan::to_json(blueprint).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace copilot::report
