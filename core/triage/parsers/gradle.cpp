// Gradle: failed tests ("CalcTest > adds() FAILED" with the exception under
// it), Kotlin compiler errors ("e: file:///x/A.kt:3:5 message"), failed tasks
// ("> Task :test FAILED") and the "* What went wrong:" explanation. javac's own
// errors under "> Task :compileJava" are the compiler parser's.
#include <re2/re2.h>

#include <optional>

#include "triage/parser.h"
#include "triage/parsers/java.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

class GradleParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (test_ && test_line(text)) return;
    end_test(out);
    if (explaining_ && explanation_line(text, out)) return;
    if (text.empty() || text[0] == ' ') return;
    if (util::starts_with(text, "> Task ") || util::starts_with(text, "BUILD FAILED in ") ||
        util::starts_with(text, "FAILURE: Build failed")) {
      out.detected("gradle");
      return;
    }
    if (text == "* What went wrong:") {
      out.detected("gradle");
      explaining_ = true;
      explanation_.reset();
      explanation_detail_.clear();
      explanation_line_ = number;
      return;
    }
    if (util::starts_with(text, "e: ") && kotlin_error(text, number, out)) return;
    test_header(text, number, out);
  }

  void finish(Collector& out) override {
    end_test(out);
    end_explanation(out);
  }

 private:
  void test_header(std::string_view text, int number, Collector& out) {
    static const RE2 kHeader(R"(([^\s>].*?) > (.+) FAILED)");
    std::string class_name, name;
    if (!util::ends_with(text, " FAILED") ||
        !RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kHeader, &class_name, &name))
      return;
    out.detected("gradle");
    Failure f;
    f.tool = "gradle";
    f.test = class_name + " > " + name;
    f.log_line = number;
    test_ = std::move(f);
    test_class_ = class_name;
    detail_.clear();
  }

  /// The indented lines under a failed test: the exception, frames, causes.
  bool test_line(std::string_view text) {
    static const RE2 kShort(R"(\s+(\S+?)(?:: (.*))? at ([^\s:]+):(\d+))");
    if (text.empty() || (text[0] != ' ' && text[0] != '\t')) return false;
    detail_.add(text);
    java::Frame frame;
    if (java::parse_frame(text, frame)) {
      if (test_->file.empty() && !java::library_class(frame.class_name)) {
        test_->file = java::source_path(frame);
        test_->line = frame.line;
      }
      return true;
    }
    if (!test_->message.empty()) return true;
    std::string exception, message, file;
    int line = 0;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kShort, &exception, &message, &file, &line)) {
      test_->message = message.empty() ? exception : exception + ": " + message;
      // "at CalcTest.java:10": the class's package, if Gradle printed it, says where.
      java::Frame at{test_class_, file, line};
      test_->file = java::source_path(at);
      test_->line = line;
    } else {
      test_->message = std::string(parse::trim(text));
    }
    test_->kind = java::kind_of_exception(test_->message);
    return true;
  }

  void end_test(Collector& out) {
    if (!test_) return;
    if (test_->message.empty()) test_->message = "failed";
    test_->detail = detail_.text();
    out.add(std::move(*test_));
    test_.reset();
  }

  /// "e: file:///x/A.kt:3:5 Unresolved reference 'c'." (Kotlin 2) and
  /// "e: /x/A.kt: (3, 5): Unresolved reference: c" (Kotlin 1).
  bool kotlin_error(std::string_view text, int number, Collector& out) {
    static const RE2 kNew(R"(e: (?:file://)?(\S+?\.kts?):(\d+):(\d+):? (.*))");
    static const RE2 kOld(R"(e: (?:file://)?(\S+?\.kts?): \((\d+), (\d+)\): (.*))");
    re2::StringPiece piece(text.data(), text.size());
    Failure f;
    if (!RE2::FullMatch(piece, kNew, &f.file, &f.line, &f.column, &f.message) &&
        !RE2::FullMatch(piece, kOld, &f.file, &f.line, &f.column, &f.message))
      return false;
    f.tool = "kotlinc";
    f.kind = FailureKind::compile_error;
    f.log_line = number;
    f.detail = std::string(text);
    out.add(std::move(f));
    return true;
  }

  /// The lines after "* What went wrong:" up to the next "* " heading.
  bool explanation_line(std::string_view text, Collector& out) {
    if (util::starts_with(text, "* ") || text.starts_with("BUILD ")) {
      end_explanation(out);
      return false;
    }
    if (parse::trim(text).empty()) return true;
    explanation_detail_.add(text);
    if (!explanation_) {
      explanation_.emplace();
      explanation_->tool = "gradle";
      explanation_->kind = FailureKind::build_failure;
      explanation_->message = std::string(parse::trim(text));
      explanation_->log_line = explanation_line_;
    }
    return true;
  }

  /// A failed task is a consequence: it counts only when nothing else was found.
  void end_explanation(Collector& out) {
    explaining_ = false;
    if (!explanation_) return;
    explanation_->detail = explanation_detail_.text();
    out.add_fallback(std::move(*explanation_));
    explanation_.reset();
  }

  std::optional<Failure> test_;
  std::string test_class_;
  Excerpt detail_;
  bool explaining_ = false;
  std::optional<Failure> explanation_;
  Excerpt explanation_detail_;
  int explanation_line_ = 0;
};

}  // namespace

std::unique_ptr<LogParser> make_gradle_parser() {
  return std::make_unique<GradleParser>();
}

}  // namespace copilot::triage
