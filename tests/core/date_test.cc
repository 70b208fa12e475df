#include "core/date.h"

#include <catch2/catch.hpp>

using namespace samdrift::core;

TEST_CASE("ISO dates", "[core][date]") {
  struct Case {
    const char* text;
    bool valid;
  };
  const Case cases[] = {
      {"2025-10-14", true},  {"2024-02-29", true},  {"2023-02-29", false}, {"2000-02-29", true},
      {"1900-02-29", false}, {"2025-13-01", false}, {"2025-00-10", false}, {"2025-04-31", false},
      {"2025-4-30", false},  {"20251014", false},   {"", false},           {"2025-10-1x", false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(IsIsoDate(c.text) == c.valid);
  }
  CHECK(IsIsoDate(TodayIso()));
}

TEST_CASE("adding months clamps the day", "[core][date]") {
  CHECK(AddMonths("2025-10-14", 12) == "2026-10-14");
  CHECK(AddMonths("2024-01-31", 1) == "2024-02-29");
  CHECK(AddMonths("2025-12-15", 1) == "2026-01-15");
  CHECK(AddMonths("2026-01-15", -1) == "2025-12-15");
}
