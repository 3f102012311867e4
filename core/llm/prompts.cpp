#include "llm/prompts.h"

#include <map>
#include <mutex>

#include "plan/templates.h"
#include "util/json_schema.h"
#include "util/schemas.h"

namespace copilot::llm {

Result<std::string> render_prompt(const std::string& name, const nlohmann::json& context,
                                  const std::string& overrides) {
  plan::TemplateSet set(overrides.empty() ? std::nullopt : std::optional<std::filesystem::path>(overrides));
  auto text = set.get("prompts/" + name + ".mustache");
  if (!text) return text.error();
  return plan::render_template(*text, context);
}

const nlohmann::json& answer_schema(const std::string& file) {
  static std::mutex mutex;
  static std::map<std::string, nlohmann::json> parsed;
  std::lock_guard lock(mutex);
  auto it = parsed.find(file);
  if (it == parsed.end()) it = parsed.emplace(file, nlohmann::json::parse(embedded_schemas().at(file))).first;
  return it->second;
}

std::optional<nlohmann::json> extract_json(std::string_view answer) {
  auto parse = [](std::string_view text) -> std::optional<nlohmann::json> {
    try {
      return nlohmann::json::parse(text);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  if (auto whole = parse(answer)) return whole;
  if (size_t fence = answer.find("```"); fence != std::string_view::npos) {
    size_t body = answer.find('\n', fence);
    size_t close = body == std::string_view::npos ? body : answer.find("```", body);
    if (close != std::string_view::npos)
      if (auto fenced = parse(answer.substr(body + 1, close - body - 1))) return fenced;
  }
  size_t open = answer.find('{'), close = answer.rfind('}');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    return parse(answer.substr(open, close - open + 1));
  return std::nullopt;
}

std::optional<std::string> schema_problem(const std::optional<nlohmann::json>& answer, const nlohmann::json& schema) {
  if (!answer) return "the answer is not JSON";
  auto lookup = [](const std::string& name) -> const nlohmann::json* {
    try {
      return &answer_schema(name);
    } catch (const std::exception&) {
      return nullptr;
    }
  };
  auto violation = util::check_json_schema(*answer, schema, lookup);
  if (!violation) return std::nullopt;
  return (violation->field.empty() ? "" : violation->field + ": ") + violation->problem;
}

StructuredAnswer ask_json(Client& client, ChatRequest request, const nlohmann::json& schema, std::string_view path) {
  request.json_schema = schema;
  StructuredAnswer out;
  auto first = client.chat_redacted(request, path);
  if (!first.response) {
    out.note = first.failure.message;
    return out;
  }
  auto value = extract_json(first.response->content);
  auto problem = schema_problem(value, schema);
  if (problem) {
    // One repair: the model sees its answer and what is wrong with it. The
    // answer still holds placeholders, so nothing is un-redacted on the way.
    request.messages.push_back({"assistant", first.response->content});
    request.messages.push_back({"user", "Your answer does not match the required JSON schema: " + *problem +
                                            ". Reply with the corrected JSON object only, no prose."});
    auto second = client.chat_redacted(request, path);
    if (!second.response) {
      out.note = second.failure.message;
      return out;
    }
    value = extract_json(second.response->content);
    auto still = schema_problem(value, schema);
    if (still) {
      client.count_dropped();
      out.dropped = true;
      out.note = "answer dropped: it did not match the schema after one repair (" + *still + ")";
      return out;
    }
    out.repaired = true;
  }
  client.redactor().restore(*value);
  out.value = std::move(value);
  return out;
}

}  // namespace copilot::llm
