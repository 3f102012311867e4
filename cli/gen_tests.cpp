// `copilot gen-tests [PATHS...]`
#include <spdlog/spdlog.h>

#include "commands.h"
#include "llm.h"
#include "testgen/testgen.h"
#include "util/files.h"
#include "util/strings.h"

namespace copilot::cli {
namespace {

struct GenTestsFlags {
  std::vector<std::string> paths;
  std::string root = ".";
  std::string out = "tests/generated";
  std::string framework;
  std::optional<std::string> changed_since;
  bool force = false, verify = false, characterize = false, coverage = false;
  std::optional<std::string> matrix;
  std::string format = "text";
  std::optional<std::string> output;
  std::string python = "/usr/bin/python3";
  unsigned timeout = 900;
  LlmFlags llm;
};

// FILE.md and FILE.json side by side, whichever of the two was named.
void write_matrix(const std::string& path, const testgen::GenTestsReport& report) {
  std::string stem = path;
  if (util::ends_with(stem, ".md"))
    stem.resize(stem.size() - 3);
  else if (util::ends_with(stem, ".json"))
    stem.resize(stem.size() - 5);
  for (auto [file, text] : {std::pair{stem + ".md", testgen::matrix_markdown(report)},
                            std::pair{stem + ".json", testgen::matrix_json(report).dump(2) + "\n"}})
    if (auto r = util::write_file_atomic(file, text); !r) throw Failure{kRuntime, r.error().message};
}

int run(const GenTestsFlags& flags, const GlobalOptions& global) {
  config::Config cfg = load_config(global, flags.root);
  testgen::GenTestsRequest req;
  req.root = flags.root;
  req.paths = flags.paths;
  req.out = flags.out;
  req.framework = flags.framework;
  req.changed_since = flags.changed_since;
  req.force = flags.force;
  req.verify = flags.verify;
  req.characterize = flags.characterize;
  req.coverage = flags.coverage;
  req.jobs = cfg.jobs;
  req.python = flags.python;
  req.timeout = std::chrono::seconds(flags.timeout);
  ProgressLine progress(show_progress(global));
  req.on_progress = [&](const std::string& what) { progress.update("gen-tests: " + what); };
  auto model = make_llm_client(flags.llm, flags.llm.on || cfg.llm.gen_tests, cfg, flags.root);
  req.llm = model.get();
  auto report = testgen::run_gen_tests(req);
  if (!report) throw Failure{report.error().usage ? kUsage : kRuntime, report.error().message};
  for (const auto& n : report->notes) spdlog::info("{}", n);
  if (flags.matrix) write_matrix(*flags.matrix, *report);
  emit(flags.format == "json" ? testgen::to_json(*report).dump(2) + "\n" : testgen::render_text(*report), flags.output);
  return kOk;
}

}  // namespace

void attach_gen_tests(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run_fn) {
  auto f = std::make_shared<GenTestsFlags>();
  sub.add_option("paths", f->paths, "Only generate tests for these files or directories");
  sub.add_option("-C,--root", f->root, "Repository to generate tests for (default: .)");
  sub.add_option("--out", f->out, "Directory for generated test files (default: tests/generated)");
  sub.add_option("--framework", f->framework,
                 "Only this framework's sources: pytest, jest, go or googletest (default: all)")
      ->check(CLI::IsMember({"pytest", "jest", "go", "googletest"}));
  sub.add_option("--changed-since", f->changed_since, "Only units whose code changed since REV (and uncommitted)");
  sub.add_flag("--force", f->force, "Replace generated test files instead of merging into them");
  sub.add_flag("--verify", f->verify, "Run the generated tests and remove those that fail");
  sub.add_flag("--characterize", f->characterize,
               "Run pure functions on generated inputs and record the results as expectations");
  sub.add_flag("--coverage", f->coverage, "Measure line coverage before and after, per file");
  sub.add_option("--matrix", f->matrix, "Write the unit x case x status matrix as FILE.md and FILE.json");
  sub.add_option("-f,--format", f->format, "Summary format: text or json")->check(CLI::IsMember({"text", "json"}));
  sub.add_option("-o,--output", f->output, "Write the summary to FILE (atomically)");
  sub.add_option("--python", f->python, "Python interpreter that runs pytest (default: /usr/bin/python3)");
  sub.add_option("--timeout", f->timeout, "Seconds one test run may take (default: 900)")
      ->check(CLI::Range(1u, 86400u));
  add_llm_options(sub, f->llm, "Let a language model write the tests the code alone gave no concrete test for");
  sub.callback([f, &global, &run_fn] { run_fn = [f, &global] { return run(*f, global); }; });
}

}  // namespace copilot::cli
