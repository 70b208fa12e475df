// libFuzzer target for the scenario parser (planners/scenario.h): any bytes in, located
// diagnostics or a scenario out, never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostics.h"
#include "planners/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  samdrift::core::Diagnostics diagnostics;
  auto scenario = samdrift::planners::ParseScenario(text, "fuzz-scenario.yaml", diagnostics);
  // A scenario without errors must come back; errors must come back as nullopt.
  if (scenario.has_value() == diagnostics.has_errors()) __builtin_trap();
  return 0;
}
