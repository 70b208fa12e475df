#include "reports/escape.h"

#include "core/text.h"

namespace samdrift::reports {
namespace {

enum class Markup { kHtml, kXmlText, kXmlAttribute };

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence at text[i] (lead byte >= 0x80), or 0.
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  unsigned cp = c & (0xff >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto t = static_cast<unsigned char>(text[i + k]);
    if ((t >> 6) != 2) return 0;
    cp = (cp << 6) | (t & 0x3f);
  }
  const bool ok =
      (len == 2 && cp >= 0x80) ||
      (len == 3 && cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) && cp != 0xfffe && cp != 0xffff) ||
      (len == 4 && cp >= 0x10000 && cp <= 0x10ffff);
  return ok ? len : 0;
}

// The replacement for one ASCII byte in `markup`, or empty to copy it.
std::string_view AsciiEntity(char c, Markup markup) {
  const bool attribute = markup == Markup::kXmlAttribute;
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return markup == Markup::kXmlText ? "" : "&quot;";
    case '\'':
      return markup == Markup::kHtml ? "&#39;" : attribute ? "&apos;" : "";
    case '\t':
      return attribute ? "&#9;" : "";
    case '\n':
      return attribute ? "&#10;" : "";
    case '\r':
      return markup == Markup::kHtml ? "" : "&#13;";
    default:
      return (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? kReplacement : "";
  }
}

void AppendMarkup(std::string& out, std::string_view text, Markup markup) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      const std::string_view entity = AsciiEntity(text[i], markup);
      if (entity.empty()) {
        out += text[i];
      } else {
        out += entity;
      }
      ++i;
    } else if (const std::size_t len = Utf8Length(text, i); len > 0) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

std::string EscapeMarkup(std::string_view text, Markup markup) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendMarkup(out, text, markup);
  return out;
}

void AppendQuoted(std::string& out, std::string_view text, std::string_view prefix) {
  out += '"';
  out += prefix;
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

bool NeedsQuotes(std::string_view text, char delimiter) {
  const char special[] = {delimiter, '"', '\n', '\r'};
  return text.find_first_of(std::string_view(special, 4)) != std::string_view::npos;
}

}  // namespace

std::string HtmlText(std::string_view text) { return EscapeMarkup(text, Markup::kHtml); }

std::string XmlText(std::string_view text) { return EscapeMarkup(text, Markup::kXmlText); }

void AppendXmlText(std::string& out, std::string_view text) {
  AppendMarkup(out, text, Markup::kXmlText);
}

std::string XmlAttribute(std::string_view text) {
  return EscapeMarkup(text, Markup::kXmlAttribute);
}

void AppendCsvField(std::string& out, std::string_view text, char delimiter) {
  if (NeedsQuotes(text, delimiter)) {
    AppendQuoted(out, text, "");
  } else {
    out += text;
  }
}

std::string CsvField(std::string_view text, char delimiter) {
  std::string out;
  AppendCsvField(out, text, delimiter);
  return out;
}

std::string CsvCell(std::string_view text, char delimiter) {
  const bool formula = !text.empty() &&
                       std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos &&
                       !((text[0] == '-' || text[0] == '+') && core::ParseNumber(text));
  std::string out;
  if (formula) {
    AppendQuoted(out, text, "'");
  } else {
    AppendCsvField(out, text, delimiter);
  }
  return out;
}

}  // namespace samdrift::reports
