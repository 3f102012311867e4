#include "release/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>

namespace copilot::release {

std::string to_string(ReleaseStatus status) {
  switch (status) {
    case ReleaseStatus::kRunning: return "running";
    case ReleaseStatus::kPaused: return "paused";
    case ReleaseStatus::kSucceeded: return "succeeded";
    case ReleaseStatus::kFailed: return "failed";
    case ReleaseStatus::kAborted: return "aborted";
    case ReleaseStatus::kRolledBack: return "rolled-back";
  }
  return "unknown";
}

namespace {

ReleaseStatus status_from(const std::string& text) {
  for (auto s : {ReleaseStatus::kRunning, ReleaseStatus::kPaused, ReleaseStatus::kSucceeded, ReleaseStatus::kFailed,
                 ReleaseStatus::kAborted, ReleaseStatus::kRolledBack})
    if (to_string(s) == text) return s;
  return ReleaseStatus::kFailed;
}

}  // namespace

std::string now_rfc3339() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03lldZ", buf, static_cast<long long>(ms));
  return out;
}

nlohmann::json split_json(const Split& split) {
  return {{"stable", split.stable}, {"canary", split.canary}, {"canary_weight", split.canary_weight}};
}

Split split_from_json(const nlohmann::json& j) {
  return {j.value("stable", ""), j.value("canary", ""), j.value("canary_weight", 0)};
}

std::string describe(const Split& split) {
  if (split.canary.empty() || split.canary_weight == 0) return "100% " + split.stable;
  if (split.canary_weight >= 100 || split.stable.empty()) return "100% " + split.canary;
  return std::to_string(100 - split.canary_weight) + "% " + split.stable + ", " + std::to_string(split.canary_weight) +
         "% " + split.canary;
}

void Journal::apply(const nlohmann::json& e) {
  const std::string type = e.value("type", "");
  if (type == "begin") {
    ReleaseRecord r;
    r.id = e.value("release", "");
    r.kind = e.value("kind", "release");
    r.version = e.value("version", "");
    r.stable_version = e.value("stable", "");
    r.strategy = e.value("strategy", "");
    r.steps = e.value("steps", std::vector<int>{});
    r.pause_ms = e.value("pause_ms", 0LL);
    r.commit = e.value("commit", "");
    r.started = e.value("time", "");
    r.begin = e;
    releases_.push_back(std::move(r));
    return;
  }
  ReleaseRecord* r = nullptr;
  for (auto& candidate : releases_)
    if (candidate.id == e.value("release", "")) r = &candidate;
  if (!r) return;
  if (type == "intent") {
    r->pending = PendingAction{e.value("key", ""), e.value("action", ""), e.value("step", 0),
                               split_from_json(e.value("split", nlohmann::json::object()))};
    if (r->status == ReleaseStatus::kPaused) r->status = ReleaseStatus::kRunning;
  } else if (type == "done") {
    if (r->pending && r->pending->key == e.value("key", "")) {
      if (r->pending->action != "prepare") {
        r->split = r->pending->split;
        if (r->pending->step > 0) r->step = r->pending->step;
      }
      r->pending.reset();
    }
  } else if (type == "analysis") {
    if (e.value("outcome", "") == "pass") r->analysed_step = std::max(r->analysed_step, e.value("step", 0));
  } else if (type == "pause") {
    r->status = ReleaseStatus::kPaused;
    r->reason = e.value("reason", "");
  } else if (type == "resume") {
    r->status = ReleaseStatus::kRunning;
  } else if (type == "end") {
    r->status = status_from(e.value("status", "failed"));
    r->reason = e.value("reason", "");
    r->ended = e.value("time", "");
  }
}

Result<void> Journal::load() {
  releases_.clear();
  std::ifstream in(file_);
  if (!in) return {};  // no journal yet: no releases
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    nlohmann::json entry;
    try {
      entry = nlohmann::json::parse(lines[i]);
    } catch (const nlohmann::json::exception&) {
      if (i + 1 == lines.size()) break;  // a torn final write: that action never started
      return Error{file_.string() + ":" + std::to_string(i + 1) + ": not a JSON journal entry"};
    }
    if (!entry.is_object() || !entry.contains("type"))
      return Error{file_.string() + ":" + std::to_string(i + 1) + ": journal entry has no type"};
    apply(entry);
  }
  return {};
}

Result<void> Journal::append(nlohmann::json entry) {
  if (!entry.contains("time")) entry["time"] = now_rfc3339();
  std::string line = entry.dump() + "\n";
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Error{file_.string() + ": cannot open the journal: " + std::strerror(errno)};
  // A torn last line is an entry whose write never finished, so its action
  // never started: cut it off before appending.
  off_t size = ::lseek(fd, 0, SEEK_END);
  if (size > 0) {
    std::string tail(static_cast<size_t>(std::min<off_t>(size, 1 << 16)), '\0');
    off_t from = size - static_cast<off_t>(tail.size());
    if (::pread(fd, tail.data(), tail.size(), from) == static_cast<ssize_t>(tail.size()) && tail.back() != '\n') {
      size_t newline = tail.rfind('\n');
      off_t keep = newline == std::string::npos ? from : from + static_cast<off_t>(newline) + 1;
      if (::ftruncate(fd, keep) != 0) {
        ::close(fd);
        return Error{file_.string() + ": cannot repair the journal's torn last line"};
      }
    }
  }
  ssize_t written = ::write(fd, line.data(), line.size());
  bool ok = written == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  if (!ok) return Error{file_.string() + ": cannot write the journal: " + std::strerror(saved)};
  apply(entry);
  return {};
}

const ReleaseRecord* Journal::active() const {
  for (auto it = releases_.rbegin(); it != releases_.rend(); ++it)
    if (!it->ended_already()) return &*it;
  return nullptr;
}

const ReleaseRecord* Journal::find(const std::string& id) const {
  if (id.empty()) return releases_.empty() ? nullptr : &releases_.back();
  for (const auto& r : releases_)
    if (r.id == id) return &r;
  return nullptr;
}

std::string Journal::next_id(const std::string& environment) const {
  return environment + "-" + std::to_string(releases_.size() + 1);
}

}  // namespace copilot::release
