#pragma once
// What Maven's and Gradle's parsers share: JVM stack frames and test verdicts.
#include <string>
#include <string_view>

#include "triage/triage.h"

namespace copilot::triage::java {

/// "at demo.CalcTest.adds(CalcTest.java:5)", also with a module or class
/// loader prefix ("java.base/", "app//").
struct Frame {
  std::string class_name;  ///< "demo.CalcTest" (nested classes keep their "$Inner")
  std::string file;        ///< "CalcTest.java"
  int line = 0;
};
bool parse_frame(std::string_view text, Frame& frame);

/// Where the frame's source lives relative to a source root: "demo/CalcTest.java".
std::string source_path(const Frame& frame);

/// Frames of the JDK, JUnit, TestNG and the build tools are not the test's code.
bool library_class(std::string_view class_name);

/// Assertion errors are test failures; any other exception is a test error.
FailureKind kind_of_exception(std::string_view exception_line);

}  // namespace copilot::triage::java
