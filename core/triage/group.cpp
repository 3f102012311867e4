// Repeated failures become one group: the same test failing in three jobs, or
// one header's error reported by every translation unit that includes it.
#include <algorithm>
#include <unordered_map>

#include "triage/triage.h"
#include "util/hash.h"

namespace copilot::triage {
namespace {

/// A test is known by its name; anything else by where it happened.
std::string group_key(const Failure& f, const std::string& file) {
  std::string key = f.tool + '\0' + std::string(to_string(f.kind)) + '\0';
  if (!f.test.empty())
    key += "test\0" + f.test;
  else
    key += "at\0" + file + ':' + std::to_string(f.line);
  return key + '\0' + normalize_message(f.message);
}

}  // namespace

std::vector<FailureGroup> group_failures(const std::vector<LogScan>& logs, const PathLinker& linker) {
  std::vector<FailureGroup> groups;
  std::unordered_map<std::string, size_t> index;
  std::unordered_map<std::string, PathLinker::Link> links;  // each distinct path is resolved once
  for (const auto& log : logs) {
    for (const auto& f : log.failures) {
      auto [link_it, fresh] = links.try_emplace(f.file);
      if (fresh && !f.file.empty()) link_it->second = linker.link(f.file);
      const PathLinker::Link& link = link_it->second;
      bool linked = !link.file.empty();
      std::string file = linked ? link.file : f.file;
      std::string key = group_key(f, file);
      auto [it, added] = index.try_emplace(key, groups.size());
      if (added) {
        FailureGroup g;
        g.failure = f;
        g.file = file;
        g.linked = linked;
        g.link_note = f.file.empty() ? "" : link.note;
        g.fingerprint = util::hash_hex(key);
        groups.push_back(std::move(g));
      }
      FailureGroup& g = groups[it->second];
      ++g.count;
      if (g.occurrences.size() < kMaxOccurrences)
        g.occurrences.push_back({log.summary.name, f.log_line, f.line, f.column});
    }
  }
  // Most frequent first; ties keep the order the failures appeared in.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const FailureGroup& a, const FailureGroup& b) { return a.count > b.count; });
  return groups;
}

}  // namespace copilot::triage
