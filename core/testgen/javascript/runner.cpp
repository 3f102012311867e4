// Running Jest from copilot's own node_modules (pinned in package.json), with
// Babel presets so ES modules and TypeScript run without the project's config.
#include "testgen/javascript/runner.h"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "testgen/characterize.h"
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

// Calls functions on generated inputs inside Jest (so TypeScript is compiled
// the same way) and records literal results or the errors thrown.
constexpr const char* kHarness = R"JS(const fs = require("fs");
const { isDeepStrictEqual } = require("util");
const job = JSON.parse(fs.readFileSync(process.env.COPILOT_CHARACTERIZE_JOB, "utf8"));
const mod = require(job.module);
const BUILTIN = ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"];

function literal(value) {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : null;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return JSON.stringify(value);
  const plain = Array.isArray(value) || (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype);
  if (!plain) return null;
  const text = JSON.stringify(value);
  return text && text.length <= 200 && isDeepStrictEqual(JSON.parse(text), value) ? text : null;
}

function errorName(error) {
  const kind = error && error.constructor;
  if (!kind) return null;
  if (BUILTIN.includes(kind.name)) return kind.name;
  if (mod[kind.name] === kind) return "$M." + kind.name;
  return error instanceof Error ? "Error" : null;
}

async function once(call, row) {
  let target = mod;
  if (call.target !== "module.exports") for (const part of call.target.split(".")) target = target[part];
  const args = eval("[" + row.args.map((a) => a.split("$M.").join("mod.")).join(", ") + "]");
  try {
    const text = literal(await target(...args));
    return text === null ? { skip: "result is not a literal" } : { expected: text };
  } catch (error) {
    if (call.probe && (error instanceof TypeError)) return { skip: "a guessed input of the wrong type" };
    const name = errorName(error);
    return name ? { error: name } : { skip: "threw a non-Error" };
  }
}

test("characterize", async () => {
  const results = {};
  for (const call of job.calls) {
    results[call.id] = {};
    for (const row of call.rows) {
      const first = await once(call, row);
      const second = await once(call, row);
      results[call.id][row.label] = isDeepStrictEqual(first, second) ? first : { skip: "not deterministic" };
    }
  }
  fs.writeFileSync(process.env.COPILOT_CHARACTERIZE_OUT, JSON.stringify(results));
});
)JS";

// A scratch directory, removed with the object.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "copilot-jest-XXXXXX").string();
    if (::mkdtemp(tmpl.data())) dir = tmpl;
  }
  ~Scratch() {
    std::error_code e;
    if (!dir.empty()) fs::remove_all(dir, e);
  }
};

// Runs Jest on `test_files` with `extra` arguments; its JSON report goes to scratch/report.json.
Result<util::ProcessResult> jest(const RunContext& ctx, const Scratch& scratch,
                                 const std::vector<std::string>& test_files, const std::vector<std::string>& extra,
                                 const std::map<std::string, std::string>& env = {}) {
  fs::path modules = node_modules();
  fs::path bin = modules / "jest/bin/jest.js";
  std::error_code ec;
  if (!fs::exists(bin, ec))
    return Error{"jest not found in " + modules.string() + " (set COPILOT_NODE_MODULES to a node_modules with jest)"};
  if (scratch.dir.empty()) return Error{"cannot create a scratch directory"};
  util::ProcessRequest req;
  req.argv = {"node",
              bin.string(),
              "--ci",
              "--no-watchman",
              "--json",
              "--outputFile=" + (scratch.dir / "report.json").string(),
              "--config=" + jest_config(ctx.root, modules).dump(),
              "--cacheDirectory=" + (scratch.dir / "cache").string()};
  req.argv.insert(req.argv.end(), extra.begin(), extra.end());
  req.argv.push_back("--runTestsByPath");
  req.argv.insert(req.argv.end(), test_files.begin(), test_files.end());
  req.cwd = ctx.root;
  req.env = env;
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  if (ran && ran->timed_out)
    return Error{"jest did not finish within " + std::to_string(ctx.request.timeout.count()) + " s"};
  return ran;
}

}  // namespace

