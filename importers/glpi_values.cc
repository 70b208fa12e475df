#include "importers/glpi_values.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/text.h"

namespace samdrift::importers::glpi {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A decimal number of exactly `digits` digits at text[at...].
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string IsoDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return "";
  int days = kDays[m - 1] + (m == 2 && IsLeapYear(y) ? 1 : 0);
  if (d > days) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

// What may follow a date: nothing, or a time ("T03:02:45Z", " 20:15", " 10:12:00").
bool TimeTail(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] != ' ' && rest[0] != 'T') return false;
  rest.remove_prefix(1);
  if (rest.size() < 4) return false;
  for (char c : rest) {
    if (!IsDigit(c) && c != ':' && c != '.' && c != 'Z' && c != '+' && c != '-') return false;
  }
  return IsDigit(rest[0]);
}

int MonthFromName(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = core::ToLowerAscii(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (kMonths[i] == lower) return i + 1;
  }
  return 0;
}

bool ParseIpv4(std::string_view text, std::array<int, 4>& octets) {
  std::size_t at = 0;
  for (int i = 0; i < 4; ++i) {
    std::size_t start = at;
    while (at < text.size() && IsDigit(text[at])) ++at;
    std::size_t length = at - start;
    if (length == 0 || length > 3) return false;
    if (length > 1 && text[start] == '0') return false;  // leading zeros read as octal by some
    int value = 0;
    std::from_chars(text.data() + start, text.data() + at, value);
    if (value > 255) return false;
    octets[i] = value;
    if (i < 3) {
      if (at >= text.size() || text[at] != '.') return false;
      ++at;
    }
  }
  return at == text.size();
}

// Groups of an IPv6 address; false when the text is not one.
bool ParseIpv6(std::string_view text, std::array<std::uint16_t, 8>& groups) {
  std::size_t gap = text.find("::");
  if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos) {
    return false;
  }
  auto parse_part = [](std::string_view part, std::array<std::uint16_t, 8>& out,
                       int& count) -> bool {
    count = 0;
    if (part.empty()) return true;
    std::size_t at = 0;
    while (true) {
      std::size_t end = part.find(':', at);
      std::string_view group =
          part.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      if (end == std::string_view::npos && group.find('.') != std::string_view::npos) {
        std::array<int, 4> v4{};
        if (!ParseIpv4(group, v4) || count > 6) return false;
        out[count++] = static_cast<std::uint16_t>(v4[0] << 8 | v4[1]);
        out[count++] = static_cast<std::uint16_t>(v4[2] << 8 | v4[3]);
        return true;
      }
      if (group.empty() || group.size() > 4 || count >= 8) return false;
      unsigned value = 0;
      for (char c : group) {
        int h = HexDigit(c);
        if (h < 0) return false;
        value = value * 16 + static_cast<unsigned>(h);
      }
      out[count++] = static_cast<std::uint16_t>(value);
      if (end == std::string_view::npos) return true;
      at = end + 1;
    }
  };
  groups.fill(0);
  if (gap == std::string_view::npos) {
    int count = 0;
    return parse_part(text, groups, count) && count == 8;
  }
  std::array<std::uint16_t, 8> head{}, tail{};
  int head_count = 0, tail_count = 0;
  if (!parse_part(text.substr(0, gap), head, head_count)) return false;
  if (!parse_part(text.substr(gap + 2), tail, tail_count)) return false;
  if (head_count + tail_count > 7) return false;
  for (int i = 0; i < head_count; ++i) groups[i] = head[i];
  for (int i = 0; i < tail_count; ++i) groups[8 - tail_count + i] = tail[i];
  return true;
}

std::string Ipv6Text(const std::array<std::uint16_t, 8>& g) {
  // RFC 5952: the longest run (two or more) of zero groups becomes "::", the first one on a tie.
  int best_start = -1, best_length = 0;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_length && j - i >= 2) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  std::string out;
  char buffer[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buffer, sizeof buffer, "%x", g[i]);
    out += buffer;
  }
  return out;
}

}  // namespace

std::string NormaliseMac(std::string_view text) {
  text = core::Trim(text);
  std::array<int, 6> octets{};
  int count = 0;
  if (text.find_first_of(":-") != std::string_view::npos) {
    // Separated octets of one or two digits: "0:1b:a9:12:11:f2", "00-1B-A9-12-11-F2".
    std::size_t at = 0;
    while (at <= text.size()) {
      std::size_t end = text.find_first_of(":-", at);
      std::string_view part =
          text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      if (part.empty() || part.size() > 2 || count >= 6) return "";
      int value = 0;
      for (char c : part) {
        int h = HexDigit(c);
        if (h < 0) return "";
        value = value * 16 + h;
      }
      octets[count++] = value;
      if (end == std::string_view::npos) break;
      at = end + 1;
    }
  } else {
    // "001b.a912.11f2" or "001ba91211f2".
    std::string digits;
    for (char c : text) {
      if (c == '.') continue;
      if (HexDigit(c) < 0) return "";
      digits += c;
    }
    if (digits.size() != 12) return "";
    for (int i = 0; i < 6; ++i)
      octets[count++] = HexDigit(digits[2 * i]) * 16 + HexDigit(digits[2 * i + 1]);
  }
  if (count != 6) return "";
  std::string out;
  char buffer[4];
  for (int i = 0; i < 6; ++i) {
    std::snprintf(buffer, sizeof buffer, "%02x", octets[i]);
    if (i) out += ':';
    out += buffer;
  }
  return out;
}

