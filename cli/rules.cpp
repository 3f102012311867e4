// `copilot rules list|test`
#include <fmt/format.h>

#include "commands.h"
#include "review/rule.h"
#include "review/rule_test.h"
#include "review/taint/taint.h"

namespace copilot::cli {
namespace {

struct RulesFlags {
  std::vector<std::string> dirs;
};

review::RuleSet load(const RulesFlags& flags, bool require_examples, bool compile = true) {
  std::vector<std::filesystem::path> dirs(flags.dirs.begin(), flags.dirs.end());
  if (dirs.empty()) dirs.push_back(review::builtin_rules_dir());
  auto set = review::load_rules(dirs, require_examples, compile);
  if (!set) throw Failure{kUsage, set.error().message};
  return std::move(*set);
}

int list(const RulesFlags& flags, const GlobalOptions& global) {
  load_config(global, ".");
  auto set = load(flags, false, false);
  std::string out;
  for (const auto& r : set.rules)
    out += fmt::format("{:<40} {:<12} {:<8} {:.2f}  {}\n", r.id, r.agent, review::to_string(r.severity), r.confidence,
                       r.summary);
  for (const auto& t : set.taint) {
    auto info = review::taint_rule_info(*t);
    out += fmt::format("{:<40} {:<12} {:<8} taint {}\n", info.id, info.agent, review::to_string(info.severity),
                       info.summary);
  }
  out += fmt::format("{} pattern rules, {} taint rules\n", set.rules.size(), set.taint.size());
  emit(out, std::nullopt);
  return kOk;
}

int validate(const RulesFlags& flags, const GlobalOptions& global) {
  load_config(global, ".");
  auto set = load(flags, true);
  emit(fmt::format("{} rules valid, each with positive and negative examples\n", set.rules.size() + set.taint.size()),
       std::nullopt);
  return kOk;
}

int test(const RulesFlags& flags, const GlobalOptions& global) {
  config::Config cfg = load_config(global, ".");
  auto set = load(flags, true);
  auto report = review::test_rules(set, cfg.jobs);
  std::string out;
  for (const auto& f : report.failures) out += fmt::format("{}:{}: {}\n", f.file, f.line, f.message);
  int failed_files = 0;
  std::string last;
  for (const auto& f : report.failures)
    if (f.file != last) {
      ++failed_files;
      last = f.file;
    }
  out += fmt::format("{} passed, {} failed\n", report.examples - failed_files, failed_files);
  emit(out, std::nullopt);
  return report.failures.empty() ? kOk : kGateFailed;
}

}  // namespace

void attach_rules(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<RulesFlags>();
  sub.require_subcommand(1);
  struct Sub {
    const char* name;
    const char* summary;
    int (*run)(const RulesFlags&, const GlobalOptions&);
  };
  static const Sub kSubs[] = {
      {"list", "List the rules", list},
      {"validate", "Load every rule and require its example files (fails on any problem)", validate},
      {"test", "Run every rule's positive and negative examples", test},
  };
  for (const auto& s : kSubs) {
    CLI::App* cmd = sub.add_subcommand(s.name, s.summary);
    cmd->add_option("--rules", flags->dirs, "Rule directory (default: the built-in rules)");
    auto fn = s.run;
    cmd->callback([flags, &global, &run, fn] { run = [flags, &global, fn] { return fn(*flags, global); }; });
  }
}

}  // namespace copilot::cli
