#include "workspace/language.h"

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace copilot::workspace {
namespace {

// ---------------------------------------------------------------------------
// Comment syntax.
//
// Line totals are meant to agree with cloc, so the model follows how cloc
// counts: blank lines are counted first (whitespace only, even inside a block
// comment); then a chain of per-line filters drops whole-line comments or
// strips comment text; finally an optional block stage removes block comments
// from the surviving text as one stream, the way cloc's regular expressions do.
// A block comment that is never closed is not a comment (the regex fails), and
// one spanning lines joins the text before it with the text after it into a
// single line. Every non-blank line that does not end up holding code is a
// comment line.

enum class FilterKind : uint8_t {
  kPrefix,        // drops lines whose first non-blank text is `a` (case-insensitive)
  kContains,      // drops lines containing `a` anywhere
  kPoComment,     // drops "#..." lines except "#," flag lines
  kBetween,       // strips `a`...`b` comments, line by line
  kHtml,          // strips <!-- --> comments, line by line
  kBelowAbove,    // drops lines from one starting with `a` to one starting with `b`
  kBelow,         // drops everything from a line starting with `a` or `b`
  kMarkdownLink,  // drops "[//]: # (...)" style comments
  kRst,           // drops ".." directive and comment blocks
  kHaskell,       // strips -- and {- -} comments
  kElm,           // as kHaskell, with nesting
};

struct Filter {
  FilterKind kind = FilterKind::kPrefix;
  std::string_view a;
  std::string_view b;
};

enum class Block : uint8_t {
  kNone,       // surviving lines are code
  kC,          // open/close pairs
  kCpp,        // open/close pairs and `//` line comments
  kDocstring,  // triple-quoted strings count as comments, as do /* */ pairs
  kElixir,     // @doc/@moduledoc heredocs, and /* */ pairs
};

// String literals the block stage skips, so comment markers inside them stay
// code ("http://x", "**/*.js"). cloc does not look at strings at all; quoted
// strings rarely hold whole comment lines, so skipping them costs little
// agreement and avoids cloc's worst miscounts.
enum StringFlag : uint8_t {
  kDq = 1,        // "..."
  kSq = 2,        // '...'
  kRaw = 4,       // `...` spanning lines, no escapes (Go)
  kRegexLit = 8,  // /.../ regular expression literals (JavaScript)
};

constexpr size_t kMaxFilters = 7;

struct Syntax {
  std::array<Filter, kMaxFilters> filters{};
  uint8_t filter_count = 0;
  Block block = Block::kNone;
  std::string_view open = "/*";
  std::string_view close = "*/";
  // A second pair that cloc rewrites into the first (PowerShell's <# #>).
  std::string_view open2;
  std::string_view close2;
  uint8_t strings = 0;
  // A whitespace-only line after one ending in '\' is not blank (cloc keeps it).
  bool continuation = false;
  // Python drops a u/U prefix along with an opening triple quote.
  bool eat_u_prefix = false;
  // Whole-line comment marker cloc applies after the block stage: a line whose
  // remaining text starts with it is a comment.
  std::string_view late_prefix;
};

constexpr Filter prefix(std::string_view mark) {
  return {FilterKind::kPrefix, mark, {}};
}
constexpr Filter between(std::string_view a, std::string_view b) {
  return {FilterKind::kBetween, a, b};
}

constexpr Syntax make_syntax(std::initializer_list<Filter> filters, Block block = Block::kNone, uint8_t strings = 0,
                             bool continuation = false) {
  Syntax s;
  for (const Filter& f : filters) s.filters[s.filter_count++] = f;
  s.block = block;
  s.strings = strings;
  s.continuation = continuation;
  return s;
}

constexpr Syntax python_syntax() {
  Syntax s = make_syntax({{FilterKind::kContains, "/*", {}}, {FilterKind::kContains, "*/", {}}, prefix("#")},
                         Block::kDocstring, 0, true);
  s.eat_u_prefix = true;
  return s;
}

constexpr Syntax with_late_prefix(Syntax s, std::string_view mark) {
  s.late_prefix = mark;
  return s;
}

constexpr Syntax powershell_syntax() {
  Syntax s = make_syntax({}, Block::kC, kDq | kSq, true);
  s.open2 = "<#";
  s.close2 = "#>";
  s.late_prefix = "#";
  return s;
}

constexpr Syntax lua_syntax() {
  return make_syntax({between("--[=====[", "]=====]"), between("--[====[", "]====]"), between("--[===[", "]===]"),
                      between("--[==[", "]==]"), between("--[=[", "]=]"), between("--[[", "]]"), prefix("--")},
                     Block::kNone, 0, true);
}

const Syntax kPlain = make_syntax({});
const Syntax kHash = make_syntax({prefix("#")});
const Syntax kHashCont = make_syntax({prefix("#")}, Block::kNone, 0, true);
const Syntax kPython = python_syntax();
const Syntax kStarlark = make_syntax({prefix("#")}, Block::kDocstring, 0, true);
const Syntax kGraphQl = make_syntax({prefix("#")}, Block::kDocstring);
// Template literals are scanned like code, as cloc does: they mostly embed other
// languages (GLSL, SQL, HTML) whose comment lines cloc counts as comments.
const Syntax kJs = make_syntax({}, Block::kCpp, kDq | kSq | kRegexLit, true);
const Syntax kCFamily = make_syntax({}, Block::kCpp, kDq | kSq, true);
const Syntax kCFamilyNoCont = make_syntax({}, Block::kCpp, kDq | kSq);
const Syntax kGo = make_syntax({}, Block::kCpp, kDq | kSq | kRaw, true);
const Syntax kRust = make_syntax({}, Block::kCpp, kDq);
const Syntax kCss = make_syntax({}, Block::kC, kDq | kSq);
const Syntax kSql = with_late_prefix(make_syntax({}, Block::kC, kSq), "--");
const Syntax kPhp = make_syntax({prefix("#")}, Block::kCpp, kDq | kSq);
const Syntax kHcl = make_syntax({prefix("#")}, Block::kCpp, kDq);
const Syntax kThrift = with_late_prefix(make_syntax({}, Block::kCpp, kDq | kSq), "#");
const Syntax kNix = with_late_prefix(make_syntax({}, Block::kC, kDq), "#");
const Syntax kPowerShell = powershell_syntax();
const Syntax kLua = lua_syntax();
const Syntax kHtml = make_syntax({{FilterKind::kHtml, {}, {}}});
const Syntax kVue = make_syntax({{FilterKind::kHtml, {}, {}}}, Block::kCpp, kDq | kSq);
const Syntax kMarkdown = make_syntax({between("<!--", "-->"), {FilterKind::kMarkdownLink, {}, {}}});
const Syntax kHashBrace = make_syntax({between("{#", "#}")});  // Jinja, Twig, Nunjucks
const Syntax kErb = make_syntax({between("<%#", "%>")});
const Syntax kEjs = make_syntax({between("<%#", "%>"), {FilterKind::kHtml, {}, {}}});
const Syntax kHandlebars = make_syntax({between("{{!--", "--}}"), between("{{!", "}}"), {FilterKind::kHtml, {}, {}}});
const Syntax kMustache = make_syntax({between("{{!", "}}")});
const Syntax kRst = make_syntax({{FilterKind::kRst, {}, {}}});
const Syntax kPo = make_syntax({{FilterKind::kPoComment, {}, {}}});
const Syntax kIni = make_syntax({prefix(";")});
const Syntax kProperties = make_syntax({prefix("#"), prefix("!")});
const Syntax kErlang = make_syntax({prefix("%")});
const Syntax kBatch = make_syntax({prefix("rem"), prefix("::")});
const Syntax kClojure = make_syntax({prefix(";"), prefix("#_")});
const Syntax kScheme = make_syntax({prefix(";")});
const Syntax kAssembly =
    make_syntax({prefix("#"), prefix(";"), prefix("@"), prefix("|"), prefix("!"), prefix("--")}, Block::kCpp, 0, true);
const Syntax kVim = make_syntax({prefix("\"")});
const Syntax kZig = make_syntax({prefix("//")});
const Syntax kHaskell = make_syntax({{FilterKind::kHaskell, {}, {}}});
const Syntax kElm = make_syntax({{FilterKind::kElm, {}, {}}});
const Syntax kRuby = make_syntax({prefix("#"), {FilterKind::kBelowAbove, "=begin", "=end"}}, Block::kNone, 0, true);
const Syntax kPerl = make_syntax(
    {{FilterKind::kBelow, "__END__", "__DATA__"}, prefix("#"), {FilterKind::kBelowAbove, "=head1", "=cut"}});
const Syntax kElixir = make_syntax({prefix("#")}, Block::kElixir);

// ---------------------------------------------------------------------------
// The language table.

struct Entry {
  Language language;
  const Syntax* syntax;
  std::vector<std::string_view> extensions;  // case-sensitive, as cloc matches them
  std::vector<std::string_view> file_names;  // whole base names
  std::vector<std::string_view> interpreters;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = {
      {{"python", "Python", "python"},
       &kPython,
       {"py", "pyi", "pyw", "py3", "pyde", "pyp", "pyt", "gyp", "gypi", "lmi", "tac", "wsgi", "xpy"},
       {"SConstruct", "SConscript", "wscript"},
       {"python", "python2", "python3", "pypy", "pypy3"}},
      {{"cython", "Cython", ""}, &kStarlark, {"pyx", "pxd", "pxi"}, {}, {}},
      {{"javascript", "JavaScript", "javascript"},
       &kJs,
       {"js", "mjs", "cjs", "es6", "jsm", "jsb", "jscad", "jsfl", "jss", "njs", "pac", "sjs", "ssjs", "xsjs", "xsjslib",
        "jake", "_js", "bones"},
       {},
       {"node", "nodejs"}},
      {{"javascript", "JSX", "javascript"}, &kJs, {"jsx"}, {}, {}},
      {{"typescript", "TypeScript", "typescript"}, &kJs, {"ts", "mts", "cts"}, {}, {"ts-node", "deno"}},
      {{"typescript", "TypeScript", "tsx"}, &kJs, {"tsx"}, {}, {}},
      {{"go", "Go", "go"}, &kGo, {"go"}, {}, {}},
      {{"java", "Java", "java"}, &kCFamilyNoCont, {"java"}, {}, {}},
      {{"c", "C", "c"}, &kCFamily, {"c", "cats", "ec", "idc", "pgc"}, {}, {}},
      {{"cpp", "C++", "cpp"},
       &kCFamily,
       {"cpp", "cc", "cxx", "c++", "C", "CPP", "h++", "inl", "ipp", "pcc", "tcc", "tpp"},
       {},
       {}},
      {{"cpp", "C/C++ Header", "cpp"}, &kCFamily, {"h", "H", "hh", "hpp", "hxx"}, {}, {}},
      {{"csharp", "C#", ""}, &kCFamily, {"cs"}, {}, {}},
      {{"ruby", "Ruby", "ruby"},
       &kRuby,
       {"rb", "rbw", "rbx", "rake", "gemspec", "ru", "thor", "podspec", "jbuilder", "rabl", "irbrc", "pryrc"},
       {"Rakefile", "rakefile", "Gemfile", "Vagrantfile", "Podfile", "Brewfile", "Guardfile", "Capfile", "Thorfile",
        "Berksfile", "Fastfile", "Dangerfile"},
       {"ruby", "jruby", "rbx"}},
      {{"rust", "Rust", "rust"}, &kRust, {"rs", "rs.in"}, {}, {}},
      {{"bash", "Bourne Again Shell", "bash"}, &kHashCont, {"bash"}, {}, {"bash"}},
      {{"bash", "Bourne Shell", "bash"}, &kHashCont, {"sh"}, {}, {"sh", "dash", "ash"}},
      {{"zsh", "zsh", ""}, &kHashCont, {"zsh"}, {}, {"zsh"}},
      {{"ksh", "Korn Shell", ""}, &kHashCont, {"ksh"}, {}, {"ksh", "mksh", "pdksh"}},
      {{"csh", "C Shell", ""}, &kHashCont, {"csh", "tcsh"}, {}, {"csh", "tcsh"}},
      {{"fish", "Fish Shell", ""}, &kHash, {"fish"}, {}, {"fish"}},
      {{"php", "PHP", ""},
       &kPhp,
       {"php", "php3", "php4", "php5", "phps", "phpt", "phtml", "ctp", "aw", "phakefile", "php_cs", "php_cs.dist"},
       {},
       {"php"}},
      {{"kotlin", "Kotlin", ""}, &kCFamilyNoCont, {"kt", "ktm", "kts"}, {}, {}},
      {{"scala", "Scala", ""}, &kCFamilyNoCont, {"scala", "sbt", "kojo"}, {}, {"scala"}},
      {{"swift", "Swift", ""}, &kCFamily, {"swift"}, {}, {}},
      {{"dart", "Dart", ""}, &kCFamily, {"dart"}, {}, {}},
      {{"objc", "Objective-C", ""}, &kCFamily, {"m"}, {}, {}},
      {{"objcpp", "Objective-C++", ""}, &kCFamily, {"mm"}, {}, {}},
      {{"cuda", "CUDA", ""}, &kCFamilyNoCont, {"cu", "cuh"}, {}, {}},
      {{"solidity", "Solidity", ""}, &kCFamily, {"sol"}, {}, {}},
      {{"groovy", "Groovy", ""},
       &kCFamilyNoCont,
       {"groovy", "gvy", "gant", "grt", "gtpl", "jenkinsfile"},
       {"Jenkinsfile"},
       {"groovy"}},
      {{"gradle", "Gradle", ""}, &kCFamilyNoCont, {"gradle", "gradle.kts"}, {}, {}},
      {{"protobuf", "Protocol Buffers", ""}, &kCFamilyNoCont, {"proto"}, {}, {}},
      {{"thrift", "Thrift", ""}, &kThrift, {"thrift"}, {}, {}},
      {{"perl", "Perl", ""},
       &kPerl,
       {"pl", "PL", "pm", "perl", "plx", "ph", "plh", "al", "psgi", "ack"},
       {"cpanfile"},
       {"perl", "perl5", "miniperl"}},
      {{"lua", "Lua", ""}, &kLua, {"lua", "wlua", "nse", "p8", "pd_lua", "rbxs"}, {}, {"lua", "luajit"}},
      {{"r", "R", ""}, &kHashCont, {"r", "R", "rd", "rsx", "rprofile"}, {}, {"Rscript"}},
      {{"sql", "SQL", ""}, &kSql, {"sql", "SQL", "cql", "mysql", "psql", "tab", "udf", "viw"}, {}, {}},
      {{"html", "HTML", ""}, &kHtml, {"html", "htm", "html.hl", "xht"}, {}, {}},
      {{"xhtml", "XHTML", ""}, &kHtml, {"xhtml"}, {}, {}},
      {{"css", "CSS", ""}, &kCss, {"css"}, {}, {}},
      {{"scss", "SCSS", ""}, &kCFamilyNoCont, {"scss"}, {}, {}},
      {{"less", "LESS", ""}, &kCFamily, {"less"}, {}, {}},
      {{"sass", "Sass", ""}, &kCFamilyNoCont, {"sass"}, {}, {}},
      {{"stylus", "Stylus", ""}, &kCFamily, {"styl"}, {}, {}},
      {{"vue", "Vuejs Component", ""}, &kVue, {"vue"}, {}, {}},
      {{"svelte", "Svelte", ""}, &kHtml, {"svelte"}, {}, {}},
      {{"markdown", "Markdown", ""},
       &kMarkdown,
       {"md", "markdown", "mdx", "mdown", "mdwn", "mkd", "mkdn", "mkdown", "ronn", "workbook", "contents.lr"},
       {},
       {}},
      {{"json", "JSON", ""},
       &kPlain,
       {"json",         "geojson",        "topojson", "har",     "webmanifest",     "gltf",
        "jsonl",        "avsc",           "mcmeta",   "tfstate", "tfstate.backup",  "arcconfig",
        "htmlhintrc",   "watchmanconfig", "webapp",   "yyp",     "json-tmlanguage", "tern-config",
        "tern-project", "mcmod.info"},
       {},
       {}},
      {{"json5", "JSON5", ""}, &kCFamily, {"json5"}, {}, {}},
      {{"yaml", "YAML", ""},
       &kHash,
       {"yaml", "yml", "clang-format", "clang-tidy", "gemrc", "syntax", "sublime-syntax", "yaml-tmlanguage", "reek",
        "rviz", "mir", "yml.mysql"},
       {},
       {}},
      {{"toml", "TOML", ""}, &kHash, {"toml"}, {}, {}},
      // clang-format off
      {{"xml", "XML", ""},
       &kHtml,
       {
        "adml", "admx", "ant", "app.config", "axml", "builds", "ccproj", "ccxml", "classpath", "clixml", "cproject",
        "cscfg", "csdef", "csl", "ct", "depproj", "ditamap", "ditaval", "dll.config", "dotsettings", "filters",
        "fsproj", "gmx", "grxml", "iml", "ivy", "jelly", "jsproj", "kml", "launch", "mdpolicy", "mjml", "natvis",
        "ndproj", "nproj", "nuget.config", "nuspec", "odd", "osm", "packages.config", "pkgproj", "plist", "proj",
        "project", "props", "ps1xml", "psc1", "pt", "rdf", "resx", "rss", "scxml", "settings.stylecop", "sfproj",
        "shproj", "srdf", "storyboard", "sttheme", "sublime-snippet", "targets", "tmcommand", "tml", "tmlanguage",
        "tmpreferences", "tmsnippet", "tmtheme", "urdf", "ux", "vcxproj", "vsixmanifest", "vssettings", "vstemplate",
        "vxml", "web.config", "web.debug.config", "web.release.config", "wsf", "x3d", "xacro", "xib", "xlf", "xliff",
        "XML", "xml", "xml.dist", "xproj", "xspec", "xul", "zcml"
       },
       {},
       {}},
      // clang-format on
      {{"svg", "SVG", ""}, &kHtml, {"svg", "SVG"}, {}, {}},
      {{"xslt", "XSLT", ""}, &kHtml, {"xsl", "XSL", "xslt", "XSLT"}, {}, {}},
      {{"xsd", "XSD", ""}, &kHtml, {"xsd", "XSD"}, {}, {}},
      {{"xaml", "XAML", ""}, &kHtml, {"xaml"}, {}, {}},
      {{"msbuild", "MSBuild script", ""},
       &kHtml,
       {"csproj", "vcproj", "wixproj", "wdproj", "btproj", "msbuild"},
       {},
       {}},
      {{"ini", "INI", ""}, &kIni, {"ini", "buildozer.spec", "lektorproject", "prefs"}, {}, {}},
      {{"properties", "Properties", ""}, &kProperties, {"properties"}, {}, {}},
      {{"dockerfile", "Dockerfile", ""},
       &kHash,
       {"dockerfile", "Dockerfile"},
       {"Dockerfile", "dockerfile", "Dockerfile.m4", "Dockerfile.cmake", "dockerfile.m4", "dockerfile.cmake"},
       {}},
      {{"dockerfile", "Containerfile", ""}, &kHash, {}, {"Containerfile"}, {}},
      {{"make", "make", ""},
       &kHashCont,
       {"mk", "am"},
       {"Makefile", "makefile", "GNUmakefile", "Gnumakefile", "gnumakefile"},
       {"make", "gmake"}},
      {{"cmake", "CMake", ""}, &kHashCont, {"cmake", "cmake.in"}, {"CMakeLists.txt", "cmakelists.txt"}, {}},
      {{"meson", "Meson", ""}, &kHashCont, {}, {"meson.build"}, {}},
      {{"hcl", "HCL", ""}, &kHcl, {"tf", "tfvars", "hcl", "nomad"}, {}, {}},
      {{"jinja", "Jinja Template", ""}, &kHashBrace, {"jinja", "jinja2", "j2"}, {}, {}},
      {{"twig", "Twig", ""}, &kHashBrace, {"twig"}, {}, {}},
      {{"nunjucks", "Nunjucks", ""}, &kHashBrace, {"njk"}, {}, {}},
      {{"erb", "ERB", ""}, &kErb, {"erb", "ERB"}, {}, {}},
      {{"ejs", "EJS", ""}, &kEjs, {"ejs"}, {}, {}},
      {{"handlebars", "Handlebars", ""}, &kHandlebars, {"hbs", "handlebars"}, {}, {}},
      {{"mustache", "Mustache", ""}, &kMustache, {"mustache"}, {}, {}},
      {{"rst", "reStructuredText", ""}, &kRst, {"rst", "rest", "rst.txt", "rest.txt"}, {}, {}},
      {{"text", "Text", ""}, &kPlain, {"txt", "text"}, {}, {}},
      {{"po", "PO File", ""}, &kPo, {"po"}, {}, {}},
      {{"elixir", "Elixir", ""}, &kElixir, {"ex", "exs"}, {}, {"elixir"}},
      {{"erlang", "Erlang", ""},
       &kErlang,
       {"erl", "hrl", "xrl", "yrl", "app.src", "emakefile", "rebar.config", "rebar.config.lock", "rebar.lock"},
       {},
       {"escript"}},
      {{"haskell", "Haskell", ""}, &kHaskell, {"hs", "hsc", "lhs"}, {}, {"runhaskell"}},
      {{"elm", "Elm", ""}, &kElm, {"elm"}, {}, {}},
      {{"powershell", "PowerShell", ""}, &kPowerShell, {"ps1", "psd1", "psm1"}, {}, {"pwsh"}},
      {{"batch", "DOS Batch", ""}, &kBatch, {"bat", "BAT", "cmd", "CMD", "btm", "BTM"}, {}, {}},
      {{"starlark", "Starlark", ""}, &kStarlark, {"bzl", "bazel"}, {}, {}},
      {{"starlark", "Bazel", ""}, &kHash, {}, {"BUILD", "WORKSPACE"}, {}},
      {{"graphql", "GraphQL", ""}, &kGraphQl, {"graphql", "gql", "graphqls"}, {}, {}},
      {{"coffeescript", "CoffeeScript", ""}, &kHash, {"coffee", "cjsx", "iced", "_coffee", "cakefile"}, {}, {}},
      {{"crystal", "Crystal", ""}, &kHash, {"cr"}, {}, {"crystal"}},
      {{"nix", "Nix", ""}, &kNix, {"nix"}, {}, {}},
      {{"zig", "Zig", ""}, &kZig, {"zig"}, {}, {}},
      {{"scheme", "Scheme", ""}, &kScheme, {"scm", "ss", "sch", "sld", "sps", "sc"}, {}, {"guile"}},
      {{"asm", "Assembly", ""}, &kAssembly, {"asm", "s", "S", "nasm", "a51"}, {}, {}},
      {{"clojure", "Clojure", ""}, &kClojure, {"clj", "boot", "cl2", "cljx"}, {}, {}},
      {{"tcl", "Tcl/Tk", ""}, &kHashCont, {"tcl", "tk", "itk"}, {}, {"tclsh", "wish", "tcl"}},
      {{"awk", "awk", ""}, &kHashCont, {"awk", "gawk", "mawk", "nawk", "auk"}, {}, {"awk", "gawk", "mawk", "nawk"}},
      {{"sed", "sed", ""}, &kHashCont, {"sed"}, {}, {"sed"}},
      {{"vim", "vim script", ""}, &kVim, {"vim"}, {}, {}},
  };
  return table;
}

// Extensions cloc ignores outright, and base names it never counts.
constexpr std::array kNotCodeExtensions = {
    "1",    "2",   "3",   "4",   "5",   "6",    "7",      "8",       "9",    "a",   "ad",  "afm",      "arc",
    "arj",  "au",  "bak", "bdf", "bmp", "bz2",  "csv",    "desktop", "dic",  "doc", "elc", "eps",      "fig",
    "gif",  "gz",  "h5",  "hdf", "in",  "jpg",  "kdelnk", "man",     "mf",   "mp3", "n",   "o",        "o.cmd",
    "pbm",  "pdf", "pfb", "png", "ppt", "pptx", "ps",     "sgm",     "sgml", "so",  "Tag", "tfm",      "tgz",
    "tiff", "tsv", "vf",  "wav", "xbm", "xls",  "xlsx",   "xpm",     "Y",    "Z",   "zip", "gitignore"};
constexpr std::array kNotCodeNames = {"AUTHORS",     "BUGS",        "Changelog",  "ChangeLog", "Changes", "CHANGES",
                                      "COPYING",     "DESCRIPTION", ".cvsignore", "Entries",   "FAQ",     "INSTALL",
                                      "MAINTAINERS", "MD5SUMS",     "NAMESPACE",  "NEWS",      "readme",  "Readme",
                                      "README",      "README.tk",   "Repository", "Root",      "TODO"};

struct Tables {
  std::vector<Language> languages;
  std::vector<const Syntax*> syntax;  // parallel to `languages`
  std::unordered_map<std::string_view, size_t> by_extension;
  std::unordered_map<std::string_view, size_t> by_file_name;
  std::unordered_map<std::string_view, size_t> by_interpreter;
  std::unordered_map<std::string_view, size_t> by_id;    // first entry with the id
  std::unordered_map<std::string_view, size_t> by_name;  // first entry with the name
};

// Built once; the first entry with an id or name wins those lookups, so
// "bash" is Bourne Again Shell and "cpp" is C++ rather than its headers.
const Tables& tables() {
  static const Tables built = [] {
    Tables t;
    const auto& list = entries();
    t.languages.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const Entry& e = list[i];
      t.languages.push_back(e.language);
      t.syntax.push_back(e.syntax);
      for (auto ext : e.extensions) t.by_extension.emplace(ext, i);
      for (auto name : e.file_names) t.by_file_name.emplace(name, i);
      for (auto interp : e.interpreters) t.by_interpreter.emplace(interp, i);
      t.by_id.emplace(e.language.id, i);
      t.by_name.emplace(e.language.name, i);
    }
    return t;
  }();
  return built;
}

// ---------------------------------------------------------------------------
// Detection helpers.

template <size_t N>
bool listed(const std::array<const char*, N>& list, std::string_view s) {
  for (const char* item : list)
    if (s == item) return true;
  return false;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

std::string_view trim_view(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string_view base_name(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

const Language* by_index(size_t i) {
  return &tables().languages[i];
}

const Language* lookup(const std::unordered_map<std::string_view, size_t>& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : by_index(it->second);
}

// Interpreter from a "#!" line: the program, or the first non-option word after env.
const Language* from_shebang(std::string_view first_line) {
  if (first_line.size() < 3 || first_line[0] != '#' || first_line[1] != '!') return nullptr;
  std::string_view rest = trim_view(first_line.substr(2));
  std::array<std::string_view, 8> words{};
  size_t count = 0;
  while (!rest.empty() && count < words.size()) {
    size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    words[count++] = rest.substr(0, end);
    rest = trim_view(rest.substr(end));
  }
  if (count == 0) return nullptr;
  std::string_view program = base_name(words[0]);
  if (program == "env") {
    program = {};
    for (size_t i = 1; i < count; ++i) {
      std::string_view w = words[i];
      if (w.empty() || w[0] == '-' || w.find('=') != std::string_view::npos) continue;  // -S, VAR=value
      program = base_name(w);
      break;
    }
  }
  if (program.empty()) return nullptr;
  if (const Language* l = lookup(tables().by_interpreter, program)) return l;
  // Versioned names: python3.12, perl5.36, lua5.4, ruby3.2, php8.1.
  size_t end = program.size();
  while (end > 0 && ((program[end - 1] >= '0' && program[end - 1] <= '9') || program[end - 1] == '.')) --end;
  if (end < program.size() && end > 0) return lookup(tables().by_interpreter, program.substr(0, end));
  return nullptr;
}

// ---------------------------------------------------------------------------
// Counting.

bool blank(std::string_view s) {
  for (char c : s)
    if (!is_space(c)) return false;
  return true;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_icase(std::string_view s, size_t at, std::string_view mark) {
  if (s.size() - at < mark.size()) return false;
  for (size_t k = 0; k < mark.size(); ++k)
    if (lower_ascii(s[at + k]) != lower_ascii(mark[k])) return false;
  return true;
}

bool starts_with_at(std::string_view s, size_t at, std::string_view mark) {
  return s.size() >= at && s.size() - at >= mark.size() && s.compare(at, mark.size(), mark) == 0;
}

// Per-filter state carried from line to line.
struct FilterState {
  bool in = false;
  int depth = 0;
};

// Two scratch buffers, so a filter can read one while writing the other.
struct Scratch {
  std::string buf[2];
  int next = 0;
  std::string& take() {
    std::string& s = buf[next];
    next ^= 1;
    s.clear();
    return s;
  }
};

// Removes every a...b pair (shortest match, left to right) from `s`.
std::string_view strip_pairs(std::string_view s, std::string_view a, std::string_view b, Scratch& scratch) {
  size_t p = s.find(a);
  if (p == std::string_view::npos) return s;
  size_t q = s.find(b, p + a.size());
  if (q == std::string_view::npos) return s;
  std::string& out = scratch.take();
  size_t from = 0;
  while (p != std::string_view::npos) {
    q = s.find(b, p + a.size());
    if (q == std::string_view::npos) break;
    out.append(s.substr(from, p - from));
    from = q + b.size();
    p = s.find(a, from);
  }
  out.append(s.substr(from));
  return out;
}

// Start of a markdown comment link, "[//]: # (", "[comment]: <> (", "[](": returns
// the offset just past "(" or npos.
size_t markdown_link_start(std::string_view s, size_t at) {
  if (at >= s.size() || s[at] != '[') return std::string_view::npos;
  size_t i = at + 1;
  if (starts_with_at(s, i, "comment"))
    i += 7;
  else if (starts_with_at(s, i, "//"))
    i += 2;
  if (i >= s.size() || s[i] != ']') return std::string_view::npos;
  i = skip_space(s, i + 1);
  if (i < s.size() && s[i] == ':') i = skip_space(s, i + 1);
  if (i < s.size() && s[i] == '<') {
    size_t j = skip_space(s, i + 1);
    if (j < s.size() && s[j] == '>') i = skip_space(s, j + 1);
  } else if (i < s.size() && s[i] == '#') {
    i = skip_space(s, i + 1);
  }
  if (i < s.size() && s[i] == '(') return i + 1;
  return std::string_view::npos;
}

size_t find_markdown_link(std::string_view s, size_t from, size_t* body) {
  for (size_t p = s.find('[', from); p != std::string_view::npos; p = s.find('[', p + 1)) {
    size_t b = markdown_link_start(s, p);
    if (b != std::string_view::npos) {
      *body = b;
      return p;
    }
  }
  return std::string_view::npos;
}

// Runs one line through a filter. Returns false when the filter drops the line
// (it is then a comment line); otherwise `line` may have been narrowed.
bool apply_filter(const Filter& f, FilterState& st, std::string_view& line, Scratch& scratch) {
  switch (f.kind) {
    case FilterKind::kPrefix: return !starts_with_icase(line, skip_space(line, 0), f.a);
    case FilterKind::kContains: return line.find(f.a) == std::string_view::npos;
    case FilterKind::kPoComment: {
      size_t i = skip_space(line, 0);
      return !(i < line.size() && line[i] == '#' && (i + 1 == line.size() || line[i + 1] != ','));
    }
    case FilterKind::kBetween:
    case FilterKind::kHtml: {
      const bool html = f.kind == FilterKind::kHtml;
      std::string_view a = html ? std::string_view("<!--") : f.a;
      std::string_view b = html ? std::string_view("-->") : f.b;
      std::string_view t = strip_pairs(line, a, b, scratch);
      if (blank(t)) return false;
      if (st.in) {
        size_t k = t.find(b);
        if (k != std::string_view::npos) {
          t = t.substr(k + b.size());
          st.in = false;
        } else if (!html) {
          return false;
        }
      }
      if (blank(t)) return false;
      size_t k = t.find(a);
      if (k != std::string_view::npos) {
        st.in = true;
        if (blank(t.substr(0, k))) return false;
        t = t.substr(0, k);
      }
      // An HTML comment opened after code takes the whole line with it.
      if (html && st.in) return false;
      line = t;
      return true;
    }
    case FilterKind::kBelowAbove:
      if (!st.in && starts_with_at(line, 0, f.a)) {
        st.in = true;
        return false;
      }
      if (st.in && starts_with_at(line, 0, f.b)) {
        st.in = false;
        return false;
      }
      return !st.in;
    case FilterKind::kBelow:
      if (!st.in && (starts_with_at(line, 0, f.a) || starts_with_at(line, 0, f.b))) st.in = true;
      return !st.in;
    case FilterKind::kMarkdownLink: {
      std::string_view t = line;
      size_t body = 0;
      size_t p = find_markdown_link(t, 0, &body);
      if (p != std::string_view::npos && t.find(')', body) != std::string_view::npos) {
        std::string& out = scratch.take();
        size_t from = 0;
        while (p != std::string_view::npos) {
          size_t close = t.find(')', body);
          if (close == std::string_view::npos) break;
          out.append(t.substr(from, p - from));
          from = close + 1;
          p = find_markdown_link(t, from, &body);
        }
        out.append(t.substr(from));
        t = out;
      }
      if (blank(t)) return false;
      if (st.in) {
        size_t k = t.find(')');
        if (k == std::string_view::npos) return false;
        t = t.substr(k + 1);
        st.in = false;
      }
      if (blank(t)) return false;
      p = find_markdown_link(t, 0, &body);
      if (p != std::string_view::npos) {
        st.in = true;
        if (blank(t.substr(0, p))) return false;
        t = t.substr(0, p);
      }
      line = t;
      return true;
    }
    case FilterKind::kRst: {
      std::string_view t = line;
      if (st.in) {
        char c = t.empty() ? '\n' : t[0];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '.') return false;
        t = t.substr(1);
        st.in = false;
      }
      if (blank(t)) return false;
      if (starts_with_at(t, 0, "..")) {
        st.in = true;
        return false;
      }
      line = t;
      return true;
    }
    case FilterKind::kHaskell:
    case FilterKind::kElm: {
      const bool elm = f.kind == FilterKind::kElm;
      if (starts_with_at(line, skip_space(line, 0), "{-#")) return true;  // pragmas are code
      int opens = 0, closes = 0;
      for (size_t p = line.find("{-"); p != std::string_view::npos; p = line.find("{-", p + 2)) ++opens;
      for (size_t p = line.find("-}"); p != std::string_view::npos; p = line.find("-}", p + 2)) ++closes;
      std::string_view t = strip_pairs(line, "{-", "-}", scratch);
      if (st.depth > 0) {
        size_t k = t.find("-}");
        if (k != std::string_view::npos) {
          t = t.substr(k + 2);
          st.depth = elm ? st.depth + opens - closes : 0;
        } else {
          t = {};
        }
      } else {
        size_t dash = t.find("--");
        if (dash != std::string_view::npos) t = t.substr(0, dash);
        size_t k = t.find("{-");
        if (k != std::string_view::npos && t.find("{-#") == std::string_view::npos) {
          t = t.substr(0, k);
          st.depth = elm ? st.depth + opens - closes : 1;
        }
      }
      if (blank(t)) return false;
      line = t;
      return true;
    }
  }
  return true;
}

// Everything the scan carries from one line to the next; copied whole to
// restart after a block comment that never closes.
struct ScanState {
  int64_t blank = 0;
  int64_t nonblank = 0;
  int64_t code = 0;
  bool has_code = false;   // the current (possibly joined) line holds code
  bool has_text = false;   // ... or at least whitespace outside comments
  int64_t empty_kept = 0;  // trailing code lines that are empty strings to cloc
  bool in_block = false;
  bool toggle = false;        // the next triple quote closes a docstring
  bool keep_next = false;     // the last line kept ends in '\', so cloc keeps the next one too
  bool join_next = false;     // a // comment ended in '\', swallowing the newline
  bool late_comment = false;  // the line's text starts with Syntax::late_prefix
  char in_string = 0;         // delimiter of a string still open at the end of the last line
  std::array<FilterState, kMaxFilters> filters{};
};

// Where the block stage stopped treating openers as comments: an opener that
// never closes is text, and so is every later one.
struct Exhausted {
  int64_t line = INT64_MAX;
  size_t column = 0;
  bool covers(int64_t l, size_t c) const { return l > line || (l == line && c >= column); }
};

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether a '/' after `prev` (last significant character, 0 at line start)
// begins a regular expression literal rather than a division.
bool regex_can_start(std::string_view line, size_t slash, char prev) {
  if (prev == 0) return true;
  if (prev == ')' || prev == ']' || prev == '}') return false;
  if (!is_ident(prev)) return true;
  // After a keyword such as `return` a slash starts a literal.
  size_t e = slash;
  while (e > 0 && is_space(line[e - 1])) --e;
  size_t b = e;
  while (b > 0 && is_ident(line[b - 1])) --b;
  std::string_view word = line.substr(b, e - b);
  static constexpr std::array kKeywords = {"return", "typeof", "case",  "do",     "else",  "in",  "of",
                                           "void",   "yield",  "await", "delete", "throw", "new", "instanceof"};
  for (const char* k : kKeywords)
    if (word == k) return true;
  return false;
}

// End of a regex literal starting at `slash`, or npos if it does not close on this line.
size_t regex_end(std::string_view s, size_t slash) {
  bool in_class = false;
  for (size_t i = slash + 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '/') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

class Counter {
 public:
  Counter(const Syntax& syntax, bool script, std::string_view content) : sx_(syntax), script_(script), text_(content) {
    // Characters scan_c must look at once a line holds code; the rest are skipped in runs.
    for (char c : {'/', '"', '\'', '`'}) special_[static_cast<unsigned char>(c)] = true;
    if (!sx_.open.empty()) special_[static_cast<unsigned char>(sx_.open[0])] = true;
    if (!sx_.open2.empty()) special_[static_cast<unsigned char>(sx_.open2[0])] = true;
  }

  LineCounts run() {
    if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
        static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF)
      text_.remove_prefix(3);
    const bool blocks = sx_.block != Block::kNone;
    size_t pos = 0;
    int64_t line_no = 0;
    bool prev_backslash = false;
    while (pos < text_.size()) {
      size_t nl = text_.find('\n', pos);
      size_t end = nl == std::string_view::npos ? text_.size() : nl;
      std::string_view line = text_.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // cloc trims DOS line ends
      if (blocks) line_start_ = st_;
      line_pos_ = pos;
      process(line, line_no, prev_backslash);
      prev_backslash = !line.empty() && line.back() == '\\';
      pos = nl == std::string_view::npos ? text_.size() : nl + 1;
      ++line_no;
      if (pos >= text_.size() && st_.in_block && exhausted_.line == INT64_MAX) {
        // The last opener never closed: it was text after all. Rescan from its line.
        st_ = restart_state_;
        exhausted_ = {restart_line_, restart_column_};
        pos = restart_pos_;
        line_no = restart_line_;
        prev_backslash = restart_prev_backslash_;
      }
    }
    if (st_.in_block && st_.has_code) ++st_.code;  // only if a rescan still ended inside a comment
    if (!st_.in_block && st_.join_next) finish_line();
    // cloc splits the stripped text on newlines, which drops trailing empty strings.
    if (blocks) st_.code -= st_.empty_kept;
    LineCounts out;
    out.blank = st_.blank;
    out.code = st_.code;
    out.comment = st_.nonblank - st_.code;
    return out;
  }

 private:
  void process(std::string_view line, int64_t line_no, bool prev_backslash) {
    // cloc keeps a whitespace-only line after one ending in '\' (line continuation).
    if (blank(line) && !(sx_.continuation && prev_backslash)) {
      ++st_.blank;
      return;
    }
    // Scripting languages count a leading "#!" line as code, whatever the filters say.
    const bool shebang = script_ && st_.nonblank == 0 && line.starts_with("#!");
    ++st_.nonblank;
    const int64_t code_before = st_.code;
    if (filter_and_scan(line, line_no, prev_backslash)) {
      if (!sx_.continuation) keeps_next_ = false;
      if (!st_.in_block && !st_.join_next) finish_line();
    } else if (sx_.block == Block::kNone) {
      st_.keep_next = false;
    }
    if (shebang && st_.code == code_before) ++st_.code;
  }

  // Ends the current line of stripped text (several source lines if comments joined them).
  void finish_line() {
    if (st_.late_comment) {
      // Dropped whole by cloc's last filter; it leaves no trace for its neighbours.
      st_.late_comment = st_.has_code = st_.has_text = st_.join_next = false;
      return;
    }
    const bool code = st_.has_code || st_.keep_next;
    if (code) ++st_.code;
    if (st_.has_code || st_.has_text)
      st_.empty_kept = 0;
    else if (code)
      ++st_.empty_kept;
    st_.keep_next = code && keeps_next_;
    st_.has_code = false;
    st_.has_text = false;
    st_.join_next = false;
  }

  // Returns false when a filter drops the line.
  bool filter_and_scan(std::string_view line, int64_t line_no, bool prev_backslash) {
    for (size_t i = 0; i < sx_.filter_count; ++i)
      if (!apply_filter(sx_.filters[i], st_.filters[i], line, scratch_)) return false;
    keeps_next_ = false;
    switch (sx_.block) {
      case Block::kNone:
        st_.has_code = !blank(line);
        keeps_next_ = !line.empty() && line.back() == '\\';
        break;
      case Block::kC:
      case Block::kCpp: scan_c(line, line_no, prev_backslash); break;
      case Block::kDocstring: scan_docstring(line, line_no, prev_backslash); break;
      case Block::kElixir: scan_elixir(line, line_no, prev_backslash); break;
    }
    if (sx_.block != Block::kNone && sx_.block != Block::kCpp)
      keeps_next_ = !st_.in_block && !line.empty() && line.back() == '\\';
    return true;
  }

  // Accepts an opener at (line_no, column) unless it is past the exhausted point.
  bool open_block(int64_t line_no, size_t column, bool prev_backslash) {
    if (exhausted_.covers(line_no, column)) return false;
    st_.in_block = true;
    restart_state_ = line_start_;
    restart_line_ = line_no;
    restart_column_ = column;
    restart_pos_ = line_pos_;
    restart_prev_backslash_ = prev_backslash;
    return true;
  }

  // Skips string text from `i` (inside a string delimited by st_.in_string).
  size_t skip_string(std::string_view s, size_t i) {
    const char delim = st_.in_string;
    const bool raw = delim == '`';
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\' && !raw) {
        if (i + 1 >= s.size()) {
          // Backslash at the end of the line continues the string.
          return s.size();
        }
        ++i;
        continue;
      }
      if (c == delim) {
        st_.in_string = 0;
        return i + 1;
      }
    }
    // Quotes end at the end of the line unless continued with a backslash.
    if (delim != '`' && !(!s.empty() && s.back() == '\\')) st_.in_string = 0;
    return s.size();
  }

  void scan_c(std::string_view s, int64_t line_no, bool prev_backslash) {
    const bool line_comments = sx_.block == Block::kCpp;
    const std::string_view open = sx_.open;
    const std::string_view close = sx_.close;
    const uint8_t strings = sx_.strings;
    char prev = 0;  // last significant character on this line, for regex literals
    size_t i = 0;
    const size_t n = s.size();
    keeps_next_ = n > 0 && s[n - 1] == '\\';
    st_.join_next = false;
    while (i < n) {
      if (st_.in_block) {
        size_t j = s.find(close, i);
        size_t len = close.size();
        if (!sx_.close2.empty()) {
          size_t j2 = s.find(sx_.close2, i);
          if (j2 < j) {
            j = j2;
            len = sx_.close2.size();
          }
        }
        if (j == std::string_view::npos) return;
        st_.in_block = false;
        i = j + len;
        continue;
      }
      if (st_.in_string) {
        st_.has_code = true;
        i = skip_string(s, i);
        prev = 'x';  // a '/' after a string divides
        continue;
      }
      const char c = s[i];
      if (st_.has_code && !special_[static_cast<unsigned char>(c)]) {
        // Fast path through ordinary text once the line is known to hold code.
        size_t j = i + 1;
        while (j < n && !special_[static_cast<unsigned char>(s[j])]) ++j;
        size_t last = j;
        while (last > i && is_space(s[last - 1])) --last;
        if (last > i) prev = s[last - 1];
        i = j;
        continue;
      }
      if (is_space(c)) {
        st_.has_text = true;
        ++i;
        continue;
      }
      // "#>" is a comment marker, not a "#" line, by the time cloc looks for those.
      if (!st_.has_code && !st_.late_comment && !sx_.late_prefix.empty() && starts_with_icase(s, i, sx_.late_prefix) &&
          !(!sx_.close2.empty() && starts_with_at(s, i, sx_.close2)))
        st_.late_comment = true;
      const size_t open_len = starts_with_at(s, i, open)                              ? open.size()
                              : !sx_.open2.empty() && starts_with_at(s, i, sx_.open2) ? sx_.open2.size()
                                                                                      : 0;
      if (open_len > 0) {
        if (open_block(line_no, i, prev_backslash)) {
          i += open_len;
          continue;
        }
      } else if (c == '/' && line_comments && i + 1 < n && s[i + 1] == '/') {
        // cloc's // pattern eats the newline too, so text before it ending in
        // '\' joins up with the next line.
        keeps_next_ = i > 0 && s[i - 1] == '\\';
        st_.join_next = s[n - 1] == '\\';
        return;
      }
      if (st_.late_comment) {
        // Only comment markers matter on a line the last filter drops.
        ++i;
        continue;
      }
      st_.has_code = true;
      switch (c) {
        case '"':
          if (strings & kDq) {
            st_.in_string = c;
            i = skip_string(s, i + 1);
            prev = 'x';
            continue;
          }
          break;
        case '\'':
          if (strings & kSq) {
            st_.in_string = c;
            i = skip_string(s, i + 1);
            prev = 'x';
            continue;
          }
          break;
        case '`':
          if (strings & kRaw) {
            st_.in_string = c;
            i = skip_string(s, i + 1);
            prev = 'x';
            continue;
          }
          break;
        case '/':
          if ((strings & kRegexLit) && regex_can_start(s, i, prev)) {
            size_t e = regex_end(s, i);
            if (e != std::string_view::npos) {
              i = e;
              prev = 'x';
              continue;
            }
          }
          break;
        default: break;
      }
      prev = c;
      ++i;
    }
  }

  // Python and friends: cloc turns every triple quote into a C comment marker,
  // alternating open and close, then strips /* */ pairs.
  void scan_docstring(std::string_view s, int64_t line_no, bool prev_backslash) {
    size_t i = 0;
    size_t seg = 0;  // start of text not yet judged
    const size_t n = s.size();
    while (i < n) {
      const char c = s[i];
      size_t len = 0;
      enum { kOpen, kClose } kind = kOpen;
      if ((c == '"' || c == '\'') && i + 2 < n && s[i + 1] == c && s[i + 2] == c) {
        len = 3;
        kind = st_.toggle ? kClose : kOpen;
        st_.toggle = !st_.toggle;
      } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
        len = 2;
        kind = kOpen;
      } else if (c == '*' && i + 1 < n && s[i + 1] == '/') {
        len = 2;
        kind = kClose;
      } else {
        ++i;
        continue;
      }
      if (st_.in_block) {
        if (kind == kClose) st_.in_block = false;
        i += len;
        seg = i;
        continue;
      }
      size_t text_end = i;
      if (kind == kOpen && len == 3 && sx_.eat_u_prefix && i > seg && (s[i - 1] == 'u' || s[i - 1] == 'U')) --text_end;
      if (text_end > seg) st_.has_text = true;
      if (!blank(s.substr(seg, text_end - seg))) st_.has_code = true;
      if (kind == kOpen && open_block(line_no, i, prev_backslash)) {
        i += len;
        seg = i;
        continue;
      }
      // An unmatched marker stays behind as text.
      st_.has_code = true;
      i += len;
      seg = i;
    }
    if (!st_.in_block && seg < n) {
      st_.has_text = true;
      if (!blank(s.substr(seg))) st_.has_code = true;
    }
  }

  // Elixir: @doc/@moduledoc heredocs become comments (one marker per line), as
  // do /* */ pairs.
  void scan_elixir(std::string_view s, int64_t line_no, bool prev_backslash) {
    size_t marker = std::string_view::npos, marker_len = 0;
    bool marker_opens = false;
    if (!st_.toggle) {
      for (size_t at = s.find("@"); at != std::string_view::npos; at = s.find('@', at + 1)) {
        size_t i = at + 1;
        if (starts_with_at(s, i, "moduledoc"))
          i += 9;
        else if (starts_with_at(s, i, "doc"))
          i += 3;
        else
          continue;
        size_t j = skip_space(s, i);
        if (j == i) continue;
        if (j + 1 < s.size() && s[j] == '~' && (lower_ascii(s[j + 1]) == 's' || lower_ascii(s[j + 1]) == 'c')) j += 2;
        if (j + 3 <= s.size() && (s[j] == '"' || s[j] == '\'') && (s[j + 1] == '"' || s[j + 1] == '\'') &&
            (s[j + 2] == '"' || s[j + 2] == '\'')) {
          marker = at;
          marker_len = j + 3 - at;
          marker_opens = true;
          st_.toggle = true;
          break;
        }
      }
    } else {
      for (size_t i = 0; i + 2 < s.size(); ++i) {
        auto q = [](char c) { return c == '"' || c == '\''; };
        if (q(s[i]) && q(s[i + 1]) && q(s[i + 2])) {
          marker = i;
          marker_len = 3;
          st_.toggle = false;
          break;
        }
      }
    }
    size_t i = 0, seg = 0;
    const size_t n = s.size();
    while (i < n) {
      size_t len = 0;
      bool opens = false;
      if (i == marker) {
        len = marker_len;
        opens = marker_opens;
      } else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
        len = 2;
        opens = true;
      } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
        len = 2;
      } else {
        ++i;
        continue;
      }
      if (st_.in_block) {
        if (!opens) st_.in_block = false;
      } else {
        if (i > seg) st_.has_text = true;
        if (!blank(s.substr(seg, i - seg))) st_.has_code = true;
        if (!(opens && open_block(line_no, i, prev_backslash))) st_.has_code = true;
      }
      i += len;
      seg = i;
    }
    if (!st_.in_block && seg < n) {
      st_.has_text = true;
      if (!blank(s.substr(seg))) st_.has_code = true;
    }
  }

  const Syntax& sx_;
  const bool script_;
  std::string_view text_;
  bool keeps_next_ = false;  // the line just scanned ends in '\' outside comments
  ScanState st_;
  ScanState line_start_;
  ScanState restart_state_;
  int64_t restart_line_ = 0;
  size_t restart_column_ = 0;
  size_t restart_pos_ = 0;
  bool restart_prev_backslash_ = false;
  Exhausted exhausted_;
  size_t line_pos_ = 0;  // offset of the line being processed
  Scratch scratch_;
  std::array<bool, 256> special_{};
};

