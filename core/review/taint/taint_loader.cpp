// Reads a `mode: taint` rule from YAML and compiles its queries.
#include <algorithm>
#include <cctype>
#include <climits>
#include <set>

#include "review/rule_yaml.h"
#include "review/taint/taint.h"
#include "review/taint/taint_rule.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

const std::set<std::string> kKeys = {"id",         "mode",    "languages", "agent",      "severity",
                                     "confidence", "summary", "message",   "rationale",  "cwe",
                                     "owasp",      "sources", "sinks",     "sanitizers", "propagators",
                                     "paths",      "fix",     "docs",      "supersedes"};
const std::set<std::string> kEntryKeys = {"query",      "label",       "where",    "inside",
                                          "not-inside", "safe-prefix", "languages"};
struct LoadError {
  int line;
  std::string message;
};

std::shared_ptr<const syntax::Query> compile_at(const std::string& lang, const std::string& text, int line,
                                                const std::string& what) {
  syntax::QueryError qe;
  auto q = syntax::compile_query(lang, text, &qe);
  // Queries are block scalars, whose text starts on the line after the key.
  if (!q) throw LoadError{qe.line ? line + qe.line : line, what + " for " + lang + ": " + q.error().message};
  return *q;
}

/// Which captures each section needs; any one group of names must be present.
const std::vector<std::vector<std::string>>& required_captures(const std::string& section) {
  static const std::vector<std::vector<std::string>> sources = {{"source"}}, sinks = {{"sink", "arg"}},
                                                     sanitizers = {{"sanitizer"},
                                                                   {"guard", "guarded"},
                                                                   {"guard_false", "guarded"}},
                                                     propagators = {{"from", "to"}};
  if (section == "sources") return sources;
  if (section == "sinks") return sinks;
  if (section == "sanitizers") return sanitizers;
  return propagators;
}

/// Compiles one entry for one language, checking its captures.
void compile_entry(const TaintPattern& p, const std::string& lang, int gi) {
  const std::string& section = p.section;
  auto q = compile_at(lang, p.query_text, p.query_line, section);
  bool satisfied = false;
  for (const auto& group : required_captures(section)) {
    bool all = true;
    for (const auto& name : group) all = all && q->capture_index(name) >= 0;
    satisfied = satisfied || all;
  }
  if (!satisfied) {
    std::string need;
    for (const auto& group : required_captures(section)) {
      if (!need.empty()) need += " or ";
      for (size_t i = 0; i < group.size(); ++i) need += (i ? " and @" : "@") + group[i];
    }
    throw LoadError{p.query_line, section + " query needs " + need};
  }
  // A predicate written after a top-level alternation becomes a pattern of its own that
  // matches everything; require every pattern to carry the section's anchor capture.
  const std::string& anchor = required_captures(section)[0][0];
  for (uint32_t pat = 0; pat < ts_query_pattern_count(q->get()); ++pat) {
    bool has = false;
    for (const auto& group : required_captures(section)) {
      int id = q->capture_index(group[0]);
      has = has || (id >= 0 &&
                    ts_query_capture_quantifier_for_id(q->get(), pat, static_cast<uint32_t>(id)) != TSQuantifierZero);
    }
    if (!has)
      throw LoadError{p.query_line, section + " query pattern " + std::to_string(pat + 1) + " has no @" + anchor +
                                        " capture (predicates belong inside the pattern's parentheses)"};
  }
  for (const auto& c : p.where)
    if (q->capture_index(c.capture) < 0) throw LoadError{c.line, "unknown capture '" + c.capture + "'"};
  p.prefilter[gi] = prefilter_for(*q);
  if (!p.inside_text.empty()) p.inside[gi] = compile_at(lang, p.inside_text, p.inside_line, "inside");
  if (!p.not_inside_text.empty())
    p.not_inside[gi] = compile_at(lang, p.not_inside_text, p.not_inside_line, "not-inside");
  p.query[gi] = q;  // last: a non-null query means the entry is ready for this language
}

