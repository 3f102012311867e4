// Confluence: the audit page in storage format (well-formed XHTML, everything
// escaped), and publishing it against a stand-in that checks each request as
// Confluence's REST documentation describes it: the lookup by title and space
// with expand=version, the create body, and an update whose version.number is
// the current one plus one.
#include "remote/confluence.h"

#include <gtest/gtest.h>

#include <mutex>

#include "loopback_server.h"
#include "notify_fixtures.h"

namespace copilot::remote {
namespace {

using nlohmann::json;
using testing::LoopbackServer;

const std::string kBearer = "Bearer conf-pat";

/// "" when `xhtml` is well-formed XML (tags nest, attributes are quoted, only
/// the XML entities and numeric references appear); else the first problem.
std::string xml_problem(const std::string& xhtml) {
  std::vector<std::string> open;
  for (size_t i = 0; i < xhtml.size(); ++i) {
    char c = xhtml[i];
    if (c == '&') {
      size_t semi = xhtml.find(';', i);
      std::string entity = semi == std::string::npos ? "" : xhtml.substr(i, semi - i + 1);
      bool numeric =
          entity.size() > 3 && entity[1] == '#' && entity.find_first_not_of("0123456789", 2) == entity.size() - 1;
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && !numeric)
        return "bad entity at " + std::to_string(i);
      continue;
    }
    if (c == '>') return "raw > at " + std::to_string(i);
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
      return "control character at " + std::to_string(i);
    if (c != '<') continue;
    size_t end = xhtml.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    std::string tag = xhtml.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return "< inside a tag at " + std::to_string(i);
    if (std::count(tag.begin(), tag.end(), '"') % 2) return "unbalanced quotes in <" + tag + ">";
    bool closing = tag[0] == '/', self_closing = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" /", closing ? 1 : 0) - (closing ? 1 : 0));
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
      open.pop_back();
    } else if (!self_closing) {
      open.push_back(name);
    }
    i = end;
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

struct StoredPage {
  std::string id, title, space, storage, parent;
  int version = 1;
};

class ConfluenceStandIn {
 public:
  ConfluenceStandIn() {
    auto& http = server_.http();
    http.Get("/wiki/rest/api/content", [this](const auto& req, auto& res) { find(req, res); });
    http.Post("/wiki/rest/api/content", [this](const auto& req, auto& res) { create(req, res); });
    http.Put(R"(/wiki/rest/api/content/(\d+))", [this](const auto& req, auto& res) { update(req, res); });
  }
  std::string start() { return server_.start() + "/wiki"; }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
  }
  std::vector<StoredPage> pages() const {
    std::lock_guard lock(mutex_);
    return pages_;
  }
  std::vector<std::string> requests() const {
    std::vector<std::string> out;
    for (const auto& r : server_.seen()) out.push_back(r.method + " " + r.path);
    return out;
  }
  std::set<std::string> spaces = {"ENG"};
  /// Someone edits the page in the browser right after each lookup.
  bool edited_after_lookup = false;

 private:
  bool accept(const httplib::Request& req, httplib::Response& res, json* body) {
    if (req.get_header_value("Authorization") != kBearer) {
      answer(res, 401, "This request requires authentication");
      return false;
    }
    std::string problem;
    if (req.get_header_value("Accept") != "application/json") problem = "Accept is not JSON";
    if (problem.empty() && body) {
      if (req.get_header_value("Content-Type") != "application/json") problem = "Content-Type is not JSON";
      *body = json::parse(req.body, nullptr, false);
      if (problem.empty()) problem = content_problem(*body);
    }
    if (problem.empty()) return true;
    std::lock_guard lock(mutex_);
    problems_.push_back(problem);
    answer(res, 400, "stand-in: " + problem);
    return false;
  }

  static void answer(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(
        json{{"statusCode", status}, {"data", {{"authorized", status != 401}}}, {"message", message}}.dump(),
        "application/json");
  }

  static std::string content_problem(const json& b) {
    if (!b.is_object() || b.value("type", "") != "page") return "type must be page";
    if (b.value("title", "").empty()) return "title is required";
    if (!b.contains("body") || !b["body"].contains("storage")) return "body.storage is required";
    const json& storage = b["body"]["storage"];
    if (storage.value("representation", "") != "storage") return "representation must be storage";
    if (!storage.contains("value") || !storage["value"].is_string()) return "body.storage.value must be a string";
    std::string xml = xml_problem(storage["value"]);
    return xml.empty() ? "" : "storage is not well-formed: " + xml;
  }

  json content(const StoredPage& p) const {
    return {{"id", p.id},
            {"type", "page"},
            {"status", "current"},
            {"title", p.title},
            {"version", {{"number", p.version}}},
            {"_links", {{"webui", "/spaces/" + p.space + "/pages/" + p.id}, {"base", server_.url() + "/wiki"}}}};
  }

  void find(const httplib::Request& req, httplib::Response& res) {
    if (!accept(req, res, nullptr)) return;
    if (req.get_param_value("expand") != "version" || !req.has_param("title") || !req.has_param("spaceKey")) {
      std::lock_guard lock(mutex_);
      problems_.push_back("lookup needs title, spaceKey and expand=version");
      return answer(res, 400, "bad lookup");
    }
    std::lock_guard lock(mutex_);
    json results = json::array();
    for (const auto& p : pages_)
      if (p.title == req.get_param_value("title") && p.space == req.get_param_value("spaceKey"))
        results.push_back(content(p));
    res.set_content(json{{"results", results}, {"start", 0}, {"limit", 25}, {"size", results.size()}}.dump(),
                    "application/json");
    if (edited_after_lookup)
      for (auto& p : pages_) ++p.version;
  }

  void create(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    std::string space = body.contains("space") ? body["space"].value("key", "") : "";
    if (!spaces.count(space)) return answer(res, 404, "No space with key : " + space);
    std::lock_guard lock(mutex_);
    for (const auto& p : pages_)
      if (p.title == body["title"] && p.space == space)
        return answer(res, 400, "A page with this title already exists");
    StoredPage page{std::to_string(1000 + pages_.size()), body["title"], space, body["body"]["storage"]["value"], ""};
    if (body.contains("ancestors")) page.parent = body["ancestors"].at(0).value("id", "");
    pages_.push_back(page);
    res.set_content(content(page).dump(), "application/json");
  }

  void update(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    std::lock_guard lock(mutex_);
    for (auto& p : pages_) {
      if (p.id != req.matches[1]) continue;
      int asked = body.contains("version") ? body["version"].value("number", 0) : 0;
      if (asked != p.version + 1)
        return answer(res, 409,
                      "Version must be incremented on update. Current version is: " + std::to_string(p.version));
      p.version = asked;
      p.title = body["title"];
      p.storage = body["body"]["storage"]["value"];
      return res.set_content(content(p).dump(), "application/json");
    }
    answer(res, 404, "No content with id " + std::string(req.matches[1]));
  }

  LoopbackServer server_;
  mutable std::mutex mutex_;
  std::vector<std::string> problems_;
  std::vector<StoredPage> pages_;
};

