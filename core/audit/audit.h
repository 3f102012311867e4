#pragma once
// `copilot audit`: what a repository contains and how ready it is for production.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/ci.h"
#include "audit/data.h"
#include "audit/env_config.h"
#include "audit/git_insight.h"
#include "audit/languages.h"
#include "audit/license.h"
#include "audit/readiness.h"
#include "audit/secrets.h"
#include "audit/services.h"
#include "audit/stack.h"
#include "audit/test_suites.h"
#include "util/diagnostics.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace copilot::audit {

inline constexpr const char* kAuditSchemaVersion = "1.0";

struct AuditReport {
  std::string project;  ///< directory name of the audited root
  bool git = false;     ///< whether git was used to list files
  LanguagesSection languages;
  StackSection stack;
  TestsSection tests;
  ServicesSection services;
  ConfigSection configuration;
  DataSection data;
  CiSection ci;
  SecretsSection secrets;
  LicenseSection license;
  GitSection history;
  ReadinessSection readiness;
  std::vector<Diagnostic> warnings;
};

struct AuditRequest {
  std::filesystem::path root;
  workspace::WalkOptions walk;
  AuditOptions options;
  int64_t now_unix = 0;  ///< "now" for the history window; 0 = the clock
  /// Called as each phase starts; the CLI turns it into a progress line.
  std::function<void(const std::string& phase)> on_phase;
};

/// Runs every detector. Fails only when the root cannot be read at all;
/// problems with single files are warnings in the report.
Result<AuditReport> run_audit(const AuditRequest& request);

nlohmann::json to_json(const AuditReport& report);

}  // namespace copilot::audit
