#include "audit/git_insight.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace copilot::audit {
namespace {
constexpr size_t kTopFiles = 10;
}

GitSection git_insight(const AuditInput& input, int64_t now_unix) {
  GitSection out;
  out.since_days = input.options.since_days;
  workspace::Repo* repo = input.workspace.repo();
  if (!repo) return out;
  auto history = repo->history(now_unix - int64_t{input.options.since_days} * 86400);
  if (!history) {
    input.diagnostics.add(".git", "cannot read history: " + history.error().message);
    return out;
  }
  out.available = true;
  out.shallow = history->shallow;
  out.commits = history->commits;
  for (const auto& a : history->authors) out.authors.push_back({a.name, a.email, a.commits});

  const std::string& prefix = input.workspace.prefix_in_repo();
  std::map<std::string, int64_t> churn_by_author;
  int64_t total_churn = 0;
  std::vector<FileInsight> files;
  for (const auto& [path, h] : history->files) {
    if (path.rfind(prefix, 0) != 0) continue;
    std::string rel = path.substr(prefix.size());
    const workspace::FileEntry* entry = input.workspace.find(rel);
    if (!entry || !entry->analysed()) continue;  // deleted, vendored or binary
    FileInsight fi;
    fi.path = rel;
    fi.commits = h.commits;
    fi.churn = h.lines_added + h.lines_deleted;
    if (entry->language) fi.size_lines = workspace::count_lines(*entry->language, entry->content).code;
    int64_t best = -1;
    for (const auto& [email, lines] : h.lines_by_author) {
      churn_by_author[email] += lines;
      if (lines > best) {
        best = lines;
        fi.top_author = email;
      }
    }
    fi.top_share =
        fi.churn > 0 ? std::round(100.0 * static_cast<double>(best) / static_cast<double>(fi.churn)) / 100 : 0;
    total_churn += fi.churn;
    files.push_back(std::move(fi));
  }

  // Bus factor: how few authors cover half of all churn.
  std::vector<int64_t> shares;
  for (auto& [_, lines] : churn_by_author) shares.push_back(lines);
  std::sort(shares.rbegin(), shares.rend());
  int64_t covered = 0;
  for (int64_t s : shares) {
    if (total_churn == 0 || covered * 2 >= total_churn) break;
    covered += s;
    ++out.bus_factor;
  }

  double max_score = 0;
  for (const auto& f : files)
    max_score = std::max(max_score, static_cast<double>(f.churn) * static_cast<double>(f.size_lines));
  for (auto& f : files)
    f.hotspot =
        max_score > 0
            ? std::round(1000.0 * static_cast<double>(f.churn) * static_cast<double>(f.size_lines) / max_score) / 10
            : 0;

  out.churn = files;
  std::sort(out.churn.begin(), out.churn.end(),
            [](const auto& a, const auto& b) { return a.churn != b.churn ? a.churn > b.churn : a.path < b.path; });
  if (out.churn.size() > kTopFiles) out.churn.resize(kTopFiles);
  out.hotspots = files;
  std::sort(out.hotspots.begin(), out.hotspots.end(), [](const auto& a, const auto& b) {
    return a.hotspot != b.hotspot ? a.hotspot > b.hotspot : a.path < b.path;
  });
  if (out.hotspots.size() > kTopFiles) out.hotspots.resize(kTopFiles);
  return out;
}

}  // namespace copilot::audit
