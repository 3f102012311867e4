#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/input.h"

namespace copilot::audit {

struct AuthorSummary {
  std::string name;
  std::string email;
  int commits = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AuthorSummary, name, email, commits)

struct FileInsight {
  std::string path;
  int commits = 0;
  int64_t churn = 0;       ///< lines added + deleted in the window
  int64_t size_lines = 0;  ///< current lines of code
  std::string top_author;  ///< email of the author with most churn
  double top_share = 0;    ///< that author's share of the churn, 0–1
  double hotspot = 0;      ///< churn × code lines, normalised to the largest = 100
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FileInsight, path, commits, churn, size_lines, top_author, top_share, hotspot)

struct GitSection {
  bool available = false;
  bool shallow = false;
  int since_days = 0;
  int commits = 0;
  std::vector<AuthorSummary> authors;
  int bus_factor = 0;                 ///< fewest authors who together own half of the churn
  std::vector<FileInsight> churn;     ///< top files by churn
  std::vector<FileInsight> hotspots;  ///< top files by churn × size
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(GitSection, available, shallow, since_days, commits, authors, bus_factor, churn,
                                   hotspots)

/// Reads history newer than `now - since_days`; `now` is a parameter so tests are stable.
GitSection git_insight(const AuditInput& input, int64_t now_unix);

}  // namespace copilot::audit
