#include "tools/trace.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace samdrift::tools {
namespace {

long ResidentMegabytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return -1;
  return resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

}  // namespace

void Trace(std::string_view step) {
  static const bool enabled = std::getenv("SAMDRIFT_TRACE") != nullptr;
  if (!enabled) return;
  using Clock = std::chrono::steady_clock;
  static const Clock::time_point start = Clock::now();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::fprintf(stderr, "trace: %7.2f s %6ld MB %.*s\n", seconds, ResidentMegabytes(),
               static_cast<int>(step.size()), step.data());
}

}  // namespace samdrift::tools
