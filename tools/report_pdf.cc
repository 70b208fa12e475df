// report.pdf through headless Chromium (`chromium --headless --print-to-pdf`).
#include "tools/report_pdf.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace samdrift::tools {
namespace {

namespace fs = std::filesystem;

bool Executable(const fs::path& path) {
  return !path.empty() && fs::is_regular_file(path) && access(path.c_str(), X_OK) == 0;
}

// Runs `args` (args[0] is the program) with stdout and stderr to /dev/null; its exit status.
int Run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string FindChromium() {
  if (const char* chosen = std::getenv("SAMDRIFT_CHROMIUM")) {
    return Executable(chosen) ? chosen : "";
  }
  const char* path = std::getenv("PATH");
  const std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const std::size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (Executable(candidate)) return candidate.string();
      start = end + 1;
    }
  }
  return "";
}

bool PrintPdf(const std::string& html, const std::string& pdf, core::Diagnostics& diagnostics) {
  const std::string chromium = FindChromium();
  if (chromium.empty()) {
    diagnostics.Warning({pdf}, "PDF001",
                        "no PDF written: Chromium is not installed (apt-get install chromium); "
                        "open index.html and print it instead");
    return false;
  }
  std::error_code ec;
  const fs::path profile =
      fs::temp_directory_path(ec) / ("samdrift-pdf-" + std::to_string(getpid()));
  fs::remove(pdf, ec);
  const int status = Run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--user-data-dir=" + profile.string(), "--no-pdf-header-footer",
                          "--print-to-pdf=" + fs::absolute(pdf).string(),
                          "file://" + fs::absolute(html).string()});
  fs::remove_all(profile, ec);
  if (status != 0 || !fs::exists(pdf)) {
    diagnostics.Warning({pdf}, "PDF002",
                        "no PDF written: " + chromium + " exited with status " +
                            std::to_string(status) + "; open index.html and print it instead");
    return false;
  }
  return true;
}

}  // namespace samdrift::tools
