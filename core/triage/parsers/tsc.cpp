// The TypeScript compiler: "file(line,col): error TSxxxx: message" (plain,
// when not on a terminal), "file:line:col - error TSxxxx: message" (--pretty,
// followed by a code frame), and "error TSxxxx: message" with no file.
#include <re2/re2.h>

#include <optional>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

class TscParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (util::contains(text, "error TS") && header(text, number, out)) return;
    if (util::starts_with(text, "Found ") && util::contains(text, " error")) {
      end_error(out);
      return;
    }
    if (!error_) return;
    // Message chains are indented; the pretty code frame starts with the line number.
    static const RE2 kFrame(R"(\d+\s.*)");
    bool belongs = text.empty() || text[0] == ' ' || text[0] == '\t' ||
                   RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kFrame);
    if (!belongs) {
      end_error(out);
      return;
    }
    detail_.add(text);
  }

  void finish(Collector& out) override { end_error(out); }

 private:
  bool header(std::string_view text, int number, Collector& out) {
    static const RE2 kPlain(R"((.+?)\((\d+),(\d+)\): error (TS\d+): (.*))");
    static const RE2 kPretty(R"((.+?):(\d+):(\d+) - error (TS\d+): (.*))");
    static const RE2 kGlobal(R"(error (TS\d+): (.*))");
    re2::StringPiece piece(text.data(), text.size());
    Failure f;
    std::string code, message;
    if (!RE2::FullMatch(piece, kPlain, &f.file, &f.line, &f.column, &code, &message) &&
        !RE2::FullMatch(piece, kPretty, &f.file, &f.line, &f.column, &code, &message) &&
        !RE2::FullMatch(piece, kGlobal, &code, &message))
      return false;
    end_error(out);
    out.detected("tsc");
    f.tool = "tsc";
    f.kind = FailureKind::compile_error;
    f.message = code + ": " + message;
    f.log_line = number;
    error_ = std::move(f);
    detail_.clear();
    detail_.add(text);
    return true;
  }

  void end_error(Collector& out) {
    if (!error_) return;
    error_->detail = detail_.text();
    out.add(std::move(*error_));
    error_.reset();
  }

  std::optional<Failure> error_;
  Excerpt detail_;
};

}  // namespace

std::unique_ptr<LogParser> make_tsc_parser() {
  return std::make_unique<TscParser>();
}

}  // namespace copilot::triage
