#include "workspace/language.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace copilot::workspace {
namespace {

// Counts `content` as the language detected for `path`; fails the test if none is.
LineCounts count(std::string_view path, std::string_view content) {
  const Language* language = detect_language(path, content.substr(0, content.find('\n')));
  EXPECT_NE(language, nullptr) << path;
  if (language == nullptr) return {};
  return count_lines(*language, content);
}

void expect_counts(const LineCounts& got, int64_t code, int64_t comment, int64_t blank) {
  EXPECT_EQ(got.code, code);
  EXPECT_EQ(got.comment, comment);
  EXPECT_EQ(got.blank, blank);
}

const Language& detected(std::string_view path, std::string_view first_line = "") {
  const Language* language = detect_language(path, first_line);
  if (language == nullptr) {
    ADD_FAILURE() << "no language for " << path;
    static const Language none{"", "", ""};
    return none;
  }
  return *language;
}

// --- Detection --------------------------------------------------------------

TEST(DetectLanguage, ByExtension) {
  EXPECT_EQ(detected("src/app.py").id, "python");
  EXPECT_EQ(detected("src/app.py").name, "Python");
  EXPECT_EQ(detected("src/app.py").grammar, "python");
  EXPECT_EQ(detected("lib/index.js").name, "JavaScript");
  EXPECT_EQ(detected("lib/index.mjs").id, "javascript");
  EXPECT_EQ(detected("a/b.go").id, "go");
  EXPECT_EQ(detected("Main.java").id, "java");
  EXPECT_EQ(detected("x.c").name, "C");
  EXPECT_EQ(detected("x.cc").name, "C++");
  EXPECT_EQ(detected("x.C").name, "C++");  // cloc: upper-case .C is C++
  EXPECT_EQ(detected("lib.rs").id, "rust");
  EXPECT_EQ(detected("a.rb").id, "ruby");
  EXPECT_EQ(detected("Program.cs").id, "csharp");
  EXPECT_EQ(detected("index.php").id, "php");
  EXPECT_EQ(detected("App.kt").id, "kotlin");
  EXPECT_EQ(detected("conf.yml").id, "yaml");
  EXPECT_EQ(detected("conf.yaml").name, "YAML");
  EXPECT_EQ(detected("package.json").id, "json");
  EXPECT_EQ(detected("README.md").name, "Markdown");
  EXPECT_EQ(detected("page.html").id, "html");
  EXPECT_EQ(detected("site.css").id, "css");
  EXPECT_EQ(detected("q.sql").id, "sql");
  EXPECT_EQ(detected("Cargo.toml").id, "toml");
  EXPECT_EQ(detected("pom.xml.dist").id, "xml");
  EXPECT_EQ(detected("main.tf").name, "HCL");
  EXPECT_EQ(detected("base.html.jinja2").name, "Jinja Template");
  EXPECT_EQ(detected("django.po").name, "PO File");
  EXPECT_EQ(detected("notes.txt").name, "Text");
}

TEST(DetectLanguage, TypeScriptJsxAndHeaders) {
  const Language& ts = detected("a.ts");
  EXPECT_EQ(ts.id, "typescript");
  EXPECT_EQ(ts.name, "TypeScript");
  EXPECT_EQ(ts.grammar, "typescript");

  const Language& tsx = detected("View.tsx");
  EXPECT_EQ(tsx.id, "typescript");
  EXPECT_EQ(tsx.name, "TypeScript");
  EXPECT_EQ(tsx.grammar, "tsx");

  EXPECT_EQ(detected("types.d.ts").grammar, "typescript");

  const Language& jsx = detected("App.jsx");
  EXPECT_EQ(jsx.id, "javascript");
  EXPECT_EQ(jsx.name, "JSX");

  const Language& header = detected("include/x.h");
  EXPECT_EQ(header.id, "cpp");
  EXPECT_EQ(header.name, "C/C++ Header");
  EXPECT_EQ(header.grammar, "cpp");
  EXPECT_EQ(detected("x.hpp").name, "C/C++ Header");
}

TEST(DetectLanguage, Shells) {
  EXPECT_EQ(detected("run.sh").id, "bash");
  EXPECT_EQ(detected("run.sh").name, "Bourne Shell");
  EXPECT_EQ(detected("run.bash").id, "bash");
  EXPECT_EQ(detected("run.bash").name, "Bourne Again Shell");
  EXPECT_EQ(detected("run.sh").grammar, "bash");
}

TEST(DetectLanguage, ByFileName) {
  EXPECT_EQ(detected("Dockerfile").id, "dockerfile");
  EXPECT_EQ(detected("docker/Dockerfile").name, "Dockerfile");
  EXPECT_EQ(detected("Dockerfile.prod").id, "dockerfile");
  EXPECT_EQ(detected("Makefile").name, "make");
  EXPECT_EQ(detected("sub/GNUmakefile").name, "make");
  EXPECT_EQ(detected("CMakeLists.txt").name, "CMake");  // not Text
  EXPECT_EQ(detected("Jenkinsfile").name, "Groovy");
  EXPECT_EQ(detected("Gemfile").id, "ruby");
  EXPECT_EQ(detected("Rakefile").id, "ruby");
  EXPECT_EQ(detected("BUILD").id, "starlark");
  EXPECT_EQ(detected("build.gradle.kts").name, "Gradle");
}

TEST(DetectLanguage, ByShebang) {
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env python3").id, "python");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/python3.11").id, "python");
  EXPECT_EQ(detected("bin/tool", "#!/bin/bash").name, "Bourne Again Shell");
  EXPECT_EQ(detected("bin/tool", "#! /bin/sh -e").name, "Bourne Shell");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env node").id, "javascript");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env -S node --no-warnings").id, "javascript");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/ruby -w").id, "ruby");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/perl").name, "Perl");
  EXPECT_EQ(detected("bin/tool.unknownext", "#!/usr/bin/env bash").id, "bash");
  EXPECT_EQ(detected("bin/tool\r", "#!/usr/bin/env python3\r").id, "python");
}

