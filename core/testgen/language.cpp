#include "testgen/language.h"

#include "testgen/cpp/cpp.h"
#include "testgen/golang/golang.h"
#include "testgen/javascript/javascript.h"
#include "testgen/python/python.h"

namespace copilot::testgen {

const std::vector<LanguageSupport>& languages() {
  static const std::vector<LanguageSupport> table = {
      python::support(),
      javascript::support(),
      golang::support(),
      cpp::support(),
  };
  return table;
}

const LanguageSupport* language_for(std::string_view language_id) {
  for (const auto& l : languages())
    if (l.language == language_id || (!l.also.empty() && l.also == language_id)) return &l;
  return nullptr;
}

const LanguageSupport* language_for_framework(std::string_view framework) {
  for (const auto& l : languages())
    if (l.framework == framework) return &l;
  return nullptr;
}

}  // namespace copilot::testgen
