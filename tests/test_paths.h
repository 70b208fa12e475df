// Where the tests find their inputs and the program they run. The build compiles the paths into
// tests/catch_main.cc alone; SAMDRIFT_SHARED_DIR, SAMDRIFT_TEST_DATA, SAMDRIFT_SOURCE_DIR and
// SAMDRIFT_BINARY expand to TestPath(0..3).
#ifndef SAMDRIFT_TESTS_TEST_PATHS_H_
#define SAMDRIFT_TESTS_TEST_PATHS_H_

namespace samdrift::testing {
// 0: ../shared, 1: tests/data, 2: the source tree, 3: the samdrift binary.
const char* TestPath(int which);
}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_TEST_PATHS_H_
