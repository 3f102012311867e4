#include "release/risk_paths.h"

#include <algorithm>
#include <array>

#include "audit/secrets.h"
#include "audit/test_suites.h"
#include "util/strings.h"
#include "workspace/classify.h"
#include "workspace/language.h"

namespace copilot::release {
namespace {

/// Languages that describe data, documents or styles rather than behaviour.
constexpr std::array<std::string_view, 14> kNotCode = {"markdown", "json", "yaml", "toml",  "xml", "svg",  "xslt",
                                                       "xsd",      "xaml", "html", "xhtml", "css", "scss", "less"};

/// Directories that only group modules; the module is the level below.
constexpr std::array<std::string_view, 12> kContainers = {
    "src", "lib", "pkg", "packages", "apps", "services", "modules", "internal", "cmd", "app", "components", "crates"};

}  // namespace

bool is_test_path(std::string_view path) {
  return audit::is_test_file_name(path) || audit::is_test_path(path);
}

bool is_code_path(std::string_view path) {
  if (is_test_path(path) || workspace::classify_path(path) != workspace::FileKind::source) return false;
  const workspace::Language* language = workspace::detect_language(path, "");
  if (!language || workspace::is_prose_or_asset(language)) return false;
  return std::find(kNotCode.begin(), kNotCode.end(), language->id) == kNotCode.end();
}

std::string subsystem_of(std::string_view path) {
  auto parts = util::split(path, '/');
  if (parts.size() < 2) return "(root)";
  bool container = std::find(kContainers.begin(), kContainers.end(), parts[0]) != kContainers.end();
  if (container && parts.size() >= 3) return std::string(parts[0]) + "/" + std::string(parts[1]);
  return std::string(parts[0]);
}

}  // namespace copilot::release
