#include "core/ip.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "core/text.h"

namespace samdrift::core {
namespace {

__extension__ typedef unsigned __int128 U128;

U128 ToU128(const IpAddress& a) { return (static_cast<U128>(a.high()) << 64) | a.low(); }

IpAddress FromU128(IpFamily family, U128 v) {
  if (family == IpFamily::kV4) return IpAddress::V4(static_cast<std::uint32_t>(v));
  return IpAddress::V6(static_cast<std::uint64_t>(v >> 64), static_cast<std::uint64_t>(v));
}

// Bits below the prefix length, as a mask in the family's width.
U128 HostMask(IpFamily family, int length) {
  const int width = family == IpFamily::kV4 ? 32 : 128;
  const int host = width - length;
  if (host <= 0) return 0;
  if (host >= 128) return ~static_cast<U128>(0);
  return (static_cast<U128>(1) << host) - 1;
}

// Echoed input is capped so that a 16 MB cell does not become a 16 MB message.
std::string Shown(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return std::string(text);
  return std::string(text.substr(0, kMax)) + "...";
}

struct Parsed {
  std::optional<IpAddress> address;
  std::string detail;  // why not, when address is empty
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::uint32_t> ParseV4(std::string_view text, std::string* detail) {
  std::uint32_t value = 0;
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    std::size_t digits = i - start;
    if (digits == 0 || digits > 3) return std::nullopt;
    if (digits > 1 && text[start] == '0') {
      *detail = "leading zeros are ambiguous";
      return std::nullopt;
    }
    int part = 0;
    std::from_chars(text.data() + start, text.data() + i, part);
    if (part > 255) {
      *detail = std::to_string(part) + " is more than 255";
      return std::nullopt;
    }
    value = (value << 8) | static_cast<std::uint32_t>(part);
    ++parts;
    if (parts == 4) break;
    if (i >= text.size() || text[i] != '.') return std::nullopt;
    ++i;
  }
  if (i != text.size()) return std::nullopt;
  return value;
}

// Hex groups of one side of "::"; an IPv4 tail counts as two groups when allowed.
bool ParseGroups(std::string_view text, bool v4_tail_allowed, std::vector<std::uint16_t>& out,
                 std::string* detail) {
  if (text.empty()) return true;
  std::size_t i = 0;
  while (true) {
    std::size_t end = text.find(':', i);
    std::string_view group = text.substr(i, end == std::string_view::npos ? end : end - i);
    if (end == std::string_view::npos && v4_tail_allowed &&
        group.find('.') != std::string_view::npos) {
      auto v4 = ParseV4(group, detail);
      if (!v4) return false;
      out.push_back(static_cast<std::uint16_t>(*v4 >> 16));
      out.push_back(static_cast<std::uint16_t>(*v4 & 0xffff));
      return true;
    }
    if (group.empty() || group.size() > 4) return false;
    std::uint16_t value = 0;
    for (char c : group) {
      int h = HexValue(c);
      if (h < 0) return false;
      value = static_cast<std::uint16_t>((value << 4) | h);
    }
    out.push_back(value);
    if (end == std::string_view::npos) return true;
    i = end + 1;
  }
}

std::optional<IpAddress> ParseV6(std::string_view text, std::string* detail) {
  if (text.find('%') != std::string_view::npos) {
    *detail = "zone indexes (%...) are not part of an address plan";
    return std::nullopt;
  }
  std::vector<std::uint16_t> head;
  std::vector<std::uint16_t> tail;
  std::size_t gap = text.find("::");
  if (gap != std::string_view::npos) {
    if (text.find("::", gap + 1) != std::string_view::npos) {
      *detail = "'::' may appear only once";
      return std::nullopt;
    }
    if (!ParseGroups(text.substr(0, gap), false, head, detail)) return std::nullopt;
    if (!ParseGroups(text.substr(gap + 2), true, tail, detail)) return std::nullopt;
    if (head.size() + tail.size() > 7) return std::nullopt;
  } else {
    if (!ParseGroups(text, true, head, detail)) return std::nullopt;
    if (head.size() != 8) return std::nullopt;
  }
  std::array<std::uint16_t, 8> groups{};
  for (std::size_t k = 0; k < head.size(); ++k) groups[k] = head[k];
  for (std::size_t k = 0; k < tail.size(); ++k) groups[8 - tail.size() + k] = tail[k];
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  for (int k = 0; k < 4; ++k) high = (high << 16) | groups[k];
  for (int k = 4; k < 8; ++k) low = (low << 16) | groups[k];
  return IpAddress::V6(high, low);
}

Parsed ParseAny(std::string_view text) {
  Parsed p;
  if (text.find(':') != std::string_view::npos) {
    p.address = ParseV6(text, &p.detail);
  } else if (auto v4 = ParseV4(text, &p.detail)) {
    p.address = IpAddress::V4(*v4);
  }
  return p;
}

void Set(IpProblem* problem, IpProblem value) {
  if (problem) *problem = value;
}

// "/24" or, for IPv4, "/255.255.255.0". Returns -1 for text, -2 for a non-contiguous mask.
int ParseLength(std::string_view text, IpFamily family) {
  if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), IsDigit)) {
    if (family == IpFamily::kV4 && text.find('.') != std::string_view::npos) {
      std::string ignored;
      auto mask = ParseV4(text, &ignored);
      if (!mask) return -1;
      int ones = 0;
      while (ones < 32 && (*mask & (0x80000000u >> ones))) ++ones;
      std::uint32_t expected = ones == 0 ? 0 : ~std::uint32_t{0} << (32 - ones);
      return *mask == expected ? ones : -2;
    }
    return -1;
  }
  int length = 0;
  std::from_chars(text.data(), text.data() + text.size(), length);
  return length;
}

