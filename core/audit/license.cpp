#include "audit/license.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "audit/stack.h"
#include "util/strings.h"

namespace copilot::audit {

void to_json(nlohmann::json& j, const DeclaredLicense& d) {
  j = {{"file", d.file},
       {"line", d.line},
       {"value", d.value},
       {"spdx_id", d.spdx_id.empty() ? nlohmann::json() : nlohmann::json(d.spdx_id)}};
}

void to_json(nlohmann::json& j, const LicenseSection& s) {
  j = {{"spdx_id", s.spdx_id.empty() ? nlohmann::json() : nlohmann::json(s.spdx_id)},
       {"file", s.file.empty() ? nlohmann::json() : nlohmann::json(s.file)},
       {"confidence", s.confidence},
       {"declared", s.declared}};
}

namespace {

// Lowercase with every run of whitespace (and markdown emphasis) folded to one space,
// so phrases match however the text was wrapped or formatted.
std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '*' || c == '#' || c == '_' || c == '>') continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool has(std::string_view text, std::string_view phrase) {
  return text.find(phrase) != std::string_view::npos;
}

struct PhraseRule {
  std::string_view id;
  std::vector<std::string_view> required;    // all must appear
  std::vector<std::string_view> supporting;  // raise confidence
  std::vector<std::string_view> excluded;    // none may appear
};

const std::vector<PhraseRule>& phrase_rules() {
  static const std::vector<PhraseRule> kRules = {
      {"Apache-2.0",
       {"apache license", "version 2.0"},
       {"terms and conditions for use, reproduction, and distribution", "grant of patent license"},
       {}},
      {"MPL-2.0", {"mozilla public license", "2.0"}, {"\"covered software\" means"}, {}},
      {"EPL-2.0", {"eclipse public license - v 2.0"}, {"\"contribution\" means"}, {}},
      {"BSL-1.0", {"boost software license - version 1.0"}, {"permission is hereby granted, free of charge"}, {}},
      {"Unlicense", {"this is free and unencumbered software released into the public domain"}, {}, {}},
      {"ISC",
       {"permission to use, copy, modify, and",
        "distribute this software for any purpose with or without fee is hereby "
        "granted"},
       {"the software is provided \"as is\" and the author disclaims all warranties"},
       {}},
      {"MIT",
       {"permission is hereby granted, free of charge, to any person obtaining a copy"},
       {"the above copyright notice and this permission notice shall be included",
        "the software is provided \"as is\", without warranty of any kind"},
       {"boost software license"}},
      {"BSD-4-Clause",
       {"redistribution and use in source and binary forms", "all advertising materials mentioning"},
       {"neither the name"},
       {}},
      {"BSD-3-Clause",
       {"redistribution and use in source and binary forms", "endorse or promote products derived from this software"},
       {"this software is provided by the copyright holders and contributors \"as is\""},
       {"all advertising materials mentioning"}},
      {"BSD-2-Clause",
       {"redistribution and use in source and binary forms", "redistributions of source code must retain"},
       {"this software is provided by the copyright holders and contributors \"as is\""},
       {"endorse or promote products derived", "all advertising materials mentioning"}},
  };
  return kRules;
}

// The GNU family: their texts mention each other, so the title at the top decides.
std::string gnu_license(std::string_view text, double& confidence) {
  std::string_view head = text.substr(0, 400);
  auto version = [&](std::string_view where) -> std::string {
    if (has(where, "version 3")) return "3.0";
    if (has(where, "version 2.1")) return "2.1";
    if (has(where, "version 2")) return "2.0";
    return "";
  };
  struct Title {
    std::string_view phrase, id;
  };
  static constexpr Title kTitles[] = {{"gnu affero general public license", "AGPL"},
                                      {"gnu lesser general public license", "LGPL"},
                                      {"gnu library general public license", "LGPL"},
                                      {"gnu general public license", "GPL"}};
  // The earliest title in the head names the license (the GPL text mentions the LGPL and AGPL further down).
  const Title* first = nullptr;
  size_t first_at = std::string_view::npos;
  for (const auto& t : kTitles) {
    size_t at = head.find(t.phrase);
    if (at < first_at) {
      first = &t;
      first_at = at;
    }
  }
  if (first) {
    std::string v = version(head.substr(first_at, first->phrase.size() + 40));
    if (!v.empty() && !(first->id == "GPL" && v == "2.1")) {
      confidence = has(text, "terms and conditions") ? 0.95 : 0.8;
      return std::string(first->id) + "-" + v;
    }
  }
  // No title at the top (a preamble first): fall back to each version's unique date line.
  if (has(text, "gnu affero general public license") && has(text, "version 3, 19 november 2007")) {
    confidence = 0.85;
    return "AGPL-3.0";
  }
  if (has(text, "gnu lesser general public license") && has(text, "version 2.1, february 1999")) {
    confidence = 0.85;
    return "LGPL-2.1";
  }
  if (has(text, "gnu general public license") && has(text, "version 3, 29 june 2007")) {
    confidence = 0.75;
    return "GPL-3.0";
  }
  if (has(text, "gnu general public license") && has(text, "version 2, june 1991")) {
    confidence = 0.75;
    return "GPL-2.0";
  }
  return "";
}

const std::map<std::string, std::string>& spdx_ids() {
  // Lowercase → canonical spelling, for ids accepted as written.
  static const std::map<std::string, std::string> kIds = [] {
    std::map<std::string, std::string> m;
    for (const char* id : {"MIT",
                           "MIT-0",
                           "Apache-2.0",
                           "Apache-1.1",
                           "GPL-2.0",
                           "GPL-2.0-only",
                           "GPL-2.0-or-later",
                           "GPL-3.0",
                           "GPL-3.0-only",
                           "GPL-3.0-or-later",
                           "LGPL-2.0",
                           "LGPL-2.0-only",
                           "LGPL-2.0-or-later",
                           "LGPL-2.1",
                           "LGPL-2.1-only",
                           "LGPL-2.1-or-later",
                           "LGPL-3.0",
                           "LGPL-3.0-only",
                           "LGPL-3.0-or-later",
                           "AGPL-3.0",
                           "AGPL-3.0-only",
                           "AGPL-3.0-or-later",
                           "BSD-2-Clause",
                           "BSD-3-Clause",
                           "BSD-4-Clause",
                           "0BSD",
                           "MPL-2.0",
                           "MPL-1.1",
                           "ISC",
                           "Unlicense",
                           "BSL-1.0",
                           "EPL-1.0",
                           "EPL-2.0",
                           "CC0-1.0",
                           "CC-BY-4.0",
                           "CC-BY-SA-4.0",
                           "Zlib",
                           "WTFPL",
                           "PostgreSQL",
                           "Python-2.0",
                           "PSF-2.0",
                           "Artistic-2.0",
                           "CDDL-1.0",
                           "EUPL-1.2",
                           "OFL-1.1",
                           "UPL-1.0",
                           "BlueOak-1.0.0"})
      m[util::to_lower(id)] = id;
    return m;
  }();
  return kIds;
}

std::string normalize_single(std::string_view name) {
  std::string n = util::to_lower(util::trim(name));
  while (!n.empty() && (n.front() == '(' || n.front() == '"')) n.erase(0, 1);
  while (!n.empty() && (n.back() == ')' || n.back() == '"')) n.pop_back();
  if (auto it = spdx_ids().find(n); it != spdx_ids().end()) return it->second;
  // Common spellings of declared licenses.
  std::string key;
  for (char c : n)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') key += c;
  static const std::map<std::string, std::string> kAliases = {
      {"mit", "MIT"},
      {"mitlicense", "MIT"},
      {"themitlicense", "MIT"},
      {"expat", "MIT"},
      {"apache2", "Apache-2.0"},
      {"apache2.0", "Apache-2.0"},
      {"apachelicense2.0", "Apache-2.0"},
      {"apachelicenseversion2.0", "Apache-2.0"},
      {"apachesoftwarelicense", "Apache-2.0"},
      {"apachesoftwarelicense2.0", "Apache-2.0"},
      {"asl2.0", "Apache-2.0"},
      {"bsd", "BSD-3-Clause"},
      {"bsdlicense", "BSD-3-Clause"},
      {"newbsd", "BSD-3-Clause"},
      {"bsd3clause", "BSD-3-Clause"},
      {"3clausebsd", "BSD-3-Clause"},
      {"bsd2clause", "BSD-2-Clause"},
      {"simplifiedbsd", "BSD-2-Clause"},
      {"freebsd", "BSD-2-Clause"},
      {"gpl", "GPL-3.0"},
      {"gplv3", "GPL-3.0"},
      {"gpl3", "GPL-3.0"},
      {"gplv2", "GPL-2.0"},
      {"gpl2", "GPL-2.0"},
      {"lgplv3", "LGPL-3.0"},
      {"lgplv2.1", "LGPL-2.1"},
      {"lgpl", "LGPL-3.0"},
      {"agplv3", "AGPL-3.0"},
      {"agpl", "AGPL-3.0"},
      {"mpl2.0", "MPL-2.0"},
      {"mozillapubliclicense2.0", "MPL-2.0"},
      {"isclicense", "ISC"},
      {"theunlicense", "Unlicense"},
      {"boost", "BSL-1.0"},
      {"boostsoftwarelicense1.0", "BSL-1.0"},
      {"eclipsepubliclicense2.0", "EPL-2.0"},
      {"epl2.0", "EPL-2.0"},
  };
  auto it = kAliases.find(key);
  return it == kAliases.end() ? "" : it->second;
}

}  // namespace

