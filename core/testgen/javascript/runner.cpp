// Running Jest from copilot's own node_modules (pinned in package.json), with
// Babel presets so ES modules and TypeScript run without the project's config.
#include "testgen/javascript/runner.h"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "util/files.h"
#include "util/process.h"
#include "util/strings.h"

namespace copilot::testgen::javascript {
namespace {

namespace fs = std::filesystem;

// COPILOT_NODE_MODULES, else the source tree's node_modules (a development build).
fs::path node_modules() {
  if (const char* env = std::getenv("COPILOT_NODE_MODULES"); env && *env) return env;
  return fs::path(COPILOT_SOURCE_DIR) / "node_modules";
}

nlohmann::json jest_config(const fs::path& root, const fs::path& modules) {
  nlohmann::json presets = nlohmann::json::array(
      {nlohmann::json::array({(modules / "@babel/preset-env").string(), {{"targets", {{"node", "current"}}}}}),
       (modules / "@babel/preset-typescript").string()});
  return {{"rootDir", root.string()},
          {"testMatch", {"**/*.test.js"}},
          {"testPathIgnorePatterns", {"/node_modules/"}},
          {"moduleFileExtensions", {"js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "json"}},
          {"transform",
           {{"\\.[cm]?[jt]sx?$", nlohmann::json::array({(modules / "babel-jest").string(), {{"presets", presets}}})}}},
          {"transformIgnorePatterns", {"/node_modules/"}}};
}

std::string first_line(const std::string& text) {
  for (auto line : util::split_lines(text))
    if (!util::trim(line).empty() && !util::starts_with(util::trim(line), "●")) return std::string(util::trim(line));
  return {};
}

}  // namespace

Result<TestRun> run_jest(const RunContext& ctx, const std::vector<std::string>& test_files) {
  fs::path modules = node_modules();
  fs::path jest = modules / "jest/bin/jest.js";
  std::error_code ec;
  if (!fs::exists(jest, ec))
    return Error{"jest not found in " + modules.string() + " (set COPILOT_NODE_MODULES to a node_modules with jest)"};
  std::string tmpl = (fs::temp_directory_path() / "copilot-jest-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Error{"cannot create a scratch directory"};
  fs::path scratch = tmpl;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{scratch};
  util::ProcessRequest req;
  req.argv = {"node",
              jest.string(),
              "--ci",
              "--no-watchman",
              "--json",
              "--outputFile=" + (scratch / "report.json").string(),
              "--config=" + jest_config(ctx.root, modules).dump(),
              "--cacheDirectory=" + (scratch / "cache").string(),
              "--runTestsByPath"};
  for (const auto& f : test_files) req.argv.push_back(f);
  req.cwd = ctx.root;
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  if (!ran) return ran.error();
  if (ran->timed_out) return Error{"jest did not finish within " + std::to_string(ctx.request.timeout.count()) + " s"};
  auto text = util::read_file(scratch / "report.json");
  if (!text) return Error{"jest did not run (exit " + std::to_string(ran->exit_code) + "): " + ran->err.substr(0, 400)};
  TestRun run;
  try {
    auto j = nlohmann::json::parse(*text);
    for (const auto& suite : j["testResults"]) {
      std::string file =
          fs::path(suite["name"].get<std::string>()).lexically_normal().lexically_relative(ctx.root).generic_string();
      const auto& results = suite["assertionResults"];
      if (results.empty() && suite.value("status", "") == "failed") {
        run.collect_errors[file] = first_line(suite.value("message", "failed to run"));
        continue;
      }
      for (const auto& a : results) {
        TestOutcome o;
        o.file = file;
        std::string title = a["title"].get<std::string>();
        // Table rows are titled "ID [label]".
        if (size_t br = title.rfind(" ["); br != std::string::npos && title.back() == ']') {
          o.label = title.substr(br + 2, title.size() - br - 3);
          title = title.substr(0, br);
        }
        o.test = title;
        std::string status = a["status"].get<std::string>();
        o.outcome = status == "pending" || status == "skipped" || status == "todo" ? "skipped" : status;
        if (!a["failureMessages"].empty()) o.message = first_line(a["failureMessages"][0].get<std::string>());
        run.outcomes.push_back(std::move(o));
      }
    }
  } catch (const std::exception& e) {
    return Error{std::string("unreadable jest report: ") + e.what()};
  }
  return run;
}

}  // namespace copilot::testgen::javascript
