// Fault tests: a killed import, two imports at once, damaged store files.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/store.h"
#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

void WriteBigCsv(const fs::path& path, int rows) {
  std::ofstream out(path, std::ios::binary);
  out << "name,kind,role,vendor,product,version,serial,site,hall,rack,position,u_height,power_w\n";
  for (int i = 0; i < rows; ++i) {
    out << "srv-" << i << ",device,server,Dell Inc.,PowerEdge R740,2.1." << (i % 7) << ",SN" << i
        << ",Site " << (i % 5) << ",Hall " << (i % 3) << ",R" << (i % 40) << "," << (1 + i % 40)
        << ",1," << (200 + i % 300) << "\n";
  }
}

std::uintmax_t SizeOr0(const fs::path& p) {
  std::error_code ec;
  auto s = fs::file_size(p, ec);
  return ec ? 0 : s;
}

std::string IntegrityOf(const fs::path& db) {
  auto store = samdrift::core::Store::Open(db.string(), samdrift::core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status().message();
  auto check = (*store)->IntegrityCheck();
  return check.ok() ? *check : check.status().message();
}

}  // namespace

TEST_CASE("kill -9 in the middle of an import leaves the store as it was", "[tools][fault]") {
  auto dir = ScratchDir("kill");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "small.csv", "name,kind\nesx01,device\n");
  REQUIRE(RunCli(dir, "import --org gnosjo small.csv").exit_code == 0);
  const std::string before = RunCli(dir, "stats --json").out;
  WriteBigCsv(dir / "big.csv", 300000);

  int killed_mid_write = 0;
  for (int attempt = 0; attempt < 3 && killed_mid_write == 0; ++attempt) {
    pid_t pid = Spawn(dir, {"import", "--org", "varnamo", "big.csv"});
    REQUIRE(pid > 0);
    // Wait until the import writes to the WAL (it is inside its transaction), then kill it.
    bool exited = false;
    int status = 0;
    for (int i = 0; i < 60000; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (SizeOr0(dir / "samdrift.db-wal") > 256 * 1024) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!exited) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      REQUIRE(WIFSIGNALED(status));
      ++killed_mid_write;
    }
    CHECK(IntegrityOf(dir / "samdrift.db") == "ok");
    if (!exited) CHECK(RunCli(dir, "stats --json").out == before);
  }
  CHECK(killed_mid_write == 1);
}

TEST_CASE("two imports at once: both land or one is told the store is busy", "[tools][fault]") {
  auto dir = ScratchDir("concurrent");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteBigCsv(dir / "a.csv", 60000);
  WriteBigCsv(dir / "b.csv", 60000);
  pid_t a = Spawn(dir, {"import", "--org", "gnosjo", "a.csv"});
  pid_t b = Spawn(dir, {"import", "--org", "hylte", "b.csv"});
  int sa = 0, sb = 0;
  waitpid(a, &sa, 0);
  waitpid(b, &sb, 0);
  REQUIRE(WIFEXITED(sa));
  REQUIRE(WIFEXITED(sb));
  int ca = WEXITSTATUS(sa), cb = WEXITSTATUS(sb);
  CHECK(((ca == 0 || ca == 3) && (cb == 0 || cb == 3)));
  CHECK((ca == 0 || cb == 0));
  if (ca == 3 || cb == 3) {
    const std::string err = Slurp(dir / ".spawn-stderr");
    INFO("exit codes " << ca << " and " << cb << "; stderr: " << err);
    CHECK(err.find("is busy") != std::string::npos);
  }
  CHECK(IntegrityOf(dir / "samdrift.db") == "ok");
  auto stats = RunCli(dir, "stats --json");
  CHECK(stats.exit_code == 0);
  if (ca == 0) CHECK(stats.out.find("\"gnosjo\"") != std::string::npos);
  if (cb == 0) CHECK(stats.out.find("\"hylte\"") != std::string::npos);
}

