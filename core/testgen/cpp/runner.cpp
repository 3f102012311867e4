// Building and running generated GoogleTest files with g++.
#include "testgen/cpp/runner.h"

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "util/files.h"
#include "util/process.h"
#include "util/strings.h"

namespace copilot::testgen::cpp {
namespace {

namespace fs = std::filesystem;

std::string first_error(const std::string& text) {
  for (auto line : util::split_lines(text))
    if (util::contains(line, "error:")) return std::string(util::trim(line)).substr(0, 300);
  return "does not build";
}

}  // namespace

Result<TestRun> run_gtest(const RunContext& ctx, const std::vector<std::string>& test_files) {
  TestRun run;
  std::string tmpl = (fs::temp_directory_path() / "copilot-gtest-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Error{"cannot create a scratch directory"};
  fs::path scratch = tmpl;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{scratch};
  static const std::regex kCompile(R"(// copilot-gen: compile (\S+))");
  static const std::regex kInclude(R"re(#include "([^"]+)")re");
  int n = 0;
  for (const auto& file : test_files) {
    auto text = util::read_file(ctx.root / file);
    if (!text) continue;
    util::ProcessRequest build;
    fs::path binary = scratch / ("t" + std::to_string(n++));
    build.argv = {"g++", "-std=c++17", "-O0", "-w", "-I" + ctx.root.string(), "-I" + (ctx.root / "include").string()};
    for (auto it = std::sregex_iterator(text->begin(), text->end(), kInclude); it != std::sregex_iterator(); ++it)
      build.argv.push_back("-I" + (ctx.root / fs::path((*it)[1].str()).parent_path()).string());
    build.argv.push_back((ctx.root / file).string());
    for (auto it = std::sregex_iterator(text->begin(), text->end(), kCompile); it != std::sregex_iterator(); ++it)
      build.argv.push_back((ctx.root / (*it)[1].str()).string());
    for (const char* lib : {"-lgtest_main", "-lgtest", "-pthread", "-o"}) build.argv.push_back(lib);
    build.argv.push_back(binary.string());
    build.cwd = ctx.root;
    build.timeout = ctx.request.timeout;
    auto built = util::run_process(build);
    if (!built) return built.error();
    if (built->exit_code != 0) {
      run.collect_errors[file] = first_error(built->err);
      continue;
    }
    util::ProcessRequest test;
    fs::path report = scratch / ("r" + std::to_string(n) + ".json");
    test.argv = {binary.string(), "--gtest_output=json:" + report.string()};
    test.cwd = ctx.root;
    test.timeout = ctx.request.timeout;
    auto ran = util::run_process(test);
    if (!ran) return ran.error();
    auto json = util::read_file(report);
    if (!json) {
      run.collect_errors[file] = "the test binary wrote no report (exit " + std::to_string(ran->exit_code) + ")";
      continue;
    }
    try {
      auto j = nlohmann::json::parse(*json);
      for (const auto& suite : j["testsuites"])
        for (const auto& t : suite["testsuite"]) {
          TestOutcome o;
          o.file = file;
          o.test = suite["name"].get<std::string>() + "." + t["name"].get<std::string>();
          bool failed = t.contains("failures") && !t["failures"].empty();
          o.outcome = failed ? "failed" : t.value("result", "") == "SKIPPED" ? "skipped" : "passed";
          if (failed) o.message = std::string(util::split_lines(t["failures"][0].value("failure", ""))[0]);
          run.outcomes.push_back(std::move(o));
        }
    } catch (const std::exception& e) {
      return Error{std::string("unreadable GoogleTest report: ") + e.what()};
    }
  }
  return run;
}

}  // namespace copilot::testgen::cpp
