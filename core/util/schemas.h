#pragma once
#include <map>
#include <string>

namespace copilot {
/// The JSON schemas from schemas/, compiled in: file name → text.
const std::map<std::string, std::string>& embedded_schemas();
}  // namespace copilot
