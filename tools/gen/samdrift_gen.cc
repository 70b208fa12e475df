// samdrift-gen: writes N invented municipalities' inventories in the real formats, at any scale,
// deterministically for a seed. How benchmarks reach national scale (290 orgs x 15,000 assets).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "tools/gen/gen_estate.h"
#include "tools/gen/gen_output.h"
#include "tools/gen/gen_writers.h"

namespace fs = std::filesystem;
using namespace samdrift::tools::gen;

namespace {

int Usage(const std::string& message) {
  std::cerr << "samdrift-gen: " << message << "\nRun 'samdrift-gen --help' for usage.\n";
  return 2;
}

std::set<std::string> ParseFormats(const std::string& list, std::string& bad) {
  std::set<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    if (item == "all") {
      out.insert(kAllFormats.begin(), kAllFormats.end());
    } else if (std::find(kAllFormats.begin(), kAllFormats.end(), item) == kAllFormats.end()) {
      bad = item;
    } else {
      out.insert(item);
    }
  }
  out.insert("generic");  // the fallback for every part another format does not take
  return out;
}

// What the run wrote, per org: its formats and the assets per kind that importing its folder
// stores (manifest.json; the generator test checks samdrift's stats against it).
bool WriteManifest(const fs::path& path, std::uint64_t seed,
                   const std::vector<std::pair<std::string, WriteStats>>& orgs) {
  std::string json = "{\n  \"seed\": " + std::to_string(seed) + ",\n  \"orgs\": {";
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const auto& [id, stats] = orgs[i];
    json += i ? ",\n" : "\n";
    json += "    \"" + id + "\": {\"formats\": [";
    std::size_t n = 0;
    for (const std::string& f : stats.formats) json += (n++ ? ", \"" : "\"") + f + "\"";
    json += "], \"relations\": " + std::to_string(stats.relations) + ", \"kinds\": {";
    n = 0;
    for (const auto& [kind, count] : stats.kinds) {
      json += (n++ ? ", \"" : "\"") + kind + "\": " + std::to_string(count);
    }
    json += "}}";
  }
  json += "\n  }\n}\n";
  return WriteFile(path, json, Encoding::kUtf8);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "samdrift-gen: write invented municipalities' IT inventories in the real formats (NetBox "
      "CSV, GLPI agent XML/JSON, samdrift generic CSV), with the shape of the sample "
      "inventories, deterministically for a seed. manifest.json in --out declares each org's "
      "formats and asset counts per kind.",
      "samdrift-gen"};
  int orgs = 5;
  int assets = 2000;
  std::uint64_t seed = 1;
  std::string out;
  std::string formats = "all";
  double glpi_fraction = 0.1;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool force = false;
  app.add_option("--orgs", orgs, "number of municipalities (org001..orgNNN)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--assets-per-org", assets,
                 "declared assets per org (sites, halls, racks and networks come on top)")
      ->check(CLI::Range(60, 10000000));
  app.add_option("--seed", seed, "random seed; the same seed writes the same files");
  app.add_option("--out", out, "output folder (one subfolder per org)")->required();
  app.add_option("--formats", formats,
                 "comma-separated formats: generic (always), netbox (two orgs in five keep "
                 "their devices, clusters and VMs in NetBox), glpi-xml, glpi-json (clients' "
                 "agents), or all (the default)");
  app.add_option("--glpi-fraction", glpi_fraction,
                 "share of clients written as GLPI agent files (one file per computer)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--jobs", jobs, "orgs generated in parallel")->check(CLI::Range(1u, 256u));
  app.add_flag("--force", force, "replace the org folders of an earlier run in --out");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return Usage(e.what());
  }

  WriteOptions options;
  std::string bad;
  options.formats = ParseFormats(formats, bad);
  if (!bad.empty())
    return Usage("unknown format '" + bad + "' (known: generic, netbox, glpi-xml, glpi-json, all)");
  options.glpi_fraction = glpi_fraction;

  std::error_code ec;
  const fs::path root(out);
  if (fs::exists(root, ec) && !fs::is_empty(root, ec)) {
    if (!force) return Usage("'" + out + "' is not empty; pass --force to replace its org folders");
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_directory() && name.rfind("org", 0) == 0) fs::remove_all(entry.path(), ec);
    }
  }
  fs::create_directories(root, ec);
  if (ec) {
    std::cerr << "samdrift-gen: cannot create '" << out << "': " << ec.message() << '\n';
    return 1;
  }

  const auto start = std::chrono::steady_clock::now();
  const int width = std::max(3, static_cast<int>(std::to_string(orgs).size()));
  std::atomic<int> next{0};
  std::mutex mutex;
  WriteStats total;
  std::vector<std::pair<std::string, WriteStats>> declared(static_cast<std::size_t>(orgs));
  auto worker = [&] {
    for (int i = next++; i < orgs; i = next++) {
      OrgParams params{i, width, seed, assets};
      OrgEstate org = GenerateOrg(params);
      WriteStats stats = WriteOrg(org, root / org.id, options);
      declared[static_cast<std::size_t>(i)] = {org.id, stats};
      std::lock_guard<std::mutex> lock(mutex);
      total.files += stats.files;
      total.bytes += stats.bytes;
      total.assets += stats.assets;
      total.relations += stats.relations;
      if (!stats.ok && total.ok) {
        total.ok = false;
        total.error = stats.error;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < std::min<unsigned>(jobs, static_cast<unsigned>(orgs)); ++j)
    threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  if (total.ok && !WriteManifest(root / "manifest.json", seed, declared)) {
    total.ok = false;
    total.error = "cannot write " + (root / "manifest.json").string();
  }
  if (!total.ok) {
    std::cerr << "samdrift-gen: " << total.error << '\n';
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "wrote " << orgs << " orgs to " << out << ": " << total.assets << " asset rows, "
            << total.relations << " relations, " << total.files << " files, "
            << (total.bytes + 524288) / 1048576 << " MB in " << std::fixed << std::setprecision(1)
            << seconds << " s\n";
  return 0;
}
