// go test and go build: "--- FAIL: TestX (0.00s)" with the indented
// "file_test.go:12: message" lines it logged (after it, or after "=== RUN" in
// verbose mode), subtests, panics with their goroutine traces, and build
// failures under "# package" headers ("./x.go:3:2: undefined: y").
#include <re2/re2.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

struct TestRecord {
  Failure failure;
  size_t indent = 0;
  bool has_message = false;
  Excerpt detail;
};

/// Messages a test logged before its verdict (go test -v).
struct Logged {
  parse::Frame at;
  std::string message;
  Excerpt lines;
};

class GoParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (panic_ && panic_line(text, out)) return;
    if (build_package_ && build_line(text, number, out)) return;
    if (text.empty()) return;
    if (text[0] == '=' || text[0] == '-' || text[0] == ' ') {
      if (verdict_line(text, number, out)) return;
    }
    if (text[0] == ' ' || text[0] == '\t') {
      logged_line(text);
      return;
    }
    if (util::starts_with(text, "# ")) {
      build_package_ = package_of_header(text.substr(2));
      return;
    }
    if (util::starts_with(text, "panic: ") || util::starts_with(text, "fatal error: ")) {
      start_panic(text, number, out);
      return;
    }
    package_line(text, number, out);
  }

  void finish(Collector& out) override {
    end_panic(out);
    flush_tests(out);
  }

 private:
  bool verdict_line(std::string_view text, int number, Collector& out) {
    static const RE2 kRun(R"(=== (?:RUN|CONT|PAUSE|NAME) +(\S+))");
    static const RE2 kVerdict(R"(( *)--- (FAIL|PASS|SKIP): (\S+) \([\d.]+s\))");
    if (!util::starts_with(text, "=== ") && !util::contains(text, "--- ")) return false;
    re2::StringPiece piece(text.data(), text.size());
    std::string name, spaces, verdict;
    if (RE2::FullMatch(piece, kRun, &name)) {
      out.detected("go");
      running_ = name;
      current_ = std::nullopt;
      return true;
    }
    if (!RE2::FullMatch(piece, kVerdict, &spaces, &verdict, &name)) return false;
    out.detected("go");
    running_.clear();
    current_ = std::nullopt;
    if (verdict != "FAIL") return true;
    TestRecord r;
    r.failure.tool = "go";
    r.failure.test = name;
    r.failure.log_line = number;
    r.indent = spaces.size();
    if (auto it = logged_.find(name); it != logged_.end()) {
      r.failure.file = it->second.at.file;
      r.failure.line = it->second.at.line;
      r.failure.message = it->second.message;
      r.detail = it->second.lines;
      r.has_message = true;
      logged_.erase(it);
    }
    tests_.push_back(std::move(r));
    current_ = tests_.size() - 1;
    return true;
  }

  /// An indented line: a message a test logged, or the continuation of one.
  void logged_line(std::string_view text) {
    static const RE2 kMessage(R"(\s+([^\s:]+\.go):(\d+): ?(.*))");
    if (!current_ && running_.empty()) return;
    parse::Frame at;
    std::string message;
    bool located = RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kMessage, &at.file, &at.line, &message);
    if (current_) {
      TestRecord& r = tests_[*current_];
      if (parse::indent(text) <= r.indent) return;
      r.detail.add(text);
      if (located && !r.has_message) {
        r.failure.file = at.file;
        r.failure.line = at.line;
        r.failure.message = message;
        r.has_message = true;
      }
      return;
    }
    if (running_.empty()) return;
    Logged& l = logged_[running_];
    l.lines.add(text);
    if (located && l.message.empty()) {
      l.at = at;
      l.message = message.empty() ? "(empty message)" : message;
    }
  }

  /// "FAIL\tpkg\t0.01s", "FAIL\tpkg [build failed]", "ok  \tpkg\t0.01s", "FAIL".
  void package_line(std::string_view text, int number, Collector& out) {
    static const RE2 kPackage(R"((FAIL|ok)\s+(\S+)\s*(.*))");
    std::string verdict, package, rest;
    if (text == "FAIL") {
      flush_tests(out);
      return;
    }
    if (!util::starts_with(text, "FAIL") && !util::starts_with(text, "ok ")) return;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kPackage, &verdict, &package, &rest)) return;
    bool build_failed = util::contains(rest, "[build failed]") || util::contains(rest, "[setup failed]");
    bool timed = !rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '(');
    if (!build_failed && !timed && rest != "[no test files]") return;
    out.detected("go");
    end_panic(out);
    flush_tests(out);
    if (build_failed && !broken_packages_.count(package)) {
      Failure f;
      f.tool = "go";
      f.kind = FailureKind::build_failure;
      f.message = "build failed: " + package;
      f.log_line = number;
      out.add(std::move(f));
    }
  }

  /// "example.com/x [example.com/x.test]" and vet's "[example.com/x]" → "example.com/x".
  static std::string package_of_header(std::string_view header) {
    header = parse::trim(header);
    if (util::starts_with(header, "[") && util::ends_with(header, "]")) header = header.substr(1, header.size() - 2);
    return std::string(header.substr(0, header.find(' ')));
  }

  /// Lines under "# package": compiler errors until something else starts.
  bool build_line(std::string_view text, int number, Collector& out) {
    static const RE2 kError(R"((?:vet: )?([^\s:]+\.go):(\d+)(?::(\d+))?: (.*))");
    Failure f;
    parse::Number column;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kError, &f.file, &f.line, &column, &f.message)) {
      f.column = column.value;
      f.tool = "go";
      f.kind = FailureKind::compile_error;
      f.log_line = number;
      f.detail = std::string(text);
      build_errors_.push_back(std::move(f));
      broken_packages_.insert(*build_package_);
      out.detected("go");
      return true;
    }
    if (!text.empty() && text[0] == '\t' && !build_errors_.empty()) {
      build_errors_.back().detail += "\n" + std::string(text);
      return true;
    }
    for (auto& e : build_errors_) errors_.push_back(std::move(e));
    build_errors_.clear();
    build_package_.reset();
    return false;
  }

  void start_panic(std::string_view text, int number, Collector& out) {
    out.detected("go");
    end_panic(out);
    Failure f;
    f.tool = "go";
    f.kind = FailureKind::crash;
    std::string_view message = text;
    if (util::ends_with(message, " [recovered]")) message.remove_suffix(12);
    f.message = std::string(message);
    f.log_line = number;
    // testing prints the test's "--- FAIL" line (with no message) just before the panic.
    if (!tests_.empty() && !tests_.back().has_message) {
      f.test = tests_.back().failure.test;
      tests_.pop_back();
    } else {
      f.test = running_;
    }
    current_ = std::nullopt;
    panic_ = std::move(f);
    panic_detail_.clear();
    panic_detail_.add(text);
    frame_function_.clear();
    located_ = false;
  }

  /// Goroutine traces: "pkg.Func(args)" then "\t/path/file.go:12 +0x1d".
  bool panic_line(std::string_view text, Collector& out) {
    if (util::starts_with(text, "FAIL") || util::starts_with(text, "ok ") || util::starts_with(text, "exit status")) {
      end_panic(out);
      return false;
    }
    panic_detail_.add(text);
    if (!text.empty() && text[0] == '\t') {
      if (located_) return true;
      std::string_view location = parse::trim(text);
      location = location.substr(0, location.find(" +0x"));
      parse::Frame frame;
      if (parse::trailing_location(location, frame) && !library_function(frame_function_) &&
          !parse::third_party_path(frame.file)) {
        panic_->file = frame.file;
        panic_->line = frame.line;
        located_ = true;
      }
    } else if (!text.empty()) {
      frame_function_ = std::string(text);
    }
    return true;
  }

  /// Frames of the runtime and the testing package are not where a panic is fixed.
  static bool library_function(std::string_view function) {
    if (util::starts_with(function, "created by ")) function.remove_prefix(11);
    if (util::starts_with(function, "panic(") || function.empty()) return true;
    if (function.find('/') != std::string_view::npos) return false;
    std::string_view package = function.substr(0, function.find('.'));
    static constexpr std::string_view kStandard[] = {"runtime", "testing",  "reflect", "sync",  "syscall",
                                                     "os",      "internal", "fmt",     "errors"};
    for (auto s : kStandard)
      if (package == s) return true;
    return false;
  }

  void end_panic(Collector& out) {
    if (!panic_) return;
    panic_->detail = panic_detail_.text();
    out.add(std::move(*panic_));
    panic_.reset();
  }

  /// Reports the package's failures. A parent test that failed only because a
  /// subtest did ("--- FAIL: TestA" with no message, then "--- FAIL: TestA/sub") is left out.
  void flush_tests(Collector& out) {
    for (auto& e : build_errors_) errors_.push_back(std::move(e));
    build_errors_.clear();
    for (auto& e : errors_) out.add(std::move(e));
    errors_.clear();
    for (size_t i = 0; i < tests_.size(); ++i) {
      TestRecord& r = tests_[i];
      bool parent_only = false;
      if (!r.has_message)
        for (const auto& other : tests_)
          parent_only = parent_only || util::starts_with(other.failure.test, r.failure.test + "/");
      if (parent_only) continue;
      if (!r.has_message) r.failure.message = "failed";
      r.failure.detail = r.detail.text();
      out.add(std::move(r.failure));
    }
    tests_.clear();
    logged_.clear();
    current_ = std::nullopt;
  }

  std::vector<TestRecord> tests_;
  std::optional<size_t> current_;  ///< the failed test whose messages follow
  std::string running_;            ///< the test "=== RUN" started (verbose mode)
  std::map<std::string, Logged> logged_;

  std::optional<std::string> build_package_;
  std::vector<Failure> build_errors_, errors_;
  std::set<std::string> broken_packages_;

  std::optional<Failure> panic_;
  Excerpt panic_detail_;
  std::string frame_function_;
  bool located_ = false;
};

}  // namespace

std::unique_ptr<LogParser> make_go_parser() {
  return std::make_unique<GoParser>();
}

}  // namespace copilot::triage
