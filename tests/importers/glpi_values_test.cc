#include "importers/glpi_values.h"

#include <catch2/catch.hpp>

using namespace samdrift::importers::glpi;

TEST_CASE("MAC addresses in the layouts agents write", "[importers][glpi]") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"00:1b:a9:12:11:f2", "00:1b:a9:12:11:f2"},
      {"68:B5:99:E6:84:EB", "68:b5:99:e6:84:eb"},
      {"00-1B-A9-12-11-F2", "00:1b:a9:12:11:f2"},
      {"001b.a912.11f2", "00:1b:a9:12:11:f2"},
      {"001BA91211F2", "00:1b:a9:12:11:f2"},
      {"0:1b:a9:2:11:f2", "00:1b:a9:02:11:f2"},
      {" 00:1b:a9:12:11:f2 ", "00:1b:a9:12:11:f2"},
      {"d5:c9:gh:81:cf:80", ""},  // anonymised in GLPI's own test data
      {"00:1b:a9:12:11", ""},
      {"00:1b:a9:12:11:f2:00", ""},
      {"00:1b:a9:12:11:f2a", ""},
      {"00::a9:12:11:f2", ""},
      {"", ""},
      {"N/A", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(NormaliseMac(c.text) == c.expected);
  }
}

TEST_CASE("IP addresses are checked and written canonically", "[importers][glpi]") {
  struct Case {
    const char* text;
    const char* expected;
    IpScope scope;
  };
  const Case cases[] = {
      {"10.20.30.25", "10.20.30.25", IpScope::kGlobal},
      {"127.0.0.1", "127.0.0.1", IpScope::kLoopback},
      {"0.0.0.0", "0.0.0.0", IpScope::kUnspecified},
      {"169.254.3.4", "169.254.3.4", IpScope::kLinkLocal},
      {"::1", "::1", IpScope::kLoopback},
      {"::", "::", IpScope::kUnspecified},
      {"fe80::dd76:c250:1435:8e89", "fe80::dd76:c250:1435:8e89", IpScope::kLinkLocal},
      {"FE80::1%eth0", "fe80::1", IpScope::kLinkLocal},
      {"2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1", IpScope::kGlobal},
      {"2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1", IpScope::kGlobal},
      {"::ffff:10.1.2.3", "::ffff:a01:203", IpScope::kGlobal},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(NormaliseIp(c.text) == c.expected);
    CHECK(ScopeOf(NormaliseIp(c.text)) == c.scope);
  }
  for (const char* bad : {"192.168.1", "256.1.1.1", "010.1.2.3", "1.2.3.4.5", "a.b.c.d",
                          "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "12345::", "", "N/A"}) {
    INFO(bad);
    CHECK(NormaliseIp(bad).empty());
  }
}

TEST_CASE("dates: ISO, day first, month first, and what is not a date", "[importers][glpi]") {
  struct Case {
    const char* text;
    DateOrder order;
    const char* expected;
  };
  const Case cases[] = {
      {"2016-08-23", DateOrder::kDayFirst, "2016-08-23"},
      {"2016-08-23 20:15", DateOrder::kDayFirst, "2016-08-23"},
      {"2021-01-08 10:12:00", DateOrder::kDayFirst, "2021-01-08"},
      {"2015-04-17T03:02:45Z", DateOrder::kDayFirst, "2015-04-17"},
      {"26/10/2016", DateOrder::kDayFirst, "2016-10-26"},
      {"03/01/2017", DateOrder::kDayFirst, "2017-01-03"},
      {"03/01/2017", DateOrder::kMonthFirst, "2017-03-01"},
      {"07/25/2014", DateOrder::kMonthFirst, "2014-07-25"},
      {"07/25/2014", DateOrder::kDayFirst, "2014-07-25"},  // day first is no date: month first
      {"25/07/2014", DateOrder::kMonthFirst, "2014-07-25"},
      {"31.12.2008", DateOrder::kMonthFirst, "2008-12-31"},
      {"20200115", DateOrder::kDayFirst, "2020-01-15"},
      {"Thu Mar 14 15:05:41 2013", DateOrder::kDayFirst, "2013-03-14"},
      {"29/02/2024", DateOrder::kDayFirst, "2024-02-29"},
      {"29/02/2023", DateOrder::kDayFirst, ""},
      {"N/A", DateOrder::kDayFirst, ""},
      {"2022-21-09 05:21:23", DateOrder::kDayFirst, ""},
      {"13/13/2020", DateOrder::kMonthFirst, ""},
      {"2016-08-23garbage", DateOrder::kDayFirst, ""},
      {"", DateOrder::kDayFirst, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(NormaliseDate(c.text, c.order) == c.expected);
  }
}

TEST_CASE("memory sizes in MB", "[importers][glpi]") {
  CHECK(ParseMegabytes("7908") == 7908);
  CHECK(ParseMegabytes("4194MB") == 4194);
  CHECK(ParseMegabytes("4194 MB") == 4194);
  CHECK(ParseMegabytes("4 GB") == 4096);
  CHECK_FALSE(ParseMegabytes("lots"));
  CHECK_FALSE(ParseMegabytes("12 parsecs"));
  CHECK_FALSE(ParseMegabytes(""));
}
