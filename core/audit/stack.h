#pragma once
// What a repository is built from: package manifests with their dependencies
// (resolved against lock files) and the application frameworks in use.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"
#include "audit/runtimes.h"

namespace copilot::audit {

struct Dependency {
  std::string name;            ///< as the ecosystem spells it (pypi names normalised, maven "group:artifact")
  std::string version_spec;    ///< the constraint as written; "" when none
  std::string locked_version;  ///< from the lock file; "" when unknown
  bool dev = false;            ///< only needed to develop or test
  std::string scope;           ///< "runtime", "dev", "test", "optional", "peer", "build", "indirect", ...
  int line = 0;                ///< 1-based line in the manifest; 0 when unknown
};
void to_json(nlohmann::json& j, const Dependency& d);

struct Manifest {
  std::string path;
  std::string ecosystem;                 ///< npm, pypi, go, cargo, maven, rubygems, composer, cmake, conan, vcpkg
  std::string package_manager;           ///< npm, yarn, pnpm, pip, poetry, pipenv, uv, go, cargo, maven, gradle, ...
  std::string lock_file;                 ///< "" when none
  std::vector<Dependency> dependencies;  ///< sorted by name, then scope
};
void to_json(nlohmann::json& j, const Manifest& m);

struct Framework {
  std::string name;                ///< "Django", "React", "Spring Boot", ...
  std::string category;            ///< "backend" or "frontend"
  std::string language;            ///< "python", "javascript", "java", "go", "ruby", "php", "rust"
  std::vector<Evidence> evidence;  ///< manifest lines first, then code; capped
  int files = 0;                   ///< source files importing it
};
void to_json(nlohmann::json& j, const Framework& f);

struct StackSection {
  std::vector<Manifest> manifests;    ///< sorted by path
  std::vector<Framework> frameworks;  ///< sorted by name
  std::vector<Runtime> runtimes;      ///< runtime versions asked for, by language
};
void to_json(nlohmann::json& j, const StackSection& s);

/// Finds and parses every manifest. With `resolve_locks` false, lock files are
/// not read (cheaper, for detectors that only need names). With `report` false,
/// broken manifests are skipped silently: the stack section already reports them.
std::vector<Manifest> parse_manifests(const AuditInput& input, bool resolve_locks = true, bool report = true);

StackSection detect_stack(const AuditInput& input);

/// A small TOML reader covering what manifests use: tables, arrays of tables,
/// dotted and quoted keys, basic/literal/multi-line strings, numbers, booleans,
/// dates (kept as strings), arrays and inline tables.
struct TomlDocument {
  nlohmann::json root = nlohmann::json::object();
  std::map<std::string, int> lines;  ///< JSON pointer of every key/table/array element → 1-based line
  int line_of(const std::string& pointer) const {
    auto it = lines.find(pointer);
    return it == lines.end() ? 0 : it->second;
  }
};
struct TomlError {
  std::string message;
  int line = 0;
};
/// Parses `text`; on failure returns false and fills `error`. Never throws.
bool parse_toml(std::string_view text, TomlDocument& out, TomlError& error);

/// PEP 503 normalised Python package name: lowercase, runs of "-_." become "-".
std::string normalize_pypi_name(std::string_view name);

}  // namespace copilot::audit
