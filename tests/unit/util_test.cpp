#include <gtest/gtest.h>
#include <sys/stat.h>

#include "test_support.h"
#include "util/files.h"
#include "util/glob.h"
#include "util/strings.h"

namespace copilot::util {
namespace {

TEST(Glob, SegmentsAndDoubleStar) {
  EXPECT_TRUE(glob_match("*.py", "a/b/c.py"));
  EXPECT_FALSE(glob_match("*.py", "a/b/c.pyc"));
  EXPECT_TRUE(glob_match("src/*.py", "src/a.py"));
  EXPECT_FALSE(glob_match("src/*.py", "src/x/a.py"));
  EXPECT_TRUE(glob_match("src/**/*.py", "src/x/y/a.py"));
  EXPECT_TRUE(glob_match("src/**/*.py", "src/a.py"));
  EXPECT_TRUE(glob_match("**/tests/**", "pkg/tests/test_a.py"));
  EXPECT_TRUE(glob_match("build/", "build/out/a.o"));
  EXPECT_FALSE(glob_match("build/", "build"));
  EXPECT_TRUE(glob_match("docs", "docs/a.md"));
  EXPECT_TRUE(glob_match("test_?.py", "test_a.py"));
  EXPECT_TRUE(glob_match("[ab].txt", "b.txt"));
  EXPECT_FALSE(glob_match("[!ab].txt", "b.txt"));
}

TEST(Files, AtomicWriteReplacesWholeFile) {
  testing::TempDir dir;
  auto path = dir.path() / "sub" / "out.txt";
  ASSERT_TRUE(write_file_atomic(path, "first").ok());
  ASSERT_TRUE(write_file_atomic(path, "second").ok());
  EXPECT_EQ(*read_file(path), "second");
  EXPECT_FALSE(read_file(dir.path() / "missing").ok());
}

TEST(Files, AtomicWriteLeavesDevicesInPlace) {
  // As root, renaming a temporary file over /dev/null would replace the device.
  ASSERT_TRUE(write_file_atomic("/dev/null", "discarded").ok());
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(Files, Utf8AndBinary) {
  EXPECT_EQ(first_invalid_utf8("héllo"), std::string::npos);
  EXPECT_EQ(first_invalid_utf8(std::string("ab\xff", 3)), 2u);
  EXPECT_TRUE(looks_binary(std::string("a\0b", 3)));
  EXPECT_FALSE(looks_binary("plain"));
}

TEST(Strings, Lines) {
  auto lines = split_lines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3);
}

}  // namespace
}  // namespace copilot::util