// Languages cloc runs scripts in; their "#!" line is code.
constexpr std::array kScriptLanguages = {"Python",       "Ruby",    "Bourne Again Shell",
                                         "Bourne Shell", "zsh",     "Korn Shell",
                                         "C Shell",      "PHP",     "Perl",
                                         "Lua",          "make",    "Groovy",
                                         "Erlang",       "Crystal", "Tcl/Tk",
                                         "awk",          "sed"};

const Syntax& syntax_for(const Language& language) {
  const Tables& t = tables();
  const Language* begin = t.languages.data();
  const Language* end = begin + t.languages.size();
  if (!std::less<const Language*>{}(&language, begin) && std::less<const Language*>{}(&language, end))
    return *t.syntax[static_cast<size_t>(&language - begin)];
  auto it = t.by_name.find(language.name);
  if (it != t.by_name.end()) return *t.syntax[it->second];
  it = t.by_id.find(language.id);
  if (it != t.by_id.end()) return *t.syntax[it->second];
  return kPlain;
}

}  // namespace

const Language* detect_language(std::string_view path, std::string_view first_line) {
  const Tables& t = tables();
  std::string_view name = base_name(path);
  if (name.empty() || name.back() == '~' || listed(kNotCodeNames, name)) return nullptr;
  if (const Language* l = lookup(t.by_file_name, name)) return l;

  size_t last_dot = name.rfind('.');
  if (last_dot != std::string_view::npos && last_dot + 1 < name.size()) {
    // Longest extension first: "cmake.in" before "in", "d.ts" before "ts".
    std::array<std::string_view, 3> exts{};
    size_t count = 0;
    size_t dot = last_dot;
    for (int parts = 0; parts < 3; ++parts) {
      exts[count++] = name.substr(dot + 1);
      if (dot == 0) break;
      size_t prev = name.rfind('.', dot - 1);
      if (prev == std::string_view::npos || prev + 1 == dot) break;
      dot = prev;
    }
    for (size_t k = count; k-- > 0;) {
      std::string_view ext = exts[k];
      if (listed(kNotCodeExtensions, ext)) return nullptr;
      if (const Language* l = lookup(t.by_extension, ext)) {
        // ".m" is shared with MATLAB, ".pl" with Prolog: peek at the first line.
        std::string_view head = trim_view(first_line);
        if (ext == "m" && (head.starts_with("%") || head.starts_with("function"))) return nullptr;
        if ((ext == "pl" || ext == "PL") && head.starts_with(":-")) return nullptr;
        return l;
      }
    }
    // "Dockerfile.prod": the part before the first dot.
    std::string_view stem = name.substr(0, name.find('.'));
    if (stem == "Dockerfile") return lookup(t.by_file_name, "Dockerfile");
    if (stem == "Containerfile") return lookup(t.by_file_name, "Containerfile");
  } else if (last_dot == std::string_view::npos) {
    std::string lower(name);
    for (char& c : lower) c = lower_ascii(c);
    if (const Language* l = lookup(t.by_file_name, lower)) return l;
  }

  if (const Language* l = from_shebang(first_line)) return l;
  std::string_view head = trim_view(first_line);
  if (head.starts_with("<?xml") && head.size() > 5 && is_space(head[5])) return lookup(t.by_id, "xml");
  return nullptr;
}

const Language* language_by_id(std::string_view id) {
  return lookup(tables().by_id, id);
}

const std::vector<Language>& all_languages() {
  return tables().languages;
}

LineCounts count_lines(const Language& language, std::string_view content) {
  Counter counter(syntax_for(language), listed(kScriptLanguages, language.name), content);
  return counter.run();
}

bool is_prose_or_asset(const Language* language) {
  if (!language) return false;
  static constexpr std::string_view kIds[] = {"po", "svg", "css", "scss", "less", "text"};
  for (auto id : kIds)
    if (language->id == id) return true;
  return false;
}

}  // namespace copilot::workspace
