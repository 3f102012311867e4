#pragma once
// Abstract values of the dataflow: a known constant (for deciding branches),
// a known constant prefix of a string, and taint with the path it took.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "review/finding.h"

namespace copilot::review::taint {

struct Const {
  enum class Kind : uint8_t { unknown, none, boolean, integer, real, string } kind = Kind::unknown;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;

  static Const of_bool(bool v) {
    Const c;
    c.kind = Kind::boolean;
    c.b = v;
    return c;
  }
  static Const of_int(int64_t v) {
    Const c;
    c.kind = Kind::integer;
    c.i = v;
    return c;
  }
  static Const of_real(double v) {
    Const c;
    c.kind = Kind::real;
    c.d = v;
    return c;
  }
  static Const of_string(std::string v) {
    Const c;
    c.kind = Kind::string;
    c.s = std::move(v);
    return c;
  }
  static Const none() {
    Const c;
    c.kind = Kind::none;
    return c;
  }
  bool known() const { return kind != Kind::unknown; }
  bool operator==(const Const& o) const;
  /// Truthiness, when known.
  std::optional<bool> truth() const;
};

/// Folds `l op r` for constants; unknown when it cannot.
Const fold_binary(const std::string& op, const Const& l, const Const& r);
Const fold_unary(const std::string& op, const Const& v);
/// Operators whose result is a number whatever the operands (`-`, `/`, `<<`): no text passes.
bool numeric_result(const std::string& op);
/// Python-style "%" formatting whose conversions are all numeric (%d, %i, %f, ...).
bool numeric_only_format(const std::string& fmt);

/// One step of a flow, newest last; shared between the values that carry it.
struct Step {
  FlowStep step;
  std::shared_ptr<const Step> prev;
  int length = 1;
  std::string origin;  ///< first step only: the source expression's text
};
using PathPtr = std::shared_ptr<const Step>;

struct Taint {
  PathPtr path;  ///< null when clean
  int hops = 0;  ///< helper calls and container round-trips on the way: each lowers the confidence
  bool any() const { return path != nullptr; }
  /// Keeps the more direct of two flows.
  void merge(const Taint& o) {
    if (!o.any()) return;
    if (!any() || o.hops < hops || (o.hops == hops && o.path->length < path->length)) *this = o;
  }
};

struct Cell {
  bool set = false;  ///< assigned in this frame; unset cells fall back to outer values
  Taint taint;
  Const value;
  std::string prefix;  ///< known constant start of a string value
  /// Paths (of the current function) that a true value of this cell vouches for:
  /// ok = url_has_allowed_host_and_scheme(url); ... if ok: ...
  std::vector<int> vouches;
  /// Paths this value was parsed from (u = url.Parse(next)): a checked host of it vouches for them.
  std::vector<int> mirrors;
  bool has_delim = false;  ///< the string surely contains a constant '?' or '#'
  bool tail_only = false;  ///< the untrusted text only follows such a '?' or '#' (query or fragment)
  bool same(const Cell& o) const {
    return set == o.set && taint.any() == o.taint.any() && value == o.value && prefix == o.prefix;
  }
};

/// The value of a constant.
Cell constant(Const c);
/// Merge at a join point: taint if either is, constants only when equal.
Cell join(const Cell& a, const Cell& b);
/// Adds a step to a tainted value's path (clean values stay clean).
Taint extend(const Taint& t, const Location& where, std::string message);

}  // namespace copilot::review::taint