TEST_CASE("a corrupt store and a foreign SQLite file exit 3", "[tools][fault]") {
  auto dir = ScratchDir("corrupt");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteBigCsv(dir / "a.csv", 5000);
  REQUIRE(RunCli(dir, "import --org gnosjo a.csv").exit_code == 0);
  // Fold the WAL into the main file, then damage pages in its middle.
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  {
    auto store = samdrift::core::Store::Create((dir / "samdrift.db").string());
    REQUIRE(store.ok());
  }
  fs::copy_file(dir / "samdrift.db", dir / "foreign.db");
  {
    std::fstream f(dir / "samdrift.db", std::ios::in | std::ios::out | std::ios::binary);
    // The middle half of the file: whatever the page size, pages every query reads.
    const auto size = fs::file_size(dir / "samdrift.db");
    f.seekp(static_cast<std::streamoff>(size / 4));
    std::string junk(size / 2, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  fs::remove(dir / "samdrift.db-wal");
  fs::remove(dir / "samdrift.db-shm");
  auto r = RunCli(dir, "stats");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("samdrift: ") == 0);

  // A valid SQLite file whose application id is not samdrift's (bytes 68-71 of the header).
  {
    std::fstream f(dir / "foreign.db", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(68);
    f.write("\0\0\0\1", 4);
  }
  r = RunCli(dir, "--db foreign.db stats");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "samdrift: 'foreign.db' is not a samdrift store\n");
  r = RunCli(dir, "--db foreign.db init");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("is an SQLite database but not a samdrift store") != std::string::npos);
}

