// Building and running generated GoogleTest files with g++.
#include "testgen/cpp/runner.h"

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "testgen/characterize.h"
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

namespace {

// A source file with the header's name anywhere in the tree ("" if none).
std::string sibling_source(const fs::path& root, const std::string& header) {
  std::string stem = fs::path(header).stem().string();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (it->is_directory(ec) && (name == ".git" || name == "node_modules" || name == "build" || name == "tests")) {
      it.disable_recursion_pending();
      continue;
    }
    std::string ext = it->path().extension().string();
    if (it->path().stem() == stem && (ext == ".cpp" || ext == ".cc" || ext == ".cxx"))
      return it->path().lexically_relative(root).generic_string();
  }
  return {};
}

}  // namespace

Result<std::map<std::string, FileCoverage>> run_gcov(const RunContext& ctx, const std::vector<std::string>& tests,
                                                     const std::vector<std::string>& sources) {
  std::map<std::string, FileCoverage> out;
  std::map<std::string, std::string> owner;  // header or its source → header (module)
  std::vector<std::string> compiled;
  for (const auto& h : sources) {
    out[h] = FileCoverage{};
    owner[h] = h;
    if (std::string s = sibling_source(ctx.root, h); !s.empty()) {
      owner[s] = h;
      compiled.push_back(s);
    }
  }
  std::string tmpl = (fs::temp_directory_path() / "copilot-gcov-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Error{"cannot create a scratch directory"};
  fs::path scratch = tmpl;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{scratch};
  std::map<std::pair<std::string, int>, long> lines;  // (file, line) → best count over all tests
  int n = 0;
  for (const auto& test : tests) {
    fs::path dir = scratch / std::to_string(n++);
    fs::create_directories(dir);
    util::ProcessRequest build;
    build.argv = {"g++",
                  "-std=c++17",
                  "-O0",
                  "-w",
                  "--coverage",
                  "-I" + ctx.root.string(),
                  "-I" + (ctx.root / "include").string(),
                  (ctx.root / test).string()};
    for (const auto& s : compiled) build.argv.push_back((ctx.root / s).string());
    for (const char* arg : {"-lgtest_main", "-lgtest", "-pthread", "-o", "bin"}) build.argv.push_back(arg);
    build.cwd = dir;
    build.timeout = ctx.request.timeout;
    auto built = util::run_process(build);
    if (!built || built->exit_code != 0) continue;  // a test that does not build covers nothing
    util::ProcessRequest run{{(dir / "bin").string()}};
    run.cwd = dir;
    run.timeout = ctx.request.timeout;
    (void)util::run_process(run);
    std::vector<std::string> gcov = {"gcov", "--json-format", "--stdout"};
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".gcda") gcov.push_back(e.path().filename().string());
    util::ProcessRequest report{gcov};
    report.cwd = dir;
    report.timeout = std::chrono::seconds(120);
    auto reported = util::run_process(report);
    if (!reported) continue;
    for (auto line : util::split_lines(reported->out)) {
      auto doc = nlohmann::json::parse(line, nullptr, false);
      if (!doc.is_object() || !doc.contains("files")) continue;
      for (const auto& f : doc["files"]) {
        fs::path p = f.value("file", "");
        std::string rel =
            (p.is_absolute() ? p : dir / p).lexically_normal().lexically_relative(ctx.root).generic_string();
        if (!owner.count(rel)) continue;
        for (const auto& l : f["lines"]) {
          long& best = lines[{rel, l.value("line_number", 0)}];
          best = std::max(best, l.value("count", 0L));
        }
      }
    }
  }
  std::map<std::string, std::pair<int, int>> totals;
  for (const auto& [key, count] : lines) {
    auto& t = totals[owner[key.first]];
    ++t.first;
    if (count > 0) ++t.second;
  }
  for (auto& [header, t] : totals) {
    out[header].statements = t.first;
    out[header].after = t.first ? 100.0 * t.second / t.first : 0.0;
  }
  return out;
}