std::string normalize_license_name(std::string_view name) {
  std::string_view t = util::trim(name);
  if (t.empty()) return "";
  // Expressions: "MIT OR Apache-2.0", legacy "MIT/Apache-2.0".
  for (auto [sep, joiner] : {std::pair{" OR ", " OR "}, std::pair{" or ", " OR "}, std::pair{"/", " OR "},
                             std::pair{" AND ", " AND "}, std::pair{" and ", " AND "}}) {
    if (t.find(sep) == std::string_view::npos) continue;
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t at = t.find(sep, start);
      std::string id = normalize_single(t.substr(start, at == std::string_view::npos ? t.npos : at - start));
      if (id.empty()) return "";
      parts.push_back(id);
      if (at == std::string_view::npos) break;
      start = at + std::string_view(sep).size();
    }
    return util::join(parts, joiner);
  }
  return normalize_single(t);
}

std::string identify_license_text(std::string_view text, double& confidence) {
  confidence = 0;
  std::string norm = normalize_text(text);
  std::string gnu = gnu_license(norm, confidence);
  if (!gnu.empty()) return gnu;
  for (const auto& rule : phrase_rules()) {
    bool ok = std::all_of(rule.required.begin(), rule.required.end(), [&](auto p) { return has(norm, p); }) &&
              std::none_of(rule.excluded.begin(), rule.excluded.end(), [&](auto p) { return has(norm, p); });
    if (!ok) continue;
    size_t support =
        std::count_if(rule.supporting.begin(), rule.supporting.end(), [&](auto p) { return has(norm, p); });
    confidence = rule.supporting.empty() || support == rule.supporting.size() ? 1.0 : support > 0 ? 0.95 : 0.85;
    // A short notice pointing at the license ("Licensed under the Apache License, Version 2.0") is weaker.
    if (rule.id == "Apache-2.0" && support == 0) confidence = 0.7;
    return std::string(rule.id);
  }
  static const RE2 kSpdx(R"re((?i)spdx-license-identifier:\s*([\w.+\- ()]+))re");
  std::string id;
  if (RE2::PartialMatch(std::string_view(text.data(), text.size()), kSpdx, &id)) {
    std::string norm_id = normalize_license_name(id);
    if (!norm_id.empty()) {
      confidence = 0.9;
      return norm_id;
    }
  }
  return "";
}

