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

}  // namespace copilot::testgen
