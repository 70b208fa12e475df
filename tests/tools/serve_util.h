// Helpers of the serve API tests (serve_api_test.cc, serve_halls_test.cc): the demo store made
// once, a writable copy of it, a server on a free port and its client.
#ifndef SAMDRIFT_TESTS_TOOLS_SERVE_UTIL_H_
#define SAMDRIFT_TESTS_TOOLS_SERVE_UTIL_H_

#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/tools/cli_util.h"
#include "tools/serve/server.h"

namespace samdrift::testing {

using nlohmann::json;
using tools::serve::ServeOptions;
using tools::serve::Server;
namespace fs = std::filesystem;

inline const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

// The demo store and a copy of the samples' scenario files, made once.
inline const fs::path& DemoDir() {
  static const fs::path dir = [] {
    fs::path d = ScratchDir("serve-demo");
    const CliResult demo = RunCli(d, "demo --samples '" + kSamples + "' --out out");
    REQUIRE(demo.exit_code == 0);
    fs::create_directories(d / "scenarios");
    for (const auto& entry : fs::directory_iterator(kSamples)) {
      if (entry.path().extension() == ".yaml") {
        fs::copy_file(entry.path(), d / "scenarios" / entry.path().filename());
      }
    }
    return d;
  }();
  return dir;
}

// A folder of its own with a copy of the demo store and the scenarios, for a test that writes.
inline fs::path WritableCopy(const std::string& name) {
  fs::path dir = ScratchDir(name);
  fs::copy_file(DemoDir() / "out" / "samdrift.db", dir / "samdrift.db");
  fs::copy(DemoDir() / "scenarios", dir / "scenarios");
  return dir;
}

inline ServeOptions Options(const fs::path& dir, const std::string& db) {
  ServeOptions options;
  options.db = (dir / db).string();
  options.port = 0;
  options.scenarios_dir = (dir / "scenarios").string();
  return options;
}

inline std::unique_ptr<Server> Start(const ServeOptions& options) {
  auto server = Server::Start(options);
  REQUIRE(server.ok());
  REQUIRE((*server)->port() > 0);
  return std::move(server).value();
}

inline std::unique_ptr<httplib::Client> ClientOf(const Server& server) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", server.port());
  client->set_read_timeout(300);
  return client;
}

inline httplib::Headers WithToken(const Server& server) {
  return {{"X-Samdrift-Token", server.token()}};
}

inline json Body(const httplib::Result& r) {
  REQUIRE(r);
  return json::parse(r->body);
}

inline double Millis(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

inline httplib::MultipartFormDataItems Upload(const std::string& name, const std::string& content) {
  return {{"files", content, name, "text/csv"}};
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_TOOLS_SERVE_UTIL_H_
