// `copilot completion bash|zsh`: shell completion scripts generated from the
// CLI11 command tree itself, so they list exactly the subcommands and options
// the binary accepts and can never drift from it.
#include <fmt/format.h>

#include "commands.h"

namespace copilot::cli {
namespace {

struct OptionSpec {
  std::vector<std::string> names;  // "-f", "--format"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;  // from CLI::IsMember, when the option has one
};

struct CommandSpec {
  std::string id;  // shell-safe path: copilot_rules_list
  std::vector<OptionSpec> options;
  std::vector<std::pair<std::string, std::string>> subcommands;  // name, summary
  bool takes_paths = false;                                      // positional arguments without choices
  std::vector<std::string> positional_choices;                   // a positional's choices (IsMember)
};

// CLI11 renders an IsMember validator as "{a,b,c}" in the option's type name.
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  auto open = type.find('{'), close = type.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type.substr(open + 1, close - open - 1);
  for (size_t start = 0; start <= list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Depth-first, parents before children; hidden options and subcommands (empty group) are left out.
void walk(const CLI::App& app, const std::string& id, std::vector<CommandSpec>& out) {
  CommandSpec spec;
  spec.id = id;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;
    if (!opt->nonpositional()) {
      auto choices = choices_of(*opt);
      if (choices.empty()) spec.takes_paths = true;
      spec.positional_choices.insert(spec.positional_choices.end(), choices.begin(), choices.end());
      continue;
    }
    OptionSpec o;
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.description = opt->get_description();
    o.takes_value = opt->get_expected_max() > 0;  // flags expect 0 values
    if (o.takes_value) o.choices = choices_of(*opt);
    spec.options.push_back(std::move(o));
  }
  auto subs = app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty() && !s->get_disabled(); });
  for (const CLI::App* sub : subs) spec.subcommands.emplace_back(sub->get_name(), sub->get_description());
  out.push_back(std::move(spec));
  for (const CLI::App* sub : subs) walk(*sub, id + "_" + sub->get_name(), out);
}

std::string join(const std::vector<std::string>& words, const char* separator) {
  return fmt::format("{}", fmt::join(words, separator));
}

std::vector<std::string> value_options(const CommandSpec& c, bool with_choices) {
  std::vector<std::string> names;
  for (const auto& o : c.options)
    if (o.takes_value && o.choices.empty() != with_choices) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

// Shell case patterns "cmd word" for each name, joined with |.
std::string patterns(const std::string& id, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(fmt::format("\"{} {}\"", id, n));
  return join(out, "|");
}

// The words before the cursor choose the command; an option's value is skipped.
// `lparen` opens a case pattern ("(" in zsh); `word_at_i` is the shell's word i.
std::string command_walk(const std::vector<CommandSpec>& tree, const char* lparen, const char* word_at_i) {
  std::string out;
  for (const auto& c : tree) {
    for (const auto& [name, summary] : c.subcommands)
      out += fmt::format("      {}\"{} {}\") cmd={}_{} ;;\n", lparen, c.id, name, c.id, name);
    if (auto valued = value_options(c, false), chosen = value_options(c, true); !valued.empty() || !chosen.empty()) {
      valued.insert(valued.end(), chosen.begin(), chosen.end());
      out +=
          fmt::format("      {}{}) ((i++)); [[ {} == = ]] && ((i++)) ;;\n", lparen, patterns(c.id, valued), word_at_i);
    }
  }
  return out;
}

std::string bash_script(const std::vector<CommandSpec>& tree) {
  std::string values, commands;
  for (const auto& c : tree) {
    for (const auto& o : c.options)
      if (!o.choices.empty())
        values += fmt::format("    {}) _copilot_reply -W \"{}\" ;;\n", patterns(c.id, o.names), join(o.choices, " "));
    if (auto files = value_options(c, false); !files.empty())
      values += fmt::format("    {}) _copilot_reply -f ;;\n", patterns(c.id, files));
    std::vector<std::string> opts, subs = c.positional_choices;
    for (const auto& o : c.options) opts.insert(opts.end(), o.names.begin(), o.names.end());
    for (const auto& s : c.subcommands) subs.push_back(s.first);
    commands += fmt::format("    {}) opts=\"{}\" subs=\"{}\" paths={} ;;\n", c.id, join(opts, " "), join(subs, " "),
                            c.takes_paths ? 1 : 0);
  }
  return fmt::format(R"(# bash completion for copilot. Generated by `copilot completion bash`: do not edit.

# _copilot_reply -W WORDS | -f: completions of $cur from WORDS, or file names.
_copilot_reply() {{
  if [[ $1 == -f ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY < <(compgen -f -- "$cur")
  else
    mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY < <(compgen -W "$2" -- "$cur")
  fi
}}

_copilot() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD - 1]}} cmd=copilot i
  COMPREPLY=()
  # COMP_WORDBREAKS splits --option=value into "--option" "=" "value".
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]]; then
    prev=${{COMP_WORDS[COMP_CWORD - 2]}}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$cmd ${{COMP_WORDS[i]}}" in
{}    esac
  done
  case "$cmd $prev" in
{}  esac
  ((${{#COMPREPLY[@]}})) && return
  local opts subs paths
  case $cmd in
{}  esac
  if [[ $cur == -* ]]; then
    _copilot_reply -W "$opts"
    return
  fi
  _copilot_reply -W "$subs"
  ((paths)) && _copilot_reply -f
  return 0
}}

complete -F _copilot copilot
)",
                     command_walk(tree, "", "${COMP_WORDS[i]}"), values, commands);
}