std::string NormaliseIp(std::string_view text) {
  text = core::Trim(text);
  std::array<int, 4> v4{};
  if (ParseIpv4(text, v4)) {
    return std::to_string(v4[0]) + "." + std::to_string(v4[1]) + "." + std::to_string(v4[2]) + "." +
           std::to_string(v4[3]);
  }
  std::size_t zone = text.find('%');
  if (zone != std::string_view::npos) text = text.substr(0, zone);
  std::array<std::uint16_t, 8> groups{};
  if (text.find(':') != std::string_view::npos && ParseIpv6(text, groups)) return Ipv6Text(groups);
  return "";
}

IpScope ScopeOf(std::string_view ip) {
  if (ip.find(':') == std::string_view::npos) {
    if (ip.substr(0, 4) == "127.") return IpScope::kLoopback;
    if (ip.substr(0, 8) == "169.254.") return IpScope::kLinkLocal;
    if (ip == "0.0.0.0") return IpScope::kUnspecified;
    return IpScope::kGlobal;
  }
  if (ip == "::1") return IpScope::kLoopback;
  if (ip == "::") return IpScope::kUnspecified;
  if (ip.size() >= 4 && ip.substr(0, 3) == "fe8") return IpScope::kLinkLocal;
  if (ip.size() >= 4 &&
      (ip.substr(0, 3) == "fe9" || ip.substr(0, 3) == "fea" || ip.substr(0, 3) == "feb")) {
    return IpScope::kLinkLocal;
  }
  return IpScope::kGlobal;
}

std::string NormaliseDate(std::string_view text, DateOrder order) {
  text = core::Trim(text);
  if (text.size() < 8) return "";
  // yyyy-mm-dd[ time] / yyyy/mm/dd
  if (auto y = Digits(text, 0, 4); y && (text[4] == '-' || text[4] == '/')) {
    const char sep = text[4];
    std::size_t at = 5;
    std::size_t end = text.find(sep, at);
    if (end == std::string_view::npos || end - at < 1 || end - at > 2) return "";
    auto m = Digits(text, at, end - at);
    std::size_t day_at = end + 1, day_end = day_at;
    while (day_end < text.size() && IsDigit(text[day_end])) ++day_end;
    if (day_end - day_at < 1 || day_end - day_at > 2) return "";
    auto d = Digits(text, day_at, day_end - day_at);
    if (!m || !d || !TimeTail(text.substr(day_end))) return "";
    return IsoDate(*y, *m, *d);
  }
  // yyyymmdd
  if (text.size() == 8) {
    auto y = Digits(text, 0, 4), m = Digits(text, 4, 2), d = Digits(text, 6, 2);
    if (y && m && d) return IsoDate(*y, *m, *d);
    return "";
  }
  // dd/mm/yyyy, mm/dd/yyyy, dd.mm.yyyy[ time]
  if (IsDigit(text[0])) {
    int parts[3] = {0, 0, 0};
    std::size_t at = 0;
    char sep = 0;
    for (int i = 0; i < 3; ++i) {
      std::size_t start = at;
      while (at < text.size() && IsDigit(text[at])) ++at;
      std::size_t length = at - start;
      if (length == 0 || length > (i == 2 ? 4u : 2u) || (i == 2 && length != 4)) return "";
      parts[i] = *Digits(text, start, length);
      if (i < 2) {
        if (at >= text.size() || (text[at] != '/' && text[at] != '.' && text[at] != '-')) return "";
        if (sep && text[at] != sep) return "";
        sep = text[at++];
      }
    }
    if (!TimeTail(text.substr(at))) return "";
    // Dotted dates are day first everywhere they are written.
    const bool day_first = sep == '.' || order == DateOrder::kDayFirst;
    std::string first =
        day_first ? IsoDate(parts[2], parts[1], parts[0]) : IsoDate(parts[2], parts[0], parts[1]);
    if (!first.empty()) return first;
    return day_first ? IsoDate(parts[2], parts[0], parts[1])
                     : IsoDate(parts[2], parts[1], parts[0]);
  }
  // "Thu Mar 14 15:05:41 2013"
  if (text.size() >= 24 && std::isalpha(static_cast<unsigned char>(text[0]))) {
    int m = MonthFromName(text.substr(4, 3));
    auto d = Digits(text, 8, 2);
    if (!d && text[8] == ' ') d = Digits(text, 9, 1);
    auto y = Digits(text, text.size() - 4, 4);
    if (m && d && y) return IsoDate(*y, m, *d);
  }
  return "";
}

std::optional<long long> ParseMegabytes(std::string_view text) {
  text = core::Trim(text);
  std::size_t at = 0;
  while (at < text.size() && IsDigit(text[at])) ++at;
  if (at == 0) return std::nullopt;
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + at, value);
  if (ec != std::errc()) return std::nullopt;
  std::string unit = core::ToLowerAscii(core::Trim(text.substr(at)));
  if (unit.empty() || unit == "mb" || unit == "mib" || unit == "m") return value;
  if (unit == "gb" || unit == "gib" || unit == "g") return value * 1024;
  return std::nullopt;
}

}  // namespace samdrift::importers::glpi
