// Running Python: pytest (with a small reporting plugin), coverage.py and the
// characterization harness, each in a child process with a time limit.
#include "testgen/python/runner.h"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "testgen/characterize.h"
#include "util/files.h"
#include "util/process.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

namespace fs = std::filesystem;

// Records every test's outcome and every collection error as JSON.
constexpr const char* kReportPlugin = R"PY(import json
import os

_results = {"tests": [], "collect_errors": {}, "rootdir": ""}


def _first_line(report):
    text = str(report.longrepr or "")
    lines = [line for line in text.splitlines() if line.startswith("E ")]
    return (lines[0][1:].strip() if lines else text.strip().splitlines()[-1] if text.strip() else "")[:300]


def pytest_sessionstart(session):
    _results["rootdir"] = str(session.config.rootpath)


def pytest_collectreport(report):
    if report.failed:
        _results["collect_errors"][report.nodeid] = _first_line(report)


def pytest_runtest_logreport(report):
    if report.when == "call" or report.outcome != "passed":
        outcome = report.outcome
        if report.when != "call" and report.failed:
            outcome = "error"
        _results["tests"].append({"nodeid": report.nodeid, "outcome": outcome, "message": _first_line(report)})


def pytest_sessionfinish(session, exitstatus):
    with open(os.environ["COPILOT_PYTEST_REPORT"], "w") as f:
        json.dump(_results, f)
)PY";

// Calls functions on generated inputs and records literal results or exception types.
constexpr const char* kHarness = R"PY(import ast
import importlib
import itertools
import json
import signal
import sys

job = json.load(open(sys.argv[1]))
sys.path.insert(0, job["import_root"])
results = {}


def write():
    with open(sys.argv[2], "w") as f:
        json.dump(results, f)


class Timeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)
try:
    signal.alarm(10)
    module = importlib.import_module(job["module"])
    signal.alarm(0)
except BaseException as e:
    results["import_error"] = type(e).__name__ + ": " + str(e)[:200]
    write()
    sys.exit(0)


def literal(value):
    try:
        text = repr(value)
        if len(text) > 200:
            return None
        back = ast.literal_eval(text)
        return text if type(back) is type(value) and back == value else None
    except Exception:
        return None


def exception_name(error):
    kind = type(error)
    if kind.__module__ == "builtins":
        return kind.__name__
    if getattr(module, kind.__name__, None) is kind:
        return "$M." + kind.__name__
    return None


def once(call, row):
    target = module
    for part in call["target"].split("."):
        target = getattr(target, part)
    scope = {"__m__": module}
    args = [eval(a.replace("$M.", "__m__."), scope) for a in row["args"]]
    kwargs = {k: eval(v.replace("$M.", "__m__."), scope) for k, v in row["kwargs"].items()}
    signal.alarm(2)
    try:
        result = target(*args, **kwargs)
        if call["generator"]:
            result = list(itertools.islice(result, 20))
        text = literal(result)
        return {"expected": text} if text is not None else {"skip": "result is not a literal: " + type(result).__name__}
    except Timeout:
        return {"skip": "took longer than 2 s"}
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        return {"skip": "exited"}
    except BaseException as error:
        if call["probe"] and isinstance(error, (TypeError, AttributeError)):
            return {"skip": "a guessed input of the wrong type"}
        name = exception_name(error)
        return {"error": name} if name else {"skip": "raised " + type(error).__name__ + " from another module"}
    finally:
        signal.alarm(0)


for call in job["calls"]:
    rows = {}
    for row in call["rows"]:
        first, second = once(call, row), once(call, row)
        rows[row["label"]] = first if first == second else {"skip": "not deterministic"}
    results[call["id"]] = rows
write()
)PY";

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "copilot-gentests-XXXXXX").string();
    if (::mkdtemp(tmpl.data())) dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