TEST(DetectLanguage, ExtensionWinsOverShebang) {
  EXPECT_EQ(detected("x.py", "#!/bin/bash").id, "python");
}

TEST(DetectLanguage, Unknown) {
  EXPECT_EQ(detect_language("LICENSE", "MIT License"), nullptr);
  EXPECT_EQ(detect_language("data.unknownext", "hello"), nullptr);
  EXPECT_EQ(detect_language("logo.png", ""), nullptr);
  EXPECT_EQ(detect_language("backup.py~", ""), nullptr);
  EXPECT_EQ(detect_language("bin/tool", "#!/usr/bin/env"), nullptr);
  EXPECT_EQ(detect_language("bin/tool", "#!/opt/weird/interpreter"), nullptr);
  EXPECT_EQ(detect_language("", ""), nullptr);
  // Extensions are case-sensitive, as in cloc.
  EXPECT_EQ(detect_language("SCRIPT.PY", ""), nullptr);
}

TEST(LanguageTable, FixedIdsExist) {
  for (std::string_view id : {"python",   "javascript", "typescript", "go",  "java",   "c",    "cpp",  "ruby",
                              "rust",     "bash",       "csharp",     "php", "kotlin", "yaml", "json", "dockerfile",
                              "markdown", "html",       "css",        "sql", "toml",   "xml"}) {
    const Language* language = language_by_id(id);
    ASSERT_NE(language, nullptr) << id;
    EXPECT_EQ(language->id, id);
  }
  EXPECT_EQ(language_by_id("no-such-language"), nullptr);
  EXPECT_EQ(language_by_id("typescript")->grammar, "typescript");
  EXPECT_EQ(language_by_id("cpp")->name, "C++");
}

