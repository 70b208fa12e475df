// Content-based redaction for `report --redact`: IP and MAC addresses wherever the report
// shows inventory text (an IPAM address asset is named by its address), on top of the serial
// and address columns that the sections blank themselves.
#ifndef SAMDRIFT_REPORTS_REDACT_H_
#define SAMDRIFT_REPORTS_REDACT_H_

#include <string>
#include <string_view>

#include "reports/report.h"

namespace samdrift::reports {

// What a redacted value shows instead: "•••".
inline constexpr std::string_view kRedactedText = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";

// True for an IPv4 or IPv6 address, optionally with "/length" (and an IPv6 "%zone"), or a MAC
// address: six pairs of hex digits joined by ':' or '-', or three groups of four joined by '.'.
// A network prefix (no host bits set, e.g. "10.10.0.0/16") is not an address: the address
// plans stay readable in a redacted report; host routes (/32, /128) are addresses.
bool IsAddress(std::string_view text);

// `text` with every word that IsAddress() replaced by kRedactedText. A word is a run of letters,
// digits and ".:/-%" (sentence punctuation at its end is not part of it).
std::string RedactAddresses(std::string_view text);

// Applies RedactAddresses to the whole report: titles, intros, every text cell, and the text
// (not the markup) of the figures.
void RedactAddresses(Report& report);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_REDACT_H_