ConfluenceSettings settings_for(const std::string& base_url) {
  config::ConfluenceConfig c;
  c.base_url = base_url;
  c.space = "ENG";
  auto s = confluence_settings(c, {{"CONFLUENCE_TOKEN", "conf-pat"}});
  EXPECT_TRUE(s) << s.error().message;
  return *s;
}

TEST(XhtmlEscape, EscapesMarkupDropsControlsAndRepairsUtf8) {
  EXPECT_EQ(xhtml_escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(xhtml_escape("a\x01\x1f"
                         "b\tc\n"),
            "ab\tc\n");
  EXPECT_EQ(xhtml_escape("caf\xc3\xa9 \xff end \xe2\x82"), "caf\xc3\xa9 \xef\xbf\xbd end \xef\xbf\xbd\xef\xbf\xbd");
}

TEST(AuditPage, IsWellFormedWithTablesAndEscapedText) {
  auto report = testing::sample_audit();
  report.readiness.items[1].reason = "no <pipeline> & \"no\" tests\x02";
  report.secrets.findings[0].file = "conf/<evil>.py";
  auto page = audit_page(report, {"acme/shop", "0123456789abcdef", "https://ci/run?a=1&b=2"}, "");
  EXPECT_EQ(page.title, "copilot audit: acme/shop");
  EXPECT_EQ(xml_problem(page.storage), "") << page.storage;
  for (const char* part : {"<h2>Readiness: 60/100</h2>", "<h2>Languages</h2>", "<h2>Findings</h2>",
                           "no &lt;pipeline&gt; &amp; &quot;no&quot; tests", "conf/&lt;evil&gt;.py:7",
                           "<td>Python</td><td>10</td><td>800</td>", "https://ci/run?a=1&amp;b=2",
                           "<code>DATABASE_URL</code>", "ac:name=\"status\""})
    EXPECT_NE(page.storage.find(part), std::string::npos) << part;
  EXPECT_EQ(audit_page(report, {}, "Nightly audit").title, "Nightly audit");
  EXPECT_EQ(audit_page(report, {}, "").title, "copilot audit: shop");
}

TEST(ConfluencePublish, CreatesThenUpdatesTheSamePageWithTheNextVersion) {
  ConfluenceStandIn confluence;
  auto settings = settings_for(confluence.start());
  HttpClient client(testing::no_sleep_policy());
  auto doc = audit_page(testing::sample_audit(), {"acme/shop", "", ""}, "");
  auto first = publish_page(doc, settings, client);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->version, 1);
  EXPECT_NE(first->url.find("/wiki/spaces/ENG/pages/1000"), std::string::npos) << first->url;
  for (int expected = 2; expected <= 3; ++expected) {
    auto next = publish_page(doc, settings, client);
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_FALSE(next->created);
    EXPECT_EQ(next->id, first->id);
    EXPECT_EQ(next->version, expected);
  }
  EXPECT_EQ(confluence.pages().size(), 1u);
  EXPECT_EQ(confluence.requests(),
            (std::vector<std::string>{"GET /wiki/rest/api/content", "POST /wiki/rest/api/content",
                                      "GET /wiki/rest/api/content", "PUT /wiki/rest/api/content/1000",
                                      "GET /wiki/rest/api/content", "PUT /wiki/rest/api/content/1000"}));
  EXPECT_EQ(confluence.problems(), std::vector<std::string>{});
}

