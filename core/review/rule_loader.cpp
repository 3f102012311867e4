#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

#include "review/prefilter.h"
#include "review/rule.h"
#include "review/rule_yaml.h"
#include "review/taint/taint.h"
#include "util/files.h"
#include "util/glob.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

const std::set<std::string> kKeys = {
    "id",    "mode",  "languages", "agent",  "severity",   "confidence", "summary", "message", "rationale", "cwe",
    "owasp", "query", "where",     "inside", "not-inside", "paths",      "fix",     "docs",    "anchors"};

struct RuleError {
  int line;
  std::string message;
};

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    size_t end = text.find("}}", pos);
    if (end == std::string::npos) break;
    out.emplace_back(util::trim(std::string_view(text).substr(pos + 2, end - pos - 2)));
    pos = end + 2;
  }
  return out;
}

/// Capture names written in a query (`@name`), without compiling it.
std::set<std::string> capture_names(const std::string& query) {
  std::set<std::string> out;
  for (size_t i = 0; i < query.size(); ++i) {
    if (query[i] == '"') {  // skip string literals: "@" inside them is text
      for (++i; i < query.size() && query[i] != '"'; ++i)
        if (query[i] == '\\') ++i;
      continue;
    }
    if (query[i] == ';') {  // comment to end of line
      while (i < query.size() && query[i] != '\n') ++i;
      continue;
    }
    if (query[i] != '@') continue;
    size_t j = i + 1;
    while (j < query.size() && (std::isalnum(static_cast<unsigned char>(query[j])) || query[j] == '_' ||
                                query[j] == '-' || query[j] == '.'))
      ++j;
    out.insert(query.substr(i + 1, j - i - 1));
    i = j - 1;
  }
  return out;
}

Rule build(const YAML::Node& root, const std::filesystem::path& file) {
  if (!root.IsMap()) throw RuleError{1, "a rule must be a mapping"};
  for (auto it = root.begin(); it != root.end(); ++it)
    if (!kKeys.count(it->first.Scalar()))
      throw RuleError{line_of(it->first), "unknown key '" + it->first.Scalar() + "'"};
  auto need = [&](const char* key) -> YAML::Node {
    if (!root[key]) throw RuleError{1, std::string("missing required key '") + key + "'"};
    return root[key];
  };
  Rule r;
  r.file = file;
  r.id = need("id").as<std::string>();
  std::string stem = file.stem().string();
  if (!file.empty() && stem != r.id) throw RuleError{line_of(root["id"]), "id '" + r.id + "' must match the file name"};
  r.languages = string_list(need("languages"));
  if (r.languages.empty()) throw RuleError{line_of(root["languages"]), "languages must not be empty"};
  for (const auto& l : r.languages)
    if (!syntax::grammar(l)) throw RuleError{line_of(root["languages"]), "unknown language '" + l + "'"};
  r.agent = need("agent").as<std::string>();
  if (!rule_agents().count(r.agent)) throw RuleError{line_of(root["agent"]), "unknown agent '" + r.agent + "'"};
  auto sev = parse_severity(need("severity").as<std::string>());
  if (!sev) throw RuleError{line_of(root["severity"]), "severity must be critical, high, medium, low or info"};
  r.severity = *sev;
  r.confidence = need("confidence").as<double>();
  if (r.confidence < 0 || r.confidence > 1) throw RuleError{line_of(root["confidence"]), "confidence must be in 0..1"};
  r.message = need("message").as<std::string>();
  r.summary = root["summary"] ? root["summary"].as<std::string>() : r.message;
  if (root["rationale"]) r.rationale = util::trim(root["rationale"].as<std::string>());
  if (root["docs"]) r.docs = root["docs"].as<std::string>();
  r.cwe = string_list(root["cwe"]);
  r.owasp = string_list(root["owasp"]);
  if (r.agent == "security" && r.cwe.empty()) throw RuleError{line_of(root["agent"]), "security rules need a cwe"};
  r.query_text = need("query").as<std::string>();
  r.anchors = string_list(root["anchors"]);
  for (const auto& a : r.anchors)
    if (identifiers(a) != std::vector<std::string>{a})
      throw RuleError{line_of(root["anchors"]), "anchors must be single words (letters, digits, _), not '" + a + "'"};
  r.anchored = !r.anchors.empty() || names_rare_words(r.query_text);
  r.gate = r.anchors.empty() ? gate_words(r.query_text) : r.anchors;
  r.query_line = line_of(root["query"]);
  std::set<std::string> captures = capture_names(r.query_text);
  if (!captures.count("match")) throw RuleError{r.query_line, "query needs a @match capture"};
  if (root["inside"]) {
    r.inside_text = root["inside"].as<std::string>();
    r.inside_line = line_of(root["inside"]);
  }
  if (root["not-inside"]) {
    r.not_inside_text = root["not-inside"].as<std::string>();
    r.not_inside_line = line_of(root["not-inside"]);
  }
  r.query.resize(r.languages.size());
  r.inside.resize(r.inside_text.empty() ? 0 : r.languages.size());
  r.not_inside.resize(r.not_inside_text.empty() ? 0 : r.languages.size());
  if (auto where = root["where"]) {
    for (const auto& w : where) {
      CaptureCondition c;
      c.capture = w["capture"] ? w["capture"].as<std::string>() : "";
      if (!captures.count(c.capture)) throw RuleError{line_of(w), "unknown capture '" + c.capture + "'"};
      std::string pattern;
      if (w["regex"])
        pattern = w["regex"].as<std::string>();
      else if (w["not-regex"]) {
        pattern = w["not-regex"].as<std::string>();
        c.negated = true;
      } else {
        throw RuleError{line_of(w), "a where entry needs regex or not-regex"};
      }
      c.regex = std::make_shared<RE2>(pattern, RE2::Quiet);
      if (!c.regex->ok()) throw RuleError{line_of(w), "bad regex: " + c.regex->error()};
      r.where.push_back(std::move(c));
    }
  }
  for (const auto& name : placeholders(r.message))
    if (!captures.count(name)) throw RuleError{line_of(root["message"]), "unknown capture '" + name + "' in message"};
  if (auto paths = root["paths"]) {
    r.include_paths = string_list(paths["include"]);
    r.exclude_paths = string_list(paths["exclude"]);
  }
  if (auto fix = root["fix"]) {
    if (fix.IsScalar())
      r.fix_text = fix.as<std::string>();
    else {
      if (fix["text"]) r.fix_text = fix["text"].as<std::string>();
      if (auto rep = fix["replace"]) {
        r.fix_capture = rep["capture"] ? rep["capture"].as<std::string>() : "match";
        r.fix_with = rep["with"] ? rep["with"].as<std::string>() : "";
        if (!captures.count(r.fix_capture))
          throw RuleError{line_of(rep), "unknown capture '" + r.fix_capture + "' in fix"};
      }
    }
  }
  return r;
}

