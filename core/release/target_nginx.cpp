// The nginx target: the upstream's servers and weights live in one include
// file that copilot owns. A change is written, checked with `nginx -t`, and
// only then reloaded; if the check fails the previous file is put back, so
// nginx never runs (or restarts into) a configuration that does not load.
// What nginx was last confirmed to load is kept beside the release journal:
// a runner killed between writing the file and the reload must not make
// `status` report a split nginx never served.
#include <dirent.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "release/settings_reader.h"
#include "release/target.h"
#include "release/targets.h"
#include "util/files.h"
#include "util/process.h"

namespace copilot::release {
namespace {

/// The worker processes of an nginx master (children in /proc).
std::set<long> children_of(long master) {
  std::set<long> out;
  DIR* proc = ::opendir("/proc");
  if (!proc) return out;
  while (dirent* e = ::readdir(proc)) {
    char* end = nullptr;
    long pid = std::strtol(e->d_name, &end, 10);
    if (*end || pid <= 0) continue;
    std::ifstream stat("/proc/" + std::string(e->d_name) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
    size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 1));
    std::string state;
    long ppid = 0;
    if (rest >> state >> ppid && ppid == master) out.insert(pid);
  }
  ::closedir(proc);
  return out;
}

bool alive(long pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  size_t close = line.rfind(')');
  return close != std::string::npos && line.size() > close + 2 && line[close + 2] != 'Z';
}

class NginxTarget : public Target {
 public:
  NginxTarget(std::string upstream, std::filesystem::path include_file, std::filesystem::path served_file,
              std::filesystem::path pid_file, std::map<std::string, std::string> backends,
              std::vector<std::string> test_command, std::vector<std::string> reload_command,
              std::string server_options)
      : upstream_(std::move(upstream)),
        include_file_(std::move(include_file)),
        served_file_(std::move(served_file)),
        pid_file_(std::move(pid_file)),
        backends_(std::move(backends)),
        test_command_(std::move(test_command)),
        reload_command_(std::move(reload_command)),
        server_options_(std::move(server_options)) {}

  Result<void> check_version(const std::string& version) override {
    if (backends_.count(version)) return {};
    std::string known;
    for (const auto& [v, address] : backends_) known += (known.empty() ? "" : ", ") + v;
    return Error{"version '" + version + "' has no backend in the nginx target (known versions: " + known + ")", true};
  }

  Result<void> prepare(const ReleaseContext&) override { return {}; }

  Result<void> shift(const ReleaseContext& ctx, const Split& split) override {
    auto text = render(ctx, split);
    if (!text) return text.error();
    auto previous = util::read_file(include_file_);
    std::error_code ec;
    std::filesystem::create_directories(served_file_.parent_path(), ec);
    // Before copilot's first change, what nginx serves is the file as it is.
    if (previous && !std::filesystem::exists(served_file_, ec))
      if (auto kept = util::write_file_atomic(served_file_, *previous); !kept) return kept.error();
    if (auto written = util::write_file_atomic(include_file_, *text); !written) return written.error();
    auto restore = [&]() {
      if (previous) (void)util::write_file_atomic(include_file_, *previous);
    };
    if (auto checked = run(test_command_, "check the configuration"); !checked) {
      restore();
      return Error{checked.error().message + "; the previous upstream file was put back"};
    }
    std::set<long> old_workers = workers();
    if (auto reloaded = run(reload_command_, "reload"); !reloaded) {
      restore();
      return Error{reloaded.error().message + "; the previous upstream file was put back"};
    }
    wait_for_reload(old_workers);
    return util::write_file_atomic(served_file_, *text);
  }

  Result<void> promote(const ReleaseContext& ctx) override { return shift(ctx, Split{ctx.version, "", 0}); }

