#include "core/first_lines.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace samdrift::core {
namespace {

// Blocks start small (most files have a few hundred keys) and double up to 1 MiB, which is also
// the limit of a slot's position.
constexpr std::size_t kFirstBlockBytes = std::size_t{4} << 10;
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;
constexpr int kPositionBits = 20;
constexpr int kBlockBits = 20;
constexpr std::uint64_t kPositionMask = (std::uint64_t{1} << kPositionBits) - 1;
constexpr std::uint64_t kBlockMask = (std::uint64_t{1} << kBlockBits) - 1;
constexpr int kTagShift = kPositionBits + kBlockBits;
constexpr std::size_t kHeader = sizeof(std::int32_t) + sizeof(std::uint32_t);  // line, length

// The hash's top 24 bits, never 0, so that a used slot is never 0.
std::uint64_t TagOf(std::size_t hash) { return (static_cast<std::uint64_t>(hash) >> 40) | 1; }

}  // namespace

std::optional<int> FirstLines::Record(std::string_view key, int line) {
  if ((size_ + 1) * 10 > slots_.size() * 7) Grow(std::max<std::size_t>(64, slots_.size() * 2));
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const std::uint64_t tag = TagOf(hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) {
      slots_[i] = Store(key, line, tag);
      ++size_;
      return std::nullopt;
    }
    if ((slot >> kTagShift) == tag && KeyAt(slot) == key) return LineAt(slot);
  }
}

void FirstLines::Reserve(std::size_t keys) {
  const std::size_t wanted = std::bit_ceil(std::max<std::size_t>(64, keys * 10 / 7 + 1));
  if (wanted > slots_.size()) Grow(wanted);
}

std::size_t FirstLines::MemoryBytes() const {
  std::size_t bytes = slots_.capacity() * sizeof(std::uint64_t);
  for (const Block& block : blocks_) bytes += block.capacity;
  return bytes;
}

std::uint64_t FirstLines::Store(std::string_view key, int line, std::uint64_t tag) {
  if (key.size() > UINT32_MAX) throw std::length_error("FirstLines: a key over 4 GiB");
  const std::size_t need = kHeader + key.size();
  if (blocks_.empty() || blocks_.back().capacity - blocks_.back().used < need) {
    // A key longer than a block gets a block of its own (its position is 0, which fits).
    const std::size_t next =
        blocks_.empty() ? kFirstBlockBytes : std::min(kBlockBytes, blocks_.back().capacity * 2);
    const std::size_t capacity = std::max(next, need);
    if (blocks_.size() > kBlockMask) throw std::length_error("FirstLines: too many keys");
    blocks_.push_back({std::make_unique_for_overwrite<char[]>(capacity), 0, capacity});
  }
  Block& block = blocks_.back();
  char* at = block.bytes.get() + block.used;
  const auto length = static_cast<std::uint32_t>(key.size());
  const auto line32 = static_cast<std::int32_t>(line);
  std::memcpy(at, &line32, sizeof line32);
  std::memcpy(at + sizeof line32, &length, sizeof length);
  if (!key.empty()) std::memcpy(at + kHeader, key.data(), key.size());
  const std::uint64_t slot = tag << kTagShift | (blocks_.size() - 1) << kPositionBits | block.used;
  block.used += need;
  return slot;
}

std::string_view FirstLines::KeyAt(std::uint64_t slot) const {
  const Block& block = blocks_[(slot >> kPositionBits) & kBlockMask];
  const char* at = block.bytes.get() + (slot & kPositionMask);
  std::uint32_t length;
  std::memcpy(&length, at + sizeof(std::int32_t), sizeof length);
  return {at + kHeader, length};
}

int FirstLines::LineAt(std::uint64_t slot) const {
  const Block& block = blocks_[(slot >> kPositionBits) & kBlockMask];
  std::int32_t line;
  std::memcpy(&line, block.bytes.get() + (slot & kPositionMask), sizeof line);
  return line;
}

void FirstLines::Grow(std::size_t slots) {
  std::vector<std::uint64_t> grown(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::uint64_t slot : slots_) {
    if (slot == 0) continue;
    std::size_t i = std::hash<std::string_view>{}(KeyAt(slot)) & mask;
    while (grown[i] != 0) i = (i + 1) & mask;
    grown[i] = slot;
  }
  slots_.swap(grown);
}

}  // namespace samdrift::core
