// Jest ("FAIL path", then "  ● describe › test" blocks with "at fn
// (file:line:col)" frames) and Vitest (" FAIL  path > describe > test" blocks
// with "❯ file:line:col" frames, between "⎯⎯⎯" rules).
#include <re2/re2.h>

#include <optional>
#include <set>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

constexpr std::string_view kBullet = "\xE2\x97\x8F";   // ●
constexpr std::string_view kPointer = "\xE2\x9D\xAF";  // ❯
constexpr std::string_view kRule = "\xE2\x8E\xAF";     // ⎯

class JestParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (text.empty()) {
      if (block_) block_line(text);
      return;
    }
    if (util::starts_with(text, kRule) || util::starts_with(text, " Test Files ") ||
        util::starts_with(text, " RUN  v")) {
      out.detected("vitest");
      end_block(out);
      return;
    }
    if (util::starts_with(text, "Test Suites: ") || util::starts_with(text, "Summary of all failing tests")) {
      out.detected("jest");
      end_block(out);
      return;
    }
    if (suite_line(text, number, out)) return;
    if (util::starts_with(text, "  ") && util::starts_with(text.substr(2), kBullet)) {
      jest_block(text.substr(2 + kBullet.size()), number, out);
      return;
    }
    if (block_) block_line(text);
  }

  void finish(Collector& out) override { end_block(out); }

 private:
  /// "FAIL path" (Jest), " FAIL  path > test" and " FAIL  path [ path ]" (Vitest).
  bool suite_line(std::string_view text, int number, Collector& out) {
    static const RE2 kSuite(R"( ?(FAIL|PASS) +(\S.*?)(?: \(\d[\d.]* m?s\))?)");
    std::string_view head = text.substr(text[0] == ' ' ? 1 : 0, 5);
    if (head != "FAIL " && head != "PASS ") return false;
    std::string verdict, rest;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kSuite, &verdict, &rest)) return false;
    end_block(out);
    size_t arrow = rest.find(" > ");
    size_t bracket = rest.find(" [ ");
    if (verdict == "FAIL" && (arrow != std::string::npos || (bracket != std::string::npos && rest.back() == ']'))) {
      out.detected("vitest");
      Failure f;
      f.tool = "vitest";
      f.log_line = number;
      if (arrow != std::string::npos) {
        f.test = rest;  // Vitest's own notation: "path > describe > test"
        f.file = rest.substr(0, arrow);
      } else {
        f.kind = FailureKind::test_error;
        f.file = rest.substr(0, bracket);
      }
      start_block(std::move(f));
      return true;
    }
    suite_ = rest;
    return true;
  }

  void jest_block(std::string_view name, int number, Collector& out) {
    end_block(out);
    name = parse::trim(name);
    if (name == "Console") return;
    out.detected("jest");
    Failure f;
    f.tool = "jest";
    f.log_line = number;
    f.file = suite_;
    if (name == "Test suite failed to run") {
      f.kind = FailureKind::test_error;
    } else {
      f.test = suite_.empty() ? std::string(name) : suite_ + " \xE2\x80\xBA " + std::string(name);  // ›
    }
    start_block(std::move(f));
  }

  void start_block(Failure f) {
    key_ = f.tool + '\0' + f.test + '\0' + (f.test.empty() ? f.file : "");
    block_ = std::move(f);
    detail_.clear();
    located_ = false;
  }

  void block_line(std::string_view text) {
    detail_.add(text);
    std::string_view body = parse::trim(text);
    if (body.empty()) return;
    bool frame_line = util::starts_with(body, "at ") || util::starts_with(body, kPointer);
    if (!frame_line) {
      if (block_->message.empty()) block_->message = std::string(body);
      return;
    }
    if (located_) return;
    body.remove_prefix(util::starts_with(body, "at ") ? 3 : kPointer.size());
    parse::Frame frame;
    if (!parse::trailing_location(body, frame) || parse::third_party_path(frame.file)) return;
    block_->file = frame.file;
    block_->line = frame.line;
    block_->column = frame.column;
    located_ = true;
  }

  void end_block(Collector& out) {
    if (!block_) return;
    Failure f = std::move(*block_);
    block_.reset();
    // Jest repeats every failure under "Summary of all failing tests".
    if (!reported_.insert(key_).second) return;
    if (f.message.empty()) f.message = "failed";
    f.detail = detail_.text();
    out.add(std::move(f));
  }

  std::string suite_;  ///< the test file of the latest Jest "FAIL" line
  std::optional<Failure> block_;
  std::string key_;  ///< the block's test, or its suite when the whole suite failed
  Excerpt detail_;
  bool located_ = false;
  std::set<std::string> reported_;
};

}  // namespace

std::unique_ptr<LogParser> make_jest_parser() {
  return std::make_unique<JestParser>();
}

}  // namespace copilot::triage
