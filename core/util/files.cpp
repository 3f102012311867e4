#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace copilot::util {

Result<std::string> read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{path.string() + ": " + std::strerror(errno)};
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Error{path.string() + ": " + std::strerror(err)};
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

namespace {

/// Writes every byte to `fd`, retrying short writes; returns errno or 0.
int write_all(int fd, std::string_view content) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  // Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in place:
  // renaming over one would replace the device with a plain file.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return Error{path.string() + ": " + std::strerror(errno)};
    int err = write_all(fd, content);
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) return Error{path.string() + ": " + std::strerror(err)};
    return {};
  }
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmpXXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Error{path.string() + ": cannot create temporary file: " + std::strerror(errno)};
  if (int err = write_all(fd, content); err != 0) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return Error{path.string() + ": " + std::strerror(err)};
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return Error{path.string() + ": " + std::strerror(errno)};
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return Error{path.string() + ": " + std::strerror(err)};
  }
  return {};
}

bool looks_binary(std::string_view content) {
  return content.substr(0, 8000).find('\0') != std::string_view::npos;
}

size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace copilot::util
