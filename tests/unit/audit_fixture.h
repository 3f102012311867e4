#pragma once
// An in-memory repository for audit detector tests.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "audit/input.h"

namespace copilot::testing {

class AuditRepo {
 public:
  using Files = std::vector<std::pair<std::string, std::string>>;

  AuditRepo(const Files& files, audit::AuditOptions options = {})
      : ws_(workspace::Workspace::from_memory(files)), options_(std::move(options)), input_{ws_, options_, diags_} {}
  AuditRepo(std::initializer_list<std::pair<std::string, std::string>> files) : AuditRepo(Files(files)) {}
  AuditRepo(const AuditRepo&) = delete;
  AuditRepo& operator=(const AuditRepo&) = delete;

  const audit::AuditInput& input() const { return input_; }
  std::vector<Diagnostic> diagnostics() const { return diags_.snapshot(); }

 private:
  workspace::Workspace ws_;
  audit::AuditOptions options_;
  mutable Diagnostics diags_;
  audit::AuditInput input_;
};

/// Runs one detector over in-memory files: its section and the diagnostics it raised.
template <typename Detect>
auto detect_in_memory(Detect detect, const AuditRepo::Files& files, audit::AuditOptions options = {}) {
  AuditRepo repo(files, std::move(options));
  auto section = detect(repo.input());
  return std::make_pair(std::move(section), repo.diagnostics());
}

}  // namespace copilot::testing