Result<std::shared_ptr<const syntax::Query>> compile_one(const Rule& r, const std::string& lang, const std::string& key,
                                                         const std::string& text, int yaml_line) {
  syntax::QueryError qe;
  auto q = syntax::compile_query(lang, text, &qe);
  if (!q) {
    // Queries are block scalars (`query: |`), whose text starts on the line after the key.
    int line = qe.line ? yaml_line + qe.line : yaml_line;
    return Error{r.file.string() + ":" + std::to_string(line) + ": " + key + " for " + lang + ": " + q.error().message};
  }
  return *q;
}

/// A predicate written outside its pattern's parentheses forms a pattern of its
/// own and is silently ignored, so every pattern must capture @match.
Result<void> check_patterns(const Rule& r, const syntax::Query& q) {
  uint32_t match_id = static_cast<uint32_t>(q.capture_index("match"));
  for (uint32_t p = 0; p < ts_query_pattern_count(q.get()); ++p) {
    if (ts_query_capture_quantifier_for_id(q.get(), p, match_id) != TSQuantifierZero) continue;
    uint32_t offset = ts_query_start_byte_for_pattern(q.get(), p);
    int line =
        r.query_line + 1 + static_cast<int>(std::count(r.query_text.begin(), r.query_text.begin() + offset, '\n'));
    return Error{r.file.string() + ":" + std::to_string(line) + ": query pattern " + std::to_string(p + 1) +
                 " has no @match capture (predicates belong inside the pattern's parentheses)"};
  }
  return {};
}

}  // namespace

Result<void> compile_rule(Rule& r, const std::vector<std::string>* grammars) {
  for (size_t i = 0; i < r.languages.size(); ++i) {
    const std::string& lang = r.languages[i];
    if (grammars && std::find(grammars->begin(), grammars->end(), lang) == grammars->end()) continue;
    if (!r.query[i]) {
      auto q = compile_one(r, lang, "query", r.query_text, r.query_line);
      if (!q) return q.error();
      if (auto ok = check_patterns(r, **q); !ok) return ok.error();
      r.query[i] = *q;
    }
    if (!r.inside.empty() && !r.inside[i]) {
      auto q = compile_one(r, lang, "inside", r.inside_text, r.inside_line);
      if (!q) return q.error();
      r.inside[i] = *q;
    }
    if (!r.not_inside.empty() && !r.not_inside[i]) {
      auto q = compile_one(r, lang, "not-inside", r.not_inside_text, r.not_inside_line);
      if (!q) return q.error();
      r.not_inside[i] = *q;
    }
  }
  return {};
}

bool Rule::applies_to(std::string_view grammar_id) const {
  return grammar_index(grammar_id) >= 0;
}

