#pragma once
// CI log triage: build and test logs in, structured failures out. Parsers for
// each tool family read the log line by line; failures are grouped (the same
// failure repeated, or seen again in another run's log) and their files are
// linked to the repository the logs were produced from.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/result.h"

namespace copilot::triage {

enum class FailureKind { test_failure, test_error, compile_error, link_error, build_failure, crash };

std::string_view to_string(FailureKind kind);

/// One failure as a parser found it in a log.
struct Failure {
  FailureKind kind = FailureKind::test_failure;
  std::string tool;     ///< pytest, gtest, ctest, jest, vitest, go, maven, gradle, gcc, clang, javac, ld, tsc, ...
  std::string test;     ///< the test's name in the tool's own notation; empty unless a test failed
  std::string file;     ///< as the log wrote it (often absolute on another machine); empty when unknown
  int line = 0;         ///< 1-based; 0 when unknown
  int column = 0;       ///< 1-based; 0 when unknown
  std::string message;  ///< the first line of the error
  std::string detail;   ///< the relevant excerpt of the log, capped
  int log_line = 0;     ///< 1-based line of the log where the failure starts
};

/// One place a grouped failure was seen.
struct Occurrence {
  std::string log;
  int log_line = 0;
  int line = 0;
  int column = 0;
};

/// Repeated failures (same tool, kind, normalized message, and test or location).
struct FailureGroup {
  Failure failure;          ///< the first occurrence, as parsed
  std::string file;         ///< repository-relative when linked, else the path as the log wrote it
  bool linked = false;      ///< `file` is a file of the repository
  std::string link_note;    ///< why the file could not be linked; empty when linked or when there is no file
  std::string fingerprint;  ///< stable across runs: a hash of the grouping key
  size_t count = 0;         ///< occurrences, all of them
  std::vector<Occurrence> occurrences;  ///< the first kMaxOccurrences, in log order
};

constexpr size_t kMaxOccurrences = 100;

/// What one log contained.
struct LogSummary {
  std::string name;                ///< the path given, or "-" for standard input
  int64_t lines = 0;               ///< lines read
  std::vector<std::string> tools;  ///< tool families recognized in it, sorted
  size_t failures = 0;             ///< failures found in it (before grouping)
};

struct TriageReport {
  std::string root;  ///< absolute path of the repository files were linked to
  std::vector<LogSummary> logs;
  std::vector<FailureGroup> groups;  ///< most frequent first, then in order of appearance
  size_t failures = 0;               ///< occurrences over all groups
  /// True when some log held output of a tool we know, failing or not.
  bool recognized() const;
  size_t unlinked_files() const;
};

/// Everything one log yielded, before grouping.
struct LogScan {
  LogSummary summary;
  std::vector<Failure> failures;
};

/// Reads a log line by line and runs every parser over it. Only a read error
/// fails; junk and unknown formats just yield nothing.
Result<LogScan> scan_log(std::istream& in, const std::string& name);
/// The same over a string (tests, small inputs).
LogScan scan_text(std::string_view text, const std::string& name = "log");

/// A log line as the tool printed it: ANSI escape sequences, carriage-return
/// overwrites and the timestamp prefixes of GitHub Actions and Jenkins removed.
std::string clean_line(std::string_view raw);
/// The same into a reused buffer (the scanner's hot path).
void clean_line(std::string_view raw, std::string& out);

/// The message with what varies between runs replaced: numbers, hex addresses,
/// hashes, UUIDs and temporary paths; whitespace collapsed.
std::string normalize_message(std::string_view message);

/// Resolves paths seen in logs to files of a repository: exact, under the
/// repository's own absolute path, else by the longest matching path suffix
/// (logs are often written on another machine, or relative to a subdirectory).
class PathLinker {
 public:
  /// `root`: the repository's absolute path; `files`: its files, '/'-separated, relative.
  PathLinker(std::string root, std::vector<std::string> files);

  struct Link {
    std::string file;  ///< repository-relative; empty when not linked
    std::string note;  ///< why not, when not linked
  };
  Link link(std::string_view log_path) const;

 private:
  std::string root_;
  std::vector<std::string> files_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;  ///< basename → indices into files_
};

/// Groups the failures of every log, links their files, and orders the groups
/// most frequent first.
std::vector<FailureGroup> group_failures(const std::vector<LogScan>& logs, const PathLinker& linker);

struct TriageRequest {
  std::vector<std::string> logs;           ///< paths; "-" (or no path at all) reads `standard_input`
  std::istream* standard_input = nullptr;  ///< required when a log is "-"
  std::filesystem::path root = ".";        ///< the repository to link files to
};

/// Scans every log, groups and links. An unreadable log or root is a usage
/// error naming it; a read error part-way is a runtime error.
Result<TriageReport> run_triage(const TriageRequest& request);

/// The documented JSON shape (schemas/triage.schema.json).
nlohmann::json to_json(const TriageReport& report);

}  // namespace copilot::triage
