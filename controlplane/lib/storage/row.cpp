#include <charconv>

#include "storage/database.h"

namespace copilot::controlplane {

int64_t Row::integer(size_t i) const {
  const Value& v = cells.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

std::string Row::text(size_t i) const {
  const Value& v = cells.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return {};
}

}  // namespace copilot::controlplane