int Rule::grammar_index(std::string_view grammar_id) const {
  for (size_t i = 0; i < languages.size(); ++i)
    if (languages[i] == grammar_id) return static_cast<int>(i);
  return -1;
}

bool Rule::path_selected(std::string_view path) const {
  for (const auto& g : exclude_paths)
    if (util::glob_match(g, path)) return false;
  if (include_paths.empty()) return true;
  for (const auto& g : include_paths)
    if (util::glob_match(g, path)) return true;
  return false;
}

RuleInfo Rule::info() const {
  return {id, agent, severity, summary, util::trim(docs).empty() ? rationale : docs, cwe, owasp};
}

namespace {
Result<Rule> parse_uncompiled(const std::string& yaml_text, const std::filesystem::path& file) {
  try {
    return build(YAML::Load(yaml_text), file);
  } catch (const RuleError& e) {
    return Error{file.string() + ":" + std::to_string(e.line) + ": " + e.message};
  } catch (const YAML::Exception& e) {
    return Error{file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
  }
}
}  // namespace

Result<Rule> parse_rule(const std::string& yaml_text, const std::filesystem::path& file) {
  auto rule = parse_uncompiled(yaml_text, file);
  if (!rule) return rule;
  if (auto c = compile_rule(*rule); !c) return c.error();
  return rule;
}

namespace {

/// One rule file, read and parsed: a pattern rule, a taint rule, or the error.
struct LoadedFile {
  std::optional<Rule> rule;
  std::shared_ptr<const TaintRule> taint;
  std::optional<Error> error;
};

LoadedFile load_file(const std::filesystem::path& f, bool require_examples, bool compile) {
  LoadedFile out;
  auto text = util::read_file(f);
  if (!text) return {std::nullopt, nullptr, text.error()};
  YAML::Node doc;
  try {
    doc = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return {std::nullopt, nullptr, Error{f.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg}};
  }
  if (doc.IsMap() && doc["mode"] && doc["mode"].Scalar() == "taint") {
    auto taint = load_taint_rule(doc, f);
    if (!taint) return {std::nullopt, nullptr, taint.error()};
    out.taint = *taint;
    return out;
  }
  auto rule = parse_uncompiled(*text, f);
  if (!rule) return {std::nullopt, nullptr, rule.error()};
  if (compile) {
    if (auto c = compile_rule(*rule); !c) return {std::nullopt, nullptr, c.error()};
  }
  rule->positive_example = example_for(f, "positive");
  rule->negative_example = example_for(f, "negative");
  if (require_examples && (rule->positive_example.empty() || rule->negative_example.empty()))
    return {std::nullopt, nullptr,
            Error{f.string() + ":1: rule '" + rule->id + "' needs " + rule->id + ".positive.* and " + rule->id +
                  ".negative.* example files beside it"}};
  out.rule = std::move(*rule);
  return out;
}

}  // namespace

Result<RuleSet> load_rules(const std::vector<std::filesystem::path>& dirs, bool require_examples, bool compile) {
  std::vector<std::filesystem::path> files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return Error{dir.string() + ": rule directory not found"};
    std::vector<std::filesystem::path> here;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && (it->path().extension() == ".yaml" || it->path().extension() == ".yml"))
        here.push_back(it->path());
    }
    std::sort(here.begin(), here.end());
    files.insert(files.end(), here.begin(), here.end());
  }
  // Parsed side by side (YAML is the slow part of starting a review); merged
  // in file order so the first problem reported is always the same one.
  std::vector<LoadedFile> loaded(files.size());
  util::parallel_for(files.size(), 0, [&](size_t i) { loaded[i] = load_file(files[i], require_examples, compile); });
  RuleSet set;
  std::set<std::string> seen;
  auto compiled = new_compiled_rules();
  for (size_t i = 0; i < files.size(); ++i) {
    auto& l = loaded[i];
    if (l.error) return *l.error;
    const std::string& id = l.taint ? taint_rule_id(*l.taint) : l.rule->id;
    if (!seen.insert(id).second) return Error{files[i].string() + ":1: duplicate rule id '" + id + "'"};
    if (l.taint) {
      set.taint.push_back(std::move(l.taint));
    } else {
      l.rule->compiled = compiled;
      set.rules.push_back(std::move(*l.rule));
    }
  }
  std::sort(set.rules.begin(), set.rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  std::sort(set.taint.begin(), set.taint.end(),
            [](const auto& a, const auto& b) { return taint_rule_id(*a) < taint_rule_id(*b); });
  return set;
}

std::filesystem::path builtin_rules_dir() {
  if (const char* env = std::getenv("COPILOT_RULES_DIR"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "copilot" / "rules";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return std::filesystem::path(COPILOT_SOURCE_DIR) / "rules";
}

}  // namespace copilot::review
