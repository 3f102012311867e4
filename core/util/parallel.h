#pragma once
#include <cstddef>
#include <functional>

namespace copilot::util {

/// Runs fn(i) for i in [0, n) on up to `jobs` threads (0 = all cores).
/// fn must be safe to call concurrently for distinct i.
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

unsigned default_jobs();

}  // namespace copilot::util
