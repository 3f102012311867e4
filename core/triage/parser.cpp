#include "triage/parser.h"

#include <algorithm>
#include <cctype>

namespace copilot::triage {

void Collector::add(Failure failure) {
  failures_.push_back(std::move(failure));
}

void Collector::add_fallback(Failure failure) {
  fallbacks_.push_back(std::move(failure));
}

std::vector<Failure> Collector::take_failures() {
  std::vector<Failure> out = failures_.empty() ? std::move(fallbacks_) : std::move(failures_);
  // Parsers report at different times (some only when a section ends).
  auto by_line = [](const Failure& a, const Failure& b) { return a.log_line < b.log_line; };
  if (!std::is_sorted(out.begin(), out.end(), by_line)) std::stable_sort(out.begin(), out.end(), by_line);
  failures_.clear();
  fallbacks_.clear();
  return out;
}

void Excerpt::add(std::string_view line) {
  if (lines_ >= kMaxLines) {
    truncated_ = true;
    return;
  }
  if (lines_ > 0) text_ += '\n';
  if (line.size() > kMaxLineBytes) {
    // Cut on a UTF-8 boundary so the excerpt stays valid text.
    size_t cut = kMaxLineBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    text_.append(line.substr(0, cut));
    text_ += " [...]";
  } else {
    text_.append(line);
  }
  ++lines_;
}

std::string Excerpt::text() const {
  std::string out = text_;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
  // Leading blank lines carry nothing either.
  size_t start = 0;
  while (start < out.size() && out[start] == '\n') ++start;
  out.erase(0, start);
  if (truncated_) out += "\n[...]";
  return out;
}

void Excerpt::clear() {
  text_.clear();
  lines_ = 0;
  truncated_ = false;
}

namespace parse {

std::string_view trim(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  return text.substr(b, e - b);
}

size_t indent(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if (c == ' ')
      ++n;
    else if (c == '\t')
      n += 8;
    else
      break;
  }
  return n;
}

int to_int(std::string_view text) {
  int n = 0;
  if (text.empty() || text.size() > 9) return 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool third_party_path(std::string_view path) {
  static constexpr std::string_view kMarkers[] = {"node_modules/",   "site-packages/", "dist-packages/", "/usr/lib/",
                                                  "/usr/local/lib/", "/usr/include/",  "/usr/local/go/", "/go/pkg/mod/",
                                                  "<anonymous>",     "<frozen",        "node:"};
  for (auto m : kMarkers) {
    size_t at = path.find(m);
    // Markers that name a directory count at the start or after a separator.
    if (at != std::string_view::npos && (at == 0 || m[0] == '/' || m[0] == '<' || path[at - 1] == '/')) return true;
  }
  return false;
}

bool trailing_location(std::string_view text, Frame& frame) {
  text = trim(text);
  bool paren = !text.empty() && text.back() == ')';
  if (paren) text.remove_suffix(1);
  auto take_number = [](std::string_view& s, int& n) {
    size_t end = s.size(), b = end;
    while (b > 0 && std::isdigit(static_cast<unsigned char>(s[b - 1]))) --b;
    if (b == end || b < 2 || s[b - 1] != ':') return false;
    n = to_int(s.substr(b));
    s = s.substr(0, b - 1);
    return n > 0;
  };
  int last = 0, before = 0;
  if (!take_number(text, last)) return false;
  bool has_column = take_number(text, before);
  size_t start = std::string_view::npos;
  if (paren) start = text.rfind('(');
  if (start == std::string_view::npos) start = text.find_last_of(" \t");
  std::string_view file = start == std::string_view::npos ? text : text.substr(start + 1);
  if (file.empty()) return false;
  frame.file = std::string(file);
  frame.line = has_column ? before : last;
  frame.column = has_column ? last : 0;
  return true;
}

}  // namespace parse
}  // namespace copilot::triage