void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes) {
  std::string calls;
  for (const auto& c : cases) {
    if (!characterizable(c)) continue;
    for (const auto& r : c.rows) {
      std::vector<std::string> args;
      for (const auto& a : r.args) args.push_back(a.value);
      calls += "  record(" + nlohmann::json(c.id).dump() + ", " + nlohmann::json(r.label).dump() + ", [] { return " +
               c.target + "(" + util::join(args, ", ") + "); });\n";
    }
  }
  if (calls.empty()) return;
  std::string tmpl = (fs::temp_directory_path() / "copilot-cpp-char-XXXXXX").string();
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
      "#include <iomanip>\n#include <iostream>\n#include <sstream>\n#include <string>\n"
      "#include <type_traits>\n#include <vector>\n\n#include \"" +
      module.import_name + "\"\n" + R"CPP(
        namespace {

        std::string lit(bool v) {
          return v ? "true" : "false";
        }
        std::string lit(const std::string& s) {
          std::string out = "\"";
          for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '\n') {
              out += "\\n";
              continue;
            }
            out += c;
          }
          return out + "\"";
        }
        template <typename T>
        std::string lit(const T& v) {
          if constexpr (std::is_integral_v<T>) {
            return std::to_string(v);
          } else if constexpr (std::is_floating_point_v<T>) {
            std::ostringstream o;
            o << std::setprecision(17) << v;
            std::string s = o.str();
            return s.find_first_of(".ein") == std::string::npos ? s + ".0" : s;
          } else {
            std::string out = "{";
            for (const auto& x : v) out += (out.size() > 1 ? ", " : "") + lit(x);
            return out + "}";
          }
        }

        template <typename F>
        void record(const char* id, const char* label, F f) {
          std::string seen[2];
          for (auto& out : seen) {
            try {
              out = "=" + lit(f());
            } catch (...) {
              out = "!throw";
            }
          }
          std::cout << id << '\t' << label << '\t' << (seen[0] == seen[1] ? seen[0] : "?") << '\n';
        }

        }  // namespace

        int main() {
      )CPP" +
      calls + "}\n";
  if (!util::write_file_atomic(dir / "harness.cpp", source)) return;
  util::ProcessRequest build;
  build.argv = {"g++",
                "-std=c++17",
                "-O0",
                "-w",
                "-I" + ctx.root.string(),
                "-I" + (ctx.root / "include").string(),
                (dir / "harness.cpp").string()};
  if (!module.import_root.empty()) build.argv.push_back((ctx.root / module.import_root).string());
  build.argv.insert(build.argv.end(), {"-o", (dir / "harness").string()});
  build.cwd = dir;
  build.timeout = std::chrono::seconds(300);
  auto built = util::run_process(build);
  if (!built || built->exit_code != 0) {
    notes.push_back(module.path + ": --characterize could not build its harness: " +
                    (built ? first_error(built->err) : built.error().message));
    return;
  }
  util::ProcessRequest run{{(dir / "harness").string()}};
  run.cwd = dir;
  run.timeout = std::chrono::seconds(120);
  auto ran = util::run_process(run);
  if (!ran || ran->timed_out) {
    notes.push_back(module.path + ": --characterize did not finish");
    return;
  }
  nlohmann::json results = nlohmann::json::object();
  for (auto line : util::split_lines(ran->out)) {
    auto parts = util::split(line, '\t');
    if (parts.size() != 3) continue;
    std::string id(parts[0]), label(parts[1]), value(parts[2]);
    nlohmann::json rec = value == "!throw"               ? nlohmann::json{{"error", "throw"}}
                         : util::starts_with(value, "=") ? nlohmann::json{{"expected", value.substr(1)}}
                                                         : nlohmann::json{{"skip", "not deterministic"}};
    results[id][label] = rec;
  }
  apply_characterization(cases, results);
}

}  // namespace copilot::testgen::cpp