TaintPattern load_entry(const YAML::Node& e, const std::string& section, const std::vector<std::string>& langs) {
  TaintPattern p;
  p.section = section;
  if (e.IsMap()) {
    for (auto it = e.begin(); it != e.end(); ++it)
      if (!kEntryKeys.count(it->first.Scalar()))
        throw LoadError{line_of(it->first), "unknown key '" + it->first.Scalar() + "' in " + section};
    if (!e["query"]) throw LoadError{line_of(e), section + " entry needs a query"};
    if (e["label"]) p.label = e["label"].as<std::string>();
  } else if (!e.IsScalar()) {
    throw LoadError{line_of(e), section + " entries are queries or mappings with a query"};
  }
  // yaml-cpp nodes are references: assigning one would overwrite the entry, so bind once.
  const YAML::Node query_node = e.IsMap() ? e["query"] : e;
  p.query_text = query_node.as<std::string>();
  p.query_line = line_of(query_node);
  if (e.IsMap() && e["inside"]) {
    p.inside_text = e["inside"].as<std::string>();
    p.inside_line = line_of(e["inside"]);
  }
  if (e.IsMap() && e["not-inside"]) {
    p.not_inside_text = e["not-inside"].as<std::string>();
    p.not_inside_line = line_of(e["not-inside"]);
  }
  std::vector<std::string> only = e.IsMap() ? string_list(e["languages"]) : std::vector<std::string>{};
  for (const auto& l : only)
    if (std::find(langs.begin(), langs.end(), l) == langs.end())
      throw LoadError{line_of(e["languages"]), "language '" + l + "' is not one of the rule's languages"};
  p.query.resize(langs.size());
  p.inside.resize(langs.size());
  p.not_inside.resize(langs.size());
  p.prefilter.resize(langs.size());
  int first = -1;
  for (size_t gi = 0; gi < langs.size(); ++gi) {
    bool wanted = only.empty() || std::find(only.begin(), only.end(), langs[gi]) != only.end();
    p.wanted.push_back(wanted);
    if (wanted && first < 0) first = static_cast<int>(gi);
  }
  if (first < 0) throw LoadError{line_of(e), section + " entry applies to no language"};
  if (e.IsMap() && e["where"]) {
    for (const auto& w : e["where"]) {
      TaintCondition c;
      c.capture = w["capture"] ? w["capture"].as<std::string>() : "";
      c.line = line_of(w);
      std::string pattern;
      if (w["regex"]) {
        pattern = w["regex"].as<std::string>();
      } else if (w["not-regex"]) {
        pattern = w["not-regex"].as<std::string>();
        c.negated = true;
      } else {
        throw LoadError{line_of(w), "a where entry needs regex or not-regex"};
      }
      c.regex = std::make_shared<RE2>(pattern, RE2::Quiet);
      if (!c.regex->ok()) throw LoadError{line_of(w), "bad regex: " + c.regex->error()};
      p.where.push_back(std::move(c));
    }
  }
  if (e.IsMap() && e["safe-prefix"]) {
    if (section != "sinks") throw LoadError{line_of(e["safe-prefix"]), "safe-prefix applies to sinks only"};
    p.safe_prefix = std::make_shared<RE2>(e["safe-prefix"].as<std::string>(), RE2::Quiet);
    if (!p.safe_prefix->ok()) throw LoadError{line_of(e["safe-prefix"]), "bad regex: " + p.safe_prefix->error()};
  }
  return p;
}

std::vector<TaintPattern> load_section(const YAML::Node& root, const std::string& section,
                                       const std::vector<std::string>& langs, bool required) {
  std::vector<TaintPattern> out;
  YAML::Node list = root[section];
  if (!list) {
    if (required) throw LoadError{1, "missing required key '" + section + "'"};
    return out;
  }
  if (!list.IsSequence()) throw LoadError{line_of(list), section + " must be a list"};
  for (const auto& e : list) out.push_back(load_entry(e, section, langs));
  if (required && out.empty()) throw LoadError{line_of(list), section + " must not be empty"};
  return out;
}

