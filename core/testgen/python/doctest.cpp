// Docstrings: string literals decoded, and the `>>>` examples in them.
#include <cctype>

#include "testgen/python/python.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

void decode_escape(std::string_view body, size_t& i, std::string& out) {
  char c = body[i + 1];
  i += 2;
  switch (c) {
    case 'n': out += '\n'; return;
    case 't': out += '\t'; return;
    case 'r': out += '\r'; return;
    case '\\': out += '\\'; return;
    case '\'': out += '\''; return;
    case '"': out += '"'; return;
    case '\n': return;  // line continuation
    default:
      // Unknown escapes (\x.., \u...., \d in a regex) are kept as written, as Python does for the unknown ones.
      out += '\\';
      out += c;
  }
}

}  // namespace

std::string decode_string_literal(std::string_view lit) {
  size_t p = 0;
  bool raw = false;
  while (p < lit.size() && std::isalpha(static_cast<unsigned char>(lit[p]))) {
    raw = raw || lit[p] == 'r' || lit[p] == 'R';
    ++p;
  }
  if (p >= lit.size()) return {};
  char q = lit[p];
  size_t quote = lit.compare(p, 3, std::string(3, q)) == 0 ? 3 : 1;
  if (lit.size() < p + 2 * quote) return {};
  std::string_view body = lit.substr(p + quote, lit.size() - p - 2 * quote);
  if (raw) return std::string(body);
  std::string out;
  for (size_t i = 0; i < body.size();) {
    if (body[i] == '\\' && i + 1 < body.size())
      decode_escape(body, i, out);
    else
      out += body[i++];
  }
  return out;
}

std::vector<DocExample> parse_doctests(std::string_view docstring, int first_line) {
  std::vector<DocExample> out;
  auto lines = util::split_lines(docstring);
  auto prompt_at = [](std::string_view line, std::string_view prompt) -> size_t {
    size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos || line.compare(indent, prompt.size(), prompt) != 0)
      return std::string_view::npos;
    size_t after = indent + prompt.size();
    return after == line.size() || line[after] == ' ' ? indent : std::string_view::npos;
  };
  for (size_t i = 0; i < lines.size();) {
    size_t indent = prompt_at(lines[i], ">>>");
    if (indent == std::string_view::npos) {
      ++i;
      continue;
    }
    DocExample ex;
    ex.line = first_line + static_cast<int>(i);
    auto code_of = [&](std::string_view line) {
      std::string_view rest = line.substr(indent + 3);
      return std::string(rest.empty() ? rest : rest.substr(1));
    };
    ex.source = code_of(lines[i++]);
    while (i < lines.size() && prompt_at(lines[i], "...") == indent) ex.source += "\n" + code_of(lines[i++]);
    while (i < lines.size()) {
      std::string_view line = lines[i];
      if (util::trim(line).empty() || prompt_at(line, ">>>") != std::string_view::npos) break;
      std::string_view shown = line.size() >= indent ? line.substr(indent) : util::trim(line);
      ex.expected += (util::trim(shown) == "<BLANKLINE>" ? std::string() : std::string(shown)) + "\n";
      ++i;
    }
    // Directives change how output is compared; only SKIP has a plain-assertion meaning.
    if (util::contains(ex.source, "doctest:")) ex.skip = true;
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace copilot::testgen::python
