#include "review/taint/value.h"

#include <cmath>

namespace copilot::review::taint {
namespace {

bool numeric(const Const& c) {
  return c.kind == Const::Kind::integer || c.kind == Const::Kind::real || c.kind == Const::Kind::boolean;
}
double as_real(const Const& c) {
  if (c.kind == Const::Kind::real) return c.d;
  if (c.kind == Const::Kind::boolean) return c.b ? 1 : 0;
  return static_cast<double>(c.i);
}
bool integral(const Const& c) {
  return c.kind == Const::Kind::integer || c.kind == Const::Kind::boolean;
}
int64_t as_int(const Const& c) {
  return c.kind == Const::Kind::boolean ? (c.b ? 1 : 0) : c.i;
}

// Folded strings stay small: constants only decide branches and prefixes.
constexpr size_t kMaxString = 4096;

Const compare(const std::string& op, const Const& l, const Const& r) {
  int cmp = 0;
  if (numeric(l) && numeric(r)) {
    double a = as_real(l), b = as_real(r);
    cmp = a < b ? -1 : (a > b ? 1 : 0);
  } else if (l.kind == Const::Kind::string && r.kind == Const::Kind::string) {
    cmp = l.s.compare(r.s);
    cmp = cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
  } else if (op == "==" || op == "!=" || op == "===" || op == "!==" || op == "is" || op == "is not") {
    bool eq = l.kind == r.kind && l.kind == Const::Kind::none;
    return Const::of_bool((op == "==" || op == "===" || op == "is") ? eq : !eq);
  } else {
    return {};
  }
  if (op == "==" || op == "===" || op == "is") return Const::of_bool(cmp == 0);
  if (op == "!=" || op == "!==" || op == "is not" || op == "<>") return Const::of_bool(cmp != 0);
  if (op == "<") return Const::of_bool(cmp < 0);
  if (op == ">") return Const::of_bool(cmp > 0);
  if (op == "<=") return Const::of_bool(cmp <= 0);
  if (op == ">=") return Const::of_bool(cmp >= 0);
  return {};
}

Const arith_int(const std::string& op, int64_t a, int64_t b) {
  int64_t out = 0;
  if (op == "+") return __builtin_add_overflow(a, b, &out) ? Const{} : Const::of_int(out);
  if (op == "-") return __builtin_sub_overflow(a, b, &out) ? Const{} : Const::of_int(out);
  if (op == "*") return __builtin_mul_overflow(a, b, &out) ? Const{} : Const::of_int(out);
  if (op == "//" || op == "%") {
    if (b == 0 || (a == INT64_MIN && b == -1)) return {};
    int64_t q = a / b, m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {  // Python floors
      --q;
      m += b;
    }
    return Const::of_int(op == "//" ? q : m);
  }
  if (op == "&") return Const::of_int(a & b);
  if (op == "|") return Const::of_int(a | b);
  if (op == "^") return Const::of_int(a ^ b);
  if (op == "<<" && b >= 0 && b < 62 && a >= 0 && a < (int64_t{1} << (62 - b))) return Const::of_int(a << b);
  if (op == ">>" && b >= 0 && b < 63) return Const::of_int(a >> b);
  if (op == "**" && b >= 0 && b < 64) {
    int64_t r = 1;
    for (int64_t k = 0; k < b; ++k)
      if (__builtin_mul_overflow(r, a, &r)) return {};
    return Const::of_int(r);
  }
  if (op == "/" && b != 0) return Const::of_real(static_cast<double>(a) / static_cast<double>(b));
  return {};
}

}  // namespace

bool Const::operator==(const Const& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case Kind::unknown:
    case Kind::none: return true;
    case Kind::boolean: return b == o.b;
    case Kind::integer: return i == o.i;
    case Kind::real: return d == o.d || (std::isnan(d) && std::isnan(o.d));
    case Kind::string: return s == o.s;
  }
  return false;
}

std::optional<bool> Const::truth() const {
  switch (kind) {
    case Kind::unknown: return std::nullopt;
    case Kind::none: return false;
    case Kind::boolean: return b;
    case Kind::integer: return i != 0;
    case Kind::real: return d != 0;
    case Kind::string: return !s.empty();
  }
  return std::nullopt;
}

