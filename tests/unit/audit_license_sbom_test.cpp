#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "audit/license.h"
#include "audit/sbom.h"
#include "audit_fixture.h"
#include "test_support.h"

namespace copilot::audit {
namespace {

using Repo = copilot::testing::AuditRepo;

// Short but faithful excerpts: the phrases that tell these licenses apart.
const char* kMit = R"(MIT License

Copyright (c) 2024 Example

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction.

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED.
)";

const char* kApache = R"(
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   3. Grant of Patent License. Subject to the terms and conditions of
)";

const char* kGpl3 = R"(                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>

                       TERMS AND CONDITIONS
  13. Use with the GNU Affero General Public License.
  use the GNU Lesser General Public License instead of this License.
)";

const char* kLgpl21 = R"(                  GNU LESSER GENERAL PUBLIC LICENSE
                       Version 2.1, February 1999

 [This is the first released version of the Lesser GPL.  It also counts
 as the successor of the GNU Library Public License, version 2, hence
 the version number 2.1.]
                  GNU LESSER GENERAL PUBLIC LICENSE
   TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION
)";

const char* kBsd3 = R"(BSD 3-Clause License

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice.
3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.
)";

const char* kBsd2 = R"(Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice.
)";

TEST(LicenseText, Identifies) {
  struct Case {
    const char* text;
    const char* id;
  };
  const Case cases[] = {
      {kMit, "MIT"},
      {kApache, "Apache-2.0"},
      {kGpl3, "GPL-3.0"},
      {kLgpl21, "LGPL-2.1"},
      {kBsd3, "BSD-3-Clause"},
      {kBsd2, "BSD-2-Clause"},
      {"GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007\n", "AGPL-3.0"},
      {"GNU GENERAL PUBLIC LICENSE\n Version 2, June 1991\n\n Preamble\n", "GPL-2.0"},
      {"GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\nThis version of the GNU Lesser General Public "
       "License incorporates the terms and conditions of version 3 of the GNU General Public License",
       "LGPL-3.0"},
      {"Mozilla Public License Version 2.0\n==================================\n", "MPL-2.0"},
      {"ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or "
       "without fee is hereby granted",
       "ISC"},
      {"This is free and unencumbered software released into the public domain.\n", "Unlicense"},
      {"Boost Software License - Version 1.0 - August 17th, 2003\n", "BSL-1.0"},
      {"Eclipse Public License - v 2.0\n\nTHE ACCOMPANYING PROGRAM IS PROVIDED", "EPL-2.0"},
      {"SPDX-License-Identifier: MIT OR Apache-2.0\n", "MIT OR Apache-2.0"},
  };
  for (const auto& c : cases) {
    double confidence = 0;
    EXPECT_EQ(identify_license_text(c.text, confidence), c.id) << c.text;
    EXPECT_GT(confidence, 0.5) << c.id;
    EXPECT_LE(confidence, 1.0) << c.id;
  }
  double confidence = 1;
  EXPECT_EQ(identify_license_text("All rights reserved. Do not copy.\n", confidence), "");
  EXPECT_EQ(confidence, 0);
  // Markdown formatting and rewrapping do not matter.
  EXPECT_EQ(identify_license_text("# The MIT License\n\n**Permission is hereby granted**, free of charge, to any\n"
                                  "person obtaining a copy",
                                  confidence),
            "MIT");
}

TEST(LicenseNames, Normalised) {
  EXPECT_EQ(normalize_license_name("MIT"), "MIT");
  EXPECT_EQ(normalize_license_name("mit"), "MIT");
  EXPECT_EQ(normalize_license_name("Apache 2.0"), "Apache-2.0");
  EXPECT_EQ(normalize_license_name("Apache License, Version 2.0"), "Apache-2.0");
  EXPECT_EQ(normalize_license_name("BSD License"), "BSD-3-Clause");
  EXPECT_EQ(normalize_license_name("GPL-3.0-or-later"), "GPL-3.0-or-later");
  EXPECT_EQ(normalize_license_name("MIT/Apache-2.0"), "MIT OR Apache-2.0");
  EXPECT_EQ(normalize_license_name("(MIT OR Apache-2.0)"), "MIT OR Apache-2.0");
  EXPECT_EQ(normalize_license_name("Proprietary"), "");
  EXPECT_EQ(normalize_license_name(""), "");
}

