#pragma once
// `--confluence`: publishes a ConfluenceDocument as a page, creating it the
// first time and updating the same page (found by title in the space) after.
#include <string>

#include "config/config.h"
#include "remote/confluence_pages.h"
#include "remote/http.h"
#include "remote/notify_common.h"
#include "util/result.h"

namespace copilot::remote {

struct ConfluenceSettings {
  std::string base_url;  ///< where rest/api lives (…/wiki on Cloud)
  std::string space;
  std::string title;  ///< configured title, or "" for the document's default
  std::string parent_id;
  std::string authorization;  ///< the Authorization header value
};

/// Checks the `confluence:` settings and reads credentials (CONFLUENCE_USER +
/// CONFLUENCE_API_TOKEN, or CONFLUENCE_TOKEN); the error names what is missing.
Result<ConfluenceSettings> confluence_settings(const config::ConfluenceConfig& config, const Environment& env);

struct PublishedPage {
  std::string id;
  int version = 0;
  bool created = false;
  std::string url;  ///< the page in a browser, when Confluence says
};

/// GET content?title=&spaceKey=&expand=version, then POST a new page or PUT the
/// found one with version.number + 1.
Result<PublishedPage> publish_page(const ConfluenceDocument& document, const ConfluenceSettings& settings,
                                   const HttpClient& client);

}  // namespace copilot::remote
