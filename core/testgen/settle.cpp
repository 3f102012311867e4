#include <set>

#include "testgen/work.h"

namespace copilot::testgen {

const char* to_string(TestCase::Kind kind) {
  switch (kind) {
    case TestCase::Kind::smoke: return "smoke";
    case TestCase::Kind::fixture: return "fixture";
    case TestCase::Kind::doctest: return "doctest";
    case TestCase::Kind::raises: return "raises";
    case TestCase::Kind::boundary: return "boundary";
    case TestCase::Kind::characterized: return "characterized";
    case TestCase::Kind::skeleton: return "skeleton";
    case TestCase::Kind::model: return "llm";
  }
  return "unknown";
}

void settle(std::vector<TestCase>& cases, std::vector<SkippedUnit>& skipped) {
  // A table whose result nothing checks would pass while asserting nothing.
  std::erase_if(cases, [](const TestCase& c) { return c.kind == TestCase::Kind::boundary && c.returns.empty(); });
  std::set<std::string, std::less<>> concrete;
  for (const auto& c : cases)
    if (c.kind != TestCase::Kind::skeleton && c.kind != TestCase::Kind::smoke) concrete.insert(c.unit);
  std::erase_if(cases, [&](const TestCase& c) { return c.kind == TestCase::Kind::skeleton && concrete.count(c.unit); });
  for (const auto& c : cases)
    if (c.kind == TestCase::Kind::skeleton) skipped.push_back({c.unit, c.reason});
}

}  // namespace copilot::testgen
