// The attribute codec: an asset's attributes in one column, key and value joined by \x1f,
// pairs by \x1e (Clean() drops those two characters from keys and values).
#include <algorithm>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/store_internal.h"

namespace samdrift::core {

void BindOptional(SQLite::Statement& st, int index, PackedOptionalInt value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

namespace store_internal {
namespace {

constexpr char kAttrKeySep = '\x1f';
constexpr char kAttrSep = '\x1e';

std::string Clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != kAttrKeySep && c != kAttrSep) out += c;
  }
  return out;
}

template <typename Out>
void Decode(std::string_view text, Out& out) {
  // Sized once: a national estate holds millions of these.
  if (!text.empty()) {
    out.reserve(out.size() + 1 +
                static_cast<std::size_t>(std::count(text.begin(), text.end(), kAttrSep)));
  }
  while (!text.empty()) {
    std::size_t end = text.find(kAttrSep);
    std::string_view item = text.substr(0, end);
    std::size_t sep = item.find(kAttrKeySep);
    if (sep != std::string_view::npos) {
      Name key(item.substr(0, sep));
      Name value(item.substr(sep + 1));
      bool replaced = false;
      for (Attribute& a : out) {
        if (a.key == key) {
          a.value = std::move(value);
          replaced = true;
          break;
        }
      }
      if (!replaced) out.push_back({std::move(key), std::move(value)});
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

}  // namespace

std::string FileName(const std::string& source) {
  return std::filesystem::path(source).filename().string();
}

std::string EncodeAttributes(std::span<const Attribute> attributes) {
  std::string out;
  for (const Attribute& a : attributes) {
    if (!out.empty()) out += kAttrSep;
    out += Clean(a.key);
    out += kAttrKeySep;
    out += Clean(a.value);
  }
  return out;
}

void DecodeAttributes(std::string_view text, Attributes& out) { Decode(text, out); }
void DecodeAttributes(std::string_view text, std::vector<Attribute>& out) { Decode(text, out); }

}  // namespace store_internal
}  // namespace samdrift::core
