#include "testgen/characterize.h"

namespace copilot::testgen {

bool characterizable(const TestCase& c) {
  return c.kind == TestCase::Kind::boundary && c.not_characterizable.empty() && !c.on_instance && !c.is_property;
}

void apply_characterization(std::vector<TestCase>& cases, const nlohmann::json& results) {
  std::vector<TestCase> kept;
  for (auto& c : cases) {
    if (!results.contains(c.id)) {
      kept.push_back(std::move(c));
      continue;
    }
    TestCase values = c, errors = c;
    values.kind = errors.kind = TestCase::Kind::characterized;
    values.id = c.unit + ":characterized";
    errors.id = c.unit + ":characterized-raises";
    values.rows.clear();
    errors.rows.clear();
    for (const auto& r : c.rows) {
      const auto& rec = results[c.id].value(r.label, nlohmann::json::object());
      Row row = r;
      if (rec.contains("expected")) {
        row.expected = rec["expected"].get<std::string>();
        values.rows.push_back(row);
      } else if (rec.contains("error")) {
        row.error = rec["error"].get<std::string>();
        errors.rows.push_back(row);
      }
    }
    // The recorded tables supersede the type check on the same inputs.
    if (values.rows.empty() && errors.rows.empty()) kept.push_back(std::move(c));
    if (!values.rows.empty()) kept.push_back(std::move(values));
    if (!errors.rows.empty()) kept.push_back(std::move(errors));
  }
  cases = std::move(kept);
}

}  // namespace copilot::testgen
