// IPv4 and IPv6 addresses and prefixes as small values: parsing with a reason for every refusal
// ("'10.1.2.3/16' has host bits set (did you mean 10.1.0.0/16?)"), canonical text, ordering,
// containment. No third-party code; no allocation except for text.
#ifndef SAMDRIFT_CORE_IP_H_
#define SAMDRIFT_CORE_IP_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace samdrift::core {

enum class IpFamily : std::uint8_t { kV4 = 4, kV6 = 6 };

// Why a text was refused; the Status message says it in words.
enum class IpProblem : std::uint8_t {
  kNone,
  kSyntax,    // not an address or prefix at all ("abc", "10.1.2", "10.01.2.3")
  kNoLength,  // a prefix without "/length"
  kLength,    // the length is out of range for the family ("/33")
  kHostBits,  // a prefix whose address has bits set past the length ("10.1.2.3/16")
};

// One address. IPv4 lives in the low 32 bits. Orders IPv4 before IPv6, then numerically.
class IpAddress {
 public:
  IpAddress() = default;  // 0.0.0.0
  static IpAddress V4(std::uint32_t value) { return IpAddress(IpFamily::kV4, 0, value); }
  static IpAddress V6(std::uint64_t high, std::uint64_t low) {
    return IpAddress(IpFamily::kV6, high, low);
  }
  // "10.1.2.3" or "2001:db8::1" (also "::ffff:10.1.2.3"); surrounding blanks are ignored.
  // Leading zeros in IPv4 ("010.1.2.3") are refused: some tools read them as octal.
  static Result<IpAddress> Parse(std::string_view text, IpProblem* problem = nullptr);

  IpFamily family() const { return family_; }
  int width() const { return family_ == IpFamily::kV4 ? 32 : 128; }
  std::uint64_t high() const { return high_; }
  std::uint64_t low() const { return low_; }
  // Dotted quad, or RFC 5952 text for IPv6 (lowercase, longest zero run as "::").
  std::string ToString() const;

  friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  IpAddress(IpFamily family, std::uint64_t high, std::uint64_t low)
      : family_(family), high_(high), low_(low) {}
  IpFamily family_ = IpFamily::kV4;
  std::uint64_t high_ = 0;
  std::uint64_t low_ = 0;
};

// A network: an address with every bit past `length` zero. Ordered by network, then length, so
// that a prefix sorts right before the prefixes it contains.
class IpPrefix {
 public:
  IpPrefix() = default;  // 0.0.0.0/0
  // "10.1.0.0/16", "2001:db8::/32", also "10.1.0.0/255.255.0.0". Host bits set, a missing or
  // out-of-range length and text are refused with the reason.
  static Result<IpPrefix> Parse(std::string_view text, IpProblem* problem = nullptr);
  // The prefix of `length` holding `address` (host bits cleared). `length` is clamped to the
  // family's width.
  static IpPrefix Containing(const IpAddress& address, int length);

  const IpAddress& network() const { return network_; }
  int length() const { return length_; }
  IpFamily family() const { return network_.family(); }
  int host_bits() const { return network_.width() - length_; }
  IpAddress last() const;  // the highest address inside
  // Number of addresses, or nullopt when it is 2^64 or more (large IPv6 prefixes).
  std::optional<std::uint64_t> size() const;

  bool Contains(const IpAddress& address) const;
  bool Contains(const IpPrefix& other) const;  // other equal to or inside this one
  bool Overlaps(const IpPrefix& other) const;  // equal, or one contains the other

  // The `index`-th prefix of `length` inside this one (0-based), or nullopt when `length` is
  // shorter than this prefix, longer than the family allows, or `index` is past the end.
  std::optional<IpPrefix> Subprefix(int length, std::uint64_t index) const;

  std::string ToString() const;  // "10.1.0.0/16"

  friend auto operator<=>(const IpPrefix&, const IpPrefix&) = default;

 private:
  IpPrefix(IpAddress network, int length) : network_(network), length_(length) {}
  IpAddress network_;
  int length_ = 0;
};

// The first prefix of `length` (in `after`'s family) that starts above `after`, or nullopt when
// none is left in the address space.
std::optional<IpPrefix> FirstPrefixAfter(const IpAddress& after, int length);

// An address as assigned to an interface: "10.1.2.3/24" (host bits are the point here). The
// length is optional on request; without one it is the family's width.
struct InterfaceAddress {
  enum class Length { kRequired, kOptional };

  IpAddress address;
  int length = 32;

  static Result<InterfaceAddress> Parse(std::string_view text, Length rule,
                                        IpProblem* problem = nullptr);
  IpPrefix Network() const { return IpPrefix::Containing(address, length); }
  std::string ToString() const;  // "10.1.2.3/24"
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_IP_H_
