#include "audit/runtimes.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "audit/services.h"
#include "util/strings.h"

namespace copilot::audit {

void to_json(nlohmann::json& j, const Runtime& r) {
  j = {{"language", r.language},
       {"version", r.version},
       {"constraint", r.constraint},
       {"source", r.source},
       {"evidence", r.evidence}};
}

std::string normalise_runtime_version(std::string_view language, std::string_view constraint) {
  size_t i = 0;
  while (i < constraint.size() && !std::isdigit(static_cast<unsigned char>(constraint[i]))) ++i;
  std::vector<std::string> parts;
  while (i < constraint.size() && parts.size() < 2) {
    size_t start = i;
    while (i < constraint.size() && std::isdigit(static_cast<unsigned char>(constraint[i]))) ++i;
    if (i == start) break;
    parts.emplace_back(constraint.substr(start, i - start));
    if (i >= constraint.size() || constraint[i] != '.') break;
    ++i;
  }
  if (parts.empty()) return "";
  if (language == "java") return parts[0] == "1" && parts.size() > 1 ? parts[1] : parts[0];
  if (language == "node" || parts.size() == 1) return parts[0];
  return parts[0] + "." + parts[1];
}

namespace {

std::string_view base_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view unquote(std::string_view s) {
  s = util::trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return s.substr(1, s.size() - 2);
  return s;
}

// Collects findings for one file; a constraint naming no version is dropped.
class Collector {
 public:
  Collector(const workspace::FileEntry& file, std::vector<Runtime>& out) : file_(file), out_(out) {}

  void add(std::string_view language, std::string_view constraint, const char* source, int line) {
    constraint = util::trim(constraint);
    std::string version = normalise_runtime_version(language, constraint);
    if (version.empty()) return;
    out_.push_back({std::string(language), version, std::string(constraint), source,
                    evidence_line(file_.path, file_.content, line)});
  }

 private:
  const workspace::FileEntry& file_;
  std::vector<Runtime>& out_;
};

// The first line that is neither blank nor a comment, with its number.
std::optional<std::pair<std::string_view, int>> first_value_line(std::string_view text) {
  auto lines = util::split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    if (!t.empty() && t[0] != '#') return std::make_pair(t, static_cast<int>(i) + 1);
  }
  return std::nullopt;
}

// The text after `key` and an `=` (or `:`) on a line that starts with `key`.
std::optional<std::string_view> assigned(std::string_view line, std::string_view key) {
  if (!util::starts_with(line, key)) return std::nullopt;
  std::string_view rest = util::trim(line.substr(key.size()));
  if (rest.empty() || (rest[0] != '=' && rest[0] != ':')) return std::nullopt;
  return unquote(rest.substr(1));
}

void tool_versions(const workspace::FileEntry& f, Collector& c) {
  static constexpr std::pair<std::string_view, std::string_view> kTools[] = {
      {"python", "python"}, {"nodejs", "node"}, {"node", "node"}, {"golang", "go"}, {"go", "go"}, {"java", "java"}};
  auto lines = util::split_lines(f.content);
  for (size_t i = 0; i < lines.size(); ++i) {
    auto words = util::split(util::trim(lines[i]), ' ');
    if (words.size() < 2) continue;
    for (auto [tool, language] : kTools)
      if (words[0] == tool) c.add(language, words[1], "version_file", static_cast<int>(i) + 1);
  }
}

void pyproject(const workspace::FileEntry& f, Collector& c) {
  auto lines = util::split_lines(f.content);
  std::string_view table;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    if (util::starts_with(t, "[")) table = t;
    int line = static_cast<int>(i) + 1;
    if (auto v = assigned(t, "requires-python")) c.add("python", *v, "manifest", line);
    if (table == "[tool.poetry.dependencies]")
      if (auto v = assigned(t, "python")) c.add("python", *v, "manifest", line);
  }
}

void setup_py(const workspace::FileEntry& f, Collector& c) {
  size_t at = f.content.find("python_requires");
  if (at == std::string::npos) return;
  size_t open = f.content.find_first_of("\"'", at);
  if (open == std::string::npos) return;
  size_t close = f.content.find(f.content[open], open + 1);
  if (close == std::string::npos) return;
  c.add("python", std::string_view(f.content).substr(open + 1, close - open - 1), "manifest",
        util::line_of_offset(f.content, at));
}

void package_json(const workspace::FileEntry& f, Collector& c) {
  nlohmann::json j = nlohmann::json::parse(f.content, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return;  // the stack section reports broken manifests
  auto engines = j.find("engines");
  if (engines == j.end() || !engines->is_object()) return;
  auto node = engines->find("node");
  if (node == engines->end() || !node->is_string()) return;
  size_t at = f.content.find("\"engines\"");
  at = at == std::string::npos ? 0 : f.content.find("\"node\"", at);
  c.add("node", node->get<std::string>(), "manifest",
        at == std::string::npos ? 0 : util::line_of_offset(f.content, at));
}

void go_mod(const workspace::FileEntry& f, Collector& c) {
  auto lines = util::split_lines(f.content);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    int line = static_cast<int>(i) + 1;
    if (util::starts_with(t, "go ")) c.add("go", t.substr(3), "manifest", line);
    if (util::starts_with(t, "toolchain go")) c.add("go", t.substr(12), "manifest", line);
  }
}

