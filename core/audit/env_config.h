#pragma once
// Environment variables the code reads, and whether anything documents them.
// Only key names are ever reported: values of a real .env are never read.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct EnvVariable {
  std::string name;
  std::vector<Evidence> locations;  ///< where code reads it, by file and line
  bool documented = false;          ///< in an env example, a README, docs/ or a compose environment
  bool has_default = false;         ///< some read supplies a fallback value
  bool system = false;              ///< a standard OS/CI variable (PATH, HOME, CI, ...)
};

struct ConfigSection {
  std::vector<EnvVariable> variables;         ///< sorted by name
  std::vector<std::string> documented_files;  ///< env examples, plus docs/compose files naming a variable
  std::vector<std::string> undocumented;      ///< non-system variables nothing documents, sorted
  std::vector<std::string> example_only;      ///< env-example keys no detected read uses (frameworks may)
};

/// The language id the config and services scanners go by: the detected
/// language, else a guess from the extension ("" when neither knows).
std::string_view code_language(const workspace::FileEntry& f);

/// True for env example files: .env.example, .env.sample, .env.template,
/// .env.dist, example.env, ... (never a real .env).
bool is_env_example(std::string_view path);

void to_json(nlohmann::json& j, const EnvVariable& v);
void to_json(nlohmann::json& j, const ConfigSection& v);

ConfigSection detect_config(const AuditInput& input);

}  // namespace copilot::audit
