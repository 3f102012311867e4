#pragma once
// Templates: the built-in ones from templates/ (compiled into the binary) and
// a user directory laid out the same way that overrides them file by file.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "util/result.h"

namespace copilot::plan {

/// templates/** compiled in: path relative to templates/ → text.
const std::map<std::string, std::string>& embedded_templates();

struct TemplateText {
  std::string text;
  std::string origin;  ///< the file errors name: the override's path, or "templates/<path>"
};

class TemplateSet {
 public:
  explicit TemplateSet(std::optional<std::filesystem::path> overrides) : overrides_(std::move(overrides)) {}
  /// templates/<relative>: the override when the directory has it, else the built-in one.
  Result<TemplateText> get(const std::string& relative) const;

 private:
  std::optional<std::filesystem::path> overrides_;
};

/// Partials by the name templates include them with ({{> name}}).
using Partials = std::map<std::string, TemplateText>;

/// Renders a mustache template with `context`, with `item` (when given) on
/// top of it, so an item's keys shadow the context's. Nothing is escaped.
/// A syntax error (in the template or a partial) is a usage error
/// "ORIGIN:LINE: template error: ...".
Result<std::string> render_template(const TemplateText& tmpl, const nlohmann::json& context,
                                    const nlohmann::json* item = nullptr, const Partials* partials = nullptr);

}  // namespace copilot::plan
