#pragma once
// The parser interface: one parser per tool family sees every cleaned line of
// a log and reports failures to a Collector. Parsers are rows in the table of
// parsers/registry.cpp; adding a tool is one file there and one row.
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "triage/triage.h"

namespace copilot::triage {

/// Receives what parsers find in one log.
class Collector {
 public:
  /// The tool's output is present in the log (failing or not).
  void detected(std::string_view tool) {
    if (tools_.find(tool) == tools_.end()) tools_.emplace(tool);
  }
  void add(Failure failure);
  /// A consequence rather than a cause ("make: *** Error 1", "Execution
  /// failed for task"): kept only when the log yields no other failure.
  void add_fallback(Failure failure);

  /// The failures in log order; fallbacks only when nothing else was found.
  std::vector<Failure> take_failures();
  const std::set<std::string, std::less<>>& tools() const { return tools_; }

 private:
  std::set<std::string, std::less<>> tools_;
  std::vector<Failure> failures_;
  std::vector<Failure> fallbacks_;
};

class LogParser {
 public:
  virtual ~LogParser() = default;
  /// One cleaned line and its 1-based number in the log.
  virtual void line(std::string_view text, int number, Collector& out) = 0;
  /// The log ended: report what is still pending.
  virtual void finish(Collector& out) = 0;
};

struct ParserFamily {
  const char* name;
  std::unique_ptr<LogParser> (*make)();
};

/// Every parser family, in the order they see each line.
const std::vector<ParserFamily>& parser_families();

/// A bounded excerpt of log lines: the detail of a failure.
class Excerpt {
 public:
  static constexpr size_t kMaxLines = 40;
  static constexpr size_t kMaxLineBytes = 400;

  void add(std::string_view line);
  bool empty() const { return lines_ == 0; }
  /// The lines joined, without trailing blank lines; "[...]" marks a cut.
  std::string text() const;
  void clear();

 private:
  std::string text_;
  size_t lines_ = 0;
  bool truncated_ = false;
};

/// Small helpers the parsers share.
namespace parse {

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
/// Number of leading spaces (a tab counts as 8).
size_t indent(std::string_view text);
/// A decimal number; 0 when `text` is not one.
int to_int(std::string_view text);
/// A number captured by an optional regex group: 0 when the group did not
/// take part (RE2 fails the whole match when such a group is parsed as int).
struct Number {
  int value = 0;
  bool ParseFrom(const char* text, size_t size) {
    value = to_int(std::string_view(text ? text : "", size));
    return true;
  }
};
/// True for paths into installed packages or system directories: stack frames
/// there are rarely where a failure is to be fixed.
bool third_party_path(std::string_view path);
/// A stack frame "path:line[:col]" (optionally inside parentheses, after a
/// function name), as Node, Python and Go print them.
struct Frame {
  std::string file;
  int line = 0;
  int column = 0;
};
/// Parses "path:line" or "path:line:col" at the end of `text` (after an optional
/// '(' and before an optional ')'). False when there is no such location.
bool trailing_location(std::string_view text, Frame& frame);

}  // namespace parse
}  // namespace copilot::triage
