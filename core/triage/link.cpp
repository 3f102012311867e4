// Paths in CI logs point into another machine's checkout
// (/home/runner/work/app/app/src/x.py, /var/lib/jenkins/workspace/job/src/x.py)
// or are relative to the directory a tool ran in; link them by suffix.
#include <algorithm>

#include "triage/parser.h"
#include "triage/triage.h"
#include "util/strings.h"

namespace copilot::triage {
namespace {

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  for (auto part : util::split(path, '/'))
    if (!part.empty()) out.push_back(part);
  return out;
}

/// '/'-separated, without "file://", "./" and resolvable "..".
std::string normalize_path(std::string_view raw) {
  if (util::starts_with(raw, "file://")) raw.remove_prefix(7);
  std::string path(raw);
  std::replace(path.begin(), path.end(), '\\', '/');
  bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string_view> kept;
  for (auto part : components(path)) {
    if (part == ".") continue;
    if (part == ".." && !kept.empty() && kept.back() != "..") {
      kept.pop_back();
      continue;
    }
    kept.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < kept.size(); ++i) out += (i ? "/" : "") + std::string(kept[i]);
  return out;
}

}  // namespace

PathLinker::PathLinker(std::string root, std::vector<std::string> files)
    : root_(std::move(root)), files_(std::move(files)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  std::sort(files_.begin(), files_.end());
  for (size_t i = 0; i < files_.size(); ++i) {
    std::string_view f = files_[i];
    size_t slash = f.rfind('/');
    by_name_[std::string(slash == std::string_view::npos ? f : f.substr(slash + 1))].push_back(i);
  }
}

PathLinker::Link PathLinker::link(std::string_view log_path) const {
  std::string path = normalize_path(log_path);
  if (path.empty()) return {};
  auto tracked = [&](std::string_view rel) { return std::binary_search(files_.begin(), files_.end(), rel); };
  if (!root_.empty() && util::starts_with(path, root_ + "/")) {
    std::string rel = path.substr(root_.size() + 1);
    if (tracked(rel)) return {rel, ""};
  }
  if (path[0] != '/' && tracked(path)) return {path, ""};
  if (parse::third_party_path(path)) return {"", "outside the repository (an installed package or system file)"};

  auto parts = components(path);
  if (parts.empty() || parts.back() == "..") return {"", "not a file of the repository"};
  auto it = by_name_.find(std::string(parts.back()));
  if (it == by_name_.end()) return {"", "not a file of the repository"};
  // The longest suffix wins when it covers the whole repository path (the log
  // path is a checkout elsewhere) or the whole log path (it is relative to a
  // subdirectory). A match on a few trailing names alone is not a link.
  size_t best = 0;
  std::vector<size_t> winners;
  for (size_t index : it->second) {
    auto file = components(files_[index]);
    size_t k = 0;
    while (k < file.size() && k < parts.size() && file[file.size() - 1 - k] == parts[parts.size() - 1 - k]) ++k;
    bool whole = k == file.size() || (k == parts.size() && path[0] != '/');
    if (!whole || k < best) continue;
    if (k > best) winners.clear();
    best = k;
    winners.push_back(index);
  }
  if (winners.empty()) return {"", "not a file of the repository"};
  if (winners.size() > 1)
    return {"", "ambiguous: " + std::to_string(winners.size()) + " files of the repository match (" +
                    files_[winners[0]] + ", " + files_[winners[1]] + (winners.size() > 2 ? ", ..." : "") + ")"};
  return {files_[winners[0]], ""};
}

}  // namespace copilot::triage
