#pragma once
// A small statement/expression form that every language lowers to, so one
// dataflow engine serves Python, JavaScript/TypeScript, Go and Java. Each
// expression keeps its tree node: rule queries name tree nodes, and the
// engine recognises sources, sinks and sanitizers by node.
#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "review/taint/value.h"

namespace copilot::review::taint {

inline const void* key_of(TSNode n) {
  return n.id;
}

enum class Op : uint8_t {
  literal,        ///< constant `value`
  name,           ///< variable `text`
  field,          ///< kids[0] . text
  index,          ///< kids[0] [ kids[1] ]
  call,           ///< kids[0] callee (-1 when absent), kids[1..] arguments; kw[i] names argument i
  binary,         ///< kids[0] text kids[1]
  unary,          ///< text kids[0]  ("not", "-", "!", ...)
  logic,          ///< kids[0] text kids[1]  ("and", "or")
  compare,        ///< kids[0] text kids[1]  ("==", "<", "in", "not in", ...)
  cond,           ///< kids[0] ? kids[1] : kids[2]
  collection,     ///< list, tuple, set, dict, object literal: elements (and keys) in kids
  format,         ///< f-string / template literal: interpolated parts in kids, constant text in `value`
  assign,         ///< assignment used as an expression: kids[0] target, kids[1] value
  comprehension,  ///< kids[0] element, then (target, iterable) pairs; a filter is (-1, condition)
  function,       ///< a function value (lambda, callback): never tainted itself
  group,          ///< parentheses, await, spread: the value of kids[0]
  other,          ///< anything else: the union of its kids
};

struct Expr {
  Op op = Op::other;
  TSNode node{};
  std::string text;
  Const value;
  std::vector<int> kids;
  std::vector<std::string> kw;  ///< call: keyword per argument ("" positional, "*" / "**" spread); pattern keys
  int path = -1;                ///< access path id when the expression names a storage location
  std::string callee;           ///< call: the callee's dotted text when it is a plain name chain ("os.path.join")
  bool construct = false;       ///< call: `new X(...)`
};

enum class SOp : uint8_t {
  expr,     ///< evaluate a
  assign,   ///< target a = value b
  augment,  ///< target a (text)= value b
  if_,      ///< if a then body else orelse
  loop,     ///< for a in b / while a: body, else orelse
  ret,      ///< return a (-1: nothing)
  exit,     ///< raise / throw a: the path ends
  brk,
  cont,
  try_,    ///< body, handlers (each bound to handler_targets[i]), orelse, finally_
  branch,  ///< switch / match on a: each handler is one case; has_default says a case always matches
  assume,  ///< assert a: later code runs only when a holds
};

struct Stmt {
  SOp op = SOp::expr;
  TSNode node{};
  int a = -1, b = -1;
  std::string text;
  std::vector<int> body, orelse, finally_;
  std::vector<std::vector<int>> handlers;
  std::vector<int> handler_targets;
  bool is_for = false;       ///< loop: a for-each loop (a = target, b = iterable)
  bool runs_once = false;    ///< loop: a do-while, whose body always runs once
  bool has_default = false;  ///< branch: some case always matches
};

struct Param {
  std::string name;
  TSNode node{};  ///< the identifier, so a source query can name it
  int path = -1;
  int default_value = -1;
  int pattern = -1;  ///< a destructuring target ({ id }) that receives the argument instead
  enum class Kind : uint8_t { plain, rest, rest_keywords, receiver } kind = Kind::plain;
};

/// One function (or the module's top-level code) in lowered form.
struct Unit {
  TSNode node{};
  std::string name;   ///< "" for anonymous functions; "<module>" for top-level code
  std::string owner;  ///< enclosing class, for self./this. calls
  std::vector<Param> params;
  std::vector<int> body;
  std::vector<Expr> exprs;
  std::vector<Stmt> stmts;
  /// Access paths: "x", "self.name", "d['k']"; parent is the path one step shorter.
  std::vector<std::string> paths;
  std::vector<int> path_parent;
  std::vector<std::vector<int>> path_children;  ///< every longer path below it
  std::unordered_map<std::string, int> path_ids;
  std::unordered_map<const void*, int> expr_of_node;
  std::unordered_map<std::string, int> assign_count;  ///< per top-level name: how often it is assigned
  bool over_budget = false;
  bool calls_local = false;  ///< calls a function defined in the same file
  bool is_module = false;
};

/// All units of one file.
struct Program {
  std::string grammar;
  std::vector<Unit> units;                                    ///< units[0] is the module
  std::unordered_map<std::string, std::vector<int>> by_name;  ///< function name -> units
  std::unordered_map<const void*, int> unit_of_node;          ///< function expression -> its unit
};

/// Size limits per unit; a unit over them is analysed by pattern rules only.
struct Budget {
  int max_statements = 3000;
  int max_exprs = 40000;
  int max_depth = 120;      ///< nesting of expressions and blocks while lowering
  long max_steps = 400000;  ///< evaluation steps per analysis, helpers included
  int max_inline_depth = 3;
};

/// Lowers a parsed file; returns false for a grammar without a frontend.
bool lower_program(const std::string& grammar, TSNode root, std::string_view source, const Budget& budget,
                   Program& out);

}  // namespace copilot::review::taint
