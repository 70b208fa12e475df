// Runs the real samdrift binary for end-to-end tests.
#ifndef SAMDRIFT_TESTS_TOOLS_CLI_UTIL_H_
#define SAMDRIFT_TESTS_TOOLS_CLI_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace samdrift::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder per test, removed first. It lives in the build tree of the binary under test,
// so checkouts that run their suites at the same time never share one.
inline std::filesystem::path ScratchDir(const std::string& name) {
  auto dir = std::filesystem::path(SAMDRIFT_BINARY).parent_path().parent_path() /
             "cli-test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs `samdrift ARGS` in `dir` (a shell command line; quote arguments yourself).
inline CliResult RunCli(const std::filesystem::path& dir, const std::string& args) {
  const auto out = dir / ".stdout";
  const auto err = dir / ".stderr";
  const std::string command = "cd '" + dir.string() + "' && env -u SAMDRIFT_DB '" +
                              std::string(SAMDRIFT_BINARY) + "' " + args + " >'" + out.string() +
                              "' 2>'" + err.string() + "' </dev/null";
  int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// Starts `samdrift ARGS` in `dir` without waiting: stdout to /dev/null, stderr appended to
// DIR/.spawn-stderr. Returns the child's pid.
inline pid_t Spawn(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    std::vector<char*> argv;
    std::string binary = SAMDRIFT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen((dir / ".spawn-stderr").c_str(), "a", stderr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

inline void WriteText(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_TOOLS_CLI_UTIL_H_
