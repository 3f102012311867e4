#include "review/llm_agent.h"

#include <algorithm>

#include "llm/prompts.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

constexpr int kAnswerTokens = 1500;

std::string collapse(std::string_view text) {
  std::string out;
  for (char c : util::trim(text))
    if (!(c == ' ' || c == '\t') || (!out.empty() && out.back() != ' ')) out += (c == '\t' ? ' ' : c);
  return out;
}

std::optional<Finding> to_finding(const nlohmann::json& item, const llm::Chunk& chunk,
                                  const std::vector<std::string_view>& lines) {
  int line = item.at("line").get<int>();
  int end = item.value("end_line", line);
  // The model may only speak about lines it was shown.
  if (line < chunk.shown.first || line > chunk.shown.last) return std::nullopt;
  end = std::clamp(end, line, chunk.shown.last);
  Finding f;
  f.agent = item.at("category").get<std::string>();
  f.rule_id = "llm-" + f.agent;
  f.severity = parse_severity(item.at("severity").get<std::string>()).value_or(Severity::medium);
  f.confidence = item.at("confidence").get<double>();
  f.location = {chunk.path, line, 1, end, 1};
  if (line <= static_cast<int>(lines.size())) {
    f.snippet = std::string(lines[line - 1]);
    f.location.end_column = static_cast<int>(lines[end - 1].size()) + 1;
  }
  f.message = item.at("message").get<std::string>();
  f.rationale = item.value("rationale", "");
  f.fix_text = item.value("fix", "");
  f.fingerprint = collapse(f.snippet) + '\x1f' + f.message;  // hashed with the rule and file later
  return f;
}

}  // namespace

const std::vector<RuleInfo>& llm_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> out;
    for (const char* category : {"architecture", "logic", "performance", "security", "style"})
      out.push_back({std::string("llm-") + category,
                     category,
                     Severity::medium,
                     std::string("A ") + category + " problem a language model found in the change",
                     "Reported by the llm agent (copilot review --llm) from the changed lines and their enclosing "
                     "function; its confidence is the model's own. Check it like a colleague's review comment.",
                     {},
                     {}});
    return out;
  }();
  return rules;
}

std::vector<Finding> llm_review_file(llm::Client& client, const LlmReviewFile& file, Diagnostics& notes) {
  std::vector<Finding> out;
  auto plan = llm::split_change(file.path, file.content, file.grammar, file.changed, client.request_tokens());
  for (auto& s : plan.skipped) notes.add(file.path, std::move(s));
  auto system = llm::render_prompt("review.system", nlohmann::json::object(), client.prompts_dir());
  if (!system) {
    notes.add("", "llm agent: " + system.error().message);
    return out;
  }
  const auto lines = util::split_lines(file.content);
  for (const auto& chunk : plan.chunks) {
    if (client.stopped()) break;
    nlohmann::json context = {
        {"path", chunk.path}, {"language", chunk.language}, {"imports", chunk.imports}, {"code", chunk.code}};
    auto user = llm::render_prompt("review.user", context, client.prompts_dir());
    if (!user) {
      notes.add("", "llm agent: " + user.error().message);
      return out;
    }
    llm::ChatRequest request;
    request.tier = "quality";
    request.messages = {{"system", *system}, {"user", *user}};
    request.max_tokens = kAnswerTokens;
    auto answer = llm::ask_json(client, request, llm::answer_schema("llm-review.schema.json"), file.path);
    if (!answer.value) {
      if (answer.dropped) notes.add(file.path, chunk.shown.first, "llm agent: " + answer.note);
      continue;
    }
    for (const auto& item : (*answer.value)["findings"]) {
      if (auto f = to_finding(item, chunk, lines))
        out.push_back(std::move(*f));
      else
        notes.add(file.path, item.value("line", 0), "llm agent: a finding outside the lines it was shown; dropped");
    }
  }
  return out;
}

void drop_rule_duplicates(std::vector<Finding>& model, const std::vector<Finding>& rules) {
  std::erase_if(model, [&](const Finding& m) {
    return std::any_of(rules.begin(), rules.end(), [&](const Finding& r) {
      int r_end = std::max(r.location.start_line, r.location.end_line);
      int m_end = std::max(m.location.start_line, m.location.end_line);
      return r.location.file == m.location.file && r.agent == m.agent && m.location.start_line <= r_end &&
             r.location.start_line <= m_end;
    });
  });
}

}  // namespace copilot::review
