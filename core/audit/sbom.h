#pragma once
// CycloneDX 1.5 JSON software bill of materials from the audit's stack and
// license sections. Reproducible: no timestamp, serial number derived from content.
#include <string>
#include <string_view>

#include "audit/license.h"
#include "audit/stack.h"

namespace copilot::audit {

/// Package URL for a dependency of `ecosystem` ("pkg:npm/%40scope/name@1.0.0"); "" when none applies.
std::string package_url(std::string_view ecosystem, std::string_view name, std::string_view version);

std::string write_cyclonedx(const StackSection& stack, const LicenseSection& license, std::string_view project_name);

}  // namespace copilot::audit