namespace {

// "unshare -m" (as root) or "unshare -rm" (a user namespace) when this machine allows private
// mount namespaces; empty when it does not. Mounts made inside vanish when the command ends.
std::string MountNamespace() {
  for (const char* prefix : {"unshare -m", "unshare -rm"}) {
    if (std::system(
            (std::string(prefix) + " sh -c 'mount -t tmpfs tmpfs /mnt' >/dev/null 2>&1").c_str()) ==
        0) {
      return prefix;
    }
  }
  return "";
}

// Runs a shell script in a private mount namespace in `dir`; its exit status.
int InNamespace(const std::string& unshare, const fs::path& dir, const std::string& script) {
  WriteText(dir / ".script.sh", "set -e\ncd '" + dir.string() + "'\nS='" +
                                    std::string(SAMDRIFT_BINARY) + "'\n" + script);
  int status = std::system((unshare + " sh '" + (dir / ".script.sh").string() + "'").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("a full store (size limit reached) fails and keeps what it had", "[tools][fault]") {
  auto dir = ScratchDir("full-limit");
  const std::string db = (dir / "samdrift.db").string();
  samdrift::core::Batch small;
  {
    samdrift::core::Asset a;
    a.org = "gnosjo";
    a.name = "esx01";
    a.provenance = {"assets-csv", "small.csv", 2};
    small.assets.push_back(a);
  }
  samdrift::core::Batch big;
  for (int i = 0; i < 20000; ++i) {
    samdrift::core::Asset a;
    a.org = "varnamo";
    a.name = "srv-" + std::to_string(i);
    a.site = "Stadshuset";
    a.hall = "Serverhall 1";
    a.rack = "R" + std::to_string(i % 40);
    a.provenance = {"assets-csv", "big.csv", i + 2};
    big.assets.push_back(a);
  }
  {
    auto store = samdrift::core::Store::Create(db);
    REQUIRE(store.ok());
    REQUIRE((*store)->Apply(small).ok());
  }
  auto before = RunCli(dir, "stats --json");
  REQUIRE(before.exit_code == 0);
  {
    auto store = samdrift::core::Store::Open(db, samdrift::core::OpenMode::kReadWrite);
    REQUIRE(store.ok());
    REQUIRE((*store)->LimitPages(1).ok());  // no page beyond what the file has now
    auto applied = (*store)->Apply(big);
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.status().exit_code() == 3);
    CHECK(applied.status().message() ==
          "store '" + db +
              "' is full (disk full or size limit reached) while storing the import; nothing "
              "was changed");
  }
  CHECK(RunCli(dir, "stats --json").out == before.out);
  CHECK(IntegrityOf(dir / "samdrift.db") == "ok");
}

TEST_CASE("a full disk: import exits 3 and the store is as before", "[tools][fault]") {
  const std::string unshare = MountNamespace();
  if (unshare.empty()) {
    WARN(
        "skipped: this machine allows no private mount namespace (unshare -m / -rm), so no "
        "small disk can be mounted; the size-limit case above still runs");
    return;
  }
  auto dir = ScratchDir("full-disk");
  WriteBigCsv(dir / "big.csv", 60000);
  WriteText(dir / "small.csv", "name,kind\nesx01,device\n");
  fs::create_directories(dir / "disk");
  fs::create_directories(dir / "copy");
  // A 2 MB disk: room for the store and a small import, not for 60,000 rows.
  int status = InNamespace(unshare, dir, R"(
mount -t tmpfs -o size=2m tmpfs disk
cd disk
"$S" init >/dev/null
"$S" import --org gnosjo ../small.csv >/dev/null
"$S" stats --json >../before.json
set +e
"$S" import --org varnamo ../big.csv >../full.out 2>../full.err
echo $? >../full.code
set -e
"$S" stats --json >../after.json
cp samdrift.db* ../copy/
)");
  REQUIRE(status == 0);
  CHECK(Trimmed(Slurp(dir / "full.code")) == "3");
  CHECK(Slurp(dir / "full.err") ==
        "samdrift: store 'samdrift.db' is full (disk full or size limit reached) while storing "
        "the import; nothing was changed\n");
  CHECK(Slurp(dir / "full.out") == "");
  CHECK(Slurp(dir / "after.json") == Slurp(dir / "before.json"));
  CHECK(Slurp(dir / "before.json").find("\"gnosjo\"") != std::string::npos);
  CHECK(IntegrityOf(dir / "copy" / "samdrift.db") == "ok");
}

TEST_CASE("a read-only store file or folder: exit 3, nothing written", "[tools][fault]") {
  const std::string unshare = MountNamespace();
  if (unshare.empty()) {
    WARN(
        "skipped: this machine allows no private mount namespace (unshare -m / -rm); as root, "
        "file modes alone cannot make a store read-only");
    return;
  }
  auto dir = ScratchDir("read-only");
  fs::create_directories(dir / "store");
  WriteText(dir / "small.csv", "name,kind\nesx01,device\n");
  WriteText(dir / "more.csv", "name,kind\nesx02,device\n");
  REQUIRE(RunCli(dir, "--db store/samdrift.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db store/samdrift.db import --org gnosjo small.csv").exit_code == 0);
  const std::string before = RunCli(dir, "--db store/samdrift.db stats --json").out;
  // The store file read-only (a read-only bind mount: root ignores file modes), then its folder.
  int status = InNamespace(unshare, dir, R"(
mount --bind store/samdrift.db store/samdrift.db
mount -o remount,bind,ro store/samdrift.db
set +e
"$S" --db store/samdrift.db import --org varnamo more.csv >file.out 2>file.err
echo $? >file.code
"$S" --db store/samdrift.db stats --json >file-stats.json 2>&1
set -e
umount store/samdrift.db
mount --bind store store
mount -o remount,bind,ro store
set +e
"$S" --db store/samdrift.db import --org varnamo more.csv >folder.out 2>folder.err
echo $? >folder.code
"$S" --db store/samdrift.db stats --json >folder-stats.json 2>&1
)");
  REQUIRE(status == 0);
  const std::string message =
      "samdrift: store 'store/samdrift.db' cannot be written (read-only file or folder); nothing "
      "was changed\n";
  for (const char* which : {"file", "folder"}) {
    INFO(which);
    CHECK(Trimmed(Slurp(dir / (std::string(which) + ".code"))) == "3");
    CHECK(Slurp(dir / (std::string(which) + ".err")) == message);
    CHECK(Slurp(dir / (std::string(which) + ".out")) == "");
    CHECK(Slurp(dir / (std::string(which) + "-stats.json")) == before);  // reading still works
  }
  CHECK(RunCli(dir, "--db store/samdrift.db stats --json").out == before);
  CHECK(IntegrityOf(dir / "store" / "samdrift.db") == "ok");
}

namespace {

// A copy of the SQLite file `from` with the 4-byte big-endian header field at `offset` set to
// `value` (60: user_version, the schema version; 68: application_id).
void CopyWithHeader(const fs::path& from, const fs::path& to, std::streamoff offset,
                    std::uint32_t value) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  std::fstream f(to, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(offset);
  const char bytes[4] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                         static_cast<char>(value >> 8), static_cast<char>(value)};
  f.write(bytes, 4);
}

}  // namespace

TEST_CASE("the read-only commands read a closed store in a read-only folder", "[tools][fault]") {
  const std::string unshare = MountNamespace();
  if (unshare.empty()) {
    WARN(
        "skipped: this machine allows no private mount namespace (unshare -m / -rm); as root, "
        "file modes alone cannot make a folder read-only");
    return;
  }
  auto dir = ScratchDir("read-only-share");
  fs::create_directories(dir / "build");
  fs::create_directories(dir / "share");
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,site,hall,rack,position,u_height,power_w\n"
            "esx01,device,server,Dell,PowerEdge R740,Kommunhuset,Hall A,R1,1,2,500\n"
            "esx02,device,server,Dell,PowerEdge R740,Kommunhuset,Hall A,R1,3,2,500\n");
  REQUIRE(RunCli(dir, "--db build/samdrift.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db build/samdrift.db import --org gnosjo assets.csv").exit_code == 0);
  const auto before = RunCli(dir, "--db build/samdrift.db stats --json");
  const auto exported = RunCli(dir, "--db build/samdrift.db export --format json");
  REQUIRE(before.exit_code == 0);
  REQUIRE(exported.exit_code == 0);
  // The store published on the share: the file alone, as the import left it (the last writer
  // folded its WAL into the file).
  fs::copy_file(dir / "build" / "samdrift.db", dir / "share" / "samdrift.db");
  CopyWithHeader(dir / "share" / "samdrift.db", dir / "share" / "foreign.db", 68, 1);
  CopyWithHeader(dir / "share" / "samdrift.db", dir / "share" / "old.db", 60, 1);
  // A store an import is writing (or that one left behind when killed): a WAL with changes.
  fs::copy_file(dir / "share" / "samdrift.db", dir / "share" / "busy.db");
  // A name SQLite's URIs must escape.
  fs::copy_file(dir / "share" / "samdrift.db", dir / "share" / "lager 1#?%.db");
  WriteText(dir / "share" / "busy.db-wal", std::string(4096, '\x01'));
  fs::create_directories(dir / "out");

