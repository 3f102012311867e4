#include "release/readiness_reports.h"

#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>

#include "util/files.h"
#include "util/strings.h"

namespace copilot::release {
namespace {

/// pugixml never throws on bad input: it reports a status and the byte offset
/// where parsing stopped, which becomes a line number here.
Result<pugi::xml_document*> load_xml(const std::filesystem::path& path, const std::string& text,
                                     pugi::xml_document& doc) {
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    size_t offset = parsed.offset < 0 ? 0 : static_cast<size_t>(parsed.offset);
    return Error{path.string() + ":" + std::to_string(util::line_of_offset(text, std::min(offset, text.size()))) +
                 ": malformed XML: " + parsed.description()};
  }
  return &doc;
}

std::optional<long> whole_number(const char* text) {
  errno = 0;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (end == text || !util::trim(end).empty() || errno != 0 || value < 0) return std::nullopt;
  return value;
}

void read_case(const pugi::xml_node& testcase, TestTotals& totals) {
  ++totals.tests;
  bool failed = false;
  if (testcase.child("failure")) {
    ++totals.failures;
    failed = true;
  } else if (testcase.child("error")) {
    ++totals.errors;
    failed = true;
  } else if (testcase.child("skipped")) {
    ++totals.skipped;
  }
  if (!failed) return;
  std::string name = testcase.attribute("name").as_string();
  std::string classname = testcase.attribute("classname").as_string();
  totals.failed.push_back(classname.empty() ? name : classname + "." + name);
}

/// A suite's own counters, for reports that list no cases (some runners
/// summarise skipped or aggregated suites that way).
Result<void> read_suite_counters(const pugi::xml_node& suite, const std::string& where, TestTotals& totals) {
  for (auto [name, field] : {std::pair{"tests", &TestTotals::tests}, std::pair{"failures", &TestTotals::failures},
                             std::pair{"errors", &TestTotals::errors}, std::pair{"skipped", &TestTotals::skipped}}) {
    pugi::xml_attribute attribute = suite.attribute(name);
    if (!attribute) continue;
    auto n = whole_number(attribute.value());
    if (!n) return Error{where + ": <testsuite> attribute " + name + "=\"" + attribute.value() + "\" is not a count"};
    totals.*field += static_cast<int>(*n);
  }
  return {};
}

Result<void> read_suite(const pugi::xml_node& suite, const std::string& where, TestTotals& totals) {
  bool has_children = false;
  for (const pugi::xml_node& child : suite.children()) {
    std::string_view name = child.name();
    if (name == "testcase") {
      read_case(child, totals);
      has_children = true;
    } else if (name == "testsuite") {
      if (auto r = read_suite(child, where, totals); !r) return r;
      has_children = true;
    }
  }
  if (!has_children && std::string_view(suite.name()) == "testsuite") return read_suite_counters(suite, where, totals);
  return {};
}

}  // namespace

Result<void> read_junit(const std::filesystem::path& path, TestTotals& totals) {
  auto text = util::read_file(path);
  if (!text) return Error{path.string() + ": cannot read: " + text.error().message};
  pugi::xml_document doc;
  if (auto loaded = load_xml(path, *text, doc); !loaded) return loaded.error();
  pugi::xml_node root = doc.document_element();
  std::string_view name = root.name();
  if (name != "testsuites" && name != "testsuite")
    return Error{path.string() + ": not a JUnit report (root element <" + std::string(name) +
                 ">, expected <testsuites> or <testsuite>)"};
  return read_suite(root, path.string(), totals);
}

Result<double> read_line_coverage(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text) return Error{path.string() + ": cannot read: " + text.error().message};
  std::string_view body = util::trim(*text);
  if (util::starts_with(body, "<")) {
    pugi::xml_document doc;
    if (auto loaded = load_xml(path, *text, doc); !loaded) return loaded.error();
    pugi::xml_node root = doc.document_element();
    pugi::xml_attribute rate = root.attribute("line-rate");
    if (std::string_view(root.name()) != "coverage" || !rate)
      return Error{path.string() + ": not a Cobertura report (no <coverage line-rate=...> root)"};
    char* end = nullptr;
    double value = std::strtod(rate.value(), &end);
    if (end == rate.value() || *end != '\0' || !(value >= 0 && value <= 1))
      return Error{path.string() + ": line-rate=\"" + rate.value() + "\" is not a ratio between 0 and 1"};
    return value * 100;
  }
  try {
    auto doc = nlohmann::json::parse(*text);
    // coverage.py's `coverage json`, or copilot gen-tests --coverage (with the generated tests).
    for (const char* pointer : {"/totals/percent_covered", "/coverage/after"}) {
      nlohmann::json::json_pointer at(pointer);
      if (!doc.contains(at)) continue;
      if (!doc[at].is_number()) return Error{path.string() + ": " + pointer + " is not a number"};
      return doc[at].get<double>();
    }
    return Error{path.string() + ": a JSON report without totals.percent_covered (coverage.py) or coverage.after"};
  } catch (const nlohmann::json::exception& e) {
    return Error{path.string() + ": neither Cobertura XML nor coverage.py JSON (" + e.what() + ")"};
  }
}

Result<SbomSummary> read_cyclonedx(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text) return Error{path.string() + ": cannot read: " + text.error().message};
  nlohmann::json bom;
  try {
    bom = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::exception& e) {
    return Error{path.string() + ": not JSON: " + e.what()};
  }
  if (!bom.is_object() || bom.value("bomFormat", nlohmann::json()) != "CycloneDX")
    return Error{path.string() + ": bomFormat is not \"CycloneDX\""};
  auto spec = bom.find("specVersion");
  if (spec == bom.end() || !spec->is_string() || spec->get<std::string>().empty())
    return Error{path.string() + ": specVersion is missing"};
  auto components = bom.find("components");
  if (components == bom.end() || !components->is_array())
    return Error{path.string() + ": components is missing or not a list"};
  return SbomSummary{spec->get<std::string>(), components->size()};
}

}  // namespace copilot::release
