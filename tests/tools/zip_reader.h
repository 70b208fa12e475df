// A minimal ZIP reader for tests: lists entries and inflates one (XLSX files are ZIPs).
#ifndef SAMDRIFT_TESTS_TOOLS_ZIP_READER_H_
#define SAMDRIFT_TESTS_TOOLS_ZIP_READER_H_

#include <zlib.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace samdrift::testing {

// Entries of a ZIP archive by name -> uncompressed content (stored or deflated entries).
// Returns nullopt when the bytes are not a well-formed archive.
inline std::optional<std::map<std::string, std::string>> ReadZip(const std::string& bytes) {
  auto u16 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  if (bytes.size() < 22) return std::nullopt;
  std::size_t eocd = bytes.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos || eocd + 22 > bytes.size()) return std::nullopt;
  const std::uint32_t count = u16(eocd + 10);
  std::size_t at = u32(eocd + 16);
  std::map<std::string, std::string> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (at + 46 > bytes.size() || bytes.compare(at, 4, "PK\x01\x02", 4) != 0) return std::nullopt;
    const std::uint32_t method = u16(at + 10);
    const std::uint32_t compressed = u32(at + 20);
    const std::uint32_t size = u32(at + 24);
    const std::uint32_t name_length = u16(at + 28);
    const std::uint32_t extra = u16(at + 30);
    const std::uint32_t comment = u16(at + 32);
    const std::uint32_t local = u32(at + 42);
    std::string name = bytes.substr(at + 46, name_length);
    at += 46 + name_length + extra + comment;
    if (local + 30 > bytes.size()) return std::nullopt;
    const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    if (data + compressed > bytes.size()) return std::nullopt;
    std::string content;
    if (method == 0) {
      content = bytes.substr(data, compressed);
    } else if (method == 8) {
      content.resize(size);
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return std::nullopt;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + data));
      z.avail_in = compressed;
      z.next_out = reinterpret_cast<Bytef*>(content.data());
      z.avail_out = size;
      int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      if (rc != Z_STREAM_END) return std::nullopt;
    } else {
      return std::nullopt;
    }
    entries[name] = std::move(content);
  }
  return entries;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_TOOLS_ZIP_READER_H_
