#include "core/ip.h"

#include <catch2/catch.hpp>

using namespace samdrift::core;

namespace {

IpPrefix P(const char* text) {
  auto p = IpPrefix::Parse(text);
  INFO(text << ": " << p.status().message());
  REQUIRE(p.ok());
  return *p;
}

IpAddress A(const char* text) {
  auto a = IpAddress::Parse(text);
  INFO(text << ": " << a.status().message());
  REQUIRE(a.ok());
  return *a;
}

}  // namespace

TEST_CASE("addresses parse and print canonically", "[core][ip]") {
  struct Case {
    const char* text;
    const char* canonical;
  };
  const Case cases[] = {
      {"10.1.2.3", "10.1.2.3"},
      {" 192.168.0.1 ", "192.168.0.1"},
      {"0.0.0.0", "0.0.0.0"},
      {"255.255.255.255", "255.255.255.255"},
      {"2001:db8::1", "2001:db8::1"},
      {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
      {"::", "::"},
      {"::1", "::1"},
      {"fe80::", "fe80::"},
      {"2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"},       // longest zero run
      {"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"},           // the later run is longer
      {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},  // one zero group stays
      {"1:0:0:2:0:0:3:4", "1::2:0:0:3:4"},               // tie: the first run
      {"::ffff:10.1.2.3", "::ffff:10.1.2.3"},
      {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(A(c.text).ToString() == c.canonical);
  }
}

TEST_CASE("texts that are not addresses say why", "[core][ip]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"abc", "'abc' is not an IP address"},
      {"10.1.2", "'10.1.2' is not an IP address"},
      {"10.1.2.3.4", "'10.1.2.3.4' is not an IP address"},
      {"10.1.2.256", "'10.1.2.256' is not an IP address (256 is more than 255)"},
      {"010.1.2.3", "'010.1.2.3' is not an IP address (leading zeros are ambiguous)"},
      {"", "'' is not an IP address"},
      {"1::2::3", "'1::2::3' is not an IP address ('::' may appear only once)"},
      {"1:2:3:4:5:6:7", "'1:2:3:4:5:6:7' is not an IP address"},
      {"1:2:3:4:5:6:7:8:9", "'1:2:3:4:5:6:7:8:9' is not an IP address"},
      {"1:2:3:4:5:6:7::8", "'1:2:3:4:5:6:7::8' is not an IP address"},
      {"12345::", "'12345::' is not an IP address"},
      {"fe80::1%eth0",
       "'fe80::1%eth0' is not an IP address (zone indexes (%...) are not part of an address "
       "plan)"},
      {"::10.1.2.3:1", "'::10.1.2.3:1' is not an IP address"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    IpProblem problem = IpProblem::kNone;
    auto a = IpAddress::Parse(c.text, &problem);
    REQUIRE_FALSE(a.ok());
    CHECK(a.status().message() == c.message);
    CHECK(problem == IpProblem::kSyntax);
  }
}

TEST_CASE("prefixes are refused with the reason", "[core][ip]") {
  struct Case {
    const char* text;
    IpProblem problem;
    const char* message;
  };
  const Case cases[] = {
      {"10.1.2.3/16", IpProblem::kHostBits,
       "'10.1.2.3/16' has host bits set (did you mean 10.1.0.0/16?)"},
      {"2001:db8::1/32", IpProblem::kHostBits,
       "'2001:db8::1/32' has host bits set (did you mean 2001:db8::/32?)"},
      {"10.0.0.0/33", IpProblem::kLength,
       "'10.0.0.0/33': prefix length 33 is out of range for IPv4 (0-32)"},
      {"2001:db8::/129", IpProblem::kLength,
       "'2001:db8::/129': prefix length 129 is out of range for IPv6 (0-128)"},
      {"10.0.0.0/255.0.255.0", IpProblem::kLength,
       "'10.0.0.0/255.0.255.0': 255.0.255.0 is not a contiguous netmask"},
      {"skolnät", IpProblem::kSyntax,
       "'skolnät' is not an IP prefix (expected e.g. 10.1.0.0/16 or 2001:db8::/32)"},
      {"10.1.0.0/x", IpProblem::kSyntax, "'10.1.0.0/x': 'x' is not a prefix length"},
      {"10.1.0.0/-1", IpProblem::kSyntax, "'10.1.0.0/-1': '-1' is not a prefix length"},
      {"10.1.0.0/", IpProblem::kSyntax, "'10.1.0.0/': '' is not a prefix length"},
      {"10.1.0.0", IpProblem::kNoLength, "'10.1.0.0' has no prefix length (e.g. 10.1.0.0/24)"},
      {"2001:db8::", IpProblem::kNoLength,
       "'2001:db8::' has no prefix length (e.g. 2001:db8::/64)"},
      {"010.1.0.0/16", IpProblem::kSyntax,
       "'010.1.0.0/16' is not an IP prefix (leading zeros are ambiguous)"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    IpProblem problem = IpProblem::kNone;
    auto p = IpPrefix::Parse(c.text, &problem);
    REQUIRE_FALSE(p.ok());
    CHECK(problem == c.problem);
    CHECK(p.status().message() == c.message);
  }
  // A long cell is not echoed whole.
  auto long_text = IpPrefix::Parse(std::string(1000, 'x'));
  CHECK(long_text.status().message().size() < 200);
}

TEST_CASE("prefix forms that are accepted", "[core][ip]") {
  CHECK(P("10.1.0.0/16").ToString() == "10.1.0.0/16");
  CHECK(P(" 10.1.0.0 / 16 ").ToString() == "10.1.0.0/16");
  CHECK(P("10.1.0.0/255.255.0.0").ToString() == "10.1.0.0/16");
  CHECK(P("0.0.0.0/0").ToString() == "0.0.0.0/0");
  CHECK(P("0.0.0.0/0.0.0.0").length() == 0);
  CHECK(P("10.1.2.3/32").ToString() == "10.1.2.3/32");
  CHECK(P("2001:DB8::/32").ToString() == "2001:db8::/32");
  CHECK(P("::/0").ToString() == "::/0");
  CHECK(P("2001:db8::1/128").ToString() == "2001:db8::1/128");
  CHECK(P("10.0.0.0/08").length() == 8);
}

TEST_CASE("containment edge cases", "[core][ip]") {
  // Adjacent prefixes do not overlap.
  CHECK_FALSE(P("10.1.0.0/24").Overlaps(P("10.1.1.0/24")));
  CHECK_FALSE(P("10.1.0.0/25").Overlaps(P("10.1.0.128/25")));
  // Equal prefixes contain each other.
  CHECK(P("10.1.0.0/16").Contains(P("10.1.0.0/16")));
  CHECK(P("10.1.0.0/16").Overlaps(P("10.1.0.0/16")));
  // Nested several deep, both directions.
  const IpPrefix chain[] = {P("10.0.0.0/8"), P("10.1.0.0/16"), P("10.1.2.0/24"), P("10.1.2.128/25"),
                            P("10.1.2.129/32")};
  for (std::size_t i = 0; i < std::size(chain); ++i) {
    for (std::size_t j = 0; j < std::size(chain); ++j) {
      INFO(chain[i].ToString() << " vs " << chain[j].ToString());
      CHECK(chain[i].Contains(chain[j]) == (i <= j));
      CHECK(chain[i].Overlaps(chain[j]));
    }
  }
  // /0 holds everything of its family and nothing of the other.
  CHECK(P("0.0.0.0/0").Contains(P("255.255.255.255/32")));
  CHECK(P("0.0.0.0/0").Contains(A("1.2.3.4")));
  CHECK_FALSE(P("0.0.0.0/0").Contains(A("::1")));
  CHECK_FALSE(P("0.0.0.0/0").Overlaps(P("::/0")));
  CHECK(P("::/0").Contains(P("2001:db8::1/128")));
  // /32 and /128 hold exactly one address.
  CHECK(P("10.1.2.3/32").Contains(A("10.1.2.3")));
  CHECK_FALSE(P("10.1.2.3/32").Contains(A("10.1.2.4")));
  CHECK(P("10.1.2.3/32").last() == A("10.1.2.3"));
  CHECK(P("2001:db8::1/128").Contains(A("2001:db8::1")));
  CHECK_FALSE(P("2001:db8::1/128").Contains(A("2001:db8::2")));
  // IPv6 across the 64-bit halves.
  CHECK(P("2001:db8::/32").Contains(P("2001:db8:ffff:ffff::/64")));
  CHECK_FALSE(P("2001:db8::/32").Contains(P("2001:db9::/64")));
  CHECK(P("2001:db8::/63").last() == A("2001:db8:0:1:ffff:ffff:ffff:ffff"));
  // An IPv4-mapped IPv6 address is not the IPv4 address.
  CHECK_FALSE(P("10.0.0.0/8").Contains(A("::ffff:10.1.2.3")));
}

TEST_CASE("sizes, order and sub-prefixes", "[core][ip]") {
  CHECK(P("10.1.0.0/16").size() == 65536u);
  CHECK(P("10.1.2.3/32").size() == 1u);
  CHECK(P("0.0.0.0/0").size() == std::uint64_t{1} << 32);
  CHECK(P("2001:db8::/65").size() == std::uint64_t{1} << 63);
  CHECK_FALSE(P("2001:db8::/64").size());
  CHECK(P("2001:db8::/64").host_bits() == 64);
  // Sort order: network, then shorter first; IPv4 before IPv6.
  CHECK(P("10.0.0.0/8") < P("10.0.0.0/16"));
  CHECK(P("10.0.0.0/16") < P("10.0.1.0/24"));
  CHECK(P("255.0.0.0/8") < P("::/0"));
  CHECK(P("10.0.0.0/8").Subprefix(14, 0)->ToString() == "10.0.0.0/14");
  CHECK(P("10.0.0.0/8").Subprefix(14, 3)->ToString() == "10.12.0.0/14");
  CHECK(P("10.0.0.0/8").Subprefix(14, 63)->ToString() == "10.252.0.0/14");
  CHECK_FALSE(P("10.0.0.0/8").Subprefix(14, 64));
  CHECK_FALSE(P("10.0.0.0/8").Subprefix(7, 0));
  CHECK_FALSE(P("10.0.0.0/8").Subprefix(33, 0));
  CHECK(P("fd00::/8").Subprefix(48, 5)->ToString() == "fd00:0:5::/48");
  CHECK(P("::/0").Subprefix(128, 7)->ToString() == "::7/128");
  CHECK(P("::/0").Subprefix(64, ~std::uint64_t{0})->ToString() == "ffff:ffff:ffff:ffff::/64");
  CHECK(IpPrefix::Containing(A("10.1.2.3"), 16).ToString() == "10.1.0.0/16");
}

TEST_CASE("the next free prefix after an address", "[core][ip]") {
  CHECK(FirstPrefixAfter(A("10.1.0.255"), 24)->ToString() == "10.1.1.0/24");
  CHECK(FirstPrefixAfter(A("10.1.0.0"), 24)->ToString() == "10.1.1.0/24");
  CHECK(FirstPrefixAfter(A("10.1.0.7"), 30)->ToString() == "10.1.0.8/30");
  CHECK(FirstPrefixAfter(A("10.1.2.3"), 32)->ToString() == "10.1.2.4/32");
  CHECK_FALSE(FirstPrefixAfter(A("255.255.255.0"), 24));
  CHECK_FALSE(FirstPrefixAfter(A("255.255.255.255"), 32));
  CHECK_FALSE(FirstPrefixAfter(A("0.0.0.0"), 0));
  CHECK(FirstPrefixAfter(A("2001:db8::ffff"), 64)->ToString() == "2001:db8:0:1::/64");
  CHECK(FirstPrefixAfter(A("2001:db8:0:0:ffff:ffff:ffff:ffff"), 64)->ToString() ==
        "2001:db8:0:1::/64");
  CHECK_FALSE(FirstPrefixAfter(A("ffff:ffff:ffff:ffff::"), 1));
  CHECK(FirstPrefixAfter(A("7fff::"), 1)->ToString() == "8000::/1");
}

TEST_CASE("interface addresses keep their host bits", "[core][ip]") {
  using L = InterfaceAddress::Length;
  auto a = InterfaceAddress::Parse("10.1.2.3/24", L::kRequired);
  REQUIRE(a.ok());
  CHECK(a->ToString() == "10.1.2.3/24");
  CHECK(a->Network().ToString() == "10.1.2.0/24");
  auto v6 = InterfaceAddress::Parse("2001:db8::5/64", L::kRequired);
  REQUIRE(v6.ok());
  CHECK(v6->Network().ToString() == "2001:db8::/64");
  auto bare = InterfaceAddress::Parse("10.1.2.3", L::kOptional);
  REQUIRE(bare.ok());
  CHECK(bare->length == 32);
  IpProblem problem = IpProblem::kNone;
  auto missing = InterfaceAddress::Parse("10.1.2.3", L::kRequired, &problem);
  CHECK(problem == IpProblem::kNoLength);
  CHECK(missing.status().message() == "'10.1.2.3' has no prefix length (e.g. 10.1.2.3/24)");
  auto too_long = InterfaceAddress::Parse("10.1.2.3/40", L::kRequired, &problem);
  CHECK(problem == IpProblem::kLength);
  CHECK(too_long.status().message() ==
        "'10.1.2.3/40': prefix length 40 is out of range for IPv4 (0-32)");
}
