// Build drivers: CMake ("CMake Error at CMakeLists.txt:12 (find_package):"),
// make ("make: *** [Makefile:3: all] Error 1") and ninja ("FAILED: obj/x.o").
// A failed make or ninja step is a consequence of an error printed above it,
// so it counts only when nothing else explains the failure.
#include <re2/re2.h>

#include <optional>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

class BuildToolParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (cmake_error_ && cmake_line(text, out)) return;
    if (util::starts_with(text, "CMake Error")) {
      cmake_start(text, number, out);
    } else if (util::starts_with(text, "make") && util::contains(text, ": *** ")) {
      make_line(text, number, out);
    } else if (util::starts_with(text, "FAILED: ") || util::starts_with(text, "ninja: error: ")) {
      ninja_line(text, number, out);
    }
  }

  void finish(Collector& out) override { cmake_end(out); }

 private:
  void cmake_start(std::string_view text, int number, Collector& out) {
    static const RE2 kAt(R"(CMake Error at (.+?):(\d+) \((.+)\):)");
    static const RE2 kPlain(R"(CMake Error(?: \(.*\))?: (.*))");
    re2::StringPiece piece(text.data(), text.size());
    Failure f;
    std::string command;
    if (!RE2::FullMatch(piece, kAt, &f.file, &f.line, &command) && !RE2::FullMatch(piece, kPlain, &f.message)) return;
    cmake_end(out);
    out.detected("cmake");
    f.tool = "cmake";
    f.kind = FailureKind::build_failure;
    f.log_line = number;
    cmake_error_ = std::move(f);
    detail_.clear();
    detail_.add(text);
  }

  /// The indented explanation under "CMake Error at ...".
  bool cmake_line(std::string_view text, Collector& out) {
    if (!text.empty() && text[0] != ' ' && text[0] != '\t') {
      cmake_end(out);
      return false;
    }
    detail_.add(text);
    if (cmake_error_->message.empty() && !parse::trim(text).empty())
      cmake_error_->message = std::string(parse::trim(text));
    return true;
  }

  void cmake_end(Collector& out) {
    if (!cmake_error_) return;
    if (cmake_error_->message.empty()) cmake_error_->message = "CMake error";
    cmake_error_->detail = detail_.text();
    out.add(std::move(*cmake_error_));
    cmake_error_.reset();
  }

  void make_line(std::string_view text, int number, Collector& out) {
    static const RE2 kMake(R"(g?make(?:\[\d+\])?: \*\*\* (.*))");
    std::string message;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kMake, &message)) return;
    out.detected("make");
    Failure f;
    f.tool = "make";
    f.kind = FailureKind::build_failure;
    f.message = message;
    f.detail = std::string(text);
    f.log_line = number;
    // "No rule to make target" is the cause itself; "[target] Error 2" only relays one.
    if (util::contains(message, "No rule to make target"))
      out.add(std::move(f));
    else
      out.add_fallback(std::move(f));
  }

  void ninja_line(std::string_view text, int number, Collector& out) {
    out.detected("ninja");
    Failure f;
    f.tool = "ninja";
    f.kind = FailureKind::build_failure;
    f.log_line = number;
    f.detail = std::string(text);
    if (util::starts_with(text, "ninja: error: ")) {
      f.message = std::string(text.substr(14));
      out.add(std::move(f));
    } else {
      f.message = "failed: " + std::string(text.substr(8));
      out.add_fallback(std::move(f));
    }
  }

  std::optional<Failure> cmake_error_;
  Excerpt detail_;
};

}  // namespace

std::unique_ptr<LogParser> make_build_tool_parser() {
  return std::make_unique<BuildToolParser>();
}

}  // namespace copilot::triage
