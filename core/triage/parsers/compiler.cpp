// Compiler diagnostics in the "file:line[:col]: error: message" form of gcc,
// clang, javac and mypy, with the excerpt and "note:" lines that follow an
// error attached to it; and linker errors (GNU ld, gold, lld): "undefined
// reference to", "multiple definition of", "cannot find -lx".
#include <re2/re2.h>

#include <optional>

#include "triage/parser.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

constexpr std::string_view kCFamily[] = {".c",   ".cc",  ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp",
                                         ".hxx", ".h++", ".ipp", ".tpp", ".inl", ".m", ".mm", ".cu"};

/// Which compiler wrote a diagnostic, from its file and the excerpt under it:
/// gcc numbers its excerpt lines ("  6 |"), clang does not.
std::string tool_for(std::string_view file, bool gutter, bool caret) {
  auto ext_at = file.rfind('.');
  std::string ext = ext_at == std::string_view::npos ? "" : util::to_lower(file.substr(ext_at));
  if (ext == ".java") return "javac";
  if (ext == ".py" || ext == ".pyi") return "mypy";
  if (ext == ".kt") return "kotlinc";
  if (gutter) return "gcc";
  if (caret) return "clang";
  for (auto e : kCFamily)
    if (ext == e) return "cc";
  return "compiler";
}

class CompilerParser : public LogParser {
 public:
  void line(std::string_view text, int number, Collector& out) override {
    if (diagnostic(text, number, out)) return;
    if (linker(text, number, out)) return;
    if (driver(text, number, out)) return;
    if (error_) excerpt(text, out);
  }

  void finish(Collector& out) override { end_error(out); }

