// The one escaping module: HTML, XML text and attributes, CSV fields and formula-safe cells.
#include "reports/escape.h"

#include <catch2/catch.hpp>
#include <string>

using namespace samdrift::reports;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

TEST_CASE("HTML text escapes markup and both quotes", "[reports][escape]") {
  CHECK(HtmlText("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  CHECK(HtmlText("Gnosjö kärnswitch") == "Gnosjö kärnswitch");
  CHECK(HtmlText("tab\tand\nnewline\r") == "tab\tand\nnewline\r");
  CHECK(HtmlText("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("XML text escapes markup, keeps quotes and keeps a CR as a reference",
          "[reports][escape]") {
  CHECK(XmlText("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;\"c\"'d'");
  CHECK(XmlText("tab\tand\nnewline\r") == "tab\tand\nnewline&#13;");
  std::string out = "<x>";
  AppendXmlText(out, "R&D");
  CHECK(out == "<x>R&amp;D");
}

TEST_CASE("an XML attribute escapes quotes and whitespace a parser would fold",
          "[reports][escape]") {
  CHECK(XmlAttribute("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  CHECK(XmlAttribute("tab\tand\nnewline\r") == "tab&#9;and&#10;newline&#13;");
  CHECK(XmlAttribute("Hylte kommun · ÅÄÖ") == "Hylte kommun · ÅÄÖ");
}

TEST_CASE("markup replaces control characters and bytes that are not UTF-8 with U+FFFD",
          "[reports][escape]") {
  for (auto escape : {HtmlText, XmlText, XmlAttribute}) {
    CHECK(escape(std::string("x\x01y\x7fz\x1b")) == "x" + kFffd + "y" + kFffd + "z" + kFffd);
    CHECK(escape(std::string("nul\0!", 5)) == "nul" + kFffd + "!");
    CHECK(escape(std::string("\xff\xc3")) == kFffd + kFffd);  // a stray byte, a cut sequence
    CHECK(escape(std::string("\xed\xa0\x80")) == kFffd + kFffd + kFffd);  // a surrogate
    CHECK(escape(std::string("\xc0\xaf")) == kFffd + kFffd);              // overlong '/'
    CHECK(escape(std::string("\xf4\x90\x80\x80")).find("\xf4") == std::string::npos);  // > U+10FFFF
    CHECK(escape("\xF0\x9F\x96\xA5 server") == "\xF0\x9F\x96\xA5 server");  // 4-byte UTF-8 kept
  }
}

TEST_CASE("a CSV field is quoted only when it must be", "[reports][escape]") {
  CHECK(CsvField("esx02", ';') == "esx02");
  CHECK(CsvField("", ';') == "");
  CHECK(CsvField("a;b", ';') == "\"a;b\"");
  CHECK(CsvField("a,b", ';') == "a,b");
  CHECK(CsvField("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("cr\rlf\n", ',') == "\"cr\rlf\n\"");
  // Programs read these files back: a leading = stays as it is.
  CHECK(CsvField("=SUM(A1)", ';') == "=SUM(A1)");
  CHECK(CsvField("-2+3", ';') == "-2+3");
  std::string row = "a;";
  AppendCsvField(row, "b;c", ';');
  CHECK(row == "a;\"b;c\"");
}

TEST_CASE("a CSV cell is quoted when it must be and never starts a formula", "[reports][escape]") {
  CHECK(CsvCell("esx02", ';') == "esx02");
  CHECK(CsvCell("", ';') == "");
  CHECK(CsvCell("a;b", ';') == "\"a;b\"");
  CHECK(CsvCell("a,b", ';') == "a,b");
  CHECK(CsvCell("a,b", ',') == "\"a,b\"");
  CHECK(CsvCell("say \"hi\"", ';') == "\"say \"\"hi\"\"\"");
  CHECK(CsvCell("two\nlines", ';') == "\"two\nlines\"");
  // OWASP's CSV injection advice: a leading ' (and the cell in quotes) makes it text.
  CHECK(CsvCell("=HYPERLINK(\"http://x\")", ';') == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(CsvCell("+1+1", ';') == "\"'+1+1\"");
  CHECK(CsvCell("-2+3", ';') == "\"'-2+3\"");
  CHECK(CsvCell("@SUM(A1)", ';') == "\"'@SUM(A1)\"");
  CHECK(CsvCell("\tcmd", ';') == "\"'\tcmd\"");
  CHECK(CsvCell("\r=1", ';') == "\"'\r=1\"");
  CHECK(CsvCell("-cmd|' /C calc'!A0", ';') == "\"'-cmd|' /C calc'!A0\"");
  // Only at the start: inside a cell these characters are plain text.
  CHECK(CsvCell("a=b+c-d@e", ';') == "a=b+c-d@e");
  // A plain signed number cannot hold a formula and stays a number.
  CHECK(CsvCell("-12,5", ';') == "-12,5");
  CHECK(CsvCell("-12.5", ';') == "-12.5");
  CHECK(CsvCell("+3", ';') == "+3");
  CHECK(CsvCell("-1 100", ';') == "-1 100");
  CHECK(CsvCell("-", ';') == "\"'-\"");
  CHECK(CsvCell("-1-1", ';') == "\"'-1-1\"");
}
