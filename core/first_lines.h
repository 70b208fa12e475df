// The line on which each key of a file was first seen, held compactly: importers use it to
// report "duplicate X: already on line N" for files of millions of rows. The keys' bytes go into
// blocks (4 KiB doubling up to 1 MiB) and an open-addressing table holds one 8-byte slot per
// key: about (key length + 20) bytes per key, where a node-based map of strings takes over 100.
#ifndef SAMDRIFT_CORE_FIRST_LINES_H_
#define SAMDRIFT_CORE_FIRST_LINES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace samdrift::core {

class FirstLines {
 public:
  // Records `key` with `line` when it is new (nullopt); else returns the line it was first
  // recorded with and changes nothing.
  std::optional<int> Record(std::string_view key, int line);
  // Room for `keys` keys without rehashing.
  void Reserve(std::size_t keys);
  std::size_t size() const { return size_; }
  // Bytes held (blocks and table), for benchmarks and tests.
  std::size_t MemoryBytes() const;

 private:
  struct Block {
    std::unique_ptr<char[]> bytes;
    std::size_t used = 0;
    std::size_t capacity = 0;
  };
  std::uint64_t Store(std::string_view key, int line, std::uint64_t tag);
  std::string_view KeyAt(std::uint64_t slot) const;
  int LineAt(std::uint64_t slot) const;
  void Grow(std::size_t slots);

  std::vector<Block> blocks_;
  std::vector<std::uint64_t> slots_;  // 0: empty; else tag << 40 | block << 20 | position
  std::size_t size_ = 0;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_FIRST_LINES_H_
