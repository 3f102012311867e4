// Running `go test` offline (GOPROXY=off, GOFLAGS=-mod=mod) on the generated
// package, and the characterization harness as a package of its own.
#include "testgen/golang/runner.h"

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "testgen/characterize.h"
#include "testgen/golang/golang.h"
#include "util/files.h"
#include "util/process.h"
#include "util/strings.h"

namespace copilot::testgen::golang {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> go_env() {
  return {{"GOPROXY", "off"}, {"GOFLAGS", "-mod=mod"}, {"GOTOOLCHAIN", "local"}};
}

Result<util::ProcessResult> go_test(const RunContext& ctx, const std::string& package_dir,
                                    const std::vector<std::string>& extra) {
  util::ProcessRequest req;
  req.argv = {"go", "test", "-json", "-count=1", "-vet=off"};
  req.argv.insert(req.argv.end(), extra.begin(), extra.end());
  req.argv.push_back("./" + package_dir);
  req.cwd = ctx.root;
  req.env = go_env();
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  if (ran && ran->timed_out)
    return Error{"go test did not finish within " + std::to_string(ctx.request.timeout.count()) + " s"};
  return ran;
}

std::string go_str(std::string_view s) {
  return nlohmann::json(std::string(s)).dump();  // a JSON string is a valid Go string literal for our inputs
}

}  // namespace

Result<TestRun> run_go_test(const RunContext& ctx, const std::vector<std::string>& test_files) {
  TestRun run;
  if (test_files.empty()) return run;
  // Every generated file is in one package: the --out directory.
  std::string dir = fs::path(test_files[0]).parent_path().generic_string();
  std::map<std::string, std::string> file_of_test;
  static const std::regex kTest(R"(func (Test\w+)\(t \*testing\.T\))");
  for (const auto& f : test_files) {
    auto text = util::read_file(ctx.root / f);
    if (!text) continue;
    for (auto it = std::sregex_iterator(text->begin(), text->end(), kTest); it != std::sregex_iterator(); ++it)
      file_of_test[(*it)[1].str()] = f;
  }
  auto ran = go_test(ctx, dir, {});
  if (!ran) return ran.error();
  std::istringstream lines(ran->out);
  std::string line, build_output;
  std::map<std::string, std::string> messages;  // test → first message it printed
  static const std::regex kCompileError(R"(([\w./-]+_test\.go):\d+:\d+: (.*))");
  while (std::getline(lines, line)) {
    auto event = nlohmann::json::parse(line, nullptr, false);
    if (!event.is_object()) {
      build_output += line + "\n";
      continue;
    }
    std::string action = event.value("Action", ""), test = event.value("Test", "");
    if (action == "output" && test.empty()) build_output += event.value("Output", "");
    // The first `file_test.go:N: message` a test prints is why it failed.
    if (action == "output" && !test.empty() && !messages.count(test)) {
      std::string out = std::string(util::trim(event.value("Output", "")));
      if (std::regex_search(out, std::regex(R"(_test\.go:\d+: )"))) messages[test] = out;
    }
    if (test.empty() || (action != "pass" && action != "fail" && action != "skip")) continue;
    TestOutcome o;
    size_t slash = test.find('/');
    o.test = test.substr(0, slash);
    if (slash != std::string::npos) o.label = test.substr(slash + 1);
    auto file = file_of_test.find(o.test);
    if (file == file_of_test.end()) continue;
    o.file = file->second;
    o.outcome = action == "pass" ? "passed" : action == "skip" ? "skipped" : "failed";
    if (o.outcome == "failed") o.message = messages[test];
    run.outcomes.push_back(std::move(o));
  }
  build_output += ran->err;
  // A package that does not build: the files named in the compiler's messages did it.
  if (run.outcomes.empty() && ran->exit_code != 0) {
    std::string text = build_output;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kCompileError); it != std::sregex_iterator(); ++it) {
      std::string file = (fs::path(dir) / fs::path((*it)[1].str()).filename()).generic_string();
      if (!run.collect_errors.count(file)) run.collect_errors[file] = (*it)[2].str();
    }
    if (run.collect_errors.empty()) {
      static const std::regex kAnyError(R"(([\w./-]+\.go:\d+:\d+: .*))");
      std::smatch first;
      std::string why = "the package does not build";
      if (std::regex_search(text, first, kAnyError)) why += ": " + first[1].str();
      for (const auto& f : test_files) run.collect_errors[f] = why;
    }
  }
  // A table test fails when a row fails: only the rows are taken out.
  std::set<std::string> failed_rows;
  for (const auto& o : run.outcomes)
    if (!o.label.empty() && o.outcome == "failed") failed_rows.insert(o.test);
  std::erase_if(run.outcomes, [&](const TestOutcome& o) { return o.label.empty() && failed_rows.count(o.test); });
  return run;
}

