#include "report/combined.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using batch::Outcome;
using batch::Status;

std::string counts_line(const std::vector<Outcome>& outcomes) {
  size_t n[3] = {};
  for (const auto& o : outcomes) ++n[static_cast<int>(o.status)];
  return fmt::format("{} repositor{}: {} ok, {} gate failed, {} error{}", outcomes.size(),
                     outcomes.size() == 1 ? "y" : "ies", n[0], n[1], n[2], n[2] == 1 ? "" : "s");
}

/// The totals table as rows of cells: a header, one row per repository, the total.
std::vector<std::vector<std::string>> table(const std::vector<Outcome>& outcomes, const Totals& totals) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"repository", "status"};
  for (const auto& c : totals.columns) header.push_back(c.name);
  rows.push_back(header);
  std::vector<long long> sum(totals.columns.size(), 0);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    std::vector<std::string> row = {outcomes[i].repo.path, std::string(status_words(outcomes[i].status))};
    std::vector<long long> values;
    if (outcomes[i].status != Status::error && totals.row) values = totals.row(i);
    for (size_t c = 0; c < totals.columns.size(); ++c) {
      row.push_back(c < values.size() ? std::to_string(values[c]) : "-");
      if (c < values.size()) sum[c] += values[c];
    }
    rows.push_back(row);
  }
  std::vector<std::string> total = {"total", ""};
  for (size_t c = 0; c < totals.columns.size(); ++c)
    total.push_back(totals.columns[c].summed ? std::to_string(sum[c]) : "");
  rows.push_back(total);
  return rows;
}

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

/// Drops a leading title line and moves every other heading one level down.
std::string demote_headings(std::string_view markdown) {
  std::string out;
  auto lines = util::split_lines(markdown);
  size_t first = !lines.empty() && util::starts_with(lines[0], "#") ? 1 : 0;
  while (first < lines.size() && util::trim(lines[first]).empty()) ++first;
  for (size_t i = first; i < lines.size(); ++i)
    out += (util::starts_with(lines[i], "#") ? "#" : "") + std::string(lines[i]) + "\n";
  return out;
}

}  // namespace

std::string_view status_words(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::gate_failed: return "gate failed";
    case Status::error: return "error";
  }
  return "error";
}

std::string path_prefix(const std::filesystem::path& dir, const std::filesystem::path& cwd) {
  auto resolved = [](const std::filesystem::path& p) {
    std::error_code ec;
    auto r = std::filesystem::weakly_canonical(p, ec);
    return r.has_filename() ? r : r.parent_path();  // "repo/" and "repo" are one directory
  };
  std::string rel = resolved(dir).lexically_proximate(resolved(cwd)).generic_string();
  if (rel.empty() || rel == ".") return "";
  return rel.back() == '/' ? rel : rel + "/";
}

std::string combined_json(std::string_view command, const std::vector<Outcome>& outcomes,
                          const std::function<nlohmann::json(size_t i)>& report) {
  nlohmann::json repos = nlohmann::json::array();
  size_t n[3] = {};
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    ++n[static_cast<int>(o.status)];
    nlohmann::json repo = {{"path", o.repo.path}, {"status", batch::to_string(o.status)}};
    if (!o.repo.listed_at.empty()) repo["listed_at"] = o.repo.listed_at;
    if (o.status == Status::error)
      repo["error"] = o.error;
    else
      repo["report"] = report(i);
    repos.push_back(std::move(repo));
  }
  nlohmann::json out = {
      {"schema_version", kCombinedSchemaVersion},
      {"tool", {{"name", "copilot"}, {"version", COPILOT_VERSION}}},
      {"command", command},
      {"summary", {{"repositories", outcomes.size()}, {"ok", n[0]}, {"gate_failed", n[1]}, {"error", n[2]}}},
      {"repositories", std::move(repos)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string combined_text(std::string_view command, const std::vector<Outcome>& outcomes,
                          const std::function<std::string(size_t i)>& section, const Totals& totals, bool color) {
  auto bold = [color](const std::string& s) { return color ? "\x1b[1m" + s + "\x1b[0m" : s; };
  std::string out;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    out += bold(fmt::format("== {}: {} ==", o.repo.path, status_words(o.status))) + "\n\n";
    out += o.status == Status::error ? batch::where_listed(o.repo) + "error: " + o.error + "\n" : section(i);
    out += "\n";
  }
  out += bold(fmt::format("copilot {}: {}", command, counts_line(outcomes))) + "\n";
  auto rows = table(outcomes, totals);
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c)
      width[c] = std::max(width[c], static_cast<size_t>(review_detail::code_points(row[c])));
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      // Names to the left, counts to the right.
      std::string pad(width[c] - review_detail::code_points(row[c]), ' ');
      line += " " + (c < 2 ? row[c] + pad : pad + row[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string combined_markdown(std::string_view command, const std::vector<Outcome>& outcomes,
                              const std::function<std::string(size_t i)>& section, const Totals& totals) {
  std::string out = fmt::format("## copilot {}: {}\n\n", command, counts_line(outcomes));
  auto rows = table(outcomes, totals);
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    bool header = r == 0, total = r + 1 == rows.size();
    std::string line = "|";
    for (size_t c = 0; c < row.size(); ++c) {
      std::string text = header || (total && c == 0) ? capitalized(row[c])
                         : c == 0                    ? review_detail::markdown_code(row[c])
                                                     : review_detail::markdown_cell(row[c]);
      if (total && !text.empty()) text = "**" + text + "**";
      line += " " + text + " |";
    }
    out += line + "\n";
    if (header) {
      out += "| --- | --- |";
      for (size_t c = 2; c < row.size(); ++c) out += " ---: |";
      out += "\n";
    }
  }
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    out += fmt::format("\n### {}\n\n", review_detail::markdown_code(o.repo.path));
    if (o.status == Status::error)
      out += "**Error:** " + review_detail::markdown_cell(batch::where_listed(o.repo) + o.error) + "\n";
    else
      out += demote_headings(section(i));
  }
  return out;
}

}  // namespace copilot::report