TEST(DetectLicense, FileAgreesWithManifest) {
  Repo repo({{"LICENSE", kMit}, {"package.json", "{\n  \"name\": \"x\",\n  \"license\": \"MIT\"\n}\n"}});
  LicenseSection s = detect_license(repo.input());
  EXPECT_EQ(s.spdx_id, "MIT");
  EXPECT_EQ(s.file, "LICENSE");
  EXPECT_DOUBLE_EQ(s.confidence, 1.0);
  ASSERT_EQ(s.declared.size(), 1u);
  EXPECT_EQ(s.declared[0].file, "package.json");
  EXPECT_EQ(s.declared[0].line, 3);
  EXPECT_EQ(s.declared[0].spdx_id, "MIT");
}

TEST(DetectLicense, ManifestRefinesGplVersionSuffix) {
  Repo repo(
      {{"COPYING", kGpl3}, {"pyproject.toml", "[project]\nname = \"x\"\nlicense = {text = \"GPL-3.0-or-later\"}\n"}});
  LicenseSection s = detect_license(repo.input());
  EXPECT_EQ(s.spdx_id, "GPL-3.0-or-later");
  EXPECT_EQ(s.file, "COPYING");
  EXPECT_DOUBLE_EQ(s.confidence, 1.0);
  EXPECT_EQ(s.declared[0].line, 3);
}

TEST(DetectLicense, DualLicenseFiles) {
  Repo repo({{"LICENSE-APACHE", kApache},
             {"LICENSE-MIT", kMit},
             {"Cargo.toml", "[package]\nname = \"x\"\nlicense = \"MIT OR Apache-2.0\"\n"}});
  LicenseSection s = detect_license(repo.input());
  EXPECT_EQ(s.spdx_id, "MIT OR Apache-2.0");
  EXPECT_EQ(s.file, "LICENSE-APACHE");
  Repo no_manifest({{"LICENSE-APACHE", kApache}, {"LICENSE-MIT", kMit}});
  EXPECT_EQ(detect_license(no_manifest.input()).spdx_id, "Apache-2.0 OR MIT");
}

TEST(DetectLicense, LesserGplShipsTheGplToo) {
  Repo repo({{"COPYING", kGpl3},
             {"COPYING.LESSER", "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\nTERMS AND CONDITIONS\n"}});
  LicenseSection s = detect_license(repo.input());
  EXPECT_EQ(s.spdx_id, "LGPL-3.0");
  EXPECT_EQ(s.file, "COPYING.LESSER");
}

TEST(DetectLicense, ManifestOnlyAndNothing) {
  Repo declared({{"Cargo.toml", "[package]\nname = \"x\"\nlicense = \"Apache-2.0\"\n"}, {"vendor/lib/LICENSE", kMit}});
  LicenseSection s = detect_license(declared.input());
  EXPECT_EQ(s.spdx_id, "Apache-2.0");
  EXPECT_EQ(s.file, "");
  EXPECT_DOUBLE_EQ(s.confidence, 0.6);

  Repo none({{"src/main.c", "int main() {}\n"}, {"docs/LICENSE.md", kMit}});
  LicenseSection n = detect_license(none.input());
  EXPECT_EQ(n.spdx_id, "");
  EXPECT_EQ(n.confidence, 0);

  Repo unknown({{"LICENSE", "Copyright Example Corp. All rights reserved.\n"}, {"package.json", "{ broken"}});
  LicenseSection u = detect_license(unknown.input());
  EXPECT_EQ(u.spdx_id, "");
  EXPECT_EQ(u.file, "LICENSE");
  EXPECT_TRUE(u.declared.empty());
}

TEST(DetectLicense, Disagreement) {
  Repo repo({{"LICENSE", kBsd3}, {"package.json", R"({"license": "MIT"})"}});
  LicenseSection s = detect_license(repo.input());
  EXPECT_EQ(s.spdx_id, "BSD-3-Clause");
  EXPECT_LE(s.confidence, 0.8);
}

