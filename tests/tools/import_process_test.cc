// The import command's process: transparent huge pages are off for an import, and only for an
// import (tools/huge_pages.h).
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

// The "THP_enabled:" value of a process's /proc status ("1", "0"; empty once it has gone).
std::string ThpEnabled(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("THP_enabled:", 0) == 0) return line.substr(line.find_last_of(" \t") + 1);
  }
  return "";
}

// True once the process runs samdrift (the forked child holds the test's files until it has
// exec'd) and has `file` open.
bool SamdriftHasOpen(pid_t pid, const fs::path& file) {
  std::error_code ec;
  if (fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec) !=
      fs::canonical(SAMDRIFT_BINARY)) {
    return false;
  }
  for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    std::error_code link_ec;
    if (fs::read_symlink(fd.path(), link_ec) == file) return true;
  }
  return false;
}

// Starts `samdrift ARGS` while the store's write lock is held elsewhere, so that the command
// waits for it with the store open; returns its THP_enabled then, and lets it finish.
std::string ThpWhileWaitingForTheStore(const fs::path& dir, const std::vector<std::string>& args) {
  const fs::path db = fs::canonical(dir / "samdrift.db");
  sqlite3* lock = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &lock) == SQLITE_OK);
  REQUIRE(sqlite3_exec(lock, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const pid_t pid = Spawn(dir, args);
  REQUIRE(pid > 0);
  std::string thp = "never waited for the store";
  for (int i = 0; i < 4000; ++i) {
    if (SamdriftHasOpen(pid, db)) {
      thp = ThpEnabled(pid);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(lock);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return thp;
}

}  // namespace

TEST_CASE("an import runs without transparent huge pages, other commands with them",
          "[tools][import]") {
  auto dir = ScratchDir("huge-pages");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "a.csv", "name,kind\nesx01,device\n");
  CHECK(ThpWhileWaitingForTheStore(dir, {"import", "--org", "gnosjo", "a.csv"}) == "0");
  CHECK(ThpWhileWaitingForTheStore(dir, {"init"}) == "1");
}