namespace {

// LICENSE, LICENSE.md, LICENCE.txt, COPYING, LICENSE-MIT, UNLICENSE ...
bool is_license_file(std::string_view path) {
  if (path.find('/') != std::string_view::npos) return false;
  std::string lower = util::to_lower(path);
  return util::starts_with(lower, "license") || util::starts_with(lower, "licence") ||
         util::starts_with(lower, "copying") || util::starts_with(lower, "unlicense");
}

// The plain LICENSE first, then its text variants, then the rest by name.
int license_file_rank(std::string_view path) {
  std::string lower = util::to_lower(path);
  if (lower == "license" || lower == "licence") return 0;
  if (lower == "license.md" || lower == "license.txt" || lower == "licence.md" || lower == "licence.txt") return 1;
  if (lower == "copying" || lower == "copying.md" || lower == "copying.txt") return 2;
  return 3;
}

int line_of_key(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  return at == std::string_view::npos ? 0 : util::line_of_offset(text, at);
}

void add_declared(std::vector<DeclaredLicense>& out, const std::string& file, int line, std::string value) {
  if (util::trim(value).empty()) return;
  DeclaredLicense d{file, line, std::move(value), ""};
  d.spdx_id = normalize_license_name(d.value);
  out.push_back(std::move(d));
}

// `license` fields of root-level manifests.
std::vector<DeclaredLicense> declared_licenses(const AuditInput& input) {
  std::vector<DeclaredLicense> out;
  for (const auto& f : input.files()) {
    if (!f.loaded || f.path.find('/') != std::string::npos) continue;
    const std::string& text = f.content;
    std::string_view name = f.path;
    try {
      if (name == "package.json" || name == "composer.json") {
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;  // the stack section reports broken manifests
        int line = line_of_key(text, "\"license");
        if (auto it = j.find("license"); it != j.end()) {
          if (it->is_string()) add_declared(out, f.path, line, it->get<std::string>());
          if (it->is_object() && it->contains("type") && (*it)["type"].is_string())
            add_declared(out, f.path, line, (*it)["type"].get<std::string>());
          if (it->is_array()) {
            std::vector<std::string> parts;
            for (const auto& p : *it)
              if (p.is_string()) parts.push_back(p.get<std::string>());
            add_declared(out, f.path, line, util::join(parts, " OR "));
          }
        }
      } else if (name == "pyproject.toml" || name == "Cargo.toml") {
        TomlDocument doc;
        TomlError err;
        if (!parse_toml(text, doc, err)) continue;
        for (const char* ptr : {"/project/license", "/tool/poetry/license", "/package/license"}) {
          const auto jp = nlohmann::json::json_pointer(ptr);
          if (!doc.root.contains(jp)) continue;
          const auto& v = doc.root.at(jp);
          if (v.is_string()) add_declared(out, f.path, doc.line_of(ptr), v.get<std::string>());
          if (v.is_object() && v.contains("text") && v["text"].is_string())
            add_declared(out, f.path, doc.line_of(ptr), v["text"].get<std::string>());
        }
      } else if (name == "setup.cfg") {
        static const RE2 kCfg(R"re((?m)^license\s*=\s*(.+?)\s*$)re");
        std::string value;
        if (RE2::PartialMatch(text, kCfg, &value)) add_declared(out, f.path, line_of_key(text, "license"), value);
      } else if (util::ends_with(name, ".gemspec")) {
        static const RE2 kGem(R"re(\.licenses?\s*=\s*\[?\s*["']([^"']+)["'])re");
        std::string value;
        if (RE2::PartialMatch(text, kGem, &value)) add_declared(out, f.path, line_of_key(text, ".license"), value);
      } else if (name == "pom.xml") {
        static const RE2 kPom(R"re(<license>\s*<name>\s*([^<]+?)\s*</name>)re");
        std::string value;
        if (RE2::PartialMatch(text, kPom, &value)) add_declared(out, f.path, line_of_key(text, "<license>"), value);
      }
    } catch (const std::exception&) {
      // Unreadable manifests are reported by the stack section.
    }
  }
  std::sort(out.begin(), out.end(), [](const DeclaredLicense& a, const DeclaredLicense& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return out;
}

// Whether a declared expression agrees with an id read from a file ("GPL-3.0-or-later" agrees with "GPL-3.0").
bool agrees(std::string_view declared, std::string_view found) {
  return declared == found || util::starts_with(declared, std::string(found) + "-") ||
         util::contains(declared, std::string(found) + " ") || util::ends_with(declared, " " + std::string(found));
}

}  // namespace

LicenseSection detect_license(const AuditInput& input) {
  LicenseSection out;
  try {
    out.declared = declared_licenses(input);
    std::vector<const workspace::FileEntry*> files;
    for (const auto& f : input.files())
      if (f.loaded && is_license_file(f.path)) files.push_back(&f);
    std::sort(files.begin(), files.end(), [](auto* a, auto* b) {
      return std::pair(license_file_rank(a->path), a->path) < std::pair(license_file_rank(b->path), b->path);
    });
    std::vector<std::string> ids;
    std::vector<std::pair<std::string, std::string>> found;  // (file, id)
    double confidence = 1.0;
    bool dual_convention = true;  // LICENSE-MIT + LICENSE-APACHE: the user picks one
    for (const auto* f : files) {
      double c = 0;
      std::string id = identify_license_text(f->content, c);
      if (id.empty()) continue;
      found.emplace_back(f->path, id);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      confidence = std::min(confidence, c);
      std::string lower = util::to_lower(f->path);
      if (!(util::starts_with(lower, "license-") || util::starts_with(lower, "licence-"))) dual_convention = false;
    }
    std::string declared;
    for (const auto& d : out.declared)
      if (!d.spdx_id.empty()) {
        declared = d.spdx_id;
        break;
      }
    if (ids.empty()) {
      if (!declared.empty()) {
        out.spdx_id = declared;
        out.confidence = 0.6;
      } else if (!files.empty()) {
        out.file = files.front()->path;  // a license file we could not recognise
      }
      return out;
    }
    // LGPL projects ship the GPL text too (COPYING next to COPYING.LESSER): the LGPL is the license.
    for (const char* version : {"2.1", "3.0"}) {
      std::string lgpl = std::string("LGPL-") + version, gpl = std::string("GPL-") + version;
      if (std::find(ids.begin(), ids.end(), lgpl) != ids.end()) std::erase(ids, gpl);
    }
    for (const auto& [path, id] : found)
      if (out.file.empty() && std::find(ids.begin(), ids.end(), id) != ids.end()) out.file = path;
    if (ids.size() == 1) {
      out.spdx_id = ids.front();
    } else {
      std::sort(ids.begin(), ids.end());
      bool all_declared = !declared.empty() &&
                          std::all_of(ids.begin(), ids.end(), [&](const auto& id) { return agrees(declared, id); });
      out.spdx_id = all_declared ? declared : util::join(ids, dual_convention ? " OR " : " AND ");
    }
    out.confidence = confidence;
    if (!declared.empty()) {
      if (agrees(declared, out.spdx_id)) {
        out.confidence = 1.0;
        if (util::starts_with(declared, out.spdx_id + "-")) out.spdx_id = declared;  // "-only" / "-or-later"
      } else if (!util::contains(out.spdx_id, " ")) {
        out.confidence = std::min(out.confidence, 0.8);  // the manifest says otherwise
      }
    }
  } catch (const std::exception& e) {
    input.diagnostics.add("", 0, std::string("license detection stopped early: ") + e.what());
  }
  return out;
}

}  // namespace copilot::audit
