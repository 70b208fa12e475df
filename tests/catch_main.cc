#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "tests/test_paths.h"

namespace samdrift::testing {
const char* TestPath(int which) {
  static const char* const kPaths[] = {SAMDRIFT_PATH_SHARED, SAMDRIFT_PATH_TEST_DATA,
                                       SAMDRIFT_PATH_SOURCE, SAMDRIFT_PATH_BINARY};
  return kPaths[which];
}
}  // namespace samdrift::testing