void pom(const workspace::FileEntry& f, Collector& c) {
  for (std::string_view tag : {"java.version", "maven.compiler.release", "maven.compiler.source", "release"}) {
    std::string open = "<" + std::string(tag) + ">";
    for (size_t at = f.content.find(open); at != std::string::npos; at = f.content.find(open, at + 1)) {
      size_t start = at + open.size();
      size_t end = f.content.find('<', start);
      if (end == std::string::npos) break;
      std::string_view value = std::string_view(f.content).substr(start, end - start);
      if (!util::contains(value, "${")) c.add("java", value, "manifest", util::line_of_offset(f.content, at));
    }
  }
}

void gradle(const workspace::FileEntry& f, Collector& c) {
  auto lines = util::split_lines(f.content);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    int line = static_cast<int>(i) + 1;
    for (std::string_view marker : {"JavaLanguageVersion.of(", "jvmToolchain("}) {
      size_t at = t.find(marker);
      if (at != std::string_view::npos) c.add("java", t.substr(at + marker.size()), "manifest", line);
    }
    if (auto v = assigned(t, "sourceCompatibility")) {
      std::string_view value = *v;
      if (size_t at = value.find("VERSION_"); at != std::string_view::npos) {
        std::string dotted(value.substr(at + 8));
        std::replace(dotted.begin(), dotted.end(), '_', '.');
        c.add("java", dotted, "manifest", line);
      } else {
        c.add("java", value, "manifest", line);
      }
    }
  }
}

// Java images whose tag carries the JDK after a marker: maven:3.9-eclipse-temurin-21, gradle:8-jdk21.
std::string java_in_build_tag(std::string_view tag) {
  for (std::string_view marker : {"temurin-", "corretto-", "openjdk-", "jdk-", "jdk"}) {
    size_t at = tag.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view rest = tag.substr(at + marker.size());
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) return std::string(rest);
  }
  return "";
}

void dockerfile(const workspace::FileEntry& f, Collector& c) {
  Dockerfile df = parse_dockerfile(f.path, f.content);
  for (const auto& stage : df.stages) {
    std::string_view image = stage.base_image;
    image = image.substr(0, image.find('@'));  // digest
    size_t colon = image.rfind(':');
    size_t slash = image.rfind('/');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) continue;
    std::string_view name = image.substr(slash == std::string_view::npos ? 0 : slash + 1, colon - (slash + 1));
    if (slash == std::string_view::npos) name = image.substr(0, colon);
    std::string_view tag = image.substr(colon + 1);
    if (util::contains(tag, "$")) continue;
    if (name == "python") c.add("python", tag, "container", stage.line);
    if (name == "node") c.add("node", tag, "container", stage.line);
    if (name == "golang") c.add("go", tag, "container", stage.line);
    if (name == "eclipse-temurin" || name == "openjdk" || name == "amazoncorretto" || name == "sapmachine")
      c.add("java", tag, "container", stage.line);
    if (name == "maven" || name == "gradle") {
      std::string jdk = java_in_build_tag(tag);
      if (!jdk.empty()) c.add("java", jdk, "container", stage.line);
    }
  }
}

void scan(const workspace::FileEntry& f, Collector& c) {
  std::string_view name = base_of(f.path);
  if (name == ".python-version") {
    if (auto v = first_value_line(f.content)) c.add("python", v->first, "version_file", v->second);
  } else if (name == "runtime.txt") {
    if (auto v = first_value_line(f.content); v && util::starts_with(v->first, "python-"))
      c.add("python", v->first.substr(7), "version_file", v->second);
  } else if (name == ".nvmrc" || name == ".node-version") {
    if (auto v = first_value_line(f.content)) c.add("node", v->first, "version_file", v->second);
  } else if (name == ".java-version") {
    if (auto v = first_value_line(f.content)) c.add("java", v->first, "version_file", v->second);
  } else if (name == ".sdkmanrc") {
    auto lines = util::split_lines(f.content);
    for (size_t i = 0; i < lines.size(); ++i)
      if (auto v = assigned(util::trim(lines[i]), "java")) c.add("java", *v, "version_file", static_cast<int>(i) + 1);
  } else if (name == ".tool-versions") {
    tool_versions(f, c);
  } else if (name == "pyproject.toml") {
    pyproject(f, c);
  } else if (name == "setup.py") {
    setup_py(f, c);
  } else if (name == "package.json") {
    package_json(f, c);
  } else if (name == "go.mod") {
    go_mod(f, c);
  } else if (name == "pom.xml") {
    pom(f, c);
  } else if (name == "build.gradle" || name == "build.gradle.kts") {
    gradle(f, c);
  } else if (is_dockerfile(f.path)) {
    dockerfile(f, c);
  }
}

}  // namespace

std::vector<Runtime> detect_runtimes(const AuditInput& input) {
  std::vector<Runtime> out;
  for (const auto& f : input.files()) {
    if (!f.analysed()) continue;
    Collector c(f, out);
    scan(f, c);
  }
  std::sort(out.begin(), out.end(), [](const Runtime& a, const Runtime& b) {
    return std::tie(a.language, a.evidence.file, a.evidence.line, a.constraint) <
           std::tie(b.language, b.evidence.file, b.evidence.line, b.constraint);
  });
  return out;
}

}  // namespace copilot::audit