TEST(DetectLicense, JsonShape) {
  Repo repo({{"README.md", "hi"}});
  nlohmann::json j = detect_license(repo.input());
  EXPECT_TRUE(j["spdx_id"].is_null());
  EXPECT_TRUE(j["file"].is_null());
  EXPECT_EQ(j["confidence"], 0.0);
  EXPECT_TRUE(j["declared"].is_array());
}

// ---------------------------------------------------------------------------
// SBOM

TEST(PackageUrl, PerEcosystem) {
  EXPECT_EQ(package_url("npm", "@angular/core", "17.0.1"), "pkg:npm/%40angular/core@17.0.1");
  EXPECT_EQ(package_url("npm", "express", ""), "pkg:npm/express");
  EXPECT_EQ(package_url("pypi", "Django_Extensions", "3.2.3"), "pkg:pypi/django-extensions@3.2.3");
  EXPECT_EQ(package_url("go", "github.com/gin-gonic/gin", "v1.9.1"), "pkg:golang/github.com/gin-gonic/gin@v1.9.1");
  EXPECT_EQ(package_url("cargo", "serde", "1.0.197"), "pkg:cargo/serde@1.0.197");
  EXPECT_EQ(package_url("maven", "org.postgresql:postgresql", "42.7.1"), "pkg:maven/org.postgresql/postgresql@42.7.1");
  EXPECT_EQ(package_url("rubygems", "rails", "7.1.2"), "pkg:gem/rails@7.1.2");
  EXPECT_EQ(package_url("composer", "laravel/framework", "v11.0.3"), "pkg:composer/laravel/framework@v11.0.3");
  EXPECT_EQ(package_url("npm", "x", "1.0.0+build"), "pkg:npm/x@1.0.0%2Bbuild");
  EXPECT_EQ(package_url("npm", "", "1"), "");
}

StackSection sample_stack() {
  StackSection s;
  Manifest npm{"package.json", "npm", "npm", "package-lock.json", {}};
  npm.dependencies.push_back({"@nestjs/core", "^10.0.0", "10.3.1", false, "runtime", 3});
  npm.dependencies.push_back({"jest", "^29.0.0", "", true, "dev", 6});
  npm.dependencies.push_back({"local-lib", "path:../lib", "", false, "runtime", 7});
  Manifest py{"requirements.txt", "pypi", "pip", "", {}};
  py.dependencies.push_back({"django", "==4.2.7", "", false, "runtime", 1});
  py.dependencies.push_back({"celery", ">=5.3", "", false, "runtime", 2});
  Manifest dev{"requirements-dev.txt", "pypi", "pip", "", {}};
  dev.dependencies.push_back({"django", "==4.2.7", "", true, "dev", 1});
  dev.dependencies.push_back({"pytest", "==8.0.0", "", true, "dev", 2});
  Manifest mvn{"pom.xml", "maven", "maven", "", {}};
  mvn.dependencies.push_back({"org.postgresql:postgresql", "42.7.1", "", false, "runtime", 9});
  s.manifests = {npm, py, dev, mvn};
  return s;
}