 private:
  bool diagnostic(std::string_view text, int number, Collector& out) {
    static const RE2 kDiagnostic(R"(([^\s:][^:]*?):(\d+):(?:(\d+):)? (fatal error|error|warning|note|remark): (.*))");
    if (!util::contains(text, "error: ") && !util::contains(text, "warning: ") && !util::contains(text, "note: "))
      return false;
    Failure f;
    std::string severity;
    parse::Number column;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kDiagnostic, &f.file, &f.line, &column, &severity,
                        &f.message))
      return false;
    f.column = column.value;
    if (severity == "note") {
      if (error_) add_detail(text, true);
      return true;
    }
    end_error(out);
    if (severity != "error" && severity != "fatal error") return true;  // warnings do not fail a build
    f.kind = FailureKind::compile_error;
    f.log_line = number;
    error_ = std::move(f);
    detail_.clear();
    detail_.add(text);
    expect_source_ = true;
    gutter_ = caret_ = false;
    return true;
  }

  /// Lines under an error: the source excerpt and caret line, notes, and
  /// javac's "symbol:"/"location:" lines. The first line after a diagnostic
  /// is its source line even when it is not indented (clang, javac).
  void excerpt(std::string_view text, Collector& out) {
    static const RE2 kGutter(R"(\s*\d*\s+\|.*)");
    bool indented = !text.empty() && (text[0] == ' ' || text[0] == '\t');
    static const RE2 kCount(R"(\d+ errors?)");  // javac's closing count
    bool ends_block = text.empty() || util::starts_with(text, "In file included from") ||
                      util::contains(text, ": In function") || util::contains(text, ": In member function") ||
                      util::ends_with(text, " generated.") ||
                      RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kCount);
    if (ends_block || (!indented && !expect_source_)) {
      end_error(out);
      return;
    }
    expect_source_ = false;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kGutter)) gutter_ = true;
    std::string_view body = parse::trim(text);
    if (!body.empty() && body.find_first_not_of("^~ ") == std::string_view::npos) caret_ = true;
    add_detail(text, false);
  }

  void add_detail(std::string_view text, bool note) {
    detail_.add(text);
    if (note) expect_source_ = true;
  }

  void end_error(Collector& out) {
    if (!error_) return;
    Failure f = std::move(*error_);
    error_.reset();
    f.tool = tool_for(f.file, gutter_, caret_);
    f.detail = detail_.text();
    out.detected(f.tool);
    out.add(std::move(f));
  }

  /// "x.cpp:(.text+0x9): undefined reference to `f()'", "/usr/bin/ld: x.o:
  /// in function `main':" (kept as context), "ld.lld: error: undefined symbol: f".
  bool linker(std::string_view text, int number, Collector& out) {
    static const RE2 kReference(
        R"((?:\S*ld(?:\.\w+)?: )?(?:(.+?):(?:(\d+)|\([^)]*\))?: )?((?:undefined reference to|multiple definition of) .*))");
    static const RE2 kMissingLibrary(R"(\S*ld(?:\.\w+)?: (?:error: )?(cannot find -l\S+?)(?::.*)?)");
    static const RE2 kLld(R"(\S*ld(?:\.\w+)?: error: (undefined symbol: .*|duplicate symbol: .*))");
    static const RE2 kInFunction(R"(\S*ld(?:\.\w+)?: .*: in function .*)");
    bool reference = util::contains(text, "undefined reference") || util::contains(text, "multiple definition");
    if (!reference && !util::contains(text, "ld")) return false;
    re2::StringPiece piece(text.data(), text.size());
    Failure f;
    std::string file;
    parse::Number line;
    if (reference && RE2::FullMatch(piece, kReference, &file, &line, &f.message)) {
      f.line = line.value;
      // An object file or archive is no place to fix anything; a source file is.
      bool object = util::ends_with(file, ".o") || util::ends_with(file, ".a") || util::ends_with(file, ".so") ||
                    util::ends_with(file, ".obj") || util::contains(file, ".a(");
      if (!object) f.file = file;
    } else if (!RE2::FullMatch(piece, kMissingLibrary, &f.message) && !RE2::FullMatch(piece, kLld, &f.message)) {
      if (RE2::FullMatch(piece, kInFunction)) context_ = std::string(text);
      return false;
    }
    end_error(out);
    f.tool = "ld";
    f.kind = FailureKind::link_error;
    f.log_line = number;
    f.detail = context_.empty() ? std::string(text) : context_ + "\n" + std::string(text);
    context_.clear();
    out.detected("ld");
    out.add(std::move(f));
    return true;
  }

  /// "collect2: error: ld returned 1 exit status", "clang: error: linker
  /// command failed" (consequences of the linker errors above) and other
  /// compiler driver errors ("g++: error: x.cpp: No such file or directory").
  bool driver(std::string_view text, int number, Collector& out) {
    static const RE2 kDriver(
        R"((collect2|clang(?:\+\+)?(?:-\d+)?|g\+\+(?:-\d+)?|gcc(?:-\d+)?|c\+\+|cc|cc1(?:plus)?): (?:fatal )?error: (.*))");
    std::string driver, message;
    if (!util::contains(text, "error: ") ||
        !RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kDriver, &driver, &message))
      return false;
    end_error(out);
    Failure f;
    f.log_line = number;
    f.message = message;
    f.detail = std::string(text);
    bool linking = driver == "collect2" || util::starts_with(message, "linker command failed") ||
                   util::starts_with(message, "ld returned");
    if (linking) {
      f.tool = "ld";
      f.kind = FailureKind::link_error;
      out.add_fallback(std::move(f));
    } else {
      f.tool = util::starts_with(driver, "clang") ? "clang" : "gcc";
      f.kind = FailureKind::compile_error;
      out.add(std::move(f));
    }
    return true;
  }

  std::optional<Failure> error_;
  Excerpt detail_;
  bool expect_source_ = false;
  bool gutter_ = false, caret_ = false;
  std::string context_;  ///< the linker's latest "in function" line
};

}  // namespace

std::unique_ptr<LogParser> make_compiler_parser() {
  return std::make_unique<CompilerParser>();
}

}  // namespace copilot::triage
