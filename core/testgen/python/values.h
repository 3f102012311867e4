#pragma once
// Python values for test inputs: from type hints, defaults and raise guards.
// Expressions that name the module under test start with "$M." (the renderer
// substitutes the module's alias).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testgen/unit.h"

namespace copilot::testgen::python {

struct Value {
  std::string label;  ///< "one", "zero", "negative", "empty", "many", "none", ...
  std::string expr;   ///< Python expression
};

/// Values a parameter can take, typical one first (the base of a table), then
/// boundaries; empty when neither the hint nor the default says enough.
std::vector<Value> values_for(const Param& p);

/// A falsy value of the parameter's type (0, "", [], None).
std::string falsy_for(const Param& p);

/// What an isinstance() check on the result can name for a return hint.
struct ReturnCheck {
  std::string type;       ///< "int", "(int, float)", "$M.Order", "None"; "" when nothing can be checked
  bool optional = false;  ///< None is also fine
};
ReturnCheck return_check(std::string_view annotation, const std::set<std::string, std::less<>>& module_classes);

/// Parameter → value that makes a guard condition true.
using Solution = std::map<std::string, std::string>;

/// Solves simple guards: `not x`, `x is None`, `x < 0`, `len(x) > 3`,
/// `x not in (...)`, `not isinstance(x, T)`, joined by `and`/`or`. nullopt
/// when the guard is beyond that (the raise then gets no concrete test).
std::optional<Solution> solve_guard(std::string_view guard, const std::vector<Param>& params,
                                    const std::set<std::string, std::less<>>& module_names);

}  // namespace copilot::testgen::python
