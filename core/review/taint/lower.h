#pragma once
// Shared machinery of the language frontends: building one Unit with size
// and depth limits, interning access paths, and node helpers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "review/taint/ir.h"

namespace copilot::review::taint {

/// Thrown while lowering a unit that exceeds its budget; the unit is then skipped.
struct OverBudget {};

class Builder {
 public:
  Builder(Unit& unit, std::string_view source, const Budget& budget) : u_(unit), src_(source), budget_(budget) {}

  Unit& unit() { return u_; }
  std::string_view text(TSNode n) const;

  int add(Expr e);
  int add(Stmt s);
  Expr& expr(int i) { return u_.exprs[i]; }
  Stmt& stmt(int i) { return u_.stmts[i]; }

  int literal(TSNode n, Const c);
  int name(TSNode n, std::string id);
  int field(TSNode n, int base, std::string name);
  int index(TSNode n, int base, int key);
  int node_expr(TSNode n, Op op, std::vector<int> kids, std::string text = "");

  int path(const std::string& text, int parent);
  void count_assignment(int target);

  /// Depth guard for recursive lowering.
  class Nest {
   public:
    explicit Nest(Builder& b) : b_(b) {
      if (++b_.depth_ > b_.budget_.max_depth) throw OverBudget{};
    }
    ~Nest() { --b_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Builder& b_;
  };

 private:
  Unit& u_;
  std::string_view src_;
  const Budget& budget_;
  int depth_ = 0;
};

/// Appends a unit for `node` and lowers it with `fill(Builder&, Unit&)`. A unit
/// that exceeds its budget is kept, empty and marked, so that the pattern rules
/// cover it. Returns the unit's index.
template <typename Fill>
int lower_unit(Program& out, TSNode node, std::string name, std::string_view source, const Budget& budget,
               Fill&& fill) {
  out.units.emplace_back();
  int index = static_cast<int>(out.units.size()) - 1;
  Unit& u = out.units.back();
  u.node = node;
  u.name = std::move(name);
  Builder b(u, source, budget);
  try {
    fill(b, u);
  } catch (const OverBudget&) {
    u.over_budget = true;
    u.body.clear();
  }
  return index;
}

/// The module unit: top-level code that `fill` lowers, marked as the module.
template <typename Fill>
void lower_module(Program& out, TSNode root, std::string_view source, const Budget& budget, Fill&& fill) {
  lower_unit(out, root, "<module>", source, budget, [&](Builder& b, Unit& m) {
    m.is_module = true;
    fill(b, m);
  });
}

/// Appends `return <expr>` for an expression-bodied function (`x => x + 1`).
void add_return(Builder& b, TSNode body, int expr);

/// The source text of a node; "" for a null node.
std::string node_text(TSNode n, std::string_view source);

/// Computes path children and call links once every unit is lowered.
void finish_program(Program& p);

// Node helpers.
inline std::string_view type_of(TSNode n) {
  return ts_node_is_null(n) ? std::string_view{} : ts_node_type(n);
}
TSNode field_of(TSNode n, const char* name);
std::vector<TSNode> named_children(TSNode n);
/// Parses an integer literal in C/Python/JS/Go/Java spelling; nullopt if it does not fit.
std::optional<int64_t> parse_int(std::string_view text);
/// Decodes the usual backslash escapes of a quoted literal body.
std::string unescape(std::string_view body);

// Frontends: each fills `out.units` (module first) for one grammar family.
void lower_python(TSNode root, std::string_view source, const Budget& budget, Program& out);
void lower_javascript(TSNode root, std::string_view source, const Budget& budget, Program& out);
void lower_go(TSNode root, std::string_view source, const Budget& budget, Program& out);
void lower_java(TSNode root, std::string_view source, const Budget& budget, Program& out);

}  // namespace copilot::review::taint
