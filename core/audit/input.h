#pragma once
// What every audit detector reads: the loaded workspace plus shared services.
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "util/diagnostics.h"
#include "workspace/workspace.h"

namespace copilot::audit {

struct AuditOptions {
  int since_days = 90;                        ///< git insight window
  std::vector<std::string> secret_allowlist;  ///< secret fingerprints to silence
  unsigned jobs = 0;
};

struct AuditInput {
  const workspace::Workspace& workspace;
  const AuditOptions& options;
  Diagnostics& diagnostics;

  const std::vector<workspace::FileEntry>& files() const { return workspace.files(); }
  /// Loaded content of a file, or nullptr when absent or not loaded.
  const std::string* content(std::string_view path) const {
    const workspace::FileEntry* f = workspace.find(path);
    return f && f->loaded ? &f->content : nullptr;
  }
};

/// Builds Evidence for byte `offset` of `content` (line number and trimmed line text).
Evidence evidence_at(const std::string& file, std::string_view content, size_t offset);
/// Builds Evidence for a 1-based line of `content`.
Evidence evidence_line(const std::string& file, std::string_view content, int line);

}  // namespace copilot::audit
