#include "core/name.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <vector>

namespace samdrift::core {
namespace {

// A slot of the pool's index: a text's number and the low half of its hash, so that a probe
// passes the other texts without reading them (at 3/4 full a miss probes about eight slots, and
// reading each text cost cache misses: a national estate interns millions of serials).
struct Slot {
  std::uint32_t id = 0;  // 0: free
  std::uint32_t hash = 0;
};

// The pool's state (Name::chunks_ is its table of texts by number): each distinct text once, as
// a std::string in a deque (whose elements never move), and an open-addressing index of their
// numbers (linear probing, at most 3/4 full). Taken under `mutex`.
struct Pool {
  std::mutex mutex;
  std::deque<std::string> strings;  // text n is strings[n - 1]
  std::vector<Slot> slots;
  std::size_t heap_bytes = 0;  // the texts' own buffers, beyond the strings
  std::size_t chunks = 0;      // made so far
};

// Never destroyed: Names in static objects may be read while the program exits.
Pool& ThePool() {
  static Pool* pool = new Pool();
  return *pool;
}

constexpr std::size_t kRecent = 1024;  // a power of two
constexpr std::size_t kInline = 15;    // libstdc++ keeps up to 15 chars in the string itself

std::size_t Hash(std::string_view text) { return std::hash<std::string_view>()(text); }

}  // namespace

const std::string* const* Name::chunks_[Name::kChunks] = {};

std::uint32_t Name::Intern(std::string_view text) {
  if (text.empty()) return 0;
  const std::size_t hash = Hash(text);
  // Rows repeat their neighbours' texts (the org, the file, the site, the vendor): a small cache
  // per thread answers most of them without the lock. A number, once given, stays valid.
  struct Recent {
    std::size_t hash = 0;
    std::uint32_t id = 0;
  };
  thread_local Recent recent[kRecent];
  Recent& hit = recent[hash & (kRecent - 1)];
  if (hit.id != 0 && hit.hash == hash && Text(hit.id) == text) return hit.id;
  // Else under the lock: the number of `text`, added to the pool if new.
  hit.hash = hash;
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  if ((pool.strings.size() + 1) * 4 > pool.slots.size() * 3) Grow();
  const std::size_t mask = pool.slots.size() - 1;
  const auto low = static_cast<std::uint32_t>(hash);
  std::size_t i = hash & mask;
  for (; pool.slots[i].id != 0; i = (i + 1) & mask) {
    const Slot slot = pool.slots[i];
    if (slot.hash == low && Text(slot.id) == text) return hit.id = slot.id;
  }
  if (pool.strings.size() + 1 >= std::size_t{kChunks} * kChunkSize) {
    throw std::length_error("core::Name: more than 4 billion distinct texts");
  }
  const auto id = static_cast<std::uint32_t>(pool.strings.size() + 1);
  const std::string& added = pool.strings.emplace_back(text);
  if (added.capacity() > kInline) pool.heap_bytes += added.capacity() + 1;
  const std::uint32_t chunk = id >> kChunkBits;
  if (chunks_[chunk] == nullptr) {
    chunks_[chunk] = new const std::string* [kChunkSize] {};
    ++pool.chunks;
  }
  const_cast<const std::string**>(chunks_[chunk])[id & (kChunkSize - 1)] = &added;
  pool.slots[i] = {id, low};
  return hit.id = id;
}

// Doubles the index (the pool's mutex is held).
void Name::Grow() {
  Pool& pool = ThePool();
  std::vector<Slot> bigger(pool.slots.empty() ? 1024 : pool.slots.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& slot : pool.slots) {
    if (slot.id == 0) continue;
    std::size_t i = slot.hash & mask;  // as Intern places it: by the hash's low bits
    while (bigger[i].id != 0) i = (i + 1) & mask;
    bigger[i] = slot;
  }
  pool.slots.swap(bigger);
}

const std::string& Name::EmptyString() {
  static const std::string* empty = new std::string();
  return *empty;
}

std::string Name::Concat(std::string_view a, std::string_view b) {
  std::string out;
  out.reserve(a.size() + b.size());
  out += a;
  out += b;
  return out;
}

Name& Name::operator+=(std::string_view more) {
  *this = Name(Concat(view(), more));
  return *this;
}

std::ostream& operator<<(std::ostream& out, const Name& name) { return out << name.view(); }

Name::PoolStats Name::Stats() {
  Pool& pool = ThePool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  return {pool.strings.size(), pool.strings.size() * sizeof(std::string) + pool.heap_bytes +
                                   pool.slots.size() * sizeof(Slot) +
                                   pool.chunks * kChunkSize * sizeof(void*)};
}

}  // namespace samdrift::core
