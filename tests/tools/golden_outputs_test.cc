// Today's behaviour, pinned: every command's machine-readable output on the sample inventories
// (stats, overlap, target, plan, halls and net as --json, the exports, the report's CSV tables)
// compared byte for byte with tests/data/golden/. A change of output is then a visible diff in
// the commit that makes it. To write the expected files anew after a deliberate change:
//   SAMDRIFT_UPDATE_GOLDEN=1 build/tests/tools/golden_tests
// and say in the commit why each file changed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
const fs::path kGolden = fs::path(SAMDRIFT_TEST_DATA) / "golden";
// A fixed planned date: end of support is judged against it, never against today.
const std::string kPlan = "--scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01";

// One store with every sample imported (by `samdrift demo`), shared by the tests of this binary.
const fs::path& SampleDir() {
  static const fs::path dir = [] {
    const fs::path d = ScratchDir("golden-outputs");
    const CliResult r = RunCli(d, "demo --samples '" + kSamples + "' --out out");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return d;
  }();
  return dir;
}

// The checkout's own path (sources are named as the demo named them) reads as <samples>.
std::string Portable(std::string text) {
  for (std::size_t at = text.find(kSamples); at != std::string::npos;
       at = text.find(kSamples, at)) {
    text.replace(at, kSamples.size(), "<samples>");
  }
  return text;
}

void Compare(const std::string& name, const std::string& actual) {
  const fs::path expected_file = kGolden / name;
  if (const char* update = std::getenv("SAMDRIFT_UPDATE_GOLDEN"); update && *update == '1') {
    fs::create_directories(expected_file.parent_path());
    WriteText(expected_file, actual);
    return;
  }
  INFO("golden file " << expected_file << " (SAMDRIFT_UPDATE_GOLDEN=1 writes it anew)");
  REQUIRE(fs::exists(expected_file));
  const std::string expected = Slurp(expected_file);
  if (expected == actual) return;
  // Name the first line that differs rather than print two large files.
  std::size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  const auto Around = [&](const std::string& s) {
    const std::size_t from = s.rfind('\n', i == 0 ? 0 : i - 1);
    const std::size_t start = from == std::string::npos ? 0 : from + 1;
    return s.substr(start, std::min<std::size_t>(200, s.size() - start));
  };
  FAIL_CHECK(name << " differs first at line " << line << "\nexpected: " << Around(expected)
            << "\nactual:   " << Around(actual));
}

std::string Run(const std::string& args) {
  const CliResult r = RunCli(SampleDir(), "--db out/samdrift.db " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return Portable(r.out);
}

void Golden(const std::string& name, const std::string& args) { Compare(name, Run(args)); }

// The exports are large (the ArchiMate file is 17 MB): pinned by size, line count and a hash,
// so that the repository does not carry them; their content follows from the store, which
// stats.json and the report's assets.csv pin in full.
std::string Fingerprint(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a, 64 bits
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  char buffer[80];
  std::snprintf(buffer, sizeof buffer, "bytes %zu\nlines %zu\nfnv1a64 %016llx\n", text.size(),
                static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')),
                static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace

TEST_CASE("golden outputs: stats, overlap, target, plan, halls, net", "[tools][golden]") {
  Golden("stats.json", "stats --json");
  Golden("overlap.json", "overlap --json");
  Golden("target.json", "target " + kPlan + " --json");
  Golden("plan.json", "plan " + kPlan + " --json");
  Golden("halls.json", "halls " + kPlan + " --json");
  Golden("net.json", "net --scenario '" + kSamples + "/scenario.yaml' --json");
}

TEST_CASE("golden outputs: the exports", "[tools][golden][export]") {
  Compare("export.json.fingerprint", Fingerprint(Run("export --format json")));
  Compare("export.dot.fingerprint", Fingerprint(Run("export --format dot")));
  Compare("export-archimate.xml.fingerprint",
          Fingerprint(Run("export --format archimate " + kPlan)));
}

TEST_CASE("golden outputs: the report's CSV tables", "[tools][golden][report]") {
  const CliResult r =
      RunCli(SampleDir(), "--db out/samdrift.db report " + kPlan + " --out golden-report");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<fs::path> tables;
  for (const auto& entry : fs::directory_iterator(SampleDir() / "golden-report" / "csv")) {
    tables.push_back(entry.path());
  }
  std::sort(tables.begin(), tables.end());
  REQUIRE(!tables.empty());
  std::vector<std::string> names;
  for (const fs::path& table : tables) {
    names.push_back(table.filename().string());
    Compare("report-csv/" + table.filename().string(), Portable(Slurp(table)));
  }
  // A table that disappears fails too: the list of tables is itself pinned.
  std::string list;
  for (const std::string& name : names) list += name + "\n";
  Compare("report-csv.list", list);
}
