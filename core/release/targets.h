#pragma once
// One factory per target kind; targets.cpp lists them.
#include <memory>

#include "release/target.h"

namespace copilot::release {

Result<std::unique_ptr<Target>> make_nginx_target(const TargetSettings& settings);
Result<std::unique_ptr<Target>> make_command_target(const TargetSettings& settings);

}  // namespace copilot::release
