// The one escaping module: every writer (HTML report, SVG, XML exports, CSV tables, the
// generator's files) makes text safe here.
//
// Markup (HTML, XML text, XML attributes) follows one rule for what markup cannot carry: control
// characters other than tab, LF and CR, DEL, and bytes that are not well-formed UTF-8 (overlongs,
// surrogates, past U+10FFFF) each become U+FFFD, so the document stays well-formed and the loss
// stays visible.
#ifndef SAMDRIFT_REPORTS_ESCAPE_H_
#define SAMDRIFT_REPORTS_ESCAPE_H_

#include <string>
#include <string_view>

namespace samdrift::reports {

// HTML element content and quoted attribute values: & < > " ' become &amp; &lt; &gt; &quot;
// &#39;.
std::string HtmlText(std::string_view text);

// XML element content: & < > become entities, CR becomes &#13; (so a parser keeps it); quotes,
// tab and LF stay.
std::string XmlText(std::string_view text);
void AppendXmlText(std::string& out, std::string_view text);  // the same, into `out`

// XML attribute values (also SVG): & < > " ' become &amp; &lt; &gt; &quot; &apos;, and tab, LF,
// CR become &#9; &#10; &#13; (a parser would turn them into spaces).
std::string XmlAttribute(std::string_view text);

// One CSV field (RFC 4180): quoted when it holds the delimiter, a quote, LF or CR, with quotes
// doubled. For files read back by programs (the generator's inventories).
std::string CsvField(std::string_view text, char delimiter);
void AppendCsvField(std::string& out, std::string_view text, char delimiter);  // into `out`

// One CSV cell for a spreadsheet: as CsvField, and a cell that starts with = + - @ tab or CR
// (a formula to Excel or LibreOffice) is quoted with a leading apostrophe, except a number
// (-12, +3,5).
std::string CsvCell(std::string_view text, char delimiter);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_ESCAPE_H_
