// GoogleTest ("[ RUN      ] Suite.Test", "file:line: Failure" blocks,
// "[  FAILED  ] Suite.Test") and ctest, which runs test binaries and reports
// "N/M Test #k: name ...***Failed" and "The following tests FAILED:". One
// family: a GoogleTest test still running when ctest moves on has crashed.
#include <re2/re2.h>

#include <map>
#include <optional>
#include <set>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

struct CtestResult {
  Failure failure;
  Excerpt output;
};

class GoogleTestParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    static const RE2 kVerbosePrefix(R"(\d+: (.*))");
    re2::StringPiece rest;
    if (ctest_verbose_ && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kVerbosePrefix, &rest))
      text = std::string_view(rest.data(), rest.size());
    if (ctest_line(text, number, out)) return;
    if (collecting_ && ctest_output_) ctest_output_->add(text);
    // Every marker is ten characters between brackets: "[ RUN      ]".
    if (text.size() >= 12 && text[0] == '[' && text[11] == ']' && googletest_line(text, number, out)) return;
    if (test_) test_line(text);
  }

  void finish(Collector& out) override {
    end_test_as_crash(out);
    flush_ctest(out);
  }

 private:
  // --- GoogleTest

  bool googletest_line(std::string_view text, int number, Collector& out) {
    static const RE2 kMarker(R"(\[ *(RUN|OK|FAILED|SKIPPED|==========) *\] ?(.*))");
    std::string tag, rest;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kMarker, &tag, &rest)) return false;
    if (tag == "==========") {
      if (util::starts_with(rest, "Running ")) {
        out.detected("gtest");
        end_test_as_crash(out);
        reported_.clear();
      }
      return true;
    }
    std::string name = test_name(rest);
    if (tag == "RUN") {
      out.detected("gtest");
      end_test_as_crash(out);
      test_.emplace();
      test_->tool = "gtest";
      test_->test = name;
      test_->log_line = number;
      output_.clear();
      has_failure_ = false;
    } else if (tag == "OK" || tag == "SKIPPED") {
      test_.reset();
    } else if (tag == "FAILED") {
      bool listed = util::contains(rest, " tests, listed below") || util::contains(rest, " test, listed below");
      if (test_ && test_->test == name) {
        Failure f = std::move(*test_);
        test_.reset();
        if (f.message.empty()) f.message = "failed";
        f.detail = output_.text();
        reported_.insert(name);
        out.add(std::move(f));
      } else if (!listed && !name.empty() && !reported_.count(name)) {
        // Listed in the summary only (the run's output was cut): still a failure.
        Failure f;
        f.tool = "gtest";
        f.test = name;
        f.message = "failed";
        f.log_line = number;
        reported_.insert(name);
        out.add(std::move(f));
      }
    }
    return true;
  }

  /// "Suite.Test (12 ms)" or "Suite/Param.Test/0, where GetParam() = 3" → the name.
  static std::string test_name(std::string_view rest) {
    size_t end = rest.find(", where ");
    if (end == std::string_view::npos) end = rest.find(" (");
    return std::string(parse::trim(rest.substr(0, end)));
  }

  void test_line(std::string_view text) {
    static const RE2 kFailure(R"((.+?):(\d+): Failure)");
    static const RE2 kMsvcFailure(R"((.+?)\((\d+)\): error: ?(.*))");
    re2::StringPiece piece(text.data(), text.size());
    std::string file, message;
    int line = 0;
    bool located = RE2::FullMatch(piece, kFailure, &file, &line) ||
                   RE2::FullMatch(piece, kMsvcFailure, &file, &line, &message) || text == "unknown file: Failure";
    output_.add(text);
    if (located) {
      if (!has_failure_) {
        test_->file = file == "unknown file" ? "" : file;
        test_->line = line;
        test_->message = message;
      }
      has_failure_ = true;
    } else if (has_failure_ && test_->message.empty() && !parse::trim(text).empty()) {
      // The first line after the location says what went wrong.
      test_->message = std::string(parse::trim(text));
    }
  }

  /// A test that started and never ended: its binary crashed or was killed.
  void end_test_as_crash(Collector& out) {
    if (!test_) return;
    Failure f = std::move(*test_);
    test_.reset();
    f.kind = FailureKind::crash;
    f.message = "did not finish: the test binary crashed or was killed";
    f.detail = output_.text();
    reported_.insert(f.test);
    out.add(std::move(f));
  }

  // --- ctest

  bool ctest_line(std::string_view text, int number, Collector& out) {
    static const RE2 kProgress(R"(\s*\d+/\d+ +Test +#\d+: +(\S+) +\.*\s*(?:\*\*\*)?(.*?) +[\d.]+ +sec)");
    static const RE2 kStart(R"(\s*Start +\d+: .*)");
    static const RE2 kListed(R"(\s*\d+ - (.+?) \((.+)\))");
    static const RE2 kVerboseCommand(R"(\d+: Test command: .*)");
    if (!listing_ && !util::contains(text, "Test") && !util::contains(text, "Start ") &&
        !util::contains(text, "tests "))
      return false;
    re2::StringPiece piece(text.data(), text.size());
    if (util::starts_with(text, "Test project ")) {
      out.detected("ctest");
      flush_ctest(out);
      return true;
    }
    if (listing_) {
      std::string name, status;
      if (RE2::FullMatch(piece, kListed, &name, &status)) {
        auto& r = ctest_[name];
        if (r.failure.test.empty()) set_ctest_status(r.failure, name, status, number);
        return true;
      }
      listing_ = false;
      flush_ctest(out);
    }
    std::string name, status;
    if (RE2::FullMatch(piece, kProgress, &name, &status)) {
      out.detected("ctest");
      end_test_as_crash(out);
      collecting_ = false;
      if (util::starts_with(status, "Passed") || status.empty()) return true;
      auto& r = ctest_[name];
      set_ctest_status(r.failure, name, status, number);
      ctest_output_ = &r.output;
      collecting_ = true;
      return true;
    }
    if (RE2::FullMatch(piece, kStart) || util::contains(text, "% tests passed, ")) {
      end_test_as_crash(out);
      collecting_ = false;
      return true;
    }
    if (util::starts_with(text, "The following tests FAILED:")) {
      end_test_as_crash(out);
      collecting_ = false;
      listing_ = true;
      return true;
    }
    if (RE2::FullMatch(piece, kVerboseCommand)) ctest_verbose_ = true;
    return false;
  }

  static void set_ctest_status(Failure& f, const std::string& name, const std::string& status, int number) {
    f.tool = "ctest";
    f.test = name;
    f.log_line = number;
    if (util::starts_with(status, "Failed")) {
      f.kind = FailureKind::test_failure;
      f.message = "test failed";
    } else if (util::starts_with(status, "Timeout") || util::starts_with(status, "Not Run")) {
      f.kind = FailureKind::test_error;
      f.message = util::starts_with(status, "Timeout") ? "test timed out" : "test not run";
    } else {
      f.kind = FailureKind::crash;
      f.message = "test crashed (" + status + ")";
    }
  }

  void flush_ctest(Collector& out) {
    for (auto& [name, r] : ctest_) {
      r.failure.detail = r.output.text();
      out.add(std::move(r.failure));
    }
    ctest_.clear();
    ctest_output_ = nullptr;
    collecting_ = false;
    listing_ = false;
  }

  std::optional<Failure> test_;
  Excerpt output_;
  bool has_failure_ = false;
  std::set<std::string> reported_;  ///< tests of the current run already reported

  std::map<std::string, CtestResult> ctest_;
  Excerpt* ctest_output_ = nullptr;
  bool collecting_ = false;  ///< lines after a failed test's progress line are its output
  bool listing_ = false;
  bool ctest_verbose_ = false;
};

}  // namespace

std::unique_ptr<LogParser> make_googletest_parser() {
  return std::make_unique<GoogleTestParser>();
}

}  // namespace copilot::triage
