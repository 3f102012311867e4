#pragma once
// The project's license: recognised from the text of LICENSE/COPYING files,
// with the `license` field of package manifests as supporting or fallback evidence.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct DeclaredLicense {
  std::string file;  ///< manifest path
  int line = 0;
  std::string value;    ///< as written ("MIT", "Apache License 2.0")
  std::string spdx_id;  ///< normalised SPDX expression, "" when unrecognised
};
void to_json(nlohmann::json& j, const DeclaredLicense& d);

struct LicenseSection {
  std::string spdx_id;                    ///< SPDX id or expression; "" when unknown
  std::string file;                       ///< license file it was read from; "" when none
  double confidence = 0;                  ///< 0..1
  std::vector<DeclaredLicense> declared;  ///< manifest `license` fields, by file
};
void to_json(nlohmann::json& j, const LicenseSection& s);

/// Identifies a license text; returns "" when unrecognised. `confidence` gets 0..1.
std::string identify_license_text(std::string_view text, double& confidence);

/// Maps a declared license name to SPDX ("Apache 2.0" → "Apache-2.0"); keeps
/// expressions ("MIT OR Apache-2.0"); returns "" when unrecognised.
std::string normalize_license_name(std::string_view name);

LicenseSection detect_license(const AuditInput& input);

}  // namespace copilot::audit
