#include "core/text.h"

#include <catch2/catch.hpp>

using namespace samdrift::core;

TEST_CASE("numbers as Swedish Excel writes them", "[core][text]") {
  struct Case {
    const char* text;
    std::optional<double> value;
  };
  const Case cases[] = {
      {"712,5", 712.5},
      {"712.5", 712.5},
      {"1 100", 1100.0},
      {"1\xC2\xA0"
       "100",
       1100.0},  // no-break space
      {"1\xE2\x80\xAF"
       "100,25",
       1100.25},  // narrow no-break space
      {" 42 ", 42.0},
      {"-3", -3.0},
      {"1e3", 1000.0},
      {"", std::nullopt},
      {"abc", std::nullopt},
      {"NaN", std::nullopt},
      {"inf", std::nullopt},
      {"1e309", std::nullopt},
      {"1,2,3", std::nullopt},
      {"4,5 kW", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ParseNumber(c.text) == c.value);
  }
}

TEST_CASE("whole numbers", "[core][text]") {
  CHECK(ParseInteger("4") == 4);
  CHECK(ParseInteger("1 100") == 1100);
  CHECK(ParseInteger("4,5") == std::nullopt);
  CHECK(ParseInteger("4.5") == std::nullopt);
  CHECK(ParseInteger("99999999999999999999999") == std::nullopt);
}

TEST_CASE("parts are joined with a separator between them", "[core][text]") {
  CHECK(Join({}, ", ") == "");
  CHECK(Join({"gnosjo"}, ", ") == "gnosjo");
  CHECK(Join({"gnosjo", "hylte", "varnamo"}, ", ") == "gnosjo, hylte, varnamo");
  CHECK(Join({"10.0.0.1", "10.0.0.2"}, ",") == "10.0.0.1,10.0.0.2");
}

TEST_CASE("amounts are rounded and grouped by thousands", "[core][text]") {
  CHECK(GroupDigits(0, " ") == "0");
  CHECK(GroupDigits(999.4, " ") == "999");
  CHECK(GroupDigits(1000, " ") == "1 000");
  CHECK(GroupDigits(26710750, " ") == "26 710 750");
  CHECK(GroupDigits(8545221.79, "\xC2\xA0") ==
        "8\xC2\xA0"
        "545\xC2\xA0"
        "222");
  CHECK(GroupDigits(-1234567, " ") == "-1 234 567");
}

TEST_CASE("encodings are detected and converted to UTF-8", "[core][text]") {
  TextEncoding e;
  CHECK(ToUtf8("G\xC3\xB6teborg", &e) == "G\xC3\xB6teborg");
  CHECK(e == TextEncoding::kUtf8);
  CHECK(ToUtf8("\xEF\xBB\xBFnamn", &e) == "namn");
  CHECK(e == TextEncoding::kUtf8Bom);
  CHECK(ToUtf8("Gnosj\xF6;V\xE4rnamo \x80", &e) == "Gnosj\xC3\xB6;V\xC3\xA4rnamo \xE2\x82\xAC");
  CHECK(e == TextEncoding::kWindows1252);
  CHECK(ToUtf8(std::string("\xFF\xFEh\0\xE5\0", 6), &e) == "h\xC3\xA5");
  CHECK(e == TextEncoding::kUtf16Le);
  CHECK(IsValidUtf8(ToUtf8("\xC3\x28\xFF\xFE\x81")));
}

TEST_CASE("a UTF-8 view copies only what must be decoded", "[core][text]") {
  TextEncoding e;
  std::string storage;
  const std::string utf8 = "\xEF\xBB\xBFG\xC3\xB6teborg";
  std::string_view view = Utf8View(utf8, storage, &e);
  CHECK(view == "G\xC3\xB6teborg");
  CHECK(view.data() == utf8.data() + 3);  // into the input, past the BOM
  CHECK(storage.empty());
  CHECK(e == TextEncoding::kUtf8Bom);
  const std::string cp1252 = "Gnosj\xF6";
  view = Utf8View(cp1252, storage, &e);
  CHECK(view == "Gnosj\xC3\xB6");
  CHECK(view.data() == storage.data());
  CHECK(e == TextEncoding::kWindows1252);
  CHECK(Utf8View(std::string("\xFF\xFEh\0", 4), storage, &e) == "h");
  CHECK(e == TextEncoding::kUtf16Le);
}

TEST_CASE("utf-8 validation rejects overlongs and surrogates", "[core][text]") {
  CHECK(IsValidUtf8("plain"));
  CHECK(IsValidUtf8("\xE2\x82\xAC"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("utf-8 validation finds a bad byte wherever the ASCII run before it ends",
          "[core][text]") {
  // ASCII is checked eight bytes at a time: the first bad byte is found at every offset within
  // and after a word, and a valid character that starts in a word's last byte is accepted.
  for (std::size_t at = 0; at < 20; ++at) {
    std::string text(24, 'a');
    text[at] = '\xFF';
    CHECK(InvalidUtf8At(text) == at);
    std::string euro(24, 'a');
    euro.replace(at, 3, "\xE2\x82\xAC");
    CHECK(InvalidUtf8At(euro) == std::string_view::npos);
    euro.resize(at + 2);  // the euro sign cut short at the end
    CHECK(InvalidUtf8At(euro) == at);
  }
  CHECK(InvalidUtf8At(std::string(4096, 'x')) == std::string_view::npos);
}

TEST_CASE("closest names for did-you-mean", "[core][text]") {
  const std::vector<std::string> commands = {"init", "import", "formats", "stats", "demo"};
  CHECK(ClosestName("stat", commands) == "stats");
  CHECK(ClosestName("improt", commands) == "import");
  CHECK(ClosestName("form", commands) == "formats");
  CHECK(ClosestName("xyzzyplugh", commands).empty());
  CHECK(ClosestName("from_factor", {"form_factor", "width", "u_height"}) == "form_factor");
}

TEST_CASE("org ids", "[core][text]") {
  CHECK(IsValidOrgId("gnosjo"));
  CHECK_FALSE(IsValidOrgId("Gnosjö"));
  CHECK_FALSE(IsValidOrgId(""));
}
