#include "release/lock.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "release/journal.h"
#include "util/files.h"

namespace copilot::release {
namespace {

std::string this_host() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

}  // namespace

std::string LockHolder::describe() const {
  std::string text = "release " + release + " (pid " + std::to_string(pid) + " on " + host + ", since " + since;
  if (!command.empty()) text += ", `" + command + "`";
  return text + (dead ? "; that process is no longer running)" : ")");
}

std::optional<LockHolder> ReleaseLock::holder(const std::filesystem::path& file) {
  auto text = util::read_file(file);
  if (!text) return std::nullopt;
  LockHolder h;
  try {
    auto j = nlohmann::json::parse(*text);
    h.host = j.value("host", "");
    h.pid = j.value("pid", 0L);
    h.release = j.value("release", "");
    h.since = j.value("since", "");
    h.command = j.value("command", "");
  } catch (const nlohmann::json::exception&) {
    h.release = "unknown (unreadable lock file " + file.string() + ")";
    return h;
  }
  h.dead = h.host == this_host() && h.pid > 0 && ::kill(static_cast<pid_t>(h.pid), 0) != 0 && errno == ESRCH;
  return h;
}

Result<ReleaseLock> ReleaseLock::acquire(const std::filesystem::path& file, const std::string& release,
                                         const std::string& command, bool take_over_dead, bool force) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  nlohmann::json me = {{"host", this_host()},
                       {"pid", static_cast<long>(::getpid())},
                       {"release", release},
                       {"since", now_rfc3339()},
                       {"command", command}};
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      std::string text = me.dump() + "\n";
      bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
      ::close(fd);
      if (!ok) {
        std::filesystem::remove(file, ec);
        return Error{file.string() + ": cannot write the release lock"};
      }
      return ReleaseLock(file);
    }
    if (errno != EEXIST) return Error{file.string() + ": cannot create the release lock: " + std::strerror(errno)};
    auto h = holder(file);
    if (!h) continue;  // released meanwhile
    if (!(force || (take_over_dead && h->dead))) {
      std::string hint =
          h->dead ? "; `--break-lock` takes it over" : "; if that holder is gone, `--break-lock` takes it over";
      return Error{"another release holds the lock of this environment: " + h->describe() + hint};
    }
    std::filesystem::remove(file, ec);
  }
  return Error{file.string() + ": the release lock keeps changing hands; try again"};
}

ReleaseLock::ReleaseLock(ReleaseLock&& other) noexcept : file_(std::move(other.file_)) {
  other.file_.clear();
}

ReleaseLock::~ReleaseLock() {
  if (file_.empty()) return;
  std::error_code ec;
  std::filesystem::remove(file_, ec);
}

}  // namespace copilot::release
