// core::Name: an interned string. The model's repeated texts (org, site, vendor, product,
// version, role, source file, ...) occur millions of times in a national estate but take only a
// few thousand distinct values; a Name is 4 bytes, the number of the single copy of its text in a
// process-wide pool that only grows (texts are never freed or moved, so a Name stays valid for
// the life of the process and may be read from any thread). Interning takes a lock when the
// thread's cache of recent texts misses; reading takes none (the table of texts grows in fixed
// chunks).
//
// A Name reads like the std::string it replaces: it converts to `const std::string&` and to
// std::string_view, compares with strings, string views and literals, concatenates with `+`,
// hashes, streams and formats (fmt takes it as a string view). Assigning a string interns it.
// The empty string is number 0, so `empty()` and default construction cost nothing. A ternary
// that mixes a Name and a std::string is ambiguous: write `name.str()`.
#ifndef SAMDRIFT_CORE_NAME_H_
#define SAMDRIFT_CORE_NAME_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace samdrift::core {

class Name {
 public:
  using size_type = std::string::size_type;
  using const_iterator = std::string::const_iterator;
  static constexpr size_type npos = std::string::npos;

  Name() = default;
  Name(std::string_view text) : id_(Intern(text)) {}  // NOLINT: implicit, like a string
  Name(const std::string& text) : Name(std::string_view(text)) {}  // NOLINT
  Name(const char* text) : Name(std::string_view(text)) {}         // NOLINT

  const std::string& str() const { return id_ != 0 ? Text(id_) : EmptyString(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads like a string
  operator std::string_view() const { return str(); }    // NOLINT
  std::string_view view() const { return str(); }

  bool empty() const { return id_ == 0; }
  size_type size() const { return str().size(); }
  size_type length() const { return size(); }
  const char* data() const { return str().data(); }
  const char* c_str() const { return str().c_str(); }
  const_iterator begin() const { return str().begin(); }
  const_iterator end() const { return str().end(); }
  char front() const { return str().front(); }
  char back() const { return str().back(); }
  char operator[](size_type i) const { return str()[i]; }
  void clear() { id_ = 0; }

  size_type find(std::string_view s, size_type pos = 0) const { return view().find(s, pos); }
  size_type find(char c, size_type pos = 0) const { return view().find(c, pos); }
  size_type rfind(std::string_view s, size_type pos = npos) const { return view().rfind(s, pos); }
  size_type rfind(char c, size_type pos = npos) const { return view().rfind(c, pos); }
  size_type find_first_of(std::string_view s, size_type pos = 0) const {
    return view().find_first_of(s, pos);
  }
  size_type find_last_of(std::string_view s, size_type pos = npos) const {
    return view().find_last_of(s, pos);
  }
  std::string substr(size_type pos = 0, size_type count = npos) const {
    return str().substr(pos, count);
  }
  bool starts_with(std::string_view s) const { return view().starts_with(s); }
  bool ends_with(std::string_view s) const { return view().ends_with(s); }
  int compare(std::string_view s) const { return view().compare(s); }

  Name& operator+=(std::string_view more);

  // Equal texts are the same pooled string, so two Names compare by number.
  friend bool operator==(const Name& a, const Name& b) { return a.id_ == b.id_; }
  friend bool operator==(const Name& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Name& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Name& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Name& a, const Name& b) {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const Name& a, std::string_view b) {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(const Name& a, const std::string& b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Name& a, const char* b) {
    return a.view() <=> std::string_view(b);
  }

  friend std::string operator+(const Name& a, std::string_view b) { return Concat(a.view(), b); }
  friend std::string operator+(const Name& a, const std::string& b) { return Concat(a.view(), b); }
  friend std::string operator+(const Name& a, const char* b) { return Concat(a.view(), b); }
  friend std::string operator+(const Name& a, const Name& b) { return Concat(a.view(), b.view()); }
  friend std::string operator+(const Name& a, char b) { return Concat(a.view(), {&b, 1}); }
  friend std::string operator+(std::string_view a, const Name& b) { return Concat(a, b.view()); }
  friend std::string operator+(const std::string& a, const Name& b) { return Concat(a, b.view()); }
  friend std::string operator+(std::string&& a, const Name& b) { return std::move(a += b.view()); }
  friend std::string operator+(const char* a, const Name& b) { return Concat(a, b.view()); }
  friend std::string operator+(char a, const Name& b) { return Concat({&a, 1}, b.view()); }

  friend std::ostream& operator<<(std::ostream& out, const Name& name);

  // The pool's size: distinct texts and the bytes they hold (for the benchmarks).
  struct PoolStats {
    std::size_t strings = 0;
    std::size_t bytes = 0;  // the strings, their heap buffers and the index
  };
  static PoolStats Stats();

 private:
  // The pool's table: chunk c holds the texts numbered c * kChunkSize to (c + 1) * kChunkSize - 1
  // (number 0 is the empty text). The top level is fixed, a chunk never moves once made.
  static constexpr std::uint32_t kChunkBits = 16;
  static constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
  static constexpr std::uint32_t kChunks = 1u << (32 - kChunkBits);
  static const std::string* const* chunks_[kChunks];

  static const std::string& Text(std::uint32_t id) {
    return *chunks_[id >> kChunkBits][id & (kChunkSize - 1)];
  }
  static std::uint32_t Intern(std::string_view text);
  static void Grow();
  static const std::string& EmptyString();
  static std::string Concat(std::string_view a, std::string_view b);

  std::uint32_t id_ = 0;
};

}  // namespace samdrift::core

template <>
struct std::hash<samdrift::core::Name> {
  std::size_t operator()(const samdrift::core::Name& name) const noexcept {
    return std::hash<std::string_view>()(name.view());
  }
};

#endif  // SAMDRIFT_CORE_NAME_H_
