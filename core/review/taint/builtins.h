#pragma once
// Language facts the dataflow needs beyond syntax: which calls carry data
// from their arguments or receiver into their result, which mutate their
// receiver, and which checks narrow a value to a safe one. Library-specific
// knowledge (os.path.join, path.join, ...) lives in the rules' propagators.
#include <string>
#include <string_view>
#include <unordered_set>

namespace copilot::review::taint {

struct LangInfo {
  /// Receivers that name the current object (self, this): their methods are local helpers.
  std::unordered_set<std::string> self_names;
  /// Methods whose result is not derived text (x.startswith(...), s.length()).
  std::unordered_set<std::string> clean_methods;
  /// Methods that store their arguments in the receiver (list.append, sb.append).
  std::unordered_set<std::string> mutators;
  /// Methods whose arguments flow into the result ("..".format(x), sep.join(xs)).
  std::unordered_set<std::string> joining_methods;
  /// Free functions (short or dotted name) whose arguments flow into the result (str(x), String(x)).
  std::unordered_set<std::string> propagating_functions;
  /// recv.m(x) true means x is one of recv's (constant) members: ALLOWED.includes(x).
  std::unordered_set<std::string> membership_methods;
  /// x.m() true means x holds only safe characters: x.isdigit().
  std::unordered_set<std::string> validating_methods;
  /// Methods that fill their pointer arguments from the receiver and the other
  /// arguments: json.Unmarshal(data, &v), dec.Decode(&v).
  std::unordered_set<std::string> out_param_methods;
  /// Calls that parse a URL from their first argument (urlparse, url.Parse, new URL).
  std::unordered_set<std::string> url_parsers;
  /// Calls that never return (abort(404), sys.exit()): the path ends there.
  std::unordered_set<std::string> noreturn_functions;
};

const LangInfo& lang_info(std::string_view grammar);

}  // namespace copilot::review::taint
