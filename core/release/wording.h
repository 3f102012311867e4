#pragma once
// Counts as release reports word them: "1,240 lines", "1 file".
#include <cstdint>
#include <string>

namespace copilot::release {

/// "1,240"
std::string grouped(int64_t n);
/// "1 test", "1,240 tests"
std::string plural(int64_t n, const char* noun);

}  // namespace copilot::release
