#include "review/checks/import_cycles.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <set>

#include "review/checks/walk.h"
#include "review/engine.h"
#include "syntax/syntax.h"
#include "util/strings.h"
#include "workspace/language.h"

namespace copilot::review {
namespace {

struct Import {
  std::string target;  ///< resolved file path
  TSNode node;
};

struct Parsed {
  std::string content;
  std::optional<syntax::Tree> tree;
  std::vector<std::pair<std::string, TSNode>> specs;  ///< raw module specifiers
  std::vector<Import> imports;
  bool reviewed = false;
};

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string normalise_path(const std::string& path) {
  std::vector<std::string> parts;
  for (auto p : util::split(path, '/')) {
    if (p.empty() || p == ".") continue;
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(p);
  }
  return util::join(parts, "/");
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`'))
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

/// Module specifiers with the node to report: Python `import`/`from`, JS `import`/`require`.
void collect_specs(Parsed& p, const std::string& grammar) {
  const syntax::Tree& tree = *p.tree;
  for_each_node(tree.root(), [&](TSNode n) {
    const char* type = ts_node_type(n);
    if (grammar == "python") {
      if (std::strcmp(type, "import_from_statement") == 0) {
        TSNode mod = ts_node_child_by_field_name(n, "module_name", 11);
        std::string base(tree.text(mod));
        // `from pkg import a, b` may name submodules: try each as pkg.a first.
        uint32_t count = ts_node_named_child_count(n);
        bool named = false;
        for (uint32_t i = 0; i < count; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (ts_node_eq(c, mod)) continue;
          TSNode name =
              std::strcmp(ts_node_type(c), "aliased_import") == 0 ? ts_node_child_by_field_name(c, "name", 4) : c;
          if (std::strcmp(ts_node_type(name), "dotted_name") != 0) continue;
          std::string sep = util::ends_with(base, ".") ? "" : ".";
          p.specs.emplace_back(base + sep + std::string(tree.text(name)) + "|" + base, n);
          named = true;
        }
        if (!named) p.specs.emplace_back(base, n);
      } else if (std::strcmp(type, "import_statement") == 0) {
        uint32_t count = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode c = ts_node_named_child(n, i);
          TSNode name =
              std::strcmp(ts_node_type(c), "aliased_import") == 0 ? ts_node_child_by_field_name(c, "name", 4) : c;
          p.specs.emplace_back(std::string(tree.text(name)), n);
        }
      }
      return;
    }
    if (std::strcmp(type, "import_statement") == 0 || std::strcmp(type, "export_statement") == 0) {
      TSNode source = ts_node_child_by_field_name(n, "source", 6);
      if (!ts_node_is_null(source)) p.specs.emplace_back(unquote(tree.text(source)), n);
    } else if (std::strcmp(type, "call_expression") == 0) {
      TSNode fn = ts_node_child_by_field_name(n, "function", 8);
      TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
      if (ts_node_is_null(fn) || ts_node_is_null(args) || tree.text(fn) != "require") return;
      if (ts_node_named_child_count(args) == 1 &&
          std::strcmp(ts_node_type(ts_node_named_child(args, 0)), "string") == 0)
        p.specs.emplace_back(unquote(tree.text(ts_node_named_child(args, 0))), n);
    }
  });
}

class Graph {
 public:
  Graph(const FileReader& read, size_t max_files) : read_(read), max_files_(max_files) {}

  Parsed* load(const std::string& path, std::optional<std::string_view> content, const syntax::Tree* parsed = nullptr) {
    auto it = files_.find(path);
    if (it != files_.end()) return it->second.get();
    if (files_.size() >= max_files_) return nullptr;
    auto p = std::make_unique<Parsed>();
    if (content) {
      p->content = std::string(*content);
    } else {
      auto text = read_(path);
      if (!text) return nullptr;
      p->content = std::move(*text);
    }
    std::string_view src = p->content;
    const auto* lang = workspace::detect_language(path, src.substr(0, src.find('\n')));
    if (!lang || lang->grammar.empty()) return nullptr;
    std::string grammar(lang->grammar);
    if (grammar != "python" && grammar != "javascript" && grammar != "typescript" && grammar != "tsx") return nullptr;
    if (parsed && parsed->source().data() == content->data()) {
      // Reuse the review's parse; the tree points into the reviewed content, which outlives the graph.
      p->tree.emplace(*parsed);
    } else {
      auto tree = syntax::parse(grammar, p->content);
      if (!tree) return nullptr;
      p->tree.emplace(std::move(*tree));
    }
    collect_specs(*p, grammar);
    Parsed* raw = p.get();
    files_.emplace(path, std::move(p));
    python_[path] = grammar == "python";
    return raw;
  }

  std::optional<std::string> resolve(const std::string& from, const std::string& spec) {
    if (python_[from]) return resolve_python(from, spec);
    if (!util::starts_with(spec, ".")) return std::nullopt;  // packages are not part of the repository
    std::string base = normalise_path(dir_of(from) + "/" + spec);
    for (const char* ext : {"", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js"})
      if (exists(base + ext)) return base + ext;
    return std::nullopt;
  }

  std::map<std::string, std::unique_ptr<Parsed>>& files() { return files_; }

 private:
  bool exists(const std::string& path) {
    if (path.empty()) return false;
    auto it = exists_.find(path);
    if (it != exists_.end()) return it->second;
    bool found = files_.count(path) || (util::contains(path, ".") && read_(path).has_value());
    exists_[path] = found;
    return found;
  }

  std::optional<std::string> resolve_module(const std::string& from, std::string module) {
    std::string prefix;
    if (util::starts_with(module, ".")) {
      size_t dots = module.find_first_not_of('.');
      std::string dir = dir_of(from);
      for (size_t i = 1; i < (dots == std::string::npos ? module.size() : dots); ++i) dir = dir_of(dir);
      module = dots == std::string::npos ? "" : module.substr(dots);
      prefix = dir.empty() ? "" : dir + "/";
    }
    std::string rel = module;
    std::replace(rel.begin(), rel.end(), '.', '/');
    std::vector<std::string> roots = {prefix};
    if (prefix.empty()) roots = {"", "src/", dir_of(from).empty() ? "" : dir_of(from) + "/"};
    for (const auto& root : roots) {
      std::string base = root + rel;
      if (!rel.empty() && exists(base + ".py")) return base + ".py";
      std::string init = (rel.empty() ? root : base + "/") + "__init__.py";
      if (exists(normalise_path(init))) return normalise_path(init);
    }
    return std::nullopt;
  }

  std::optional<std::string> resolve_python(const std::string& from, const std::string& spec) {
    // "pkg.name|pkg": the submodule if there is one, else the package.
    size_t bar = spec.find('|');
    if (bar != std::string::npos) {
      if (auto sub = resolve_module(from, spec.substr(0, bar))) return sub;
      return resolve_module(from, spec.substr(bar + 1));
    }
    return resolve_module(from, spec);
  }

  const FileReader& read_;
  size_t max_files_;
  std::map<std::string, std::unique_ptr<Parsed>> files_;
  std::map<std::string, bool> python_;
  std::map<std::string, bool> exists_;
};

}  // namespace

const RuleInfo& import_cycle_rule() {
  static const RuleInfo info{"arch-import-cycle",
                             "architecture",
                             Severity::medium,
                             "Modules import each other in a cycle",
                             "Import cycles couple modules so that neither can change, load or be tested alone, and in "
                             "Python they fail at import time when a name is used before its module finished loading. "
                             "Move the shared part into a third module, or invert one dependency.",
                             {},
                             {}};
  return info;
}

std::vector<Finding> find_import_cycles(const std::vector<ImportSource>& files, const FileReader& read,
                                        size_t max_files) {
  Graph graph(read, max_files);
  std::deque<std::string> queue;
  for (const auto& f : files) {
    if (Parsed* p = graph.load(f.path, f.content, f.tree)) {
      p->reviewed = true;
      queue.push_back(f.path);
    }
  }
  // Follow imports outward from the reviewed files.
  std::set<std::string> expanded;
  while (!queue.empty()) {
    std::string path = queue.front();
    queue.pop_front();
    if (!expanded.insert(path).second) continue;
    Parsed* p = graph.files().at(path).get();
    for (const auto& [spec, node] : p->specs) {
      auto target = graph.resolve(path, spec);
      if (!target || *target == path) continue;
      if (!graph.load(*target, std::nullopt)) continue;
      p->imports.push_back({*target, node});
      if (!expanded.count(*target)) queue.push_back(*target);
    }
  }

  // Tarjan's strongly connected components, iteratively.
  std::map<std::string, int> index, low;
  std::set<std::string> on_stack;
  std::vector<std::string> stack;
  std::vector<std::vector<std::string>> components;
  int counter = 0;
  for (auto& [start, _] : graph.files()) {
    if (index.count(start)) continue;
    std::vector<std::pair<std::string, size_t>> work{{start, 0}};
    while (!work.empty()) {
      auto& [v, next] = work.back();
      if (next == 0 && !index.count(v)) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack.insert(v);
      }
      auto& imports = graph.files().at(v)->imports;
      if (next < imports.size()) {
        const std::string w = imports[next++].target;
        if (!index.count(w)) {
          work.push_back({w, 0});
        } else if (on_stack.count(w)) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<std::string> comp;
        std::string w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack.erase(w);
          comp.push_back(w);
        } while (w != v);
        if (comp.size() > 1) components.push_back(std::move(comp));
      }
      std::string done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }

  std::vector<Finding> out;
  for (auto& comp : components) {
    std::sort(comp.begin(), comp.end());
    std::set<std::string> members(comp.begin(), comp.end());
    // Report at the first reviewed member's import of another member.
    for (const auto& path : comp) {
      Parsed* p = graph.files().at(path).get();
      if (!p->reviewed) continue;
      for (const auto& imp : p->imports) {
        if (!members.count(imp.target)) continue;
        SourceUnit unit{path, "", p->content, &*p->tree};
        Finding f = make_finding(unit, imp.node, import_cycle_rule().id, util::join(comp, " "));
        const RuleInfo& info = import_cycle_rule();
        f.agent = info.agent;
        f.severity = info.severity;
        f.confidence = 0.9;
        f.message = "import cycle between " + util::join(comp, ", ");
        f.rationale = info.description;
        f.fix_text = "Extract what the modules share into a module both import, or invert one of the dependencies.";
        out.push_back(std::move(f));
        break;
      }
      break;
    }
  }
  return out;
}

}  // namespace copilot::review
