#pragma once
// What every analysis gate reads from its settings, whatever its kind.
#include "release/analysis.h"
#include "release/settings_reader.h"

namespace copilot::release {

inline void read_common(SettingsReader& r, AnalysisGate& gate, const std::string& default_name) {
  gate.kind = r.string("kind").value_or("");
  gate.name = r.string("name").value_or(default_name);
  if (auto v = r.number("count")) gate.count = std::max(1, static_cast<int>(*v));
  if (auto v = r.duration("interval")) gate.interval = *v;
  if (auto v = r.number("failure_limit")) gate.failure_limit = std::max(0, static_cast<int>(*v));
  if (auto v = r.number("inconclusive_limit")) gate.inconclusive_limit = std::max(0, static_cast<int>(*v));
}

/// A block's settings reader, and its errors marked as configuration errors.
inline Result<void> finish_settings(SettingsReader& r) {
  if (auto done = r.finish(); !done) return Error{done.error().message, true};
  return {};
}

}  // namespace copilot::release
