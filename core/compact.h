// Two compact stand-ins for standard containers in core::Asset, of which a national estate
// holds millions (issue 23: at most 200 bytes per asset in memory):
// - PackedOptionalInt: a std::optional<int> in 4 bytes instead of 8. INT_MIN stands for "no
//   value", so every other int is held as it is; the importers give rack positions of 1 to
//   1,000,000 and heights of 0 to 1,000,000 (a 16-bit field would overflow there).
// - Attributes: a std::vector<Attribute> in one pointer instead of three (most assets have no
//   attributes; those that do keep their count and capacity in front of the items, on the heap).
#ifndef SAMDRIFT_CORE_COMPACT_H_
#define SAMDRIFT_CORE_COMPACT_H_

#include <climits>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <utility>

#include "core/name.h"

namespace samdrift::core {

class PackedOptionalInt {
 public:
  // The one int that cannot be held: it reads as "no value".
  static constexpr int kNone = INT_MIN;

  constexpr PackedOptionalInt() = default;
  constexpr PackedOptionalInt(std::nullopt_t) {}                // NOLINT: implicit, like optional
  constexpr PackedOptionalInt(int value) : value_(value) {}     // NOLINT
  constexpr PackedOptionalInt(const std::optional<int>& value)  // NOLINT
      : value_(value ? *value : kNone) {}

  constexpr bool has_value() const { return value_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr int operator*() const { return value_; }
  int value() const { return std::optional<int>(*this).value(); }  // throws when empty
  constexpr int value_or(int fallback) const { return has_value() ? value_ : fallback; }
  constexpr void reset() { value_ = kNone; }
  constexpr operator std::optional<int>() const {  // NOLINT: reads like an optional
    return has_value() ? std::optional<int>(value_) : std::nullopt;
  }

  // As std::optional<int> compares: no value equals no value and is less than any value.
  friend constexpr bool operator==(PackedOptionalInt a, PackedOptionalInt b) {
    return a.value_ == b.value_;
  }
  friend constexpr auto operator<=>(PackedOptionalInt a, PackedOptionalInt b) {
    return a.value_ <=> b.value_;  // kNone is the least int
  }
  // Beside a std::optional<int>: without these, std::optional's own templates would take the
  // packed int as a value and call an empty one unequal to an empty optional.
  friend constexpr bool operator==(PackedOptionalInt a, const std::optional<int>& b) {
    return a == PackedOptionalInt(b);
  }
  friend constexpr auto operator<=>(PackedOptionalInt a, const std::optional<int>& b) {
    return a <=> PackedOptionalInt(b);
  }
  // And beside an int or std::nullopt, which convert to both of the above.
  friend constexpr bool operator==(PackedOptionalInt a, int b) { return a.value_ == b; }
  friend constexpr auto operator<=>(PackedOptionalInt a, int b) {
    return a <=> PackedOptionalInt(b);
  }
  friend constexpr bool operator==(PackedOptionalInt a, std::nullopt_t) { return !a.has_value(); }
  friend constexpr auto operator<=>(PackedOptionalInt a, std::nullopt_t) {
    return a <=> PackedOptionalInt();
  }

 private:
  int value_ = kNone;
};

struct Attribute {
  Name key;
  Name value;  // interned too: most values repeat (an OS, a BIOS vendor, a memory size)
  friend bool operator==(const Attribute&, const Attribute&) = default;
};

class Attributes {
 public:
  using value_type = Attribute;
  using iterator = Attribute*;
  using const_iterator = const Attribute*;
  using size_type = std::size_t;

  Attributes() = default;
  Attributes(std::initializer_list<Attribute> items);
  Attributes(const Attributes& other);
  Attributes(Attributes&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  Attributes& operator=(const Attributes& other);
  Attributes& operator=(Attributes&& other) noexcept;
  ~Attributes();

  size_type size() const { return block_ ? block_->size : 0; }
  size_type capacity() const { return block_ ? block_->capacity : 0; }
  bool empty() const { return size() == 0; }
  Attribute* data() { return block_ ? Items(block_) : nullptr; }
  const Attribute* data() const { return block_ ? Items(block_) : nullptr; }
  iterator begin() { return data(); }
  iterator end() { return data() + size(); }
  const_iterator begin() const { return data(); }
  const_iterator end() const { return data() + size(); }
  Attribute& operator[](size_type i) { return data()[i]; }
  const Attribute& operator[](size_type i) const { return data()[i]; }

  // Room for `count` items in all; the heap block is sized exactly.
  void reserve(size_type count);
  void push_back(const Attribute& item);
  void clear() { *this = Attributes(); }

  friend bool operator==(const Attributes& a, const Attributes& b);

 private:
  struct Block {
    std::uint32_t size;
    std::uint32_t capacity;
  };
  static Attribute* Items(Block* block) { return reinterpret_cast<Attribute*>(block + 1); }
  static const Attribute* Items(const Block* block) {
    return reinterpret_cast<const Attribute*>(block + 1);
  }

  Block* block_ = nullptr;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_COMPACT_H_
