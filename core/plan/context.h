#pragma once
// The one data context every template renders from, derived from the audit
// report. Its keys are documented in docs/PLAN.md; templates do all formatting.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "plan/plan.h"

namespace copilot::plan {

/// A gap before targets are chosen: reported under the first selected target
/// it concerns ("plan" is always selected).
struct PendingGap {
  std::vector<std::string> targets;
  std::string message;
};

struct PlanContext {
  nlohmann::json data;
  std::vector<PendingGap> gaps;
  std::vector<ServiceSummary> services;
};

PlanContext build_context(const nlohmann::json& audit, const PlanRequest& request);

// ---- shared by the context builders (context*.cpp) ----

/// j[key] when it is a string, else "".
std::string text_of(const nlohmann::json& j, std::string_view key);
/// j[key] when it is an array, else an empty array.
const nlohmann::json& list_of(const nlohmann::json& j, std::string_view key);
/// Lowercase letters, digits and '-', starting with a letter, at most 40 characters:
/// safe as a Kubernetes name, an image name and a job id.
std::string slug(std::string_view name);
/// The directory part of a '/'-separated path ("" at the root).
std::string dir_of(std::string_view path);
/// True when `path` lies in `dir` ("" is the root and holds everything).
bool under(std::string_view path, std::string_view dir);
/// A JSON array of strings, the exec form of a Dockerfile CMD.
std::string exec_form(const std::vector<std::string>& argv);
/// Splits a shell-like command on spaces, honouring simple quotes.
std::vector<std::string> split_command(std::string_view command);

/// The databases and caches the audit found, as template data (engine, image,
/// version, port, the variable the code reads and a URL for local development).
nlohmann::json backing_services(const nlohmann::json& audit, const std::string& project, std::vector<PendingGap>& gaps);

/// Fills one service's toolchain fields (commands, images, resources) from
/// its language and package manager; adds gaps for what had to be guessed.
void add_toolchain(nlohmann::json& service, const nlohmann::json& audit, std::vector<PendingGap>& gaps);

}  // namespace copilot::plan