  // The folder read-only as a share mounted read-only is (root ignores file modes).
  int status = InNamespace(unshare, dir, R"(
mount --bind share share
mount -o remount,bind,ro share
set +e
for c in "stats --json" "export --format json" "report --out out --lang en"; do
  f=$(echo "$c" | cut -d' ' -f1)
  "$S" --db share/samdrift.db $c >$f.out 2>$f.err
  echo $? >$f.code
done
for db in foreign old busy; do
  "$S" --db share/$db.db stats >$db.out 2>$db.err
  echo $? >$db.code
done
"$S" --db share/samdrift.db import --org varnamo assets.csv >import.out 2>import.err
echo $? >import.code
"$S" --db 'share/lager 1#?%.db' stats --json >odd.out 2>odd.err
echo $? >odd.code
)");
  REQUIRE(status == 0);
  for (const char* command : {"stats", "export", "report", "odd"}) {
    INFO(command << ": " << Slurp(dir / (std::string(command) + ".err")));
    CHECK(Trimmed(Slurp(dir / (std::string(command) + ".code"))) == "0");
  }
  CHECK(Slurp(dir / "stats.out") == before.out);
  CHECK(Slurp(dir / "export.out") == exported.out);
  CHECK(fs::exists(dir / "out" / "csv" / "assets.csv"));
  CHECK(Slurp(dir / "odd.out") == before.out);

  for (const char* db : {"foreign", "old", "busy"}) {
    INFO(db);
    CHECK(Trimmed(Slurp(dir / (std::string(db) + ".code"))) == "3");
    CHECK(Slurp(dir / (std::string(db) + ".out")) == "");
  }
  CHECK(Slurp(dir / "foreign.err") == "samdrift: 'share/foreign.db' is not a samdrift store\n");
  CHECK(Slurp(dir / "old.err") ==
        "samdrift: store 'share/old.db' has an older schema; run 'samdrift init' to upgrade it\n");
  CHECK(Slurp(dir / "busy.err") ==
        "samdrift: store 'share/busy.db' is in a read-only folder and has changes not yet in the "
        "store file (an import is writing it or was stopped); read it once the import is done, "
        "or where its folder can be written\n");
  // Writing still fails, and changes nothing.
  CHECK(Trimmed(Slurp(dir / "import.code")) == "3");
  CHECK(Slurp(dir / "import.out") == "");
}