TEST(LanguageTable, CoversClocNames) {
  std::set<std::string_view> names;
  for (const Language& l : all_languages()) names.insert(l.name);
  for (std::string_view name : {"Python",
                                "JavaScript",
                                "JSX",
                                "TypeScript",
                                "Go",
                                "Java",
                                "C",
                                "C++",
                                "C/C++ Header",
                                "C#",
                                "Ruby",
                                "Rust",
                                "Bourne Shell",
                                "Bourne Again Shell",
                                "PHP",
                                "Kotlin",
                                "Scala",
                                "Swift",
                                "Objective-C",
                                "Perl",
                                "Lua",
                                "R",
                                "SQL",
                                "HTML",
                                "CSS",
                                "SCSS",
                                "LESS",
                                "Vuejs Component",
                                "Svelte",
                                "Markdown",
                                "JSON",
                                "YAML",
                                "TOML",
                                "XML",
                                "INI",
                                "Dockerfile",
                                "make",
                                "CMake",
                                "Groovy",
                                "Gradle",
                                "HCL",
                                "Protocol Buffers",
                                "Jinja Template",
                                "reStructuredText",
                                "Text",
                                "Elixir",
                                "Erlang",
                                "Haskell",
                                "Dart",
                                "PowerShell",
                                "DOS Batch",
                                "Starlark"})
    EXPECT_TRUE(names.count(name)) << name;
}

TEST(LanguageTable, CountsWorkForLanguagesBuiltByHand) {
  // A Language that is not from the table still finds its comment syntax by name.
  Language python{"python", "Python", "python"};
  expect_counts(count_lines(python, "# c\nx = 1\n"), 1, 1, 0);
}

// --- Counting ---------------------------------------------------------------

TEST(CountLines, Empty) {
  expect_counts(count("a.py", ""), 0, 0, 0);
  expect_counts(count("a.py", "\n\n"), 0, 0, 2);
  expect_counts(count("a.py", "x = 1"), 1, 0, 0);  // no final newline
}

TEST(CountLines, PythonDocstringsAndHashComments) {
  const char* src =
      "#!/usr/bin/env python3\n"
      "\"\"\"Module docstring.\n"
      "\n"
      "Second paragraph.\n"
      "\"\"\"\n"
      "import os  # trailing comment\n"
      "\n"
      "# full-line comment\n"
      "def f():\n"
      "    '''Docstring.'''\n"
      "    s = \"# not a comment\"\n"
      "    return s\n";
  // The shebang counts as code; the blank line inside the docstring is blank.
  expect_counts(count("a.py", src), 5, 5, 2);
}

TEST(CountLines, PythonTripleQuotedStringsAreComments) {
  // cloc treats every triple-quoted string as a comment, docstring or not.
  expect_counts(count("a.py", "x = \"\"\"\nline one\nline two\n\"\"\"\n"), 1, 3, 0);
  // A raw-string prefix stays behind as code; u"""...""" is all comment.
  expect_counts(count("a.py", "r\"\"\"doc\"\"\"\nu\"\"\"doc\"\"\"\n"), 1, 1, 0);
  // An unterminated triple quote is not a comment.
  expect_counts(count("a.py", "x = 1\n\"\"\"\nnever closed\n"), 3, 0, 0);
}

TEST(CountLines, PythonHashInsideStringIsCode) {
  expect_counts(count("a.py", "s = '#'\nt = \"a # b\"  # real comment\n"), 2, 0, 0);
}

TEST(CountLines, CrLfAndBom) {
  expect_counts(count("a.py", "\xEF\xBB\xBF# c\r\nx = 1\r\n\r\n"), 1, 1, 1);
}

TEST(CountLines, JavaScript) {
  const char* src =
      "// line comment\n"
      "const url = \"http://example.com\"; // trailing\n"
      "/* block\n"
      "   comment */\n"
      "const t = `template\n"
      "// inside template`;\n"
      "const re = /\\/\\*/;\n"
      "\n"
      "function f() { return 1; } /* trailing block */\n";
  // Template literal text is scanned as cloc does: a "//" line in it is a comment.
  expect_counts(count("b.js", src), 4, 4, 1);
}

TEST(CountLines, JavaScriptStringsHideCommentMarkers) {
  // "//" in a string does not end the code; "/*" in a string opens nothing.
  // (cloc ignores quotes here and would report 1 code, 2 comment lines.)
  expect_counts(count("b.js", "const a = '/*';\nconst b = 1;\nconst c = \"*/\";\n"), 3, 0, 0);
  expect_counts(count("b.js", "x = \"//\"\n"), 1, 0, 0);
}

