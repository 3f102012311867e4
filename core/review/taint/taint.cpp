#include "review/taint/taint.h"

#include "review/taint/taint_rule.h"

namespace copilot::review {

Result<std::shared_ptr<const TaintRule>> load_taint_rule(const YAML::Node&, const std::filesystem::path& file) {
  return Error{file.string() + ":1: taint rules are not supported yet"};
}

const std::string& taint_rule_id(const TaintRule& rule) { return rule.id; }
bool taint_rule_applies(const TaintRule&, std::string_view, std::string_view) { return false; }
RuleInfo taint_rule_info(const TaintRule& rule) { return rule.info; }
std::string taint_rule_agent(const TaintRule& rule) { return rule.info.agent; }

std::vector<Finding> run_taint_rules(const std::vector<const TaintRule*>&, const SourceUnit&,
                                     std::vector<std::string>&) {
  return {};
}

}  // namespace copilot::review
