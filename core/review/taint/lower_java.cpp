#include "review/taint/lower.h"

namespace copilot::review::taint {

void lower_java(TSNode, std::string_view, const Budget&, Program& out) {
  out.units.emplace_back();
}

}  // namespace copilot::review::taint