TEST(CountLines, TypeScript) {
  const char* src =
      "/**\n"
      " * Doc comment.\n"
      " */\n"
      "export function f(x: number): number {\n"
      "  return x / 2; // half\n"
      "}\n"
      "/* a */ const y = 1; /* b */\n";
  expect_counts(count("c.ts", src), 4, 3, 0);
  expect_counts(count("c.tsx", src), 4, 3, 0);
}

TEST(CountLines, BlockCommentJoinsTheLinesAroundIt) {
  // cloc deletes the comment with its newlines, so code before and after it
  // becomes one line.
  expect_counts(count("a.c", "int a; /* start\nmiddle\nend */ int b;\n"), 1, 2, 0);
}

TEST(CountLines, UnclosedBlockCommentIsCode) {
  expect_counts(count("a.c", "int a;\n/* never closed\nint b;\n"), 3, 0, 0);
}

TEST(CountLines, Cpp) {
  const char* src =
      "#include <cstdio>\n"
      "/* header\n"
      " * comment\n"
      " */\n"
      "int main() {  // entry\n"
      "  std::printf(\"// not a comment\\n\");\n"
      "\n"
      "  /* one */ /* two */\n"
      "  return 0;\n"
      "}\n";
  expect_counts(count("d.cpp", src), 5, 4, 1);
}

TEST(CountLines, Go) {
  const char* src =
      "package main\n"
      "\n"
      "// Comment.\n"
      "import \"fmt\"\n"
      "\n"
      "/* Block\n"
      "comment */\n"
      "func main() {\n"
      "\tfmt.Println(\"/* x */\") // trailing\n"
      "}\n";
  expect_counts(count("e.go", src), 5, 3, 2);
  // Raw strings may span lines; comment markers inside them are text (cloc
  // would see a comment from "// b" on).
  expect_counts(count("e.go", "var s = `a\n// b\n/* c`\n"), 3, 0, 0);
}

TEST(CountLines, Shell) {
  const char* src =
      "#!/bin/sh\n"
      "# comment\n"
      "echo \"# not a comment\" # trailing\n"
      "\n"
      "  # indented comment\n"
      "exit 0\n";
  expect_counts(count("f.sh", src), 3, 2, 1);
}

TEST(CountLines, Yaml) {
  const char* src =
      "# comment\n"
      "key: value # trailing\n"
      "list:\n"
      "  - \"#item\"\n"
      "\n"
      "  # indented\n";
  expect_counts(count("g.yaml", src), 3, 2, 1);
}

TEST(CountLines, Html) {
  const char* src =
      "<!DOCTYPE html>\n"
      "<!-- one line -->\n"
      "<html>\n"
      "<!--\n"
      "  multi line\n"
      "\n"
      "-->\n"
      "<body><!-- inline --></body>\n"
      "</html>\n";
  expect_counts(count("h.html", src), 4, 4, 1);
}

TEST(CountLines, Css) {
  const char* src =
      "/* comment */\n"
      "body { color: red; } /* trailing */\n"
      "\n"
      "/*\n"
      " * multi\n"
      " */\n"
      "a::after { content: \"x\"; }\n";
  expect_counts(count("i.css", src), 2, 4, 1);
}

TEST(CountLines, JsonHasNoComments) {
  expect_counts(count("p.json", "{\n  \"a\": \"# b\"\n}\n\n"), 3, 0, 1);
}

TEST(CountLines, Markdown) {
  expect_counts(count("r.md", "# Title\n<!-- hidden -->\ntext\n[//]: # (note)\n"), 2, 2, 0);
}

TEST(CountLines, RubyBlockComments) {
  expect_counts(count("a.rb", "# c\n=begin\ndocs\n=end\nputs 1\n"), 1, 4, 0);
}

TEST(CountLines, PoFlagsAreCode) {
  expect_counts(count("a.po", "# translator\n#, fuzzy\nmsgid \"x\"\n"), 2, 1, 0);
}

}  // namespace
}  // namespace copilot::workspace
