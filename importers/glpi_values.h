// Checks and normal forms for the values GLPI inventories carry as free text: MAC and IP
// addresses, dates in the several layouts agents write, memory sizes. Each returns the normal
// form, or an empty result when the text is not a valid value (the caller warns).
#ifndef SAMDRIFT_IMPORTERS_GLPI_VALUES_H_
#define SAMDRIFT_IMPORTERS_GLPI_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samdrift::importers::glpi {

// "00-1B-A9-12-11-F2", "001b.a912.11f2", "001BA91211F2", "0:1b:a9:12:11:f2" ->
// "00:1b:a9:12:11:f2"; "" when the text is not six hexadecimal octets.
std::string NormaliseMac(std::string_view text);

// An IPv4 dotted quad (no leading zeros) or an IPv6 address (a zone "%eth0" is dropped), in
// canonical text (IPv6 per RFC 5952); "" when invalid.
std::string NormaliseIp(std::string_view text);

enum class IpScope : std::uint8_t { kGlobal, kLoopback, kLinkLocal, kUnspecified };
// The scope of an address NormaliseIp returned.
IpScope ScopeOf(std::string_view normalised_ip);

// Which reading of "03/04/2017" a field uses: GLPI agents write BIOS dates month first
// (MM/DD/YYYY) and software install dates day first (DD/MM/YYYY). When the preferred reading
// is not a date ("25/07/2014" month first) the other one is used.
enum class DateOrder : std::uint8_t { kDayFirst, kMonthFirst };

// "2016-08-23", "2016-08-23 20:15[:07]", "2015-04-17T03:02:45Z", "26/10/2016[ 10:12]",
// "31.12.2008", "20200115", "Thu Mar 14 15:05:41 2013" -> "yyyy-mm-dd"; "" when no valid date
// ("N/A", "2022-21-09").
std::string NormaliseDate(std::string_view text, DateOrder order);

// "4194", "4194MB", "4194 MB", "4 GB" -> megabytes; nullopt when not a size.
std::optional<long long> ParseMegabytes(std::string_view text);

}  // namespace samdrift::importers::glpi

#endif  // SAMDRIFT_IMPORTERS_GLPI_VALUES_H_
