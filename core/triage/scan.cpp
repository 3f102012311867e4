// Reads logs as a stream of lines (a 100 MB log never sits in memory whole)
// and feeds each cleaned line to every parser family.
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>

#include "triage/parser.h"
#include "triage/triage.h"
#include "workspace/workspace.h"

namespace copilot::triage {
namespace {

/// Longer lines are cut: no tool puts a failure's key facts past this.
constexpr size_t kMaxLineBytes = 64 * 1024;
constexpr size_t kChunkBytes = 1 << 20;

class LineScanner {
 public:
  explicit LineScanner(const std::string& name) {
    summary_.name = name;
    for (const auto& family : parser_families()) parsers_.push_back(family.make());
  }

  /// Appends bytes of the log; complete lines are parsed at once.
  void feed(std::string_view bytes) {
    while (!bytes.empty()) {
      size_t newline = bytes.find('\n');
      std::string_view part = bytes.substr(0, newline);
      if (pending_.size() < kMaxLineBytes) pending_.append(part.substr(0, kMaxLineBytes - pending_.size()));
      if (newline == std::string_view::npos) return;
      process(pending_);
      pending_.clear();
      bytes.remove_prefix(newline + 1);
    }
  }

  LogScan finish() {
    if (!pending_.empty()) process(pending_);
    for (auto& p : parsers_) p->finish(collector_);
    LogScan scan;
    scan.failures = collector_.take_failures();
    summary_.tools.assign(collector_.tools().begin(), collector_.tools().end());
    summary_.failures = scan.failures.size();
    scan.summary = std::move(summary_);
    return scan;
  }

 private:
  void process(std::string_view raw) {
    ++summary_.lines;
    clean_line(raw, cleaned_);
    int number = summary_.lines > INT_MAX ? INT_MAX : static_cast<int>(summary_.lines);
    for (auto& p : parsers_) p->line(cleaned_, number, collector_);
  }

  LogSummary summary_;
  std::vector<std::unique_ptr<LogParser>> parsers_;
  Collector collector_;
  std::string pending_;
  std::string cleaned_;
};

}  // namespace

Result<LogScan> scan_log(std::istream& in, const std::string& name) {
  LineScanner scanner(name);
  std::string buffer(kChunkBytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize got = in.gcount();
    if (got > 0) scanner.feed(std::string_view(buffer.data(), static_cast<size_t>(got)));
  }
  if (in.bad()) return Error{"cannot read " + name + ": read error"};
  return scanner.finish();
}

LogScan scan_text(std::string_view text, const std::string& name) {
  LineScanner scanner(name);
  scanner.feed(text);
  return scanner.finish();
}

Result<TriageReport> run_triage(const TriageRequest& request) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root = fs::canonical(request.root, ec);
  if (ec) return Error{"repository root " + request.root.string() + ": " + ec.message(), true};
  if (!fs::is_directory(root)) return Error{"repository root " + request.root.string() + ": not a directory", true};

  // Every log opens before any is read: a wrong name fails fast.
  std::vector<std::string> names = request.logs.empty() ? std::vector<std::string>{"-"} : request.logs;
  std::vector<std::unique_ptr<std::ifstream>> files;
  for (const auto& name : names) {
    if (name == "-") {
      if (!request.standard_input) return Error{"no standard input to read the log from", true};
      files.push_back(nullptr);
      continue;
    }
    if (fs::is_directory(name, ec)) return Error{"cannot read log " + name + ": is a directory", true};
    auto file = std::make_unique<std::ifstream>(name, std::ios::binary);
    if (!*file) return Error{"cannot read log " + name + ": " + std::strerror(errno), true};
    files.push_back(std::move(file));
  }

  Diagnostics diagnostics;  // a plain directory walk is fine here: nothing to report
  workspace::WalkOptions walk;
  walk.read_contents = false;
  auto ws = workspace::Workspace::open(root, walk, 1, diagnostics);
  if (!ws) return Error{ws.error().message};
  std::vector<std::string> paths;
  paths.reserve(ws->files().size());
  for (const auto& f : ws->files()) paths.push_back(f.path);
  PathLinker linker(root.string(), std::move(paths));

  std::vector<LogScan> scans;
  for (size_t i = 0; i < names.size(); ++i) {
    std::istream& in = files[i] ? *files[i] : *request.standard_input;
    auto scan = scan_log(in, names[i]);
    if (!scan) return scan.error();
    scans.push_back(std::move(*scan));
  }

  TriageReport report;
  report.root = root.string();
  report.groups = group_failures(scans, linker);
  for (const auto& g : report.groups) report.failures += g.count;
  for (auto& s : scans) report.logs.push_back(std::move(s.summary));
  return report;
}

}  // namespace copilot::triage
