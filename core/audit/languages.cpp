#include "audit/languages.h"

#include <algorithm>
#include <map>

#include "util/parallel.h"

namespace copilot::audit {

LanguagesSection count_languages(const AuditInput& input) {
  const auto& files = input.files();
  std::vector<workspace::LineCounts> counts(files.size());
  util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
    const auto& f = files[i];
    if (f.analysed() && f.language) counts[i] = workspace::count_lines(*f.language, f.content);
  });

  LanguagesSection out;
  std::map<std::string, LanguageTotals> by_name;
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    switch (f.kind) {
      case workspace::FileKind::vendored: ++out.skipped.vendored; continue;
      case workspace::FileKind::generated: ++out.skipped.generated; continue;
      case workspace::FileKind::minified: ++out.skipped.minified; continue;
      case workspace::FileKind::lock: ++out.skipped.lock; continue;
      case workspace::FileKind::binary: ++out.skipped.binary; continue;
      case workspace::FileKind::too_large: ++out.skipped.too_large; continue;
      case workspace::FileKind::source: break;
    }
    if (!f.loaded || f.content.empty()) continue;  // cloc does not count empty files either
    if (!f.language) {
      ++out.skipped.unknown;
      continue;
    }
    auto& t = by_name[std::string(f.language->name)];
    t.name = f.language->name;
    ++t.files;
    t.code += counts[i].code;
    t.comment += counts[i].comment;
    t.blank += counts[i].blank;
  }
  out.total.name = "SUM";
  for (auto& [_, t] : by_name) {
    out.total.files += t.files;
    out.total.code += t.code;
    out.total.comment += t.comment;
    out.total.blank += t.blank;
    out.languages.push_back(t);
  }
  std::sort(out.languages.begin(), out.languages.end(),
            [](const auto& a, const auto& b) { return a.code != b.code ? a.code > b.code : a.name < b.name; });
  return out;
}

}  // namespace copilot::audit
