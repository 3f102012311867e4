#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace copilot::util {
namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close_both() {
    for (int& f : fd)
      if (f >= 0) ::close(f), f = -1;
  }
};

// In the child: wire the pipes, change directory, exec. Never returns; an
// errno it could not get past is written to `report` for the parent.
[[noreturn]] void exec_child(const ProcessRequest& req, Pipe& out, Pipe& err, Pipe& report) {
  ::setpgid(0, 0);
  int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) ::dup2(null_fd, 0);
  ::dup2(out.fd[1], 1);
  ::dup2(err.fd[1], 2);
  int code = 0;
  if (!req.cwd.empty() && ::chdir(req.cwd.c_str()) != 0) code = errno;
  if (code == 0) {
    for (const auto& [k, v] : req.env) ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    for (const auto& a : req.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    code = errno;
  }
  (void)!::write(report.fd[1], &code, sizeof code);
  ::_exit(127);
}

}  // namespace

Result<ProcessResult> run_process(const ProcessRequest& req) {
  if (req.argv.empty()) return Error{"no command to run"};
  Pipe out, err, report;
  if (!out.open() || !err.open() || !report.open()) {
    int e = errno;
    out.close_both(), err.close_both(), report.close_both();
    return Error{std::string("cannot create pipes: ") + std::strerror(e)};
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    int e = errno;
    out.close_both(), err.close_both(), report.close_both();
    return Error{std::string("cannot start ") + req.argv[0] + ": " + std::strerror(e)};
  }
  if (pid == 0) exec_child(req, out, err, report);

  ::close(out.fd[1]), ::close(err.fd[1]), ::close(report.fd[1]);
  int exec_errno = 0;
  ssize_t got = ::read(report.fd[0], &exec_errno, sizeof exec_errno);
  ::close(report.fd[0]);
  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    ::close(out.fd[0]), ::close(err.fd[0]);
    ::waitpid(pid, nullptr, 0);
    return Error{"cannot run " + req.argv[0] + ": " + std::strerror(exec_errno)};
  }

  ProcessResult result;
  ::fcntl(out.fd[0], F_SETFL, O_NONBLOCK);
  ::fcntl(err.fd[0], F_SETFL, O_NONBLOCK);
  int out_fd = out.fd[0], err_fd = err.fd[0];
  auto deadline = std::chrono::steady_clock::now() + req.timeout;
  char buf[65536];
  while (out_fd >= 0 || err_fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (n < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t r = ::read(fds[i].fd, buf, sizeof buf);
      if (r > 0) {
        (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(r));
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        ::close(fds[i].fd);
        (i == 0 ? out_fd : err_fd) = -1;
      }
    }
  }
  for (int fd : {out_fd, err_fd})
    if (fd >= 0) ::close(fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Grandchildren that kept running past a timeout go with the group.
  if (result.timed_out) ::kill(-pid, SIGKILL);
  result.exit_code = !result.timed_out && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace copilot::util
