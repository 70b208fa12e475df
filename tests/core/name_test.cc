#include "core/name.h"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/model.h"

using namespace samdrift::core;

TEST_CASE("name: equal texts share one pooled string; the empty text is no string",
          "[core][name]") {
  Name a = std::string("Dell Inc.");
  Name b = std::string_view("Dell Inc.");
  Name c = "Dell Inc";
  CHECK(&a.str() == &b.str());  // interned once
  CHECK(a == b);
  CHECK(a != c);
  CHECK(Name().empty());
  CHECK(Name("").empty());
  CHECK(Name("") == Name());
  CHECK(Name().str().empty());
  CHECK(a.size() == 9);
  CHECK(a.find("Inc") == 5);
  CHECK(a.rfind('.') == 8);
  CHECK(a.substr(0, 4) == "Dell");
  a.clear();
  CHECK(a.empty());
  CHECK(b == "Dell Inc.");  // clearing one Name leaves the pooled text alone
}

TEST_CASE("name: reads like the string it replaces", "[core][name]") {
  const Name vendor = "HPE";
  const std::string& ref = vendor;  // converts to const std::string&
  std::string_view view = vendor;
  CHECK(ref == "HPE");
  CHECK(view == "HPE");
  CHECK(vendor + "/" + std::string("ProLiant") == "HPE/ProLiant");
  CHECK(std::string("x-") + vendor == "x-HPE");
  CHECK(vendor == std::string("HPE"));
  CHECK(std::string("HPE") == vendor);
  CHECK(std::string_view("HPE") == vendor);
  CHECK(Name("Cisco") < vendor);
  CHECK(vendor < std::string("Juniper"));
  CHECK(fmt::format("[{}]", vendor) == "[HPE]");
  std::ostringstream out;
  out << vendor;
  CHECK(out.str() == "HPE");
  std::map<std::string, int> counts;
  ++counts[vendor];
  CHECK(counts.at("HPE") == 1);
  std::unordered_set<Name> names = {vendor, Name("HPE"), Name("Dell")};
  CHECK(names.size() == 2);
  Name more = vendor;
  more += " Aruba";
  CHECK(more == "HPE Aruba");
  CHECK(vendor == "HPE");
}

TEST_CASE("name: assets keep their texts interned, attributes included", "[core][name]") {
  Asset a;
  Asset b;
  a.vendor = std::string("Lenovo");
  b.vendor = "Lenovo";
  CHECK(&static_cast<const std::string&>(a.vendor) == &static_cast<const std::string&>(b.vendor));
  a.SetAttr("os", "Windows 11");
  b.SetAttr("os", "Windows 11");
  REQUIRE(a.Attr("os") != nullptr);
  CHECK(a.Attr("os") == b.Attr("os"));  // the same pooled string
  a.SetAttr("os", "Windows 10");
  CHECK(*a.Attr("os") == "Windows 10");
  CHECK(*b.Attr("os") == "Windows 11");
  CHECK(sizeof(Asset) <= 200);
}

TEST_CASE("name: interning from several threads gives one string per text", "[core][name]") {
  // Importers parse on one thread and store on another; both intern.
  constexpr int kThreads = 4;
  constexpr int kTexts = 20000;
  std::vector<std::vector<const std::string*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kTexts; ++i) {
        seen[t].push_back(&Name("thread-text-" + std::to_string(i)).str());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 1; t < kThreads; ++t) CHECK(seen[t] == seen[0]);
  for (int i = 0; i < kTexts; i += 997) {
    CHECK(*seen[0][i] == "thread-text-" + std::to_string(i));
  }
  const Name::PoolStats stats = Name::Stats();
  CHECK(stats.strings >= kTexts);
  CHECK(stats.bytes > stats.strings * sizeof(std::string));
}

// The pool's index keeps each text's hash beside its number (session 11) and moves both when it
// grows: a thread whose cache of recent texts is empty must find every earlier text through the
// index after several doublings, and texts added later must stay apart from them.
TEST_CASE("name: texts interned before the index grows are found after it", "[core][name]") {
  constexpr int kTexts = 150000;  // several doublings of the index
  std::vector<const std::string*> first;
  for (int i = 0; i < kTexts; ++i) first.push_back(&Name("grow-" + std::to_string(i)).str());
  std::vector<const std::string*> again;
  std::thread fresh([&again] {
    for (int i = 0; i < kTexts; ++i) again.push_back(&Name("grow-" + std::to_string(i)).str());
    again.push_back(&Name("grow-new").str());
  });
  fresh.join();
  REQUIRE(again.size() == kTexts + 1);
  CHECK(std::equal(first.begin(), first.end(), again.begin()));
  CHECK(*again.back() == "grow-new");
  CHECK(std::find(first.begin(), first.end(), again.back()) == first.end());
}
