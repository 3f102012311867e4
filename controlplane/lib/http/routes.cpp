#include "http/routes.h"

namespace copilot::controlplane {

std::vector<Route> api_routes() {
  std::vector<Route> all;
  for (auto group : {directory_routes, key_routes, project_routes, audit_routes, llm_routes}) {
    for (Route& r : group()) all.push_back(std::move(r));
  }
  return all;
}

}  // namespace copilot::controlplane
