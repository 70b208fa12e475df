// Internal to reports/: what the hall drawings share (hall_svg.cc: floor views and the files;
// hall_svg_rack.cc: rack elevations): numbers and text as drawn, SVG shapes and the sizes.
#ifndef SAMDRIFT_REPORTS_HALL_SVG_DRAW_H_
#define SAMDRIFT_REPORTS_HALL_SVG_DRAW_H_

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/hall_svg.h"
#include "reports/sections.h"

namespace samdrift::reports::hall_svg {

inline std::string Num(double value, int decimals = 1) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

inline std::string Kw(double kw) { return std::isfinite(kw) ? Num(kw) : std::string("-"); }

// Length of a UTF-8 prefix holding at most `max_chars` characters.
inline std::string Shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
    i += len;
  }
  return std::string(text);
}

// A file name that keeps letters as written (å, ä, ö stay readable) and replaces what a file
// system or a shell would mind ('/', spaces, quotes, control characters) with '_'.
inline std::string SafeFileName(std::string_view text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += u >= 0x80 || std::isalnum(u) || c == '-' || c == '.' || c == '_' ? c : '_';
  }
  return core::IsValidUtf8(out) ? out : std::string(text.size(), '_');
}

// The name as a case-insensitive file system compares it: ASCII and Å Ä Ö (Latin-1 capitals)
// lowered.
inline std::string FoldCase(std::string_view name) {
  std::string out = core::ToLowerAscii(name);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    const unsigned char n = static_cast<unsigned char>(out[i + 1]);
    if (c == 0xC3 && n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
  }
  return out;
}

inline constexpr const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" ";

inline constexpr int kUnitPx = 18;
inline constexpr int kRackWidth = 260;
inline constexpr int kLeft = 44;  // room for unit numbers
inline constexpr int kTop = 58;

inline std::string Rect(int x, int y, int w, int h, const std::string& rest) {
  return "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" " + rest + "/>";
}

inline std::string Text(int x, int y, const std::string& text, const std::string& rest = "") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\"" +
         (rest.empty() ? "" : " " + rest) + ">" + XmlText(text) + "</text>";
}

// The colour and display name of `org` (grey and the id for an org the plan did not colour).
inline OrgMark MarkOf(const OrgColours& colours, const std::string& org) {
  auto it = colours.find(org);
  return it == colours.end() ? OrgMark{"#888888", org} : it->second;
}

inline std::string T(Lang lang, std::string_view text) { return std::string(Tr(lang, text)); }

}  // namespace samdrift::reports::hall_svg

#endif  // SAMDRIFT_REPORTS_HALL_SVG_DRAW_H_
