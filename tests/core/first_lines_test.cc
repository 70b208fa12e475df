#include "core/first_lines.h"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>

using namespace samdrift::core;

TEST_CASE("first lines: a new key is recorded, a repeat gives the first line",
          "[core][first_lines]") {
  FirstLines lines;
  CHECK_FALSE(lines.Record("sw-core-01", 2));
  CHECK_FALSE(lines.Record("sw-core-02", 3));
  CHECK(lines.Record("sw-core-01", 9) == 2);
  CHECK(lines.Record("sw-core-01", 12) == 2);   // the first line, not the last repeat
  CHECK_FALSE(lines.Record("SW-CORE-01", 13));  // exact bytes: case is the caller's business
  CHECK_FALSE(lines.Record("", 14));            // the empty key is a key like any other
  CHECK(lines.Record("", 15) == 14);
  CHECK_FALSE(lines.Record(std::string_view("a\0b", 3), 16));  // embedded NUL (kind + '\0' + name)
  CHECK_FALSE(lines.Record(std::string_view("a\0c", 3), 17));
  CHECK(lines.Record(std::string_view("a\0b", 3), 18) == 16);
  CHECK(lines.size() == 6);
}

TEST_CASE("first lines: agrees with a map over many keys, across growth and blocks",
          "[core][first_lines]") {
  FirstLines lines;
  std::unordered_map<std::string, int> reference;
  // 300,000 records over 100,000 distinct keys of varying length: several 1 MiB blocks, many
  // table doublings from the smallest size.
  std::uint64_t state = 42;
  for (int line = 1; line <= 300000; ++line) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t n = (state >> 33) % 100000;
    std::string key = "host-" + std::to_string(n) + std::string(n % 37, 'x');
    auto [it, inserted] = reference.emplace(key, line);
    std::optional<int> got = lines.Record(key, line);
    if (inserted) {
      REQUIRE_FALSE(got);
    } else {
      REQUIRE(got);
      REQUIRE(*got == it->second);
    }
  }
  CHECK(lines.size() == reference.size());
  // Compact: the keys' bytes and under 48 bytes per key beside them (a block not yet full, a
  // table between doublings), where a node map of strings takes 100 and more.
  std::size_t key_bytes = 0;
  for (const auto& [key, line] : reference) key_bytes += key.size();
  CHECK(lines.MemoryBytes() < key_bytes + reference.size() * 48);
}

TEST_CASE("first lines: a key longer than a block", "[core][first_lines]") {
  FirstLines lines;
  const std::string huge(3 << 20, 'k');  // 3 MiB, as a 16 MB line's cell can be
  lines.Reserve(10);
  CHECK_FALSE(lines.Record("before", 1));
  CHECK_FALSE(lines.Record(huge, 2));
  CHECK_FALSE(lines.Record("after", 3));
  CHECK(lines.Record(huge, 4) == 2);
  CHECK(lines.Record("before", 5) == 1);
  CHECK(lines.Record("after", 6) == 3);
  std::string other = huge;
  other.back() = 'j';
  CHECK_FALSE(lines.Record(other, 7));
}
