#pragma once
// Warnings about input that core could not fully use (unreadable file, broken
// manifest, ...). Collected, never printed by core: the CLI decides.
#include <mutex>
#include <string>
#include <vector>

namespace copilot {

struct Diagnostic {
  std::string file;  // relative path, or "" for the whole run
  int line = 0;      // 0 when unknown
  std::string message;
};

class Diagnostics {
 public:
  void add(std::string file, int line, std::string message) {
    std::lock_guard lock(mu_);
    items_.push_back({std::move(file), line, std::move(message)});
  }
  void add(std::string file, std::string message) { add(std::move(file), 0, std::move(message)); }
  std::vector<Diagnostic> take_sorted();
  std::vector<Diagnostic> snapshot() const {
    std::lock_guard lock(mu_);
    return items_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

}  // namespace copilot