void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes) {
  std::string alias = "subject";
  std::string calls;
  int count = 0;
  for (const auto& c : cases) {
    if (!characterizable(c)) continue;
    const Unit* u = nullptr;
    for (const auto& unit : module.units)
      if (unit.qualname == c.unit) u = &unit;
    if (!u) continue;
    std::vector<std::string> names, shown;
    for (size_t i = 0; i < u->results.size(); ++i) {
      bool err = u->results[i] == "error" && i + 1 == u->results.size();
      names.push_back(err ? "err" : "got" + std::to_string(i));
      shown.push_back(err ? "fmt.Sprint(err != nil)" : "copilotLiteral(got" + std::to_string(i) + ")");
    }
    for (const auto& r : c.rows) {
      std::vector<std::string> args;
      for (const auto& a : r.args) args.push_back(a.value);
      std::string call = alias + "." + c.target + "(" + util::join(args, ", ") + ")";
      calls += "\trecord(" + go_str(c.id) + ", " + go_str(r.label) + ", func() []string {\n\t\t" +
               util::join(names, ", ") + " := " + call + "\n\t\treturn []string{" + util::join(shown, ", ") +
               "}\n\t})\n";
      ++count;
    }
  }
  if (count == 0) return;
  std::string tmpl = (ctx.root / "copilot_characterize_XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return;
  fs::path dir = tmpl;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{dir};
  std::string source =
      "package characterize\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n\t\"reflect\"\n"
      "\t\"testing\"\n\n\t" +
      alias + " " + go_str(module.import_name) + R"GO(
)

var results = map[string]map[string]map[string]string{}

// copilotLiteral is Go source for basic values and slices of them, or "" for anything else.
func copilotLiteral(v interface{}) string {
	t := reflect.TypeOf(v)
	if t == nil {
		return ""
	}
	basic := func(k reflect.Kind) bool {
		return (k >= reflect.Bool && k <= reflect.Float64) || k == reflect.String
	}
	if basic(t.Kind()) || (t.Kind() == reflect.Slice && basic(t.Elem().Kind()) && !reflect.ValueOf(v).IsNil()) {
		return fmt.Sprintf("%#v", v)
	}
	return ""
}

func once(f func() []string) (out map[string]string) {
	defer func() {
		if recover() != nil {
			out = map[string]string{"error": "panic"}
		}
	}()
	values := f()
	for _, v := range values {
		if v == "" {
			return map[string]string{"skip": "a result is not a literal"}
		}
	}
	text, _ := json.Marshal(values)
	return map[string]string{"expected": string(text)}
}

func record(id, label string, f func() []string) {
	first, second := once(f), once(f)
	if results[id] == nil {
		results[id] = map[string]map[string]string{}
	}
	if reflect.DeepEqual(first, second) {
		results[id][label] = first
	} else {
		results[id][label] = map[string]string{"skip": "not deterministic"}
	}
}

func TestCharacterize(t *testing.T) {
)GO" + calls +
      R"GO(	text, _ := json.Marshal(results)
	if err := os.WriteFile(os.Getenv("COPILOT_CHARACTERIZE_OUT"), text, 0o644); err != nil {
		t.Fatal(err)
	}
}
)GO";
  if (!util::write_file_atomic(dir / "characterize_test.go", source)) return;
  util::ProcessRequest req;
  req.argv = {"go", "test", "-count=1", "-vet=off", "-run", "TestCharacterize", "./" + dir.filename().string()};
  req.cwd = ctx.root;
  req.env = go_env();
  req.env["COPILOT_CHARACTERIZE_OUT"] = (dir / "out.json").string();
  req.timeout = std::chrono::seconds(300);
  auto ran = util::run_process(req);
  auto text = util::read_file(dir / "out.json");
  if (!ran || !text) {
    std::string why = ran ? std::string(util::trim(ran->out + ran->err)).substr(0, 300) : ran.error().message;
    notes.push_back(module.path + ": --characterize could not run it: " + why);
    return;
  }
  auto results = nlohmann::json::parse(*text, nullptr, false);
  if (results.is_object()) apply_characterization(cases, results);
}

