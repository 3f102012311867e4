// Child processes: output, exit codes, working directory, environment, time limits.
#include "util/process.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace copilot::util {
namespace {

TEST(Process, CapturesOutputAndExitCode) {
  auto r = run_process({{"sh", "-c", "echo out; echo err >&2; exit 3"}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 3);
  EXPECT_EQ(r->out, "out\n");
  EXPECT_EQ(r->err, "err\n");
  EXPECT_FALSE(r->timed_out);
}

TEST(Process, RunsInTheDirectoryWithTheEnvironmentGiven) {
  testing::TempDir dir;
  ProcessRequest req{{"sh", "-c", "pwd; echo \"$COPILOT_PROBE\"; cat"}};
  req.cwd = dir.path();
  req.env = {{"COPILOT_PROBE", "yes"}};
  auto r = run_process(req);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->out, std::filesystem::canonical(dir.path()).string() + "\nyes\n");  // stdin is empty
}

TEST(Process, KillsTheGroupAfterTheTimeout) {
  ProcessRequest req{{"sh", "-c", "sleep 30 & sleep 30"}};
  req.timeout = std::chrono::milliseconds(200);
  auto start = std::chrono::steady_clock::now();
  auto r = run_process(req);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->timed_out);
  EXPECT_EQ(r->exit_code, -1);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(Process, AMissingProgramIsAnError) {
  auto r = run_process({{"copilot-no-such-program"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("cannot run copilot-no-such-program"), std::string::npos);
}

}  // namespace
}  // namespace copilot::util
