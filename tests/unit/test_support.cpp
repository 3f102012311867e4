#include "test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <fstream>

namespace copilot::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "copilot-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  if (!made) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& content) const {
  auto full = path_ / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << content;
}

std::string run(const std::filesystem::path& dir, const std::string& command) {
  std::string full = "cd '" + dir.string() + "' && " + command + " 2>&1";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "popen failed: " << command;
    return "";
  }
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  EXPECT_EQ(status, 0) << command << "\n" << out;
  return out;
}

void git_init(const std::filesystem::path& dir) {
  run(dir,
      "git init -q -b main . && git config user.name 'Ada Lovelace' && git config user.email ada@example.com"
      " && git config commit.gpgsign false");
}

void git_commit_all(const std::filesystem::path& dir, const std::string& message, long date,
                    const std::string& author) {
  std::string when = "@" + std::to_string(date) + " +0000";
  run(dir, "git add -A && GIT_AUTHOR_DATE='" + when + "' GIT_COMMITTER_DATE='" + when +
               "' git commit -q --allow-empty"
               " --author='" +
               author + "' -m '" + message + "'");
}

}  // namespace copilot::testing
