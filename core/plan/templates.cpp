#include "plan/templates.h"

#include <kainjow/mustache.hpp>
#include <regex>

#include "util/files.h"

namespace copilot::plan {

namespace mustache = kainjow::mustache;

Result<TemplateText> TemplateSet::get(const std::string& relative) const {
  if (overrides_) {
    std::filesystem::path file = *overrides_ / relative;
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) {
      auto text = util::read_file(file);
      if (!text) return Error{text.error().message, true};
      return TemplateText{std::move(*text), file.string()};
    }
  }
  const auto& builtin = embedded_templates();
  auto it = builtin.find(relative);
  if (it == builtin.end()) return Error{"templates/" + relative + ": no such template", true};
  return TemplateText{it->second, "templates/" + relative};
}

namespace {

// JSON to mustache data. Empty strings and null become false, so a section
// over an optional value ({{#health_path}}) is skipped when it is unset.
mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      if (j.get_ref<const std::string&>().empty()) return mustache::data{false};
      return mustache::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean: return mustache::data{j.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: return mustache::data{false};
    case nlohmann::json::value_t::number_float: {
      std::string s = j.dump();
      return mustache::data{s};
    }
    default: return mustache::data{j.dump()};
  }
}

// "{{=<% %>=}}" (between `open` and `close`) sets new delimiters.
void apply_set_delimiter(const std::string& tag, std::string& open, std::string& close) {
  std::string inner = tag.substr(open.size() + 1, tag.size() - open.size() - close.size() - 2);
  size_t space = inner.find(' ');
  size_t next = space == std::string::npos ? space : inner.find_first_not_of(' ', space);
  if (next == std::string::npos) return;  // malformed: kainjow reports it
  std::string new_open = inner.substr(0, space);
  close = inner.substr(next);
  open = new_open;
}

// Mustache removes "standalone" lines (a section, inverted section, closing,
// comment or delimiter tag alone on its line); kainjow keeps them when a
// section is skipped and drops blank lines after a closing tag. So the tag
// keeps its line, followed by a marker, and lines left holding only the
// marker are removed after rendering. Line numbers in errors stay the file's.
constexpr char kStandalone = '\x01';

std::string mark_standalone_lines(const std::string& text) {
  std::string open = "{{", close = "}}";
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string line = text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? text.size() : eol + 1;
    size_t first = line.find_first_not_of(" \t");
    size_t last = line.find_last_not_of(" \t\r");
    std::string tag = first == std::string::npos ? "" : line.substr(first, last + 1 - first);
    bool one_tag = tag.size() > open.size() + close.size() && tag.compare(0, open.size(), open) == 0 &&
                   tag.find(close) == tag.size() - close.size();
    if (one_tag && std::string("#^/!=").find(tag[open.size()]) != std::string::npos) {
      out += tag + kStandalone + (eol == std::string::npos ? "" : "\n");
      if (tag[open.size()] == '=') apply_set_delimiter(tag, open, close);
      continue;
    }
    // A delimiter change inside a line of text applies to the lines after it.
    for (size_t at = line.find(open + "="); at != std::string::npos; at = line.find(open + "=", at + 1)) {
      size_t end = line.find("=" + close, at);
      if (end == std::string::npos) break;
      std::string set = line.substr(at, end + 1 + close.size() - at);
      apply_set_delimiter(set, open, close);
      at = end;
    }
    out += line;
    if (eol != std::string::npos) out += '\n';
  }
  return out;
}

std::string drop_marked_lines(const std::string& text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string::npos ? text.size() : eol + 1;
    std::string_view line(text.data() + pos, end - pos);
    if (line != std::string_view(&kStandalone, 1) && line != std::string(1, kStandalone) + "\n") out += line;
    pos = end;
  }
  return out;
}

// kainjow reports "Unclosed section "x" at 123": turn the byte offset into a line.
std::string located(const TemplateText& tmpl, const std::string& message) {
  static const std::regex at_offset(R"(^(.*) at (\d+)$)");
  std::smatch m;
  if (!std::regex_match(message, m, at_offset)) return tmpl.origin + ": template error: " + message;
  size_t offset = std::stoul(m[2].str());
  int line = 1;
  for (size_t i = 0; i < offset && i < tmpl.text.size(); ++i) line += tmpl.text[i] == '\n';
  return tmpl.origin + ":" + std::to_string(line) + ": template error: " + m[1].str();
}

}  // namespace

Result<std::string> render_template(const TemplateText& tmpl, const nlohmann::json& context, const nlohmann::json* item,
                                    const Partials* partials) {
  TemplateText prepared{mark_standalone_lines(tmpl.text), tmpl.origin};
  mustache::mustache parsed{prepared.text};
  if (!parsed.is_valid()) return Error{located(prepared, parsed.error_message()), true};
  parsed.set_custom_escape([](const std::string& s) { return s; });
  mustache::data root = to_data(context);
  for (const auto& [name, partial] : partials ? *partials : Partials{}) {
    // Checked on its own first, so an error names the partial's file and line.
    TemplateText prepared_partial{mark_standalone_lines(partial.text), partial.origin};
    mustache::mustache check{prepared_partial.text};
    if (!check.is_valid()) return Error{located(prepared_partial, check.error_message()), true};
    // Without its final newline: the line that includes it supplies one.
    std::string text = prepared_partial.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    root.set(name, mustache::data{mustache::partial{[text] { return text; }}});
  }
  mustache::context<std::string> stack{&root};
  mustache::data top;
  if (item) {
    top = to_data(*item);
    stack.push(&top);
  }
  std::string out = parsed.render(stack);
  if (!parsed.is_valid()) return Error{located(prepared, parsed.error_message()), true};
  return drop_marked_lines(out);
}

}  // namespace copilot::plan