std::map<std::string, std::string> python_env(const fs::path& plugin_dir) {
  std::string path = plugin_dir.string();
  if (const char* old = std::getenv("PYTHONPATH"); old && *old) path += ":" + std::string(old);
  return {{"PYTHONPATH", path}, {"PYTHONDONTWRITEBYTECODE", "1"}, {"PYTHONHASHSEED", "0"}};
}

// "tests/generated/test_x.py::test_add_boundary[b:zero]" relative to pytest's rootdir.
TestOutcome split_nodeid(const std::string& nodeid, const fs::path& rootdir, const fs::path& root) {
  TestOutcome t;
  size_t sep = nodeid.find("::");
  std::string file = nodeid.substr(0, sep);
  t.file = (rootdir / file).lexically_normal().lexically_relative(root).generic_string();
  std::string rest = sep == std::string::npos ? "" : nodeid.substr(sep + 2);
  if (size_t colon = rest.rfind("::"); colon != std::string::npos) rest = rest.substr(colon + 2);
  if (size_t br = rest.find('['); br != std::string::npos && rest.back() == ']') {
    t.label = rest.substr(br + 1, rest.size() - br - 2);
    rest = rest.substr(0, br);
  }
  t.test = rest;
  return t;
}

}  // namespace

Result<TestRun> run_pytest(const RunContext& ctx, const std::vector<std::string>& test_files) {
  Scratch scratch;
  if (scratch.dir.empty()) return Error{"cannot create a scratch directory"};
  if (auto r = util::write_file_atomic(scratch.dir / "copilot_pytest_report.py", kReportPlugin); !r) return r.error();
  util::ProcessRequest req;
  // Files that do not collect must not stop the others from running.
  req.argv = {ctx.request.python,
              "-m",
              "pytest",
              "-q",
              "-p",
              "copilot_pytest_report",
              "-p",
              "no:cacheprovider",
              "-p",
              "no:randomly",
              "--continue-on-collection-errors"};
  for (const auto& f : test_files) req.argv.push_back(f);
  req.cwd = ctx.root;
  req.env = python_env(scratch.dir);
  req.env["COPILOT_PYTEST_REPORT"] = (scratch.dir / "report.json").string();
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  if (!ran) return ran.error();
  if (ran->timed_out)
    return Error{"pytest did not finish within " + std::to_string(ctx.request.timeout.count()) + " s"};
  auto text = util::read_file(scratch.dir / "report.json");
  if (!text) {
    std::string why = util::trim(ran->err).empty() ? ran->out : ran->err;
    return Error{"pytest did not run (exit " + std::to_string(ran->exit_code) + "): " + why.substr(0, 400)};
  }
  TestRun run;
  try {
    auto j = nlohmann::json::parse(*text);
    fs::path rootdir = j.value("rootdir", ctx.root.string());
    for (const auto& [nodeid, why] : j["collect_errors"].items()) {
      auto t = split_nodeid(nodeid, rootdir, ctx.root);
      run.collect_errors[t.file] = why.get<std::string>();
    }
    for (const auto& t : j["tests"]) {
      auto o = split_nodeid(t["nodeid"].get<std::string>(), rootdir, ctx.root);
      o.outcome = t["outcome"].get<std::string>();
      o.message = t["message"].get<std::string>();
      run.outcomes.push_back(std::move(o));
    }
  } catch (const std::exception& e) {
    return Error{std::string("unreadable pytest report: ") + e.what()};
  }
  return run;
}

