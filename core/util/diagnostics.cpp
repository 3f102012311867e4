#include "util/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace copilot {

std::vector<Diagnostic> Diagnostics::take_sorted() {
  std::lock_guard lock(mu_);
  std::vector<Diagnostic> out = std::move(items_);
  items_.clear();
  std::sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.message) < std::tie(b.file, b.line, b.message);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.file == b.file && a.line == b.line && a.message == b.message;
                        }),
            out.end());
  return out;
}

}  // namespace copilot