TEST(ConfluencePublish, TitleWithSpecialCharactersAndAParent) {
  ConfluenceStandIn confluence;
  auto settings = settings_for(confluence.start());
  settings.parent_id = "777";
  HttpClient client(testing::no_sleep_policy());
  auto doc = audit_page(testing::sample_audit(), {}, "Audit: a&b / c?d=1 #2");
  ASSERT_TRUE(publish_page(doc, settings, client));
  auto again = publish_page(doc, settings, client);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->created) << "the encoded title found the page again";
  ASSERT_EQ(confluence.pages().size(), 1u);
  EXPECT_EQ(confluence.pages()[0].title, "Audit: a&b / c?d=1 #2");
  EXPECT_EQ(confluence.pages()[0].parent, "777");
  EXPECT_EQ(confluence.problems(), std::vector<std::string>{});
}

TEST(ConfluencePublish, ConcurrentEditIsAConflictQuotedFromConfluence) {
  ConfluenceStandIn confluence;
  auto settings = settings_for(confluence.start());
  HttpClient client(testing::no_sleep_policy());
  auto doc = audit_page(testing::sample_audit(), {}, "");
  ASSERT_TRUE(publish_page(doc, settings, client));
  confluence.edited_after_lookup = true;
  auto conflict = publish_page(doc, settings, client);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().message,
            "Confluence: PUT /rest/api/content/1000: HTTP 409: Version must be incremented on update. Current "
            "version is: 2");
  EXPECT_EQ(confluence.problems(), std::vector<std::string>{});
}

TEST(ConfluencePublish, ErrorsQuoteConfluenceAndNameTheCredentials) {
  ConfluenceStandIn confluence;
  std::string base = confluence.start();
  auto settings = settings_for(base);
  settings.space = "NOPE";
  HttpClient client(testing::no_sleep_policy());
  auto doc = audit_page(testing::sample_audit(), {}, "");
  auto missing_space = publish_page(doc, settings, client);
  ASSERT_FALSE(missing_space);
  EXPECT_EQ(missing_space.error().message, "Confluence: POST /rest/api/content: HTTP 404: No space with key : NOPE");
  settings.authorization = "Bearer wrong-pat";
  auto unauthorised = publish_page(doc, settings, client);
  ASSERT_FALSE(unauthorised);
  EXPECT_NE(unauthorised.error().message.find("HTTP 401: This request requires authentication"), std::string::npos);
  EXPECT_NE(unauthorised.error().message.find("CONFLUENCE_TOKEN"), std::string::npos);
  EXPECT_EQ(unauthorised.error().message.find("wrong-pat"), std::string::npos);
}

TEST(ConfluenceSettings, NameWhatIsMissing) {
  config::ConfluenceConfig c;
  auto message = [&](const Environment& env) {
    auto s = confluence_settings(c, env);
    return s ? std::string("ok") : s.error().message;
  };
  const Environment env = {{"CONFLUENCE_USER", "ada"}, {"CONFLUENCE_API_TOKEN", "t"}};
  EXPECT_NE(message(env).find("set confluence.base_url"), std::string::npos);
  c.base_url = "https://x.atlassian.net/wiki";
  EXPECT_NE(message(env).find("set confluence.space"), std::string::npos);
  c.space = "ENG";
  EXPECT_NE(message({}).find("CONFLUENCE_USER and CONFLUENCE_API_TOKEN (Cloud) or CONFLUENCE_TOKEN"),
            std::string::npos);
  EXPECT_EQ(message(env), "ok");
}

}  // namespace
}  // namespace copilot::remote
