#include "audit/sbom.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "util/hash.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {

using nlohmann::json;

// Percent-encodes everything but RFC 3986 unreserved characters (and '/', when a path is wanted).
std::string percent_encode(std::string_view s, bool keep_slash) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || (keep_slash && c == '/')) {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

bool looks_like_exact_version(std::string_view v) {
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0]))) return false;
  return std::all_of(v.begin(), v.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == '_';
  });
}

// The exact version a constraint pins, or "" when it is a range.
std::string pinned_version(std::string_view ecosystem, std::string_view spec) {
  spec = util::trim(spec);
  if (ecosystem == "go") return std::string(spec);  // go.mod versions are exact
  if (ecosystem == "pypi") {
    if (util::starts_with(spec, "==="))
      spec.remove_prefix(3);
    else if (util::starts_with(spec, "=="))
      spec.remove_prefix(2);
    else
      return "";
    return spec.find_first_of(",*;") == std::string_view::npos ? std::string(util::trim(spec)) : "";
  }
  if (ecosystem == "cargo" || ecosystem == "rubygems") {
    if (!util::starts_with(spec, "=")) return "";
    spec = util::trim(spec.substr(1));
    return looks_like_exact_version(spec) ? std::string(spec) : "";
  }
  if (ecosystem == "npm" || ecosystem == "maven" || ecosystem == "composer" || ecosystem == "conan") {
    if (ecosystem == "npm" && util::starts_with(spec, "=")) spec = util::trim(spec.substr(1));
    if (ecosystem == "composer" && util::starts_with(spec, "v")) spec.remove_prefix(1);
    return looks_like_exact_version(spec) ? std::string(spec) : "";
  }
  return "";
}

std::string purl_type(std::string_view ecosystem) {
  if (ecosystem == "npm" || ecosystem == "pypi" || ecosystem == "cargo" || ecosystem == "maven" ||
      ecosystem == "composer" || ecosystem == "conan")
    return std::string(ecosystem);
  if (ecosystem == "go") return "golang";
  if (ecosystem == "rubygems") return "gem";
  return "generic";
}

struct Component {
  std::string purl, name, group, version, ecosystem, manifest;
  bool required = false;
};

}  // namespace

std::string package_url(std::string_view ecosystem, std::string_view name, std::string_view version) {
  if (name.empty()) return "";
  std::string type = purl_type(ecosystem);
  std::string path;
  if (type == "npm" && util::starts_with(name, "@")) {
    size_t slash = name.find('/');
    path = slash == std::string_view::npos
               ? percent_encode(name, false)
               : percent_encode(name.substr(0, slash), false) + "/" + percent_encode(name.substr(slash + 1), false);
  } else if (type == "maven") {
    size_t colon = name.find(':');
    path = colon == std::string_view::npos
               ? percent_encode(name, false)
               : percent_encode(name.substr(0, colon), false) + "/" + percent_encode(name.substr(colon + 1), false);
  } else if (type == "golang") {
    path = percent_encode(name, true);  // module paths are case-sensitive
  } else if (type == "composer") {
    path = percent_encode(util::to_lower(name), true);
  } else if (type == "pypi") {
    std::string n = util::to_lower(name);
    std::replace(n.begin(), n.end(), '_', '-');
    path = percent_encode(n, false);
  } else {
    path = percent_encode(name, false);
  }
  std::string purl = "pkg:" + type + "/" + path;
  if (!version.empty()) purl += "@" + percent_encode(version, false);
  return purl;
}

std::string write_cyclonedx(const StackSection& stack, const LicenseSection& license, std::string_view project_name) {
  std::map<std::string, Component> components;  // by purl: one component per package version
  for (const auto& m : stack.manifests) {
    for (const auto& d : m.dependencies) {
      // Local path and workspace members are part of the project, not third-party components.
      if (util::starts_with(d.version_spec, "path:") || d.version_spec == "workspace") continue;
      std::string exact = !d.locked_version.empty() ? d.locked_version : pinned_version(m.ecosystem, d.version_spec);
      std::string purl = package_url(m.ecosystem, d.name, exact);
      if (purl.empty()) continue;
      auto [it, inserted] = components.try_emplace(purl);
      Component& c = it->second;
      if (inserted) {
        c.purl = purl;
        c.ecosystem = m.ecosystem;
        c.manifest = m.path;
        c.version = !exact.empty() ? exact : d.version_spec;
        c.name = d.name;
        if (m.ecosystem == "maven") {
          size_t colon = d.name.find(':');
          if (colon != std::string::npos) {
            c.group = d.name.substr(0, colon);
            c.name = d.name.substr(colon + 1);
          }
        } else if (m.ecosystem == "npm" && util::starts_with(d.name, "@") && d.name.find('/') != std::string::npos) {
          c.group = d.name.substr(0, d.name.find('/'));
          c.name = d.name.substr(d.name.find('/') + 1);
        }
      }
      c.required = c.required || !d.dev;
    }
  }

  std::string project(project_name.empty() ? "project" : project_name);
  std::string project_ref = "project:" + project;
  json metadata_component = {{"type", "application"}, {"name", project}, {"bom-ref", project_ref}};
  if (!license.spdx_id.empty()) {
    bool expression = license.spdx_id.find(' ') != std::string::npos;
    metadata_component["licenses"] = expression ? json::array({{{"expression", license.spdx_id}}})
                                                : json::array({{{"license", {{"id", license.spdx_id}}}}});
  }

  json list = json::array();
  json refs = json::array();
  for (const auto& [purl, c] : components) {
    json j = {{"type", "library"}, {"bom-ref", purl}, {"name", c.name}};
    if (!c.group.empty()) j["group"] = c.group;
    if (!c.version.empty()) j["version"] = c.version;
    j["purl"] = purl;
    j["scope"] = c.required ? "required" : "optional";
    j["properties"] = json::array({{{"name", "copilot:manifest"}, {"value", c.manifest}}});
    list.push_back(std::move(j));
    refs.push_back(purl);
  }

  json bom = {
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.5"},
      {"version", 1},
      {"metadata",
       {{"tools",
         {{"components", json::array({{{"type", "application"}, {"name", "copilot"}, {"version", COPILOT_VERSION}}})}}},
        {"component", metadata_component}}},
      {"components", list},
      {"dependencies", json::array({{{"ref", project_ref}, {"dependsOn", refs}}})},
  };
  // The serial number is a name-based UUID of the content, so the same input gives the same document.
  // Manifests are not always UTF-8: replace bad bytes rather than fail.
  std::string body = bom.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string hex = util::hash_hex(body, 1) + util::hash_hex(body, 2);
  hex[12] = '5';
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  bom["serialNumber"] = "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                        hex.substr(16, 4) + "-" + hex.substr(20, 12);
  return bom.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace copilot::audit
