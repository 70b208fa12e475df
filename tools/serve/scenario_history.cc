#include "tools/serve/scenario_history.h"

#include <fstream>
#include <sstream>

#include "tools/command.h"

namespace samdrift::tools::serve {
namespace fs = std::filesystem;

namespace {

fs::path Version(const fs::path& dir, const fs::path& scenario, std::size_t n) {
  return dir / ".history" / (scenario.filename().string() + "." + std::to_string(n));
}

core::Result<std::string> ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::StoreError("cannot read '" + path.string() + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::size_t KeptVersions(const fs::path& dir, const fs::path& scenario) {
  std::size_t n = 0;
  std::error_code ec;
  while (fs::exists(Version(dir, scenario, n + 1), ec)) ++n;
  return n;
}

core::Status KeepVersion(const fs::path& dir, const fs::path& scenario) {
  std::error_code ec;
  if (!fs::exists(scenario, ec)) return core::Status::Ok();
  auto text = ReadAll(scenario);
  if (!text.ok()) return text.status();
  fs::create_directories(dir / ".history", ec);
  if (ec) return core::Status::StoreError("cannot make " + (dir / ".history").string());
  return WriteOut(Version(dir, scenario, KeptVersions(dir, scenario) + 1).string(), *text);
}

core::Result<std::string> UndoSave(const fs::path& dir, const fs::path& scenario) {
  const std::size_t n = KeptVersions(dir, scenario);
  if (n == 0) {
    return core::Status::Usage("no earlier version of '" + scenario.stem().string() +
                               "' is kept: nothing to undo");
  }
  auto text = ReadAll(Version(dir, scenario, n));
  if (!text.ok()) return text.status();
  core::Status written = WriteOut(scenario.string(), *text);
  if (!written.ok()) return written;
  std::error_code ec;
  fs::remove(Version(dir, scenario, n), ec);
  return text;
}

}  // namespace samdrift::tools::serve