Const fold_binary(const std::string& op, const Const& l, const Const& r) {
  if (op == "and" || op == "&&") {
    auto t = l.truth();
    if (!t) return {};
    return *t ? r : l;
  }
  if (op == "or" || op == "||") {
    auto t = l.truth();
    if (!t) return {};
    return *t ? l : r;
  }
  if (op == "??") return l.kind == Const::Kind::none ? r : (l.known() ? l : Const{});
  if (!l.known() || !r.known()) return {};
  if (op == "==" || op == "!=" || op == "===" || op == "!==" || op == "<" || op == ">" || op == "<=" || op == ">=" ||
      op == "is" || op == "is not" || op == "<>")
    return compare(op, l, r);
  if (op == "in" || op == "not in") {
    if (l.kind != Const::Kind::string || r.kind != Const::Kind::string) return {};
    bool in = r.s.find(l.s) != std::string::npos;
    return Const::of_bool(op == "in" ? in : !in);
  }
  if (l.kind == Const::Kind::string && r.kind == Const::Kind::string && op == "+") {
    if (l.s.size() + r.s.size() > kMaxString) return {};
    return Const::of_string(l.s + r.s);
  }
  if (l.kind == Const::Kind::string && integral(r) && op == "*") {
    int64_t n = as_int(r);
    if (n <= 0) return Const::of_string("");
    if (l.s.size() * static_cast<size_t>(std::min<int64_t>(n, kMaxString)) > kMaxString) return {};
    std::string out;
    for (int64_t k = 0; k < n; ++k) out += l.s;
    return Const::of_string(out);
  }
  if (integral(l) && integral(r)) return arith_int(op, as_int(l), as_int(r));
  if (numeric(l) && numeric(r)) {
    double a = as_real(l), b = as_real(r);
    if (op == "+") return Const::of_real(a + b);
    if (op == "-") return Const::of_real(a - b);
    if (op == "*") return Const::of_real(a * b);
    if (op == "/" && b != 0) return Const::of_real(a / b);
  }
  return {};
}

Const fold_unary(const std::string& op, const Const& v) {
  if (op == "not" || op == "!") {
    auto t = v.truth();
    return t ? Const::of_bool(!*t) : Const{};
  }
  if (op == "-") {
    if (v.kind == Const::Kind::integer && v.i != INT64_MIN) return Const::of_int(-v.i);
    if (v.kind == Const::Kind::real) return Const::of_real(-v.d);
    if (v.kind == Const::Kind::boolean) return Const::of_int(v.b ? -1 : 0);
  }
  if (op == "+" && numeric(v)) return v;
  if (op == "~" && integral(v)) return Const::of_int(~as_int(v));
  return {};
}

bool numeric_result(const std::string& op) {
  return op == "-" || op == "/" || op == "//" || op == "**" || op == "<<" || op == ">>" || op == ">>>";
}

bool numeric_only_format(const std::string& fmt) {
  bool any = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') continue;
    ++i;
    if (i < fmt.size() && fmt[i] == '%') continue;
    if (i < fmt.size() && fmt[i] == '(') {
      size_t close = fmt.find(')', i);
      if (close == std::string::npos) return false;
      i = close + 1;
    }
    while (i < fmt.size() && std::string_view("#0- +.123456789*lhL").find(fmt[i]) != std::string_view::npos) ++i;
    if (i >= fmt.size()) return false;
    if (std::string_view("diouxXeEfFgG").find(fmt[i]) == std::string_view::npos) return false;
    any = true;
  }
  return any;
}

Cell constant(Const c) {
  Cell out;
  out.set = true;
  if (c.kind == Const::Kind::string) {
    out.prefix = c.s;
    out.has_delim = c.s.find_first_of("?#") != std::string::npos;
  }
  out.value = std::move(c);
  return out;
}

Cell join(const Cell& a, const Cell& b) {
  if (!a.set) return b;
  if (!b.set) return a;
  Cell out = a;
  out.taint.merge(b.taint);
  if (!(a.value == b.value)) out.value = Const{};
  size_t n = 0;
  while (n < a.prefix.size() && n < b.prefix.size() && a.prefix[n] == b.prefix[n]) ++n;
  out.prefix.resize(n);
  if (a.vouches != b.vouches) out.vouches.clear();
  if (a.mirrors != b.mirrors) out.mirrors.clear();
  out.has_delim = a.has_delim && b.has_delim;
  out.tail_only = (!a.taint.any() || a.tail_only) && (!b.taint.any() || b.tail_only);
  return out;
}

Taint extend(const Taint& t, const Location& where, std::string message) {
  if (!t.any()) return t;
  // Long chains keep their start and end; the middle adds nothing a reader needs.
  constexpr int kMaxSteps = 24;
  if (t.path->length >= kMaxSteps) return t;
  Taint out = t;
  out.path = std::make_shared<const Step>(Step{FlowStep{where, std::move(message)}, t.path, t.path->length + 1});
  return out;
}

}  // namespace copilot::review::taint
