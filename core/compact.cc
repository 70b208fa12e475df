#include "core/compact.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace samdrift::core {

// Items are copied as bytes and live in a block without constructors of their own.
static_assert(std::is_trivially_copyable_v<Attribute> &&
              std::is_trivially_destructible_v<Attribute>);
static_assert(alignof(Attribute) <= 8 && sizeof(Attributes) == sizeof(void*));

Attributes::Attributes(std::initializer_list<Attribute> items) {
  reserve(items.size());
  for (const Attribute& item : items) push_back(item);
}

Attributes::Attributes(const Attributes& other) {
  if (other.empty()) return;
  reserve(other.size());
  std::memcpy(static_cast<void*>(data()), other.data(), other.size() * sizeof(Attribute));
  block_->size = other.block_->size;
}

Attributes& Attributes::operator=(const Attributes& other) {
  if (this != &other) *this = Attributes(other);
  return *this;
}

Attributes& Attributes::operator=(Attributes&& other) noexcept {
  if (this != &other) {
    ::operator delete(block_);
    block_ = std::exchange(other.block_, nullptr);
  }
  return *this;
}

Attributes::~Attributes() { ::operator delete(block_); }

void Attributes::reserve(size_type count) {
  if (count <= capacity()) return;
  if (count > UINT32_MAX) throw std::length_error("core::Attributes: too many attributes");
  auto* bigger = static_cast<Block*>(::operator new(sizeof(Block) + count * sizeof(Attribute)));
  bigger->size = static_cast<std::uint32_t>(size());
  bigger->capacity = static_cast<std::uint32_t>(count);
  if (block_) {
    std::memcpy(static_cast<void*>(Items(bigger)), Items(block_), size() * sizeof(Attribute));
  }
  ::operator delete(block_);
  block_ = bigger;
}

void Attributes::push_back(const Attribute& item) {
  const Attribute copy = item;  // `item` may be one of ours, which reserve moves
  if (size() == capacity()) reserve(std::max<size_type>(4, 2 * capacity()));
  Items(block_)[block_->size++] = copy;
}

bool operator==(const Attributes& a, const Attributes& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace samdrift::core
