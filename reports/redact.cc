#include "reports/redact.h"

#include "core/ip.h"

namespace samdrift::reports {
namespace {

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == ':' || c == '/' || c == '-' || c == '%';
}

// `groups` groups of `width` hex digits, each separated by `separator`.
bool IsHexGroups(std::string_view text, std::size_t groups, std::size_t width, char separator) {
  if (text.size() != groups * width + (groups - 1)) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool at_separator = (i + 1) % (width + 1) == 0;
    if (at_separator ? text[i] != separator : !IsHex(text[i])) return false;
  }
  return true;
}

bool IsMac(std::string_view text) {
  return IsHexGroups(text, 6, 2, ':') || IsHexGroups(text, 6, 2, '-') ||
         IsHexGroups(text, 3, 4, '.');
}

bool IsIp(std::string_view text) {
  const std::size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  if (const std::size_t zone = address.find('%'); zone != std::string_view::npos) {
    if (address.find(':') == std::string_view::npos) return false;  // zones are IPv6 only
    address = address.substr(0, zone);
  }
  if (address.empty() ||
      address.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos) {
    return false;  // IpAddress::Parse would also skip blanks
  }
  auto parsed = core::IpAddress::Parse(address);
  if (!parsed.ok()) return false;
  if (slash == std::string_view::npos) return true;
  const std::string_view length = text.substr(slash + 1);
  if (length.empty() || length.size() > 3 ||
      length.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  const int bits = std::stoi(std::string(length));
  if (bits > parsed->width()) return false;
  // A network prefix ("10.10.0.0/16": no host bits set, shorter than a host route) names a part
  // of the address plan, not a host: the address-plan section is about nothing else and stays
  // readable. An interface address ("10.10.99.10/24") is a host's.
  return bits == parsed->width() || !core::IpPrefix::Parse(text).ok();
}

// Redacts the character data of an SVG/HTML fragment, leaving tags and attributes as they are.
std::string RedactMarkupText(const std::string& markup) {
  std::string out;
  out.reserve(markup.size());
  std::size_t at = 0;
  while (at < markup.size()) {
    const std::size_t open = markup.find('<', at);
    const std::size_t text_end = open == std::string::npos ? markup.size() : open;
    out += RedactAddresses(std::string_view(markup).substr(at, text_end - at));
    if (open == std::string::npos) break;
    const std::size_t close = markup.find('>', open);
    const std::size_t tag_end = close == std::string::npos ? markup.size() : close + 1;
    out.append(markup, open, tag_end - open);
    at = tag_end;
  }
  return out;
}

}  // namespace

bool IsAddress(std::string_view text) { return IsMac(text) || IsIp(text); }

std::string RedactAddresses(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    if (!IsWordChar(text[at])) {
      out += text[at++];
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && IsWordChar(text[end])) ++end;
    std::string_view word = text.substr(at, end - at);
    // "...at 10.1.2.3." or "MAC 00:11:22:33:44:55:": unless the whole word is an address
    // ("fe80::"), a trailing mark ends the sentence.
    if (!IsAddress(word)) {
      while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == '-')) {
        word.remove_suffix(1);
      }
    }
    const std::string_view tail = text.substr(at + word.size(), end - at - word.size());
    if (!word.empty() && IsAddress(word)) {
      out += kRedactedText;
    } else {
      out += word;
    }
    out += tail;
    at = end;
  }
  return out;
}

void RedactAddresses(Report& report) {
  report.title = RedactAddresses(report.title);
  report.subtitle = RedactAddresses(report.subtitle);
  for (Section& section : report.sections) {
    section.title = RedactAddresses(section.title);
    section.intro = RedactAddresses(section.intro);
    for (std::string& figure : section.figures) figure = RedactMarkupText(figure);
    for (Table& table : section.tables) {
      table.title = RedactAddresses(table.title);
      std::vector<bool> plain(table.headers.size(), false);
      for (std::size_t c : table.no_address_columns) {
        if (c < plain.size()) plain[c] = true;
      }
      const auto redact = [plain](std::vector<Cell>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
          if (row[c].number || (c < plain.size() && plain[c])) continue;
          row[c].text = RedactAddresses(row[c].text);
        }
      };
      for (std::vector<Cell>& row : table.rows) redact(row);
      if (table.make_row) {  // a made row is redacted as it is made
        table.make_row = [make = std::move(table.make_row), redact](std::size_t i) {
          std::vector<Cell> row = make(i);
          redact(row);
          return row;
        };
      }
    }
  }
}

}  // namespace samdrift::reports