  Result<Split> observe() override {
    std::error_code ec;
    auto text = util::read_file(std::filesystem::exists(served_file_, ec) ? served_file_ : include_file_);
    if (!text) return text.error();
    static const std::regex server_line(R"(^\s*server\s+(\S+?)(?:\s+weight=(\d+))?[\s;])");
    std::vector<std::pair<std::string, int>> servers;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, server_line))
        servers.emplace_back(version_at(m[1]), m[2].matched ? std::stoi(m[2]) : 1);
    }
    if (servers.empty()) return Error{include_file_.string() + ": no server in upstream '" + upstream_ + "'"};
    if (servers.size() > 2)
      return Error{include_file_.string() + ": " + std::to_string(servers.size()) +
                   " servers; copilot writes at most two (stable and canary)"};
    if (servers.size() == 1) return Split{servers[0].first, "", 0};
    int total = servers[0].second + servers[1].second;
    return Split{servers[0].first, servers[1].first, total ? servers[1].second * 100 / total : 0};
  }

  std::string address_of(const std::string& version) const override {
    auto it = backends_.find(version);
    return it == backends_.end() ? "" : it->second;
  }

 private:
  /// The master's current workers, when `pid_file` names the master.
  std::set<long> workers() const {
    if (pid_file_.empty()) return {};
    std::ifstream in(pid_file_);
    long master = 0;
    if (!(in >> master) || master <= 0) return {};
    return children_of(master);
  }

  /// A reload is asynchronous: nginx starts new workers and lets the old ones
  /// finish. The split has moved once the old workers are gone (at most 5 s;
  /// without a pid file, a short fixed wait).
  void wait_for_reload(const std::set<long>& old_workers) const {
    if (pid_file_.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      return;
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      bool any = false;
      for (long pid : old_workers) any = any || alive(pid);
      if (!any) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  std::string version_at(const std::string& address) const {
    for (const auto& [version, a] : backends_)
      if (a == address) return version;
    return "unknown (" + address + ")";
  }

  Result<std::string> render(const ReleaseContext& ctx, const Split& split) const {
    std::ostringstream out;
    out << "# Written by copilot release for environment " << ctx.environment << ", release " << ctx.release_id
        << ".\n# copilot rewrites this file at every step; edits are lost.\n";
    out << "upstream " << upstream_ << " {\n";
    auto server = [&](const std::string& version, int weight) -> Result<void> {
      auto it = backends_.find(version);
      if (it == backends_.end()) return Error{"version '" + version + "' has no backend in the nginx target", true};
      out << "    server " << it->second << " weight=" << weight;
      if (!server_options_.empty()) out << " " << server_options_;
      out << ";\n";
      return {};
    };
    int canary = split.canary.empty() ? 0 : split.canary_weight;
    if (canary < 100 && !split.stable.empty())
      if (auto r = server(split.stable, 100 - canary); !r) return r.error();
    if (canary > 0)
      if (auto r = server(split.canary, canary); !r) return r.error();
    out << "}\n";
    return out.str();
  }

  Result<void> run(const std::vector<std::string>& argv, const char* what) const {
    util::ProcessRequest request;
    request.argv = argv;
    request.timeout = std::chrono::seconds(30);
    auto result = util::run_process(request);
    if (!result) return Error{"nginx: cannot " + std::string(what) + ": " + result.error().message};
    if (result->exit_code != 0) {
      std::string output = result->err.empty() ? result->out : result->err;
      while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
      return Error{"nginx: `" + join(argv) + "` failed (exit " + std::to_string(result->exit_code) + "): " + output};
    }
    return {};
  }

  static std::string join(const std::vector<std::string>& argv) {
    std::string text;
    for (const auto& a : argv) text += (text.empty() ? "" : " ") + a;
    return text;
  }

  std::string upstream_;
  std::filesystem::path include_file_;
  std::filesystem::path served_file_;
  std::filesystem::path pid_file_;
  std::map<std::string, std::string> backends_;
  std::vector<std::string> test_command_;
  std::vector<std::string> reload_command_;
  std::string server_options_;
};

}  // namespace

Result<std::unique_ptr<Target>> make_nginx_target(const TargetSettings& settings) {
  SettingsReader r(settings.values, settings.origin, settings.key);
  r.string("kind");
  auto upstream = r.string("upstream", true);
  auto include_file = r.string("include_file", true);
  auto backends = r.string_map("backends", true);
  auto nginx = r.command("nginx");
  auto test_command = r.command("test_command");
  auto reload_command = r.command("reload_command");
  auto options = r.string("server_options");
  auto pid_file = r.string("pid_file");
  if (auto done = r.finish(); !done) return Error{done.error().message, true};
  if (backends->empty()) return Error{settings.origin + ": key '" + settings.key + ".backends': is empty", true};
  std::vector<std::string> base = nginx.value_or(std::vector<std::string>{"nginx"});
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = base;
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  };
  std::filesystem::path pid;
  if (pid_file) {
    pid = *pid_file;
    if (pid.is_relative()) pid = settings.root / pid;
  }
  std::filesystem::path include = *include_file;
  if (include.is_relative()) include = settings.root / include;
  std::map<std::string, std::string> by_version(backends->begin(), backends->end());
  return std::unique_ptr<Target>(
      std::make_unique<NginxTarget>(*upstream, include, settings.state_dir / "nginx-served.conf", pid,
                                    std::move(by_version), test_command.value_or(with({"-t", "-q"})),
                                    reload_command.value_or(with({"-s", "reload"})), options.value_or("")));
}

}  // namespace copilot::release
