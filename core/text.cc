#include "core/text.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace samdrift::core {
namespace {

// Windows-1252 bytes 0x80-0x9F (the rest of the upper half is Latin-1).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string FromUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> char32_t {
    auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
    auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
    return static_cast<char32_t>(lo | (hi << 8));
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xFFFD;
    }
    AppendUtf8(out, cp);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Removes thousands separators and turns a decimal comma into a point. Returns false when the
// text cannot be a number in any accepted notation.
bool NormaliseNumber(std::string_view text, std::string& out) {
  text = Trim(text);
  if (text.empty()) return false;
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\'') continue;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // U+00A0 no-break space
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAF) {
      i += 2;  // U+202F narrow no-break space
      continue;
    }
    if (c == ',') {
      out += '.';
      continue;
    }
    if (!(std::isdigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return false;
    }
    out += static_cast<char>(c);
  }
  if (std::count(out.begin(), out.end(), '.') > 1) return false;
  return !out.empty();
}

}  // namespace

std::string_view ToString(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kWindows1252:
      return "Windows-1252";
  }
  return "?";
}

std::size_t InvalidUtf8At(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII runs eight bytes at a time: most of every inventory is ASCII, and importers sniff
    // and check the same text several times (a GLPI folder import spent 40% of its time here).
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return i;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n) return i;
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
      return i;
    }
    i += extra + 1;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) { return InvalidUtf8At(s) == std::string_view::npos; }

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string GroupDigits(double amount, std::string_view separator) {
  const long long whole = std::llround(amount);
  const std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += separator;
    text += digits[i];
  }
  return (whole < 0 ? "-" : "") + text;
}

std::string_view WithoutUtf8Bom(std::string_view bytes) {
  return StartsWith(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

std::string_view Utf8View(std::string_view bytes, std::string& storage, TextEncoding* detected) {
  const std::string_view rest = WithoutUtf8Bom(bytes);
  const bool bom = rest.size() != bytes.size();
  const bool utf16 = StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF");
  if (!utf16) {
    if (IsValidUtf8(rest)) {
      if (detected) *detected = bom ? TextEncoding::kUtf8Bom : TextEncoding::kUtf8;
      return rest;
    }
  }
  storage = ToUtf8(bytes, detected);
  return storage;
}

std::string ToUtf8(std::string_view bytes, TextEncoding* detected) {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::string out;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    encoding = TextEncoding::kUtf8Bom;
    bytes.remove_prefix(3);
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    encoding = TextEncoding::kUtf16Le;
    out = FromUtf16(bytes.substr(2), true);
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    encoding = TextEncoding::kUtf16Be;
    out = FromUtf16(bytes.substr(2), false);
  }
  if (encoding == TextEncoding::kUtf8 || encoding == TextEncoding::kUtf8Bom) {
    if (IsValidUtf8(bytes)) {
      out.assign(bytes);
    } else {
      encoding = TextEncoding::kWindows1252;
      out.reserve(bytes.size() + bytes.size() / 8);
      for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
          out += ch;
        } else if (c < 0xA0) {
          AppendUtf8(out, kCp1252High[c - 0x80]);
        } else {
          AppendUtf8(out, c);
        }
      }
    }
  }
  if (detected) *detected = encoding;
  return out;
}

std::string_view Trim(std::string_view text) {
  auto is_space_at = [&](std::size_t i, std::size_t& width) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      width = 1;
      return true;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      width = 2;
      return true;
    }
    return false;
  };
  std::size_t width = 0;
  while (!text.empty() && is_space_at(0, width)) text.remove_prefix(width);
  while (!text.empty()) {
    if (is_space_at(text.size() - 1, width)) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && is_space_at(text.size() - 2, width) && width == 2) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ToLowerAscii(a) == ToLowerAscii(b);
}

std::optional<double> ParseNumber(std::string_view text) {
  std::string normal;
  if (!NormaliseNumber(text, normal)) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  double value = std::strtod(normal.c_str(), &end);
  if (end != normal.c_str() + normal.size() || errno == ERANGE || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<long long> ParseInteger(std::string_view text) {
  std::string normal;
  if (!NormaliseNumber(text, normal)) return std::nullopt;
  if (normal.find_first_of(".eE") != std::string::npos) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(normal.c_str(), &end, 10);
  if (end != normal.c_str() + normal.size() || errno == ERANGE) return std::nullopt;
  return value;
}

std::size_t EditDistance(std::string_view a_in, std::string_view b_in) {
  const std::string a = ToLowerAscii(a_in);
  const std::string b = ToLowerAscii(b_in);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 2);
  for (const std::string& candidate : candidates) {
    // A shared prefix of three or more letters counts as close, too ("form" -> "formats").
    const bool prefix = candidate.size() > word.size() && word.size() >= 3 &&
                        EqualsIgnoreCase(candidate.substr(0, word.size()), word);
    // The distance is at least the difference in length: skip what cannot win (a 16 MB cell
    // against a list of short names must not cost seconds).
    const std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                           : word.size() - candidate.size();
    if (!prefix && (gap > limit || gap >= best_distance)) continue;
    std::size_t d = EditDistance(word, candidate);
    if (prefix) d = std::min(d, std::size_t{1});
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best_distance <= limit ? best : std::string();
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // continuation bytes do not count
  return n;
}

std::string PadRight(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string PadLeft(std::string_view text, std::size_t width) {
  const std::size_t w = DisplayWidth(text);
  std::string out(w < width ? width - w : 0, ' ');
  out += text;
  return out;
}

bool IsValidOrgId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace samdrift::core
