#include "triage/parsers/java.h"

#include <re2/re2.h>

#include "util/strings.h"

namespace copilot::triage::java {

bool parse_frame(std::string_view text, Frame& frame) {
  static const RE2 kFrame(R"(\s*at (?:\S*/)?([\w$.]+)\.[\w$<>\-]+\(([^:()]+):(\d+)\))");
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kFrame, &frame.class_name, &frame.file,
                        &frame.line);
}

std::string source_path(const Frame& frame) {
  size_t dot = frame.class_name.rfind('.');
  if (dot == std::string::npos) return frame.file;
  std::string package = frame.class_name.substr(0, dot);
  for (char& c : package)
    if (c == '.') c = '/';
  return package + "/" + frame.file;
}

bool library_class(std::string_view name) {
  static constexpr std::string_view kPrefixes[] = {"java.",
                                                   "javax.",
                                                   "jdk.",
                                                   "sun.",
                                                   "com.sun.",
                                                   "org.junit.",
                                                   "junit.",
                                                   "org.testng.",
                                                   "org.opentest4j.",
                                                   "org.apache.maven.",
                                                   "org.gradle.",
                                                   "worker.org.gradle.",
                                                   "kotlin.",
                                                   "org.assertj.",
                                                   "org.hamcrest."};
  for (auto p : kPrefixes)
    if (util::starts_with(name, p)) return true;
  return false;
}

FailureKind kind_of_exception(std::string_view line) {
  std::string_view type = line.substr(0, line.find(':'));
  bool assertion = util::contains(type, "Assert") || util::contains(type, "ComparisonFailure") ||
                   util::contains(type, "MultipleFailuresError");
  return assertion ? FailureKind::test_failure : FailureKind::test_error;
}

}  // namespace copilot::triage::java