std::string zsh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string zsh_script(const std::vector<CommandSpec>& tree) {
  std::string values, commands;
  for (const auto& c : tree) {
    for (const auto& o : c.options)
      if (!o.choices.empty())
        values += fmt::format("    ({}) compadd -- {}; return ;;\n", patterns(c.id, o.names), join(o.choices, " "));
    if (auto files = value_options(c, false); !files.empty())
      values += fmt::format("    ({}) _files; return ;;\n", patterns(c.id, files));
    std::vector<std::string> opts, subs;
    for (const auto& o : c.options)
      for (const auto& n : o.names) opts.push_back(zsh_quote(n + ":" + o.description));
    for (const auto& [name, summary] : c.subcommands) subs.push_back(zsh_quote(name + ":" + summary));
    for (const auto& choice : c.positional_choices) subs.push_back(zsh_quote(choice));
    commands += fmt::format("    ({})\n      opts=({})\n      subs=({})\n      paths={} ;;\n", c.id, join(opts, " "),
                            join(subs, " "), c.takes_paths ? 1 : 0);
  }
  return fmt::format(R"(#compdef copilot
# zsh completion for copilot. Generated by `copilot completion zsh`: do not edit.

_copilot() {{
  local cmd=copilot cur=${{words[CURRENT]}} prev=${{words[CURRENT-1]}} i
  local -a opts subs
  local paths=0
  for ((i = 2; i < CURRENT; i++)); do
    case "$cmd ${{words[i]}}" in
{}    esac
  done
  if [[ $cur == --*=* ]]; then
    prev=${{cur%%=*}}
    compset -P '*='
  fi
  case "$cmd $prev" in
{}  esac
  case $cmd in
{}  esac
  if [[ $cur == -* ]]; then
    _describe -t options option opts
    return
  fi
  ((${{#subs}})) && _describe -t commands command subs
  ((paths)) && _files
  return 0
}}

_copilot "$@"
)",
                     command_walk(tree, "(", "${words[i]}"), values, commands);
}

}  // namespace

void attach_completion(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  (void)global;
  auto shell = std::make_shared<std::string>();
  auto output = std::make_shared<std::optional<std::string>>();
  sub.add_option("shell", *shell, "Shell to complete for: bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
  sub.add_option("-o,--output", *output, "Write the script to FILE (atomically)");
  sub.callback([&sub, shell, output, &run] {
    run = [&sub, shell, output] {
      std::vector<CommandSpec> tree;
      walk(*sub.get_parent(), "copilot", tree);
      emit(*shell == "bash" ? bash_script(tree) : zsh_script(tree), *output);
      return kOk;
    };
  });
}

}  // namespace copilot::cli