Result<std::map<std::string, FileCoverage>> run_go_coverage(const RunContext& ctx,
                                                            const std::vector<std::string>& tests,
                                                            const std::vector<std::string>& sources) {
  std::map<std::string, FileCoverage> out;
  for (const auto& s : sources) out[s] = FileCoverage{};
  if (tests.empty()) return out;
  auto mod = util::read_file(ctx.root / "go.mod");
  static const std::regex kModule(R"(^\s*module\s+(\S+))", std::regex::multiline);
  std::smatch match;
  if (!mod || !std::regex_search(*mod, match, kModule)) return out;
  std::string module_path = match[1].str();
  auto package_of = [&](const std::string& file) {
    std::string dir = fs::path(file).parent_path().generic_string();
    return dir.empty() ? module_path : module_path + "/" + dir;
  };
  std::set<std::string> coverpkg, test_dirs;
  std::map<std::string, std::string> source_of;  // profile name ("example.com/m/pkg/f.go") → relative path
  for (const auto& s : sources) {
    coverpkg.insert(package_of(s));
    source_of[package_of(s) + "/" + fs::path(s).filename().string()] = s;
  }
  for (const auto& t : tests) test_dirs.insert(fs::path(t).parent_path().generic_string());
  std::string tmpl = (fs::temp_directory_path() / "copilot-gocover-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Error{"cannot create a scratch directory"};
  fs::path scratch = tmpl;
  util::ProcessRequest req;
  std::vector<std::string> pkgs(coverpkg.begin(), coverpkg.end());
  req.argv = {"go",
              "test",
              "-count=1",
              "-vet=off",
              "-coverpkg=" + util::join(pkgs, ","),
              "-coverprofile=" + (scratch / "cover.out").string()};
  for (const auto& d : test_dirs) req.argv.push_back(d.empty() ? "." : "./" + d);
  req.cwd = ctx.root;
  req.env = go_env();
  req.timeout = ctx.request.timeout;
  auto ran = util::run_process(req);
  auto profile = util::read_file(scratch / "cover.out");
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (!ran) return ran.error();
  if (!profile) return out;  // nothing built: nothing covered
  // name:start,end statements count — a block may appear once per test package: keep its best count.
  static const std::regex kBlock(R"(^(.+\.go):(\S+) (\d+) (\d+)$)");
  std::map<std::pair<std::string, std::string>, std::pair<int, long>> blocks;
  std::istringstream lines(*profile);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, kBlock)) continue;
    auto& b = blocks[{m[1].str(), m[2].str()}];
    b.first = std::stoi(m[3].str());
    b.second = std::max(b.second, std::stol(m[4].str()));
  }
  std::map<std::string, std::pair<int, int>> totals;  // relative path → statements, covered
  for (const auto& [key, b] : blocks) {
    auto it = source_of.find(key.first);
    if (it == source_of.end()) continue;
    totals[it->second].first += b.first;
    if (b.second > 0) totals[it->second].second += b.first;
  }
  for (auto& [file, t] : totals) {
    out[file].statements = t.first;
    out[file].after = t.first ? 100.0 * t.second / t.first : 0.0;
  }
  return out;
}

}  // namespace copilot::testgen::golang
