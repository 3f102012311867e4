#pragma once
// Test cases derived from units, before any framework's syntax: what to call,
// with which inputs, and what to expect. Values are source text in the
// module's language.
#include <string>
#include <vector>

#include "testgen/unit.h"

namespace copilot::testgen {

struct Arg {
  std::string name;   ///< parameter name
  std::string value;  ///< expression
  bool keyword = false;
};

/// One set of inputs of a table test, with what it returned or raised when
/// characterized ("" while unknown).
struct Row {
  std::string label;  ///< stable, unique within the case: "base", "b:negative"
  std::vector<Arg> args;
  std::string expected;  ///< literal the call returned
  std::string error;     ///< exception type it raised
};

struct TestCase {
  enum class Kind {
    smoke,          ///< the module imports
    fixture,        ///< a class instance can be constructed (also provides the fixture)
    doctest,        ///< docstring examples as assertions
    raises,         ///< inputs that meet a raise guard
    boundary,       ///< boundary inputs; the result has the annotated type
    characterized,  ///< boundary inputs with recorded results
    skeleton,       ///< nothing concrete: a skipped test to fill in
    model,          ///< written by a language model (--llm) where the code gave nothing concrete
  };
  std::string id;  ///< stable across runs ("add:doctest:1"): the marker that identifies the test
  Kind kind = Kind::smoke;
  std::string unit;     ///< qualname of the unit under test ("" for the module)
  std::string target;   ///< what is called: "add", "Account.deposit", "Account"
  std::string fixture;  ///< fixture providing the instance for instance methods
  bool on_instance = false;
  bool is_async = false;
  bool is_generator = false;
  bool is_property = false;
  std::vector<Row> rows;  ///< raises (one row), boundary and characterized cases
  std::string exception;  ///< raises: the expected exception expression
  std::string guard;      ///< raises: the condition being met
  std::string returns;    ///< boundary: isinstance() type expression ("None" for `is None`)
  bool returns_optional = false;
  std::vector<DocExample> examples;   ///< doctest
  std::vector<std::string> imports;   ///< doctest: module names the examples use
  std::vector<std::string> packages;  ///< doctest: the module's own package, when the examples name it
  std::string reason;                 ///< skeleton: why nothing concrete was derived
  std::string signature;              ///< skeleton: the call to fill in
  std::string code;                   ///< model: the whole test, $M. standing for the module
  std::string not_characterizable;    ///< boundary: why --characterize may not run it ("" = it may)
  bool probe = false;  ///< boundary rows guessed for untyped parameters: only --characterize can use them
  int line = 0;        ///< source line of the unit
};

const char* to_string(TestCase::Kind kind);

/// A unit that got no concrete test, and why (reported, and in the matrix).
struct SkippedUnit {
  std::string unit;
  std::string reason;
};

}  // namespace copilot::testgen