const char* FamilyName(IpFamily family) { return family == IpFamily::kV4 ? "IPv4" : "IPv6"; }

}  // namespace

Result<IpAddress> IpAddress::Parse(std::string_view text, IpProblem* problem) {
  text = Trim(text);
  Parsed p = ParseAny(text);
  if (!p.address) {
    Set(problem, IpProblem::kSyntax);
    return Status::Invalid("'" + Shown(text) + "' is not an IP address" +
                           (p.detail.empty() ? "" : " (" + p.detail + ")"));
  }
  Set(problem, IpProblem::kNone);
  return *p.address;
}

std::string IpAddress::ToString() const {
  if (family_ == IpFamily::kV4) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
      if (!out.empty()) out += '.';
      out += std::to_string((low_ >> shift) & 0xff);
    }
    return out;
  }
  if (high_ == 0 && (low_ >> 32) == 0xffff) {
    return "::ffff:" + V4(static_cast<std::uint32_t>(low_)).ToString();
  }
  std::array<std::uint16_t, 8> g{};
  for (int k = 0; k < 4; ++k) g[k] = static_cast<std::uint16_t>(high_ >> (48 - 16 * k));
  for (int k = 0; k < 4; ++k) g[4 + k] = static_cast<std::uint16_t>(low_ >> (48 - 16 * k));
  int best_start = -1;
  int best_len = 1;  // a single zero group is not compressed (RFC 5952 4.2.2)
  for (int k = 0; k < 8;) {
    if (g[k] != 0) {
      ++k;
      continue;
    }
    int start = k;
    while (k < 8 && g[k] == 0) ++k;
    if (k - start > best_len) {
      best_start = start;
      best_len = k - start;
    }
  }
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex = [](std::uint16_t v) {
    std::string s;
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int d = (v >> shift) & 0xf;
      if (d || started || shift == 0) {
        s += kHex[d];
        started = true;
      }
    }
    return s;
  };
  std::string out;
  for (int k = 0; k < 8; ++k) {
    if (k == best_start) {
      out += "::";
      k += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += hex(g[k]);
  }
  return out;
}

Result<IpPrefix> IpPrefix::Parse(std::string_view text, IpProblem* problem) {
  text = Trim(text);
  const std::string shown = Shown(text);
  std::size_t slash = text.find('/');
  Parsed p = ParseAny(Trim(text.substr(0, slash)));
  if (!p.address) {
    Set(problem, IpProblem::kSyntax);
    return Status::Invalid(
        "'" + shown + "' is not an IP prefix (" +
        (p.detail.empty() ? "expected e.g. 10.1.0.0/16 or 2001:db8::/32" : p.detail) + ")");
  }
  const IpFamily family = p.address->family();
  const int width = p.address->width();
  if (slash == std::string_view::npos) {
    Set(problem, IpProblem::kNoLength);
    return Status::Invalid("'" + shown + "' has no prefix length (e.g. " + shown +
                           (family == IpFamily::kV4 ? "/24" : "/64") + ")");
  }
  std::string_view length_text = Trim(text.substr(slash + 1));
  int length = ParseLength(length_text, family);
  if (length == -1) {
    Set(problem, IpProblem::kSyntax);
    return Status::Invalid("'" + shown + "': '" + Shown(length_text) + "' is not a prefix length");
  }
  if (length == -2) {
    Set(problem, IpProblem::kLength);
    return Status::Invalid("'" + shown + "': " + std::string(length_text) +
                           " is not a contiguous netmask");
  }
  if (length > width) {
    Set(problem, IpProblem::kLength);
    return Status::Invalid("'" + shown + "': prefix length " + std::to_string(length) +
                           " is out of range for " + FamilyName(family) + " (0-" +
                           std::to_string(width) + ")");
  }
  IpPrefix prefix = Containing(*p.address, length);
  if (prefix.network() != *p.address) {
    Set(problem, IpProblem::kHostBits);
    return Status::Invalid("'" + shown + "' has host bits set (did you mean " + prefix.ToString() +
                           "?)");
  }
  Set(problem, IpProblem::kNone);
  return prefix;
}

