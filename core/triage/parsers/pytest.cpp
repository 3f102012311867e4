// pytest: the FAILURES and ERRORS sections (one "___ name ___" block per test,
// with E lines and file:line tracebacks), the short test summary
// ("FAILED a/b.py::test_x - AssertionError: ..."), and Python tracebacks
// printed outside pytest ("Traceback (most recent call last):").
#include <re2/re2.h>

#include <optional>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

using parse::Frame;

struct Block {
  FailureKind kind = FailureKind::test_failure;
  std::string name;         ///< from the header: "test_x", "TestA.test_x", or a path when collecting
  bool collecting = false;  ///< "ERROR collecting PATH"
  std::string message;
  std::string exception;  ///< the text after the raise location ("AssertionError")
  Frame location;
  bool location_third_party = true;
  Excerpt key_lines, all_lines;
  int log_line = 0;
  bool used = false;
};

struct SummaryEntry {
  FailureKind kind;
  std::string nodeid;
  std::string message;
  int log_line;
};

class PytestParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (traceback(text, number, out)) return;
    if (text.size() > 2 && text[0] == '=' && text.back() == '=') {
      title(text, out);
      return;
    }
    if (section_ == Section::summary) {
      summary_entry(text, number);
      return;
    }
    if (section_ != Section::failures && section_ != Section::errors) return;
    if (util::starts_with(text, "___") && block_header(text, number)) return;
    if (block_) block_line(text);
  }

  void finish(Collector& out) override {
    end_traceback(out, false);
    flush(out);
  }

 private:
  enum class Section { none, failures, errors, summary, other };

  void title(std::string_view text, Collector& out) {
    static const RE2 kTitle(R"(=+ (.*?) =+)");
    static const RE2 kSessionEnd(R"(.*\bin \d+(\.\d+)?s\b.*|no tests ran.*)");
    re2::StringPiece name;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kTitle, &name)) return;
    block_done();
    std::string_view n(name.data(), name.size());
    if (n == "test session starts") {
      out.detected("pytest");
      flush(out);
      section_ = Section::none;
    } else if (n == "FAILURES" || n == "ERRORS") {
      out.detected("pytest");
      section_ = n == "FAILURES" ? Section::failures : Section::errors;
    } else if (n == "short test summary info") {
      out.detected("pytest");
      section_ = Section::summary;
    } else if (RE2::FullMatch(name, kSessionEnd)) {
      flush(out);
      section_ = Section::none;
    } else {
      section_ = Section::other;
    }
  }

  bool block_header(std::string_view text, int number) {
    static const RE2 kHeader(R"(_{3,} (.+?) _{3,})");
    re2::StringPiece name;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kHeader, &name)) return false;
    block_done();
    Block b;
    b.log_line = number;
    b.name = std::string(name.data(), name.size());
    b.kind = section_ == Section::errors ? FailureKind::test_error : FailureKind::test_failure;
    for (std::string_view prefix : {"ERROR at setup of ", "ERROR at teardown of "})
      if (util::starts_with(b.name, prefix)) b.name.erase(0, prefix.size());
    if (util::starts_with(b.name, "ERROR collecting ")) {
      b.name.erase(0, 17);
      b.collecting = true;
    }
    block_ = std::move(b);
    return true;
  }

  void block_line(std::string_view text) {
    Block& b = *block_;
    b.all_lines.add(text);
    if (text.size() >= 2 && text[0] == 'E' && (text[1] == ' ' || text[1] == '\t')) {
      b.key_lines.add(text);
      if (b.message.empty()) b.message = std::string(parse::trim(text.substr(1)));
      return;
    }
    if (!text.empty() && text[0] == '>') b.key_lines.add(text);
    Frame frame;
    std::string exception;
    if (!location(text, frame, exception)) return;
    b.key_lines.add(text);
    bool third_party = parse::third_party_path(frame.file);
    // The deepest frame of the project's own code is where to look.
    if (!third_party || b.location_third_party) {
      b.location = frame;
      b.location_third_party = third_party;
      b.exception = exception;
    }
  }

  /// "path.py:12: Exception" (long and short tracebacks) or
  /// '  File "path.py", line 12, in f' (native tracebacks).
  static bool location(std::string_view text, Frame& frame, std::string& rest) {
    static const RE2 kLong(R"((\S[^:]*\.pyw?):(\d+):(?: (.*))?)");
    static const RE2 kNative(R"re(\s*File "(.+)", line (\d+)(?:, in .*)?)re");
    if (text.find(".py") == std::string_view::npos) return false;
    re2::StringPiece piece(text.data(), text.size());
    if (RE2::FullMatch(piece, kLong, &frame.file, &frame.line, &rest)) return true;
    rest.clear();
    return RE2::FullMatch(piece, kNative, &frame.file, &frame.line);
  }

  void summary_entry(std::string_view text, int number) {
    static const RE2 kEntry(R"((FAILED|ERROR|XPASS\(strict\)) (.+?)(?: - (.*))?)");
    std::string status, nodeid, message;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kEntry, &status, &nodeid, &message)) return;
    FailureKind kind = status == "ERROR" ? FailureKind::test_error : FailureKind::test_failure;
    if (message.empty() && status != "ERROR" && status != "FAILED") message = status;
    summary_.push_back({kind, std::move(nodeid), std::move(message), number});
  }

  void block_done() {
    if (block_) blocks_.push_back(std::move(*block_));
    block_.reset();
  }

  /// "tests/a.py::TestX::test_y[1]" → "TestX.test_y[1]", the name pytest's block header shows.
  static std::string header_name(const std::string& nodeid) {
    size_t sep = nodeid.find("::");
    if (sep == std::string::npos) return nodeid;
    std::string tail = nodeid.substr(sep + 2);
    for (size_t at; (at = tail.find("::")) != std::string::npos;) tail.replace(at, 2, ".");
    return tail;
  }

  static Failure from_block(const Block& b) {
    Failure f;
    f.tool = "pytest";
    f.kind = b.kind;
    f.test = b.collecting ? "" : b.name;
    f.file = b.collecting ? b.name : b.location.file;
    f.line = b.location.line;
    if (b.collecting && !b.location.file.empty() && !b.location_third_party) f.file = b.location.file;
    f.message = !b.message.empty() ? b.message : b.exception;
    f.detail = b.key_lines.empty() ? b.all_lines.text() : b.key_lines.text();
    f.log_line = b.log_line;
    return f;
  }

  /// Blocks and summary entries describe the same failures; each is reported once.
  void flush(Collector& out) {
    block_done();
    for (const auto& entry : summary_) {
      bool collecting = entry.nodeid.find("::") == std::string::npos;
      std::string name = collecting ? entry.nodeid : header_name(entry.nodeid);
      Block* match = nullptr;
      for (auto& b : blocks_)
        if (!b.used && b.kind == entry.kind && b.collecting == collecting && b.name == name) {
          match = &b;
          break;
        }
      Failure f;
      if (match) {
        match->used = true;
        f = from_block(*match);
      } else {
        f.tool = "pytest";
        f.kind = entry.kind;
        f.log_line = entry.log_line;
      }
      f.test = collecting ? "" : entry.nodeid;
      if (f.file.empty()) f.file = entry.nodeid.substr(0, entry.nodeid.find("::"));
      if (f.message.empty()) f.message = entry.message;
      if (f.message.empty()) f.message = collecting ? "error collecting tests" : "failed";
      out.add(std::move(f));
    }
    for (const auto& b : blocks_) {
      if (b.used) continue;
      Failure f = from_block(b);
      if (f.message.empty()) f.message = "failed";
      out.add(std::move(f));
    }
    blocks_.clear();
    summary_.clear();
  }

  /// Python tracebacks outside pytest's sections: a crash. Returns true when
  /// the line belonged to one.
  bool traceback(std::string_view text, int number, Collector& out) {
    if (!tb_) {
      if (pending_crash_ && !parse::trim(text).empty()) end_traceback(out, chained(text));
      if (text != "Traceback (most recent call last):" || block_) return false;
      tb_.emplace();
      tb_->tool = "python";
      tb_->kind = FailureKind::crash;
      tb_->log_line = number;
      tb_frames_.clear();
      tb_third_party_ = true;
      return true;
    }
    tb_frames_.add(text);
    Frame frame;
    std::string rest;
    if (location(text, frame, rest)) {
      bool third_party = parse::third_party_path(frame.file);
      if (!third_party || tb_third_party_) {
        tb_->file = frame.file;
        tb_->line = frame.line;
        tb_third_party_ = third_party;
      }
      return true;
    }
    if (text.empty() || text[0] == ' ' || text[0] == '\t') return true;
    // The first line that is not indented names the exception.
    tb_->message = std::string(text);
    tb_->detail = tb_frames_.text();
    pending_crash_ = std::move(tb_);
    tb_.reset();
    return true;
  }

  static bool chained(std::string_view text) {
    return util::starts_with(text, "During handling of the above exception") ||
           util::starts_with(text, "The above exception was the direct cause");
  }

  /// Reports the finished traceback unless a chained one follows (the last is what failed).
  void end_traceback(Collector& out, bool superseded) {
    if (pending_crash_ && !superseded) {
      out.detected("python");
      out.add(std::move(*pending_crash_));
    }
    pending_crash_.reset();
  }

  Section section_ = Section::none;
  std::optional<Block> block_;
  std::vector<Block> blocks_;
  std::vector<SummaryEntry> summary_;
  std::optional<Failure> tb_, pending_crash_;
  Excerpt tb_frames_;
  bool tb_third_party_ = true;
};

}  // namespace

std::unique_ptr<LogParser> make_pytest_parser() {
  return std::make_unique<PytestParser>();
}

}  // namespace copilot::triage
