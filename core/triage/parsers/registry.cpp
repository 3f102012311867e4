// The parser families: one file each in this folder, one row here.
#include "triage/parser.h"

namespace copilot::triage {

std::unique_ptr<LogParser> make_pytest_parser();
std::unique_ptr<LogParser> make_googletest_parser();
std::unique_ptr<LogParser> make_jest_parser();
std::unique_ptr<LogParser> make_go_parser();
std::unique_ptr<LogParser> make_maven_parser();
std::unique_ptr<LogParser> make_gradle_parser();
std::unique_ptr<LogParser> make_compiler_parser();
std::unique_ptr<LogParser> make_tsc_parser();
std::unique_ptr<LogParser> make_build_tool_parser();

const std::vector<ParserFamily>& parser_families() {
  static const std::vector<ParserFamily> families = {
      {"pytest", make_pytest_parser},          // pytest sections and summary; Python tracebacks
      {"googletest", make_googletest_parser},  // GoogleTest and ctest
      {"jest", make_jest_parser},              // Jest and Vitest
      {"go", make_go_parser},                  // go test and go build
      {"maven", make_maven_parser},            // Maven, surefire and its javac errors
      {"gradle", make_gradle_parser},          // Gradle tasks and tests, Kotlin errors
      {"compiler", make_compiler_parser},      // gcc, clang, javac, GNU ld and lld
      {"tsc", make_tsc_parser},                // the TypeScript compiler
      {"build-tool", make_build_tool_parser},  // make, ninja, CMake
  };
  return families;
}

}  // namespace copilot::triage