IpPrefix IpPrefix::Containing(const IpAddress& address, int length) {
  length = std::clamp(length, 0, address.width());
  U128 value = ToU128(address) & ~HostMask(address.family(), length);
  return IpPrefix(FromU128(address.family(), value), length);
}

IpAddress IpPrefix::last() const {
  return FromU128(family(), ToU128(network_) | HostMask(family(), length_));
}

std::optional<std::uint64_t> IpPrefix::size() const {
  if (host_bits() >= 64) return std::nullopt;
  return std::uint64_t{1} << host_bits();
}

bool IpPrefix::Contains(const IpAddress& address) const {
  if (address.family() != family()) return false;
  return (ToU128(address) & ~HostMask(family(), length_)) == ToU128(network_);
}

bool IpPrefix::Contains(const IpPrefix& other) const {
  return other.family() == family() && other.length_ >= length_ && Contains(other.network_);
}

bool IpPrefix::Overlaps(const IpPrefix& other) const {
  return Contains(other) || other.Contains(*this);
}

std::optional<IpPrefix> IpPrefix::Subprefix(int length, std::uint64_t index) const {
  const int width = network_.width();
  if (length < length_ || length > width) return std::nullopt;
  const int extra = length - length_;
  if (extra < 64 && index >= (std::uint64_t{1} << extra)) return std::nullopt;
  const int host = width - length;
  U128 offset = host >= 128 ? 0 : static_cast<U128>(index) << host;
  return IpPrefix(FromU128(family(), ToU128(network_) + offset), length);
}

std::string IpPrefix::ToString() const {
  return network_.ToString() + "/" + std::to_string(length_);
}

std::optional<IpPrefix> FirstPrefixAfter(const IpAddress& after, int length) {
  const IpFamily family = after.family();
  const int width = after.width();
  length = std::clamp(length, 0, width);
  const int host = width - length;
  if (host >= width) return std::nullopt;  // /0: nothing lies after anything
  const U128 step = static_cast<U128>(1) << host;
  const U128 limit =
      family == IpFamily::kV4 ? (static_cast<U128>(1) << 32) - 1 : ~static_cast<U128>(0);
  const U128 base = ToU128(after) & ~(step - 1);
  if (limit - base < step) return std::nullopt;  // the next block would pass the end
  return IpPrefix::Containing(FromU128(family, base + step), length);
}

Result<InterfaceAddress> InterfaceAddress::Parse(std::string_view text, Length rule,
                                                 IpProblem* problem) {
  text = Trim(text);
  const std::string shown = Shown(text);
  std::size_t slash = text.find('/');
  Parsed p = ParseAny(Trim(text.substr(0, slash)));
  if (!p.address) {
    Set(problem, IpProblem::kSyntax);
    return Status::Invalid("'" + shown + "' is not an IP address" +
                           (p.detail.empty() ? "" : " (" + p.detail + ")"));
  }
  InterfaceAddress out;
  out.address = *p.address;
  out.length = p.address->width();
  if (slash == std::string_view::npos) {
    if (rule == Length::kRequired) {
      Set(problem, IpProblem::kNoLength);
      return Status::Invalid("'" + shown + "' has no prefix length (e.g. " + shown +
                             (p.address->family() == IpFamily::kV4 ? "/24" : "/64") + ")");
    }
    Set(problem, IpProblem::kNone);
    return out;
  }
  std::string_view length_text = Trim(text.substr(slash + 1));
  int length = ParseLength(length_text, p.address->family());
  if (length < 0 || length > p.address->width()) {
    Set(problem, length == -1 ? IpProblem::kSyntax : IpProblem::kLength);
    return Status::Invalid("'" + shown + "': " +
                           (length == -1
                                ? "'" + Shown(length_text) + "' is not a prefix length"
                                : "prefix length " + std::string(length_text) +
                                      " is out of range for " + FamilyName(p.address->family()) +
                                      " (0-" + std::to_string(p.address->width()) + ")"));
  }
  out.length = length;
  Set(problem, IpProblem::kNone);
  return out;
}

std::string InterfaceAddress::ToString() const {
  return address.ToString() + "/" + std::to_string(length);
}

}  // namespace samdrift::core
