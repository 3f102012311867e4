// Backing services (databases, caches) the application talks to: the image
// to run locally, the managed service to price, and how the application
// finds it (the variable it reads, and a URL for local development).
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "plan/context.h"

namespace copilot::plan {

using nlohmann::json;

namespace {

struct BackingKind {
  std::string_view engine, name, image, default_tag;
  int port;
  std::array<std::string_view, 4> variables;  // what applications call its address, most usual first
};
// Engines the plan can run next to the application (compose) or as a managed service (Terraform).
constexpr BackingKind kBacking[] = {
    {"postgresql", "postgres", "postgres", "16", 5432, {"DATABASE_URL", "POSTGRES_URL", "POSTGRESQL_URL", "PG_URL"}},
    {"mysql", "mysql", "mysql", "8.0", 3306, {"DATABASE_URL", "MYSQL_URL", "", ""}},
    {"mongodb", "mongo", "mongo", "7", 27017, {"MONGODB_URL", "MONGODB_URI", "MONGO_URL", "MONGO_URI"}},
    {"redis", "redis", "redis", "7", 6379, {"REDIS_URL", "CACHE_URL", "REDIS_ADDR", "REDIS_HOST"}},
};

// The tag of a compose image for this engine ("postgres:16" → "16"), or "".
std::string compose_tag(const json& audit, std::string_view image) {
  for (const auto& file : list_of(audit["services"], "compose"))
    for (const auto& svc : list_of(file, "services")) {
      std::string img = text_of(svc, "image");
      std::string prefix = std::string(image) + ":";
      if (img.rfind(prefix, 0) == 0 || img.find("/" + prefix) != std::string::npos)
        return img.substr(img.rfind(':') + 1);
    }
  return "";
}

// The major version of a tag: "16.2-alpine" → "16"; MySQL keeps "8.0".
std::string major_of(std::string_view engine, std::string_view tag) {
  size_t end = 0;
  while (end < tag.size() && (std::isdigit(static_cast<unsigned char>(tag[end])) || tag[end] == '.')) ++end;
  std::string digits(tag.substr(0, end));
  if (engine != "mysql") digits = digits.substr(0, digits.find('.'));
  return digits;
}

// The URL scheme the code uses for this engine ("postgresql+psycopg"), from the
// audit's evidence, so a local URL works with the driver the code loads.
std::string scheme_in_evidence(const json& db, std::string_view fallback) {
  for (const auto& ev : list_of(db, "evidence")) {
    std::string text = text_of(ev, "text");
    size_t sep = text.find("://");
    if (sep == std::string::npos) continue;
    size_t start = sep;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '+')) --start;
    std::string scheme = text.substr(start, sep - start);
    if (scheme.rfind(std::string(fallback).substr(0, 5), 0) == 0) return scheme;
  }
  return std::string(fallback);
}

std::string local_address(const BackingKind& kind, const json& db, const std::string& url_env,
                          const std::string& database) {
  std::string host = std::string(kind.name), port = std::to_string(kind.port);
  if (url_env == "REDIS_HOST") return host;
  if (url_env == "REDIS_ADDR") return host + ":" + port;
  if (kind.engine == "postgresql")
    return scheme_in_evidence(db, "postgresql") + "://app:${POSTGRES_PASSWORD:-local-only}@" + host + ":" + port + "/" +
           database;
  if (kind.engine == "mysql")
    return scheme_in_evidence(db, "mysql") + "://app:${MYSQL_PASSWORD:-local-only}@" + host + ":" + port + "/" +
           database;
  if (kind.engine == "mongodb") return "mongodb://" + host + ":" + port + "/" + database;
  return "redis://" + host + ":" + port + "/0";
}

}  // namespace

json backing_services(const json& audit, const std::string& project, std::vector<PendingGap>& gaps) {
  json out = json::array();
  std::set<std::string> read;
  for (const auto& v : list_of(audit["configuration"], "variables")) read.insert(text_of(v, "name"));
  std::string database = project;
  std::replace(database.begin(), database.end(), '-', '_');
  for (const auto& db : list_of(audit["data"], "databases")) {
    std::string engine = text_of(db, "engine");
    auto kind = std::find_if(std::begin(kBacking), std::end(kBacking),
                             [&](const BackingKind& k) { return k.engine == engine; });
    if (kind == std::end(kBacking)) {
      if (engine != "sqlite")
        gaps.push_back(
            {{"compose", "terraform", "cost"}, engine + " is used but not planned: run and price it yourself"});
      continue;
    }
    std::string tag = compose_tag(audit, kind->image);
    if (tag.empty()) tag = std::string(kind->default_tag);
    std::string url_env(kind->variables[0]);
    for (auto name : kind->variables)
      if (!name.empty() && read.count(std::string(name))) {
        url_env = name;
        break;
      }
    if (engine == "mongodb")
      gaps.push_back({{"terraform", "cost"},
                      "mongodb: no managed MongoDB in the Terraform plan or the estimate (MongoDB Atlas or Amazon "
                      "DocumentDB would be priced separately); set " +
                          url_env + " yourself"});
    out.push_back({{"engine", engine},
                   {"name", std::string(kind->name)},
                   {"image", std::string(kind->image) + ":" + tag},
                   {"version", major_of(engine, tag)},
                   {"port", kind->port},
                   {"url_env", url_env},
                   {"local_url", local_address(*kind, db, url_env, database)},
                   {"scheme", scheme_in_evidence(db, kind->engine == "postgresql" ? "postgresql" : kind->engine)},
                   {"address_is_host", url_env == "REDIS_HOST"},
                   {"address_is_host_port", url_env == "REDIS_ADDR"},
                   {"address_is_url", url_env != "REDIS_HOST" && url_env != "REDIS_ADDR"},
                   {"database", database},
                   {engine, true}});
  }
  return out;
}

}  // namespace copilot::plan