Result<TestRun> run_jest(const RunContext& ctx, const std::vector<std::string>& test_files) {
  Scratch scratch;
  auto ran = jest(ctx, scratch, test_files, {});
  if (!ran) return ran.error();
  auto text = util::read_file(scratch.dir / "report.json");
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

Result<std::map<std::string, FileCoverage>> run_jest_coverage(const RunContext& ctx,
                                                              const std::vector<std::string>& tests,
                                                              const std::vector<std::string>& sources) {
  std::map<std::string, FileCoverage> out;
  for (const auto& s : sources) out[s] = FileCoverage{};
  if (tests.empty()) return out;
  Scratch scratch;
  std::vector<std::string> extra = {"--coverage", "--coverageReporters=json-summary",
                                    "--coverageDirectory=" + (scratch.dir / "coverage").string()};
  for (const auto& s : sources) extra.push_back("--collectCoverageFrom=" + s);
  auto ran = jest(ctx, scratch, tests, extra);
  if (!ran) return ran.error();
  auto text = util::read_file(scratch.dir / "coverage" / "coverage-summary.json");
  if (!text) return Error{"jest wrote no coverage summary: " + ran->err.substr(0, 300)};
  try {
    nlohmann::json summary = nlohmann::json::parse(*text);
    for (const auto& [file, data] : summary.items()) {
      if (file == "total") continue;
      auto it = out.find(fs::path(file).lexically_normal().lexically_relative(ctx.root).generic_string());
      if (it == out.end()) continue;
      it->second.statements = data["lines"]["total"].get<int>();
      it->second.after = data["lines"]["pct"].is_number() ? data["lines"]["pct"].get<double>() : 0.0;
    }
  } catch (const std::exception& e) {
    return Error{std::string("unreadable coverage summary: ") + e.what()};
  }
  return out;
}

void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes) {
  nlohmann::json job = {{"module", (ctx.root / module.path).lexically_normal().string()},
                        {"calls", nlohmann::json::array()}};
  for (const auto& c : cases) {
    if (!characterizable(c)) continue;
    nlohmann::json call = {{"id", c.id}, {"target", c.target}, {"probe", c.probe}, {"rows", nlohmann::json::array()}};
    for (const auto& r : c.rows) {
      nlohmann::json args = nlohmann::json::array();
      for (const auto& a : r.args) args.push_back(a.value);
      call["rows"].push_back({{"label", r.label}, {"args", args}});
    }
    job["calls"].push_back(call);
  }
  if (job["calls"].empty()) return;
  Scratch scratch;
  // The harness sits in the project so Jest (rootDir) finds it; its name is unique per run.
  fs::path harness = ctx.root / (".copilot-characterize-" + scratch.dir.filename().string() + ".test.js");
  if (scratch.dir.empty() || !util::write_file_atomic(harness, kHarness) ||
      !util::write_file_atomic(scratch.dir / "job.json", job.dump()))
    return;
  auto ran = jest(ctx, scratch, {harness.filename().string()}, {"--testTimeout=60000"},
                  {{"COPILOT_CHARACTERIZE_JOB", (scratch.dir / "job.json").string()},
                   {"COPILOT_CHARACTERIZE_OUT", (scratch.dir / "out.json").string()}});
  std::error_code ec;
  fs::remove(harness, ec);
  auto text = util::read_file(scratch.dir / "out.json");
  if (!ran || !text) {
    notes.push_back(module.path + ": --characterize could not run it" +
                    (ran ? ": " + first_line(ran->err) : ": " + ran.error().message));
    return;
  }
  try {
    apply_characterization(cases, nlohmann::json::parse(*text));
  } catch (const std::exception& e) {
    notes.push_back(module.path + ": unreadable characterization: " + e.what());
  }
}

}  // namespace copilot::testgen::javascript
