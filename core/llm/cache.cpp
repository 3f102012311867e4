#include "llm/cache.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/hash.h"

namespace copilot::llm {
namespace {

long long epoch_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

Cache::Cache(CacheOptions options, Now now) : options_(std::move(options)), now_(std::move(now)) {
  if (!now_) now_ = [] { return std::chrono::system_clock::now(); };
}

std::string Cache::key(const std::string& model, const ChatRequest& request) {
  nlohmann::json j = {{"model", model},
                      {"max_tokens", request.max_tokens},
                      {"temperature", request.temperature},
                      {"schema", request.json_schema ? *request.json_schema : nlohmann::json()}};
  for (const auto& m : request.messages) j["messages"].push_back({m.role, m.content});
  std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return util::hash_hex(text, 0) + util::hash_hex(text, 0x9e3779b97f4a7c15ull);
}

std::optional<ChatResponse> Cache::get(const std::string& key) const {
  std::ifstream in(path_of(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto j = nlohmann::json::parse(text.str());
    if (epoch_seconds(now_()) - j.at("created").get<long long>() > options_.ttl.count()) {
      std::error_code ec;
      std::filesystem::remove(path_of(key), ec);
      return std::nullopt;
    }
    ChatResponse r;
    r.content = j.at("content").get<std::string>();
    r.model = j.value("model", "");
    r.provider = j.value("provider", "");
    r.usage.prompt_tokens = j.value("prompt_tokens", 0LL);
    r.usage.completion_tokens = j.value("completion_tokens", 0LL);
    r.cached = true;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged entry is a miss; the next put replaces it
  }
}

Result<void> Cache::put(const std::string& key, const ChatResponse& response) {
  std::error_code ec;
  std::filesystem::create_directories(options_.dir, ec);
  if (ec) return Error{"LLM cache " + options_.dir.string() + ": " + ec.message()};
  // The default place is inside the repository (.copilot/cache/llm): git and
  // the workspace walk must not see the entries as files of the project.
  if (auto ignore = options_.dir / ".gitignore"; !std::filesystem::exists(ignore, ec)) std::ofstream(ignore) << "*\n";
  nlohmann::json j = {{"created", epoch_seconds(now_())},
                      {"model", response.model},
                      {"provider", response.provider},
                      {"content", response.content},
                      {"prompt_tokens", response.usage.prompt_tokens},
                      {"completion_tokens", response.usage.completion_tokens}};
  std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Renamed into place so readers never see half an entry, but not synced:
  // an entry lost in a crash is only a miss, and fsync would cost more than
  // the rest of the request's overhead together.
  std::filesystem::path target = path_of(key);
  std::filesystem::path temporary = target;
  temporary += ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(++writes_);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::filesystem::remove(temporary, ec);
      return Error{"LLM cache " + temporary.string() + ": cannot write"};
    }
  }
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return Error{"LLM cache " + target.string() + ": " + ec.message()};
  }
  // The directory is scanned on the first write and whenever the running
  // total passes the limit, not on every write.
  std::lock_guard lock(mutex_);
  if (!total_)
    total_ = evict_to_limit();
  else
    *total_ += text.size();
  if (*total_ > options_.max_bytes) total_ = evict_to_limit();
  return {};
}

uint64_t Cache::evict_to_limit() {
  struct Entry {
    std::filesystem::path path;
    std::filesystem::file_time_type written;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(options_.dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::error_code fe;
    uint64_t size = e.file_size(fe);
    auto when = e.last_write_time(fe);
    if (fe) continue;
    entries.push_back({e.path(), when, size});
    total += size;
  }
  if (total <= options_.max_bytes) return total;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.written < b.written; });
  for (const auto& e : entries) {
    if (total <= options_.max_bytes) break;
    std::filesystem::remove(e.path, ec);
    total -= e.size;
  }
  return total;
}

}  // namespace copilot::llm
