#pragma once
// --llm: a language model writes the tests the code alone could not make
// concrete. Each skeleton's unit is offered to the model; an answer replaces
// the skeleton only when it names that unit, defines the test under the name
// asked for, and parses. --verify then keeps only those that pass.
#include <string>
#include <string_view>
#include <vector>

#include "llm/llm.h"
#include "testgen/work.h"

namespace copilot::testgen {

/// Replaces skeletons of `w` with model-written tests; problems go to `notes`.
void fill_with_model(llm::Client& client, ModuleWork& w, std::string_view source, std::vector<std::string>& notes);

/// After --verify: a passing model-written test stays only when it adds
/// coverage of its module to what the other generated tests (and the model's
/// tests kept before it) cover. One coverage run per language, then one per
/// model test of the module that has the most. Where the language has no
/// coverage runner, or a run fails, they stay and a note says so.
void drop_model_tests_without_coverage(const RunContext& ctx, std::vector<ModuleWork>& work, VerifySummary& summary,
                                       std::vector<std::string>& notes);

}  // namespace copilot::testgen
