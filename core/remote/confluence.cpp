#include "remote/confluence.h"

#include "remote/atlassian.h"

namespace copilot::remote {
namespace {

using nlohmann::json;

json storage_body(const ConfluenceDocument& doc) {
  return {{"storage", {{"value", doc.storage}, {"representation", "storage"}}}};
}

int version_of(const json& content) {
  return content.is_object() && content.contains("version")
             ? static_cast<int>(json_integer(content["version"], "number"))
             : 0;
}

PublishedPage page_from(const json& answer, bool created) {
  PublishedPage page;
  page.created = created;
  page.id = json_string(answer, "id");
  page.version = version_of(answer);
  if (answer.is_object() && answer.contains("_links"))
    page.url = json_string(answer["_links"], "base") + json_string(answer["_links"], "webui");
  return page;
}

}  // namespace

Result<ConfluenceSettings> confluence_settings(const config::ConfluenceConfig& c, const Environment& env) {
  ConfluenceSettings s;
  if (c.base_url.empty())
    return Error{
        "Confluence: no site; set confluence.base_url in .copilot.yaml (https://<site>.atlassian.net/wiki "
        "on Cloud)"};
  auto url = expand_environment(c.base_url, env, "confluence.base_url");
  if (!url) return Error{"Confluence: " + url.error().message};
  s.base_url = *url;
  if (c.space.empty()) return Error{"Confluence: no space; set confluence.space (a space key) in .copilot.yaml"};
  s.space = c.space;
  s.title = c.title;
  s.parent_id = c.parent_id;
  auto auth = atlassian_authorization("Confluence", "CONFLUENCE", env);
  if (!auth) return auth.error();
  s.authorization = *auth;
  return s;
}

Result<PublishedPage> publish_page(const ConfluenceDocument& doc, const ConfluenceSettings& s,
                                   const HttpClient& client) {
  AtlassianSite site("Confluence", s.base_url, s.authorization,
                     "check CONFLUENCE_USER and CONFLUENCE_API_TOKEN, or CONFLUENCE_TOKEN, and the space's permissions",
                     client);
  // A title is unique within a space, so it identifies the page across runs.
  auto found = site.call("GET", "/rest/api/content?title=" + url_encode(doc.title) +
                                    "&spaceKey=" + url_encode(s.space) + "&expand=version");
  if (!found) return found.error();
  const json* existing = nullptr;
  if (found->is_object() && found->contains("results") && (*found)["results"].is_array() &&
      !(*found)["results"].empty())
    existing = &(*found)["results"][0];

  if (!existing) {
    json body = {{"type", "page"}, {"title", doc.title}, {"space", {{"key", s.space}}}, {"body", storage_body(doc)}};
    if (!s.parent_id.empty()) body["ancestors"] = json::array({{{"id", s.parent_id}}});
    auto created = site.call("POST", "/rest/api/content", &body);
    if (!created) return created.error();
    return page_from(*created, true);
  }

  std::string id = json_string(*existing, "id");
  int current = version_of(*existing);
  if (id.empty() || current <= 0)
    return Error{"Confluence: the page '" + doc.title + "' was found without an id or version number"};
  json body = {{"id", id},
               {"type", "page"},
               {"title", doc.title},
               {"version", {{"number", current + 1}}},
               {"body", storage_body(doc)}};
  auto updated = site.call("PUT", "/rest/api/content/" + url_encode(id), &body);
  if (!updated) return updated.error();
  return page_from(*updated, false);
}

}  // namespace copilot::remote
