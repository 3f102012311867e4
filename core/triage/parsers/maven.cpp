// Maven: compiler errors ("[ERROR] /path/A.java:[12,5] cannot find symbol"),
// surefire test reports ("method(Class)  Time elapsed: 0 s  <<< FAILURE!" with
// the exception and its frames, and the "Failures:"/"Errors:" and older
// "Failed tests:" summaries), and goals that failed without either.
#include <re2/re2.h>

#include <optional>
#include <set>

#include "triage/parser.h"
#include "triage/parsers/java.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

class MavenParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    static const RE2 kLevel(R"(\[(ERROR|INFO|WARNING|WARN|DEBUG)\] ?(.*))");
    std::string_view body = text;
    std::string level;
    re2::StringPiece rest;
    if (!text.empty() && text[0] == '[' &&
        RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kLevel, &level, &rest))
      body = std::string_view(rest.data(), rest.size());
    else
      level.clear();

    if (level.empty() || (level == "ERROR" && util::starts_with(body, "  "))) {
      if (continuation(text, body)) return;
    }
    end_block(out);
    if (level == "INFO") {
      if (util::starts_with(body, "Scanning for projects") || util::starts_with(body, "BUILD ") || body == " T E S T S")
        out.detected("maven");
      module_line(body);
      return;
    }
    if (!level.empty() && level != "ERROR") return;
    // Older surefire versions print their reports without a level prefix.
    if (!level.empty() && compile_error(body, number, out)) return;
    if (test_header(body, number, out)) return;
    if (summary_line(body, number, out)) return;
    if (!level.empty()) goal_failure(body, number, out);
  }

  void finish(Collector& out) override { end_block(out); }

 private:
  /// "--- maven-surefire-plugin:2.22.3:test (default-test) @ demo ---" names the module.
  void module_line(std::string_view body) {
    static const RE2 kMojo(R"(--- .* @ (\S+) ---)");
    std::string value;
    if (RE2::FullMatch(re2::StringPiece(body.data(), body.size()), kMojo, &value)) module_ = value;
    summary_kind_.reset();
  }

  bool compile_error(std::string_view body, int number, Collector& out) {
    static const RE2 kError(R"((.+\.(?:java|groovy|scala|kt)):\[(\d+),(\d+)\] (.*))");
    Failure f;
    if (!RE2::FullMatch(re2::StringPiece(body.data(), body.size()), kError, &f.file, &f.line, &f.column, &f.message))
      return false;
    out.detected("maven");
    // Maven repeats each error under "Failed to execute goal": report it once.
    std::string key = f.file + ':' + std::to_string(f.line) + ':' + std::to_string(f.column) + ':' + f.message;
    if (!seen_.insert(key).second) {
      skipping_ = true;
      return true;
    }
    f.tool = f.file.ends_with(".java") ? "javac" : "maven";
    f.kind = FailureKind::compile_error;
    f.log_line = number;
    start_block(std::move(f), std::string(body));
    return true;
  }

  /// "adds(demo.CalcTest)  Time elapsed: 0.01 s  <<< FAILURE!" (surefire 2) or
  /// "demo.CalcTest.adds  Time elapsed: 0.01 s  <<< ERROR!" (surefire 3).
  bool test_header(std::string_view body, int number, Collector& out) {
    static const RE2 kOld(R"((\S+)\((\S+)\)\s+Time elapsed: .*<<< (FAILURE|ERROR)!)");
    static const RE2 kNew(R"((\S+)\.([^.\s]+)\s+Time elapsed: .*<<< (FAILURE|ERROR)!)");
    if (!util::contains(body, "<<< ") || util::starts_with(body, "Tests run:")) return false;
    re2::StringPiece piece(body.data(), body.size());
    std::string method, class_name, verdict;
    if (!RE2::FullMatch(piece, kOld, &method, &class_name, &verdict) &&
        !RE2::FullMatch(piece, kNew, &class_name, &method, &verdict))
      return false;
    out.detected("maven");
    Failure f;
    f.tool = "maven";
    f.kind = verdict == "ERROR" ? FailureKind::test_error : FailureKind::test_failure;
    f.test = class_name + "." + method;
    f.log_line = number;
    test_class_ = class_name;
    reported_tests_.insert(simple_name(class_name) + "." + method);
    start_block(std::move(f), std::string(body));
    return true;
  }

  /// "Failures:" / "Errors:" (surefire 2.22+) and "Failed tests:" / "Tests in
  /// error:" (older) list the failed tests again; only unseen ones are reported.
  bool summary_line(std::string_view body, int number, Collector& out) {
    static const RE2 kEntry(R"(\s+(\w[\w$.]*)\.(\w+)(?::(\d+))?\s+(.*))");
    static const RE2 kOldEntry(R"(\s*(\w+)\(([\w$.]+)\):?\s*(.*))");
    if (body == "Failures: " || body == "Failures:" || util::starts_with(body, "Failed tests:")) {
      summary_kind_ = FailureKind::test_failure;
      body = util::starts_with(body, "Failed tests:") ? body.substr(13) : std::string_view();
    } else if (body == "Errors: " || body == "Errors:" || util::starts_with(body, "Tests in error:")) {
      summary_kind_ = FailureKind::test_error;
      body = util::starts_with(body, "Tests in error:") ? body.substr(15) : std::string_view();
    } else if (!summary_kind_ || util::starts_with(body, "Tests run:") || parse::trim(body).empty()) {
      summary_kind_.reset();
      return false;
    }
    if (parse::trim(body).empty()) return true;
    re2::StringPiece piece(body.data(), body.size());
    std::string class_name, method, message;
    parse::Number line;
    if (!RE2::FullMatch(piece, kEntry, &class_name, &method, &line, &message) &&
        !RE2::FullMatch(piece, kOldEntry, &method, &class_name, &message))
      return true;
    if (!reported_tests_.insert(simple_name(class_name) + "." + method).second) return true;
    Failure f;
    f.tool = "maven";
    f.kind = *summary_kind_;
    f.test = class_name + "." + method;
    f.file = simple_name(class_name) + ".java";
    f.line = line.value;
    f.message = message.empty() ? "failed" : message;
    f.log_line = number;
    failed_modules_.insert(module_);
    out.add(std::move(f));
    return true;
  }

  /// "Failed to execute goal X (id) on project P: reason": reported only when
  /// nothing more precise was found for that module.
  void goal_failure(std::string_view body, int number, Collector& out) {
    static const RE2 kGoal(
        R"(Failed to execute goal (\S+) (?:\([^)]*\) )?on project ([^:\s]+): (.*?)(?: -> \[Help \d+\])?)");
    std::string goal, project, reason;
    if (!RE2::FullMatch(re2::StringPiece(body.data(), body.size()), kGoal, &goal, &project, &reason)) return;
    out.detected("maven");
    if (failed_modules_.count(project)) return;
    Failure f;
    f.tool = "maven";
    f.kind = FailureKind::build_failure;
    f.message = goal + " failed on project " + project + ": " + reason;
    f.log_line = number;
    out.add(std::move(f));
  }

  void start_block(Failure f, std::string header) {
    block_ = std::move(f);
    detail_.clear();
    detail_.add(header);
    skipping_ = false;
    failed_modules_.insert(module_);
  }

  /// Lines after a compiler error or a test header; false when the block ended.
  bool continuation(std::string_view text, std::string_view body) {
    if (skipping_) {
      if (!parse::trim(text).empty() && (text[0] == ' ' || util::starts_with(text, "[ERROR]   "))) return true;
      skipping_ = false;
      return false;
    }
    if (!block_) return false;
    if (parse::trim(text).empty()) return false;
    detail_.add(body);
    if (block_->kind == FailureKind::compile_error) return text[0] == ' ' || text[0] == '[';
    java::Frame frame;
    if (java::parse_frame(body, frame)) {
      bool own = frame.class_name == test_class_ || util::starts_with(frame.class_name, test_class_ + "$");
      if (block_->file.empty() && (own || !java::library_class(frame.class_name))) {
        block_->file = java::source_path(frame);
        block_->line = frame.line;
      }
    } else if (block_->message.empty()) {
      block_->message = std::string(parse::trim(body));
    }
    return true;
  }

  void end_block(Collector& out) {
    if (!block_) return;
    Failure f = std::move(*block_);
    block_.reset();
    if (f.message.empty()) f.message = "failed";
    f.detail = detail_.text();
    out.add(std::move(f));
  }

  static std::string simple_name(const std::string& class_name) {
    size_t dot = class_name.rfind('.');
    return dot == std::string::npos ? class_name : class_name.substr(dot + 1);
  }

  std::optional<Failure> block_;
  Excerpt detail_;
  bool skipping_ = false;  ///< inside a repeated compiler error
  std::string test_class_;
  std::string module_;
  std::set<std::string> seen_, reported_tests_, failed_modules_;
  std::optional<FailureKind> summary_kind_;
};

}  // namespace

std::unique_ptr<LogParser> make_maven_parser() {
  return std::make_unique<MavenParser>();
}

}  // namespace copilot::triage