TaintRule build(const YAML::Node& root, const std::filesystem::path& file) {
  if (!root.IsMap()) throw LoadError{1, "a rule must be a mapping"};
  for (auto it = root.begin(); it != root.end(); ++it)
    if (!kKeys.count(it->first.Scalar()))
      throw LoadError{line_of(it->first), "unknown key '" + it->first.Scalar() + "' in a taint rule"};
  auto need = [&](const char* key) -> YAML::Node {
    if (!root[key]) throw LoadError{1, std::string("missing required key '") + key + "'"};
    return root[key];
  };
  TaintRule r;
  r.file = file;
  r.id = need("id").as<std::string>();
  if (!file.empty() && file.stem().string() != r.id)
    throw LoadError{line_of(root["id"]), "id '" + r.id + "' must match the file name"};
  r.languages = string_list(need("languages"));
  if (r.languages.empty()) throw LoadError{line_of(root["languages"]), "languages must not be empty"};
  for (const auto& l : r.languages)
    if (!syntax::grammar(l)) throw LoadError{line_of(root["languages"]), "unknown language '" + l + "'"};
  std::string agent = need("agent").as<std::string>();
  if (!rule_agents().count(agent)) throw LoadError{line_of(root["agent"]), "unknown agent '" + agent + "'"};
  auto sev = parse_severity(need("severity").as<std::string>());
  if (!sev) throw LoadError{line_of(root["severity"]), "severity must be critical, high, medium, low or info"};
  r.confidence = need("confidence").as<double>();
  if (r.confidence < 0 || r.confidence > 1) throw LoadError{line_of(root["confidence"]), "confidence must be in 0..1"};
  r.message = need("message").as<std::string>();
  if (root["rationale"]) r.rationale = std::string(util::trim(root["rationale"].as<std::string>()));
  std::vector<std::string> cwe = string_list(root["cwe"]), owasp = string_list(root["owasp"]);
  if (agent == "security" && cwe.empty()) throw LoadError{line_of(root["agent"]), "security rules need a cwe"};
  std::string summary = root["summary"] ? root["summary"].as<std::string>() : r.message;
  std::string docs = root["docs"] ? root["docs"].as<std::string>() : "";
  r.info = {r.id, agent, *sev, summary, util::trim(docs).empty() ? r.rationale : docs, cwe, owasp};
  r.sources = load_section(root, "sources", r.languages, true);
  r.sinks = load_section(root, "sinks", r.languages, true);
  std::set<std::string> gate;
  for (const auto& sink : r.sinks) {
    auto words = gate_words(sink.query_text);
    if (words.empty()) {
      gate.clear();
      break;
    }
    gate.insert(words.begin(), words.end());
  }
  r.sink_gate.assign(gate.begin(), gate.end());
  r.sanitizers = load_section(root, "sanitizers", r.languages, false);
  r.propagators = load_section(root, "propagators", r.languages, false);
  r.supersedes = string_list(root["supersedes"]);
  if (auto paths = root["paths"]) {
    r.include_paths = string_list(paths["include"]);
    r.exclude_paths = string_list(paths["exclude"]);
  }
  if (auto fix = root["fix"]) r.fix_text = fix.IsScalar() ? fix.as<std::string>() : fix["text"].as<std::string>("");
  return r;
}

}  // namespace

bool prepare_taint_language(const TaintRule& rule, int gi, std::string* error) {
  if (gi < 0 || gi >= static_cast<int>(rule.prepared.size())) return false;
  TaintRule::Prepared& state = *rule.prepared[gi];
  std::call_once(state.once, [&] {
    try {
      const std::string& lang = rule.languages[gi];
      for (const auto* section : {&rule.sources, &rule.sinks, &rule.sanitizers, &rule.propagators})
        for (const auto& e : *section)
          if (e.wanted[gi] && !e.query[gi]) compile_entry(e, lang, gi);
    } catch (const LoadError& e) {
      state.error = rule.file.string() + ":" + std::to_string(e.line) + ": " + e.message;
    }
  });
  if (!state.error.empty() && error) *error = state.error;
  return state.error.empty();
}

Result<std::shared_ptr<const TaintRule>> load_taint_rule(const YAML::Node& root, const std::filesystem::path& file) {
  try {
    auto rule = std::make_shared<TaintRule>(build(root, file));
    for (size_t i = 0; i < rule->languages.size(); ++i)
      rule->prepared.push_back(std::make_unique<TaintRule::Prepared>());
    if (!file.empty()) {
      rule->positive_example = example_for(file, "positive");
      rule->negative_example = example_for(file, "negative");
      if (rule->positive_example.empty() || rule->negative_example.empty())
        return Error{file.string() + ":1: rule '" + rule->id + "' needs " + rule->id + ".positive.* and " + rule->id +
                     ".negative.* example files beside it"};
    }
    return std::shared_ptr<const TaintRule>(std::move(rule));
  } catch (const LoadError& e) {
    return Error{file.string() + ":" + std::to_string(e.line) + ": " + e.message};
  } catch (const YAML::Exception& e) {
    return Error{file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
  }
}

}  // namespace copilot::review