Result<std::map<std::string, FileCoverage>> run_coverage(const RunContext& ctx, const std::vector<std::string>& tests,
                                                         const std::vector<std::string>& sources) {
  std::map<std::string, FileCoverage> out;
  for (const auto& s : sources) out[s] = FileCoverage{};
  if (tests.empty()) return out;  // nothing runs: 0% everywhere
  Scratch scratch;
  if (scratch.dir.empty()) return Error{"cannot create a scratch directory"};
  util::ProcessRequest req;
  std::string data = (scratch.dir / "coverage.data").string();
  req.argv = {ctx.request.coverage_tool,
              "run",
              "--data-file=" + data,
              "--source=" + ctx.root.string(),
              "-m",
              "pytest",
              "-q",
              "-p",
              "no:cacheprovider"};
  for (const auto& t : tests) req.argv.push_back(t);
  req.cwd = ctx.root;
  req.env = python_env(scratch.dir);
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  if (!ran) return ran.error();
  if (ran->timed_out) return Error{"coverage run did not finish in time"};
  util::ProcessRequest report;
  std::string json_path = (scratch.dir / "coverage.json").string();
  report.argv = {ctx.request.coverage_tool, "json", "--data-file=" + data, "-o", json_path, "--ignore-errors"};
  report.cwd = ctx.root;
  report.timeout = std::chrono::seconds(120);
  auto reported = util::run_process(report);
  if (!reported) return reported.error();
  auto text = util::read_file(json_path);
  if (!text) return Error{"coverage json failed: " + reported->err.substr(0, 300)};
  try {
    auto j = nlohmann::json::parse(*text);
    for (const auto& [file, data] : j["files"].items()) {
      fs::path p = fs::path(file).is_absolute() ? fs::path(file) : ctx.root / file;
      std::string rel = p.lexically_normal().lexically_relative(ctx.root).generic_string();
      auto it = out.find(rel);
      if (it == out.end()) continue;
      it->second.statements = data["summary"]["num_statements"].get<int>();
      it->second.after = data["summary"]["percent_covered"].get<double>();
    }
  } catch (const std::exception& e) {
    return Error{std::string("unreadable coverage report: ") + e.what()};
  }
  return out;
}

void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes) {
  nlohmann::json job;
  job["module"] = module.import_name;
  job["import_root"] = (ctx.root / module.import_root).lexically_normal().string();
  job["calls"] = nlohmann::json::array();
  for (const auto& c : cases) {
    if (!characterizable(c)) continue;
    nlohmann::json call = {{"id", c.id}, {"target", c.target}, {"generator", c.is_generator}, {"probe", c.probe}};
    for (const auto& r : c.rows) {
      nlohmann::json row = {
          {"label", r.label}, {"args", nlohmann::json::array()}, {"kwargs", nlohmann::json::object()}};
      for (const auto& a : r.args) {
        if (a.keyword)
          row["kwargs"][a.name] = a.value;
        else
          row["args"].push_back(a.value);
      }
      call["rows"].push_back(row);
    }
    job["calls"].push_back(call);
  }
  if (job["calls"].empty()) return;
  Scratch scratch;
  if (scratch.dir.empty()) return;
  if (!util::write_file_atomic(scratch.dir / "harness.py", kHarness) ||
      !util::write_file_atomic(scratch.dir / "job.json", job.dump()))
    return;
  util::ProcessRequest req;
  req.argv = {ctx.request.python, (scratch.dir / "harness.py").string(), (scratch.dir / "job.json").string(),
              (scratch.dir / "out.json").string()};
  // The scratch directory as working directory: anything written by accident lands there.
  req.cwd = scratch.dir;
  req.env = {{"PYTHONDONTWRITEBYTECODE", "1"}, {"PYTHONHASHSEED", "0"}};
  req.timeout = std::chrono::seconds(120);
  auto ran = util::run_process(req);
  auto text = util::read_file(scratch.dir / "out.json");
  if (!ran || !text) {
    notes.push_back(module.path + ": --characterize could not run it" +
                    (ran ? ": " + std::string(util::trim(ran->err).substr(0, 200)) : ": " + ran.error().message));
    return;
  }
  nlohmann::json results;
  try {
    results = nlohmann::json::parse(*text);
  } catch (const std::exception&) {
    return;
  }
  if (results.contains("import_error")) {
    notes.push_back(module.path +
                    ": --characterize could not import it: " + results["import_error"].get<std::string>());
    return;
  }
  apply_characterization(cases, results);
}

}  // namespace copilot::testgen::python
