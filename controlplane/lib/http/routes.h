#pragma once
// The route groups, one file each; api_routes() (routes.cpp) joins them.
#include <vector>

#include "http/server.h"

namespace copilot::controlplane {

std::vector<Route> directory_routes();  ///< tenant, tenants, users
std::vector<Route> key_routes();
std::vector<Route> project_routes();  ///< projects, runs, artifacts
std::vector<Route> audit_routes();
std::vector<Route> llm_routes();  ///< quotas, reservations, chat, usage

}  // namespace copilot::controlplane
