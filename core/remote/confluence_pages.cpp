#include "remote/confluence_pages.h"

#include <fmt/format.h>

#include "audit/audit.h"

namespace copilot::remote {
namespace {

/// Length of the UTF-8 sequence starting at `i`, or 0 when it is invalid.
size_t utf8_sequence(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

std::string cell(const std::string& xhtml) {
  return "<td>" + xhtml + "</td>";
}

std::string header_row(std::initializer_list<const char*> names) {
  std::string row = "<tr>";
  for (const char* n : names) row += "<th>" + xhtml_escape(n) + "</th>";
  return row + "</tr>";
}

std::string table(const std::string& header, const std::string& rows) {
  return "<table><tbody>" + header + rows + "</tbody></table>";
}

/// Confluence's status lozenge: a coloured PASS or FAIL.
std::string status(bool passed) {
  return fmt::format(
      "<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">{}</ac:parameter>"
      "<ac:parameter ac:name=\"title\">{}</ac:parameter></ac:structured-macro>",
      passed ? "Green" : "Red", passed ? "PASS" : "FAIL");
}

std::string code(const std::string& text) {
  return "<code>" + xhtml_escape(text) + "</code>";
}

std::string origin_paragraph(const audit::AuditReport& r, const RunContext& ctx) {
  std::string p =
      "<p>Audit of <strong>" + xhtml_escape(ctx.repository.empty() ? r.project : ctx.repository) + "</strong>";
  if (!ctx.commit.empty()) p += " at " + code(ctx.commit.substr(0, 12));
  if (!ctx.run_url.empty()) p += " (<a href=\"" + xhtml_escape(ctx.run_url) + "\">CI run</a>)";
  return p + ", written by copilot.</p>";
}

std::string readiness_section(const audit::AuditReport& r) {
  std::string rows;
  for (const auto& i : r.readiness.items)
    rows += "<tr>" + cell(status(i.passed)) + cell(xhtml_escape(i.title)) + cell(std::to_string(i.weight)) +
            cell(xhtml_escape(i.reason)) + "</tr>";
  return fmt::format("<h2>Readiness: {}/100</h2>", r.readiness.score) +
         table(header_row({"Result", "Check", "Weight", "Why"}), rows);
}

std::string languages_section(const audit::AuditReport& r) {
  auto row = [](const audit::LanguageTotals& l, bool bold) {
    std::string name = bold ? "<strong>" + xhtml_escape(l.name) + "</strong>" : xhtml_escape(l.name);
    return "<tr>" + cell(name) + cell(std::to_string(l.files)) + cell(std::to_string(l.code)) +
           cell(std::to_string(l.comment)) + cell(std::to_string(l.blank)) + "</tr>";
  };
  std::string rows;
  for (const auto& l : r.languages.languages) rows += row(l, false);
  audit::LanguageTotals total = r.languages.total;
  total.name = "Total";
  rows += row(total, true);
  return "<h2>Languages</h2>" + table(header_row({"Language", "Files", "Code", "Comments", "Blank"}), rows);
}

std::string findings_section(const audit::AuditReport& r) {
  std::string out = "<h2>Findings</h2><h3>Hard-coded credentials</h3>";
  if (r.secrets.findings.empty()) {
    out += "<p>None found.</p>";
  } else {
    std::string rows;
    for (const auto& s : r.secrets.findings)
      rows += "<tr>" + cell(code(fmt::format("{}:{}", s.file, s.match.line))) +
              cell(xhtml_escape(s.match.description)) + cell(code(s.match.redacted)) + cell(code(s.match.fingerprint)) +
              "</tr>";
    out += table(header_row({"Location", "Kind", "Redacted", "Fingerprint"}), rows);
  }
  out += "<h3>Undocumented configuration</h3>";
  if (r.configuration.undocumented.empty()) return out + "<p>Every variable the code reads is documented.</p>";
  out += "<ul>";
  for (const auto& name : r.configuration.undocumented) out += "<li>" + code(name) + "</li>";
  return out + "</ul>";
}

}  // namespace

std::string xhtml_escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_sequence(text, i);
    if (n == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    char c = text[i];
    if (n > 1)
      out.append(text.substr(i, n));
    else if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
      out += c;  // other C0 controls are not allowed in XML at all
    i += n;
  }
  return out;
}

ConfluenceDocument audit_page(const audit::AuditReport& report, const RunContext& context, const std::string& title) {
  ConfluenceDocument doc;
  std::string name = context.repository.empty() ? report.project : context.repository;
  doc.title = title.empty() ? "copilot audit: " + name : title;
  doc.storage = origin_paragraph(report, context) + readiness_section(report) + languages_section(report) +
                findings_section(report);
  return doc;
}

}  // namespace copilot::remote