TEST(Sbom, CycloneDxDocument) {
  LicenseSection lic;
  lic.spdx_id = "MIT";
  std::string text = write_cyclonedx(sample_stack(), lic, "shop");
  nlohmann::json bom = nlohmann::json::parse(text);
  EXPECT_EQ(bom["bomFormat"], "CycloneDX");
  EXPECT_EQ(bom["specVersion"], "1.5");
  EXPECT_EQ(bom["version"], 1);
  EXPECT_FALSE(bom["metadata"].contains("timestamp"));
  EXPECT_EQ(bom["metadata"]["component"]["name"], "shop");
  EXPECT_EQ(bom["metadata"]["component"]["licenses"][0]["license"]["id"], "MIT");
  EXPECT_EQ(bom["metadata"]["tools"]["components"][0]["name"], "copilot");
  std::string serial = bom["serialNumber"];
  EXPECT_EQ(serial.substr(0, 9), "urn:uuid:");
  EXPECT_EQ(serial.size(), 45u);

  const auto& comps = bom["components"];
  std::vector<std::string> refs;
  for (const auto& c : comps) refs.push_back(c["bom-ref"]);
  EXPECT_EQ(refs, (std::vector<std::string>{"pkg:maven/org.postgresql/postgresql@42.7.1",
                                            "pkg:npm/%40nestjs/core@10.3.1", "pkg:npm/jest", "pkg:pypi/celery",
                                            "pkg:pypi/django@4.2.7", "pkg:pypi/pytest@8.0.0"}));
  auto find = [&](const std::string& ref) {
    for (const auto& c : comps)
      if (c["bom-ref"] == ref) return c;
    return nlohmann::json();
  };
  nlohmann::json nest = find("pkg:npm/%40nestjs/core@10.3.1");
  EXPECT_EQ(nest["type"], "library");
  EXPECT_EQ(nest["group"], "@nestjs");
  EXPECT_EQ(nest["name"], "core");
  EXPECT_EQ(nest["version"], "10.3.1");
  EXPECT_EQ(nest["purl"], "pkg:npm/%40nestjs/core@10.3.1");
  EXPECT_EQ(nest["scope"], "required");
  nlohmann::json jest = find("pkg:npm/jest");
  EXPECT_EQ(jest["version"], "^29.0.0");
  EXPECT_EQ(jest["scope"], "optional");
  EXPECT_EQ(find("pkg:pypi/django@4.2.7")["scope"], "required");  // required somewhere wins
  EXPECT_EQ(find("pkg:maven/org.postgresql/postgresql@42.7.1")["group"], "org.postgresql");
  EXPECT_EQ(bom["dependencies"][0]["ref"], bom["metadata"]["component"]["bom-ref"]);
  EXPECT_EQ(bom["dependencies"][0]["dependsOn"].size(), 6u);
}

TEST(Sbom, ReproducibleAndContentAddressed) {
  LicenseSection lic;
  std::string a = write_cyclonedx(sample_stack(), lic, "shop");
  std::string b = write_cyclonedx(sample_stack(), lic, "shop");
  EXPECT_EQ(a, b);
  StackSection other = sample_stack();
  other.manifests[0].dependencies[0].locked_version = "10.3.2";
  std::string c = write_cyclonedx(other, lic, "shop");
  EXPECT_NE(nlohmann::json::parse(a)["serialNumber"], nlohmann::json::parse(c)["serialNumber"]);
  // Licence expressions use the expression form.
  lic.spdx_id = "MIT OR Apache-2.0";
  nlohmann::json bom = nlohmann::json::parse(write_cyclonedx(StackSection{}, lic, ""));
  EXPECT_EQ(bom["metadata"]["component"]["licenses"][0]["expression"], "MIT OR Apache-2.0");
  EXPECT_TRUE(bom["components"].empty());
}

TEST(Sbom, BadBytesInManifestsDoNotBreakTheDocument) {
  StackSection s;
  Manifest gems{"Gemfile", "rubygems", "bundler", "", {}};
  gems.dependencies.push_back({"caf\xe9", "= 1.0", "", false, "runtime", 1});
  s.manifests = {gems};
  nlohmann::json bom = nlohmann::json::parse(write_cyclonedx(s, LicenseSection{}, "p\xff"));
  ASSERT_EQ(bom["components"].size(), 1u);
  EXPECT_EQ(bom["components"][0]["version"], "1.0");
}

// Checks the document against the CycloneDX 1.5 schema with the node validator, when node is available.
TEST(Sbom, ValidatesAgainstCycloneDxSchema) {
  if (std::system("node --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "node not installed";
  std::string validator = std::string(COPILOT_SOURCE_DIR) + "/tests/tools/validate_cyclonedx.js";
  testing::TempDir dir;
  LicenseSection lic;
  lic.spdx_id = "Apache-2.0";
  dir.write("bom.json", write_cyclonedx(sample_stack(), lic, "shop"));
  std::string cmd = "node '" + validator + "' '" + (dir.path() / "bom.json").string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  dir.write("bad.json", R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": 1}]})");
  std::string bad = "node '" + validator + "' '" + (dir.path() / "bad.json").string() + "' > /dev/null 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
}

}  // namespace
}  // namespace copilot::audit
