#include "core/criticality.h"

#include <catch2/catch.hpp>

using samdrift::core::NormaliseCriticality;

TEST_CASE("criticality reads English, Swedish and levels 1-4 as four words",
          "[core][criticality]") {
  CHECK(NormaliseCriticality("low") == "low");
  CHECK(NormaliseCriticality("låg") == "low");
  CHECK(NormaliseCriticality("lag") == "low");
  CHECK(NormaliseCriticality("1") == "low");
  CHECK(NormaliseCriticality("Medel") == "medium");
  CHECK(NormaliseCriticality("normal") == "medium");
  CHECK(NormaliseCriticality("2") == "medium");
  CHECK(NormaliseCriticality(" hög ") == "high");
  CHECK(NormaliseCriticality("HOG") == "high");
  CHECK(NormaliseCriticality("3") == "high");
  CHECK(NormaliseCriticality("Kritisk") == "critical");
  CHECK(NormaliseCriticality("CRITICAL") == "critical");
  CHECK(NormaliseCriticality("4") == "critical");
}

TEST_CASE("criticality keeps other text trimmed and in lower case", "[core][criticality]") {
  CHECK(NormaliseCriticality("") == "");
  CHECK(NormaliseCriticality("  Verksamhetskritisk ") == "verksamhetskritisk");
  CHECK(NormaliseCriticality("5") == "5");
  CHECK(NormaliseCriticality("T2") == "t2");
}
