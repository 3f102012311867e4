#pragma once
// Testable units as extraction sees them: plain data, the same for every
// language, so case derivation and rendering can be tested on strings.
#include <string>
#include <vector>

namespace copilot::testgen {

struct Param {
  enum class Kind { positional, positional_only, keyword_only, var_positional, var_keyword };
  std::string name;
  std::string annotation;     ///< source text of the type hint, "" if none
  std::string default_value;  ///< source text of the default, "" if none
  Kind kind = Kind::positional;
  bool has_default() const { return !default_value.empty(); }
};

/// An example in a docstring: `>>> source` followed by the output it prints.
struct DocExample {
  std::string source;    ///< the statement(s), continuation lines joined with '\n'
  std::string expected;  ///< expected output, '\n'-terminated lines; "" when it prints nothing
  int line = 0;          ///< 1-based line in the source file
  bool skip = false;     ///< `# doctest: +SKIP` or a directive we cannot honour
};

/// A `raise` statement and the condition that leads to it.
struct RaiseSite {
  std::string exception;  ///< "ValueError", "errors.Invalid"
  std::string guard;      ///< source of the `if` condition, "" when the raise is unconditional
  int line = 0;
  bool at_top = false;  ///< guard or raise is a top-level statement of the body, before other work
};

struct Unit {
  enum class Kind { function, method, class_ };
  Kind kind = Kind::function;
  std::string name;                     ///< "add", "deposit", "Account"
  std::string qualname;                 ///< "add", "Account.deposit", "Account"
  std::string owner;                    ///< class name for methods, "" otherwise
  std::vector<Param> params;            ///< without self/cls
  std::string returns;                  ///< return annotation source, "" if none
  std::vector<std::string> results;     ///< result types, for languages with several (Go)
  std::vector<std::string> decorators;  ///< source text without '@'
  std::string docstring;                ///< decoded text, "" if none
  std::vector<DocExample> examples;
  std::vector<RaiseSite> raises;
  std::vector<std::string> bases;  ///< classes: base class expressions
  bool is_async = false;
  bool is_generator = false;
  bool is_static = false;  ///< staticmethod
  bool is_classmethod = false;
  bool is_property = false;
  bool is_abstract = false;  ///< abstractmethod, or a class with one
  bool is_dataclass = false;
  std::string impure_reason;       ///< why running it could touch the world ("" = pure as far as the code shows)
  std::vector<std::string> calls;  ///< plain names it calls, to carry impurity through same-module helpers
  int line = 0, end_line = 0;
};

/// Everything extracted from one source file.
struct ModuleUnits {
  std::string path;                       ///< relative to the root, '/'-separated
  std::string import_name;                ///< "pkg.mod"; "" when the file cannot be imported by name
  std::string import_root;                ///< directory (relative to the root) that must be on sys.path
  std::vector<Unit> units;                ///< functions, classes and their methods, in source order
  std::vector<std::string> module_names;  ///< names bound at module level (defs, classes, imports, assignments)
  std::string skip_reason;  ///< set when the module cannot be tested at all (syntax error, import-time effects)
  int syntax_error_line = 0;
  bool relative_imports = false;  ///< `from . import x`: importable only as part of its package
  bool commonjs = false;          ///< exports through module.exports (JavaScript)
  std::string package_name;       ///< the package the file declares (Go)
};

}  // namespace copilot::testgen
