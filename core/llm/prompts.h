#pragma once
// Prompt templates (templates/prompts/*.mustache, compiled in and
// overridable) and structured answers: each answer is checked against its
// JSON schema (schemas/llm-*.schema.json), repaired once by quoting the
// problem back to the model, and dropped with a note if still wrong.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "llm/llm.h"
#include "util/result.h"

namespace copilot::llm {

/// Renders templates/prompts/<name>.mustache with `context`; a file of that
/// name under `overrides`/prompts/ wins.
Result<std::string> render_prompt(const std::string& name, const nlohmann::json& context,
                                  const std::string& overrides = "");

/// The compiled-in schema schemas/<file>.
const nlohmann::json& answer_schema(const std::string& file);

/// The JSON object in a model's answer: the whole text, or the first fenced
/// ```json block, or the outermost {...}.
std::optional<nlohmann::json> extract_json(std::string_view answer);

/// The first problem of `answer` against `schema`, or nullopt when it fits.
std::optional<std::string> schema_problem(const std::optional<nlohmann::json>& answer, const nlohmann::json& schema);

struct StructuredAnswer {
  std::optional<nlohmann::json> value;  ///< fits the schema, placeholders restored
  std::string note;                     ///< why there is no value
  bool repaired = false;
  bool dropped = false;  ///< an answer came but did not fit; otherwise the client has noted why none came
};

/// Asks for an answer of `schema`'s shape, with one repair round.
StructuredAnswer ask_json(Client& client, ChatRequest request, const nlohmann::json& schema,
                          std::string_view path = "");

}  // namespace copilot::llm
