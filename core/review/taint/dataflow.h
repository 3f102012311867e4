#pragma once
// The intra-procedural taint analysis over the lowered IR: an abstract
// interpreter that walks each function once per path shape (branches joined,
// loops to a small fixpoint), folds constants to drop dead branches, and
// analyses same-file helpers in the caller's context up to a depth.
#include <re2/re2.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "review/taint/builtins.h"
#include "review/taint/ir.h"

namespace copilot::review::taint {

/// One sink match: where to report, and which argument nodes matter.
struct SinkSite {
  TSNode sink{};
  std::vector<TSNode> args;
  const RE2* safe_prefix = nullptr;
  std::string label;
};

/// What one rule's queries matched in one file, keyed by tree node.
struct RuleIndex {
  std::unordered_map<const void*, std::string> sources;  ///< node -> label
  std::vector<SinkSite> sinks;
  std::unordered_map<const void*, std::vector<int>> sink_args;  ///< argument node -> sink sites
  std::unordered_set<const void*> sanitizers;
  std::unordered_map<const void*, std::vector<TSNode>> guards;        ///< condition -> values safe when it holds
  std::unordered_map<const void*, std::vector<TSNode>> guards_false;  ///< condition -> values safe when it fails
  std::unordered_map<const void*, std::vector<TSNode>> propagators;   ///< receiving node -> donor nodes
};

struct Hit {
  int site = -1;
  Taint taint;  ///< ends with the sink step
};

/// Thrown when an analysis runs out of steps.
struct StepsExhausted {};

class Analyzer {
 public:
  Analyzer(const Program& program, const RuleIndex& index, const Budget& budget, std::string file,
           std::string_view source);

  /// Runs the module's top level (also to learn global values).
  void run_module();
  /// Whether a unit needs analysis as an entry point for this rule.
  bool is_root(int unit) const;
  /// Analyses a unit as an entry point; throws StepsExhausted past the budget.
  void run_root(int unit);

  /// The most direct flow found into each sink site.
  const std::unordered_map<int, Hit>& hits() const { return hits_; }

 private:
  struct Env {
    bool live = true;
    std::vector<Cell> cells;
  };
  struct LoopCtx {
    Env breaks, conts;
    bool is_switch = false;  ///< break leaves it, continue passes through
  };
  struct Frame {
    const Unit* unit = nullptr;
    int unit_index = -1;
    Frame* caller = nullptr;
    const Frame* lexical = nullptr;  ///< the enclosing function's frame, for closures
    const Env* lexical_env = nullptr;
    int depth = 0;
    Cell ret;
    std::vector<LoopCtx> loops;
    std::vector<Env> raised;  ///< one per enclosing try: states at a raise
  };

  void tick();
  Location where(TSNode n) const;
  std::string snippet(TSNode n, size_t limit = 60) const;

  Env entry_env(const Unit& u) const;
  Cell own(const Frame& f, const Env& env, int path) const;
  Cell read(const Frame& f, const Env& env, int path, bool whole) const;
  void write(const Frame& f, Env& env, int path, Cell value) const;
  void weak_write(const Frame& f, Env& env, int path, const Cell& value) const;
  Env join_env(const Frame& f, const Env& a, const Env& b) const;
  bool same_env(const Env& a, const Env& b) const;

  Cell eval(Frame& f, Env& env, int e, bool whole = true);
  Cell eval_node(Frame& f, Env& env, TSNode n);
  Cell eval_op(Frame& f, Env& env, const Expr& x, bool whole);
  Cell eval_call(Frame& f, Env& env, const Expr& x);
  Cell quiet_eval(Frame& f, Env& env, int e);
  void assign(Frame& f, Env& env, int target, const Cell& value, int value_expr);
  void check_sink(const Frame& f, const void* key, const Cell& value);

  Env exec_block(Frame& f, const std::vector<int>& stmts, Env env);
  Env exec(Frame& f, const Stmt& s, Env env);
  Env exec_loop(Frame& f, const Stmt& s, Env env);
  Env exec_try(Frame& f, const Stmt& s, Env env);
  Env refine(Frame& f, Env env, int cond, bool truth);
  void sanitize(const Frame& f, Env& env, int expr) const;
  void note_parse(const Frame& f, const Expr& value, Cell& into) const;
  void vouch_through(const Frame& f, Env& env, int path) const;

  int resolve_local(const Frame& f, const Expr& call, bool& via_self) const;
  Cell call_local(Frame& f, Env& env, const Expr& call, int unit, bool via_self, const std::vector<Cell>& args);
  /// A function expression passed along (a callback) runs here, seeing this frame's variables.
  void run_callback(Frame& f, Env& env, const Expr& fn, int unit);
  void bind_param(Frame& f, Env& env, const Param& p, const Cell& value);
  bool may_source(int unit);

  const Program& program_;
  const RuleIndex& index_;
  const Budget& budget_;
  const LangInfo& lang_;
  std::string file_;
  std::string_view source_;
  long steps_ = 0;
  int quiet_ = 0;
  Taint element_hint_;  ///< the receiver of the call whose arguments are being evaluated (xs.map(x => ...))
  std::unordered_map<std::string, Cell> globals_;
  std::vector<int8_t> may_source_;
  std::unordered_map<std::string, Cell> memo_;
  std::unordered_map<int, Hit> hits_;
};

}  // namespace copilot::review::taint
