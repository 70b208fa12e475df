// compare plans its scenarios two at a time (tools/compare_run.cc): the same comparison and the
// same diagnostics, in the same order, as one at a time.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/store.h"
#include "tests/tools/cli_util.h"
#include "tools/compare_run.h"

using namespace samdrift;
using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

struct Compared {
  std::string json;  // CompareJson, or the failure
  std::vector<std::string> diagnostics;
};

Compared CompareWith(const core::Store& store, const std::vector<std::string>& paths,
                     std::size_t jobs) {
  core::Diagnostics d;
  auto comparison = tools::CompareScenarios(store, paths, {}, d, jobs);
  Compared out;
  out.json = comparison.ok() ? tools::CompareJson(*comparison) : comparison.status().message();
  for (const auto& item : d.items()) out.diagnostics.push_back(core::FormatDiagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("compare: two scenarios at a time give what one at a time gives", "[cli][compare]") {
  const fs::path dir = ScratchDir("compare-jobs");
  const CliResult demo = RunCli(dir, "demo --samples '" + kSamples + "' --out out");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  auto store = core::Store::Open((dir / "out/samdrift.db").string(), core::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  // A scenario with warnings between the samples' four, to see the diagnostics' order.
  WriteText(dir / "old.yaml",
            "name: Old\ndate: 2026-12-01\nstandards:\n  hypervisor: vmware-esxi-6.5\n"
            "  server-os: ms-windows-server-2012r2\n");
  std::vector<std::string> paths;
  for (const char* s : {"alternativ-s.yaml", "alternativ-1-teknik.yaml"}) {
    paths.push_back(kSamples + "/" + s);
  }
  paths.push_back((dir / "old.yaml").string());
  for (const char* s : {"alternativ-1-tjanst.yaml", "alternativ-2.yaml"}) {
    paths.push_back(kSamples + "/" + s);
  }
  const Compared one = CompareWith(**store, paths, 1);
  const Compared two = CompareWith(**store, paths, 2);
  INFO(one.json.substr(0, 200));
  CHECK(one.json.find("Old") != std::string::npos);
  CHECK(two.json == one.json);
  CHECK(two.diagnostics == one.diagnostics);
  CHECK_FALSE(one.diagnostics.empty());

  // A scenario that fails ends the comparison there with its own diagnostics, as one at a time.
  WriteText(dir / "bad.yaml", "name: Bad\nstandards:\n  hypervisor: no-such-thing\n");
  paths.insert(paths.begin() + 1, (dir / "bad.yaml").string());
  const Compared failed_one = CompareWith(**store, paths, 1);
  const Compared failed_two = CompareWith(**store, paths, 2);
  CHECK(failed_two.json == failed_one.json);
  CHECK(failed_two.diagnostics == failed_one.diagnostics);
  REQUIRE_FALSE(failed_one.diagnostics.empty());
  CHECK(failed_one.diagnostics.back().find("TGT001") != std::string::npos);
}
