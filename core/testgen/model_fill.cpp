#include "testgen/model_fill.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "llm/prompts.h"
#include "syntax/syntax.h"
#include "testgen/markers.h"
#include "util/files.h"
#include "util/strings.h"

namespace copilot::testgen {
namespace {

constexpr int kAnswerTokens = 4000;

std::string identifier(std::string_view unit) {
  std::string out;
  for (char c : unit) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

/// How the model must write a test for one framework.
struct Convention {
  std::string language, how_to_import;
  std::string (*name)(const TestCase& skeleton);  ///< the test name asked for
  std::string (*found)(const std::string& name);  ///< the same as test_names() reports it
};

std::string same(const std::string& name) {
  return name;
}

Convention convention_for(std::string_view framework) {
  if (framework == "pytest")
    return {"Python",
            "The module under test is imported for you: write `$M.name` for its functions and classes "
            "(for example `$M.parse(text)`). pytest is imported.",
            [](const TestCase& s) { return "test_llm_" + identifier(s.unit); }, same};
  if (framework == "jest")
    return {"JavaScript or TypeScript",
            "The module under test is required for you: write `$M.name` for its exports. "
            "Use `test(\"<name>\", () => { ... })` with exactly the name given.",
            [](const TestCase& s) { return s.unit + ":llm"; }, same};
  if (framework == "go test")
    return {"Go",
            "The test file is an external test package that imports the package under test: write `$M.Name` "
            "for its exported names. `testing` and `reflect` are imported.",
            [](const TestCase& s) { return "TestLlm_" + identifier(s.unit); }, same};
  return {"C++",
          "The header under test is included and GoogleTest is available; write one TEST(LlmGenerated, "
          "<name>) with exactly the name given.",
          [](const TestCase& s) { return "Llm_" + identifier(s.unit); },
          [](const std::string& name) { return "LlmGenerated." + name; }};
}

/// The module's text, or only its skeleton units when the whole would not fit the request budget.
std::string source_for_prompt(const ModuleWork& w, std::string_view source, long long budget,
                              const std::vector<const TestCase*>& skeletons) {
  if (llm::estimate_tokens(source) <= budget) return std::string(source);
  auto lines = util::split_lines(source);
  std::string out;
  for (const auto& u : w.module.units) {
    if (std::none_of(skeletons.begin(), skeletons.end(), [&](const TestCase* s) { return s->unit == u.qualname; }))
      continue;
    for (int l = u.line; l <= u.end_line && l <= static_cast<int>(lines.size()); ++l)
      out += std::string(lines[l - 1]) + "\n";
    out += "...\n";
  }
  return out;
}

/// Ids of the model-written tests of `w` that passed --verify.
std::vector<std::string> passing_model_tests(const ModuleWork& w) {
  std::vector<std::string> out;
  for (const auto& u : w.result.units)
    for (const auto& c : u.cases)
      if (c.kind == "llm" && c.status == "passed") out.push_back(c.id);
  return out;
}

std::filesystem::path test_file_of(const RunContext& ctx, const ModuleWork& w) {
  std::filesystem::path p(w.result.test_file);
  return p.is_absolute() ? p : ctx.root / p;
}

}  // namespace

void drop_model_tests_without_coverage(const RunContext& ctx, std::vector<ModuleWork>& work, VerifySummary& summary,
                                       std::vector<std::string>& notes) {
  struct Candidate {
    ModuleWork* work;
    std::string original;            ///< the test file after --verify
    std::vector<std::string> tests;  ///< passing model tests, in file order
    std::set<std::string> kept;      ///< those that added coverage so far
    double coverage = 0;             ///< of the module with `kept`
  };
  std::map<const LanguageSupport*, std::vector<Candidate>> by_lang;
  for (auto& w : work)
    if (w.touched)
      if (auto ids = passing_model_tests(w); !ids.empty()) {
        auto text = util::read_file(test_file_of(ctx, w));
        if (text) by_lang[w.lang].push_back({&w, *text, std::move(ids), {}, 0});
      }
  for (auto& [lang, candidates] : by_lang) {
    if (!lang->coverage) {
      notes.push_back("llm: coverage is not measured for " + std::string(lang->framework) +
                      " tests; the model's passing tests are kept");
      continue;
    }
    // Each file with only the model tests in `keep` (the others cut out).
    auto write_keeping = [&](Candidate& c, const std::set<std::string>& keep, const std::string& why) {
      std::string text = c.original;
      for (const auto& id : c.tests)
        if (!keep.count(id)) remove_block(text, lang->comment, id, why);
      (void)util::write_file_atomic(test_file_of(ctx, *c.work), text);
    };
    std::vector<std::string> tests, sources;
    for (auto& c : candidates) {
      tests.push_back(c.work->result.test_file);
      sources.push_back(c.work->module.path);
    }
    // Greedy, one round per model test: a test stays when the module's
    // coverage with it beats the coverage with the tests kept before it.
    // A round measures the i-th test of every module at once.
    size_t rounds = 0;
    for (auto& c : candidates) rounds = std::max(rounds, c.tests.size());
    std::optional<std::string> failure;
    for (size_t round = 0; round <= rounds && !failure; ++round) {
      for (auto& c : candidates) {
        std::set<std::string> trial = c.kept;
        if (round > 0 && round <= c.tests.size()) trial.insert(c.tests[round - 1]);
        write_keeping(c, trial, "measured without it");
      }
      auto measured = lang->coverage(ctx, tests, sources);
      if (!measured) {
        failure = measured.error().message;
        break;
      }
      for (auto& c : candidates) {
        double now = (*measured)[c.work->module.path].after;
        if (round == 0) {
          c.coverage = now;
        } else if (round <= c.tests.size() && now > c.coverage + 1e-9) {
          c.kept.insert(c.tests[round - 1]);
          c.coverage = now;
        }
      }
    }
    for (auto& c : candidates) {
      if (failure) {
        (void)util::write_file_atomic(test_file_of(ctx, *c.work), c.original);
        continue;
      }
      const std::string why = "added no coverage under --verify";
      write_keeping(c, c.kept, why);
      for (auto& u : c.work->result.units)
        for (auto& r : u.cases)
          if (r.kind == "llm" && r.status == "passed" && !c.kept.count(r.id)) {
            r.status = "removed";
            r.detail = why;
            ++summary.removed;
            --summary.passed;
          }
    }
    if (failure)
      notes.push_back("llm: coverage of the model's tests could not be measured (" + *failure + "); they are kept");
  }
}

void fill_with_model(llm::Client& client, ModuleWork& w, std::string_view source, std::vector<std::string>& notes) {
  std::vector<const TestCase*> skeletons;
  for (const auto& c : w.cases)
    if (c.kind == TestCase::Kind::skeleton) skeletons.push_back(&c);
  if (skeletons.empty() || client.stopped()) return;
  const LanguageSupport& lang = *w.lang;
  Convention conv = convention_for(lang.framework);
  nlohmann::json units = nlohmann::json::array();
  for (const TestCase* s : skeletons)
    units.push_back({{"unit", s->unit + " (test name: " + conv.name(*s) + ")"}, {"reason", s->reason}});
  nlohmann::json context = {{"framework", std::string(lang.framework)},
                            {"language", conv.language},
                            {"path", w.module.path},
                            {"how_to_import", conv.how_to_import},
                            {"units", units},
                            {"source", source_for_prompt(w, source, client.request_tokens(), skeletons)}};
  auto system = llm::render_prompt("gen_tests.system", context, client.prompts_dir());
  auto user = llm::render_prompt("gen_tests.user", context, client.prompts_dir());
  if (!system || !user) {
    notes.push_back("llm: " + (system ? user.error().message : system.error().message));
    return;
  }
  llm::ChatRequest request;
  request.tier = "bulk";
  request.messages = {{"system", *system}, {"user", *user}};
  request.max_tokens = kAnswerTokens;
  auto answer = llm::ask_json(client, request, llm::answer_schema("llm-tests.schema.json"), w.module.path);
  if (!answer.value) {
    if (answer.dropped) notes.push_back(w.module.path + ": llm: " + answer.note);
    return;
  }
  for (const auto& test : (*answer.value)["tests"]) {
    std::string unit = test["unit"].get<std::string>();
    auto it = std::find_if(w.cases.begin(), w.cases.end(), [&](const TestCase& c) {
      return c.kind == TestCase::Kind::skeleton && (c.unit == unit || util::starts_with(unit, c.unit + " "));
    });
    if (it == w.cases.end()) {
      notes.push_back(w.module.path + ": llm: a test for '" + unit + "', which has no skeleton; dropped");
      continue;
    }
    TestCase candidate = *it;
    candidate.kind = TestCase::Kind::model;
    candidate.id = it->unit + ":llm";
    candidate.code = test["code"].get<std::string>();
    if (candidate.code.empty() || candidate.code.back() != '\n') candidate.code += '\n';
    std::string block = lang.render_block(w.module, candidate);
    auto names = lang.test_names(block);
    std::string wanted = conv.found(conv.name(*it));
    if (std::find(names.begin(), names.end(), wanted) == names.end()) {
      notes.push_back(w.module.path + ": llm: the test for " + it->unit + " is not named " + wanted + "; dropped");
      continue;
    }
    auto tree = syntax::parse(lang.grammar, block);
    if (!tree || tree->has_error()) {
      notes.push_back(w.module.path + ": llm: the test for " + it->unit + " does not parse; dropped");
      continue;
    }
    std::erase_if(w.skipped, [&](const SkippedUnit& s) { return s.unit == it->unit; });
    *it = std::move(candidate);
  }
}

}  // namespace copilot::testgen
