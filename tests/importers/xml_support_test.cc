#include "importers/xml_support.h"

#include <catch2/catch.hpp>

#include "tests/importers/test_util.h"

using namespace samdrift;

namespace {

std::vector<std::string> ParseProblems(const std::string& text, bool* ok = nullptr) {
  importers::XmlInput input;
  core::Diagnostics d;
  bool parsed = input.Parse(text, "x.xml", d);
  if (ok) *ok = parsed;
  return testing::Formatted(d);
}

}  // namespace

TEST_CASE("XML defects are located", "[importers][xml]") {
  struct Case {
    const char* name;
    std::string text;
    bool ok;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"truncated",
       "<a>\n  <b>text\n",
       false,
       {"x.xml:2:10: error[XML001]: malformed XML: Start-end tags mismatch"}},
      {"two roots",
       "<a/>\n<b/>\n",
       false,
       {"x.xml:2:1: error[XML004]: a second root element <b> after <a>; a document has one"}},
      {"duplicate attribute",
       "<a>\n <b x=\"1\" x=\"2\"/>\n</a>",
       false,
       {"x.xml:2:2: error[XML005]: attribute 'x' appears twice on <b>"}},
      {"external entity",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "
       "\"file:///etc/passwd\">]>\n<r>&e;</r>",
       true,
       {"x.xml:2:1: warning[XML002]: DOCTYPE ignored: its entities are never resolved or "
        "expanded"}},
      {"bare DOCTYPE declares nothing", "<!DOCTYPE nmaprun>\n<nmaprun/>", true, {}},
      {"external DTD",
       "<!DOCTYPE r SYSTEM \"http://example.com/r.dtd\">\n<r/>",
       true,
       {"x.xml:1:1: warning[XML002]: DOCTYPE ignored: its entities are never resolved or "
        "expanded"}},
      {"bom before declaration", "\xEF\xBB\xBF<?xml version=\"1.0\"?><r/>", true, {}},
      {"cp1252 declared",
       "<?xml version=\"1.0\" encoding=\"windows-1252\"?><r>G\xF6ran</r>",
       true,
       {}},
      {"cp1252 bytes in a UTF-8 file",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>\xF6</r>",
       true,
       {"x.xml:1: warning[XML003]: the file has bytes that are not UTF-8 although it declares "
        "utf-8; read them as Windows-1252"}},
      {"empty", "", false, {"x.xml:1:1: error[XML001]: malformed XML: No document element found"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    bool ok = false;
    CHECK(ParseProblems(c.text, &ok) == c.expected);
    CHECK(ok == c.ok);
  }
}

TEST_CASE("declared Windows-1252 is converted", "[importers][xml]") {
  importers::XmlInput input;
  core::Diagnostics d;
  REQUIRE(input.Parse("<?xml version=\"1.0\" encoding=\"windows-1252\"?><r>G\xF6ran</r>", "x", d));
  CHECK(std::string(input.root().child_value()) == "G\xC3\xB6ran");
}

TEST_CASE("billion laughs is not expanded", "[importers][xml]") {
  std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    text += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      text += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    text += "\">\n";
  }
  text += "]>\n<lolz>&lol9;</lolz>\n";
  importers::XmlInput input;
  core::Diagnostics d;
  REQUIRE(input.Parse(text, "x", d));
  CHECK(std::string(input.root().child_value()).size() < 100);
}

TEST_CASE("a million levels of nesting do not overflow the stack", "[importers][xml]") {
  const int depth = 1000000;
  std::string text;
  text.reserve(depth * 7 + 10);
  for (int i = 0; i < depth; ++i) text += "<n>";
  for (int i = 0; i < depth; ++i) text += "</n>";
  importers::XmlInput input;
  core::Diagnostics d;
  CHECK(input.Parse(text, "deep.xml", d));
  CHECK(d.total() == 0);
}

TEST_CASE("root element names for sniffing", "[importers][xml]") {
  CHECK(importers::RootElementName("<?xml version=\"1.0\"?>\n<!-- c -->\n<nmaprun a=\"1\">") ==
        "nmaprun");
  CHECK(importers::RootElementName("\xEF\xBB\xBF<REQUEST>") == "REQUEST");
  CHECK(importers::RootElementName("<!DOCTYPE x [ <!ENTITY a \"b\"> ]><list>") == "list");
  CHECK(importers::RootElementName("<?xml-stylesheet href=\"x\"?><model xmlns=\"u\">") == "model");
  CHECK(importers::RootElementName("name,kind\n").empty());
}
