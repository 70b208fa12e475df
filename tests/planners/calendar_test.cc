#include "planners/calendar.h"

#include <catch2/catch.hpp>

#include "tests/planners/scenario_util.h"

using namespace samdrift;
using planners::FormatDay;
using planners::ParseDay;
using samdrift::testing::Problems;

namespace {

std::string Name(const std::string& iso) {
  const auto day = *ParseDay(iso);
  const auto holidays =
      planners::SwedishHolidays(static_cast<int>(std::chrono::year_month_day(day).year()));
  auto it = holidays.find(day);
  return it == holidays.end() ? "" : it->second;
}

std::vector<std::string> Spans(const planners::Timeline& t, const std::vector<double>& hours) {
  auto spans = planners::ScheduleWaves(t, hours);
  REQUIRE(spans.ok());
  std::vector<std::string> out;
  for (const auto& s : *spans) out.push_back(s.start + ".." + s.end);
  return out;
}

}  // namespace

TEST_CASE("Easter Sunday by the Gregorian computus", "[planners][calendar]") {
  // Known dates (Svenska kyrkan's almanac).
  CHECK(FormatDay(planners::EasterSunday(2000)) == "2000-04-23");
  CHECK(FormatDay(planners::EasterSunday(2008)) == "2008-03-23");
  CHECK(FormatDay(planners::EasterSunday(2011)) == "2011-04-24");
  CHECK(FormatDay(planners::EasterSunday(2019)) == "2019-04-21");
  CHECK(FormatDay(planners::EasterSunday(2024)) == "2024-03-31");
  CHECK(FormatDay(planners::EasterSunday(2025)) == "2025-04-20");
  CHECK(FormatDay(planners::EasterSunday(2026)) == "2026-04-05");
  CHECK(FormatDay(planners::EasterSunday(2027)) == "2027-03-28");
  CHECK(FormatDay(planners::EasterSunday(2038)) == "2038-04-25");
}

TEST_CASE("Swedish public holidays of Lag 1989:253 and the customary eves",
          "[planners][calendar]") {
  CHECK(Name("2026-01-01") == "nyårsdagen");
  CHECK(Name("2026-01-06") == "trettondedag jul");
  CHECK(Name("2026-04-03") == "långfredagen");
  CHECK(Name("2026-04-05") == "påskdagen");
  CHECK(Name("2026-04-06") == "annandag påsk");
  CHECK(Name("2026-05-14") == "Kristi himmelsfärdsdag");
  CHECK(Name("2026-05-01") == "första maj");
  CHECK(Name("2026-06-06") == "nationaldagen");
  CHECK(Name("2026-05-24") == "pingstdagen");
  CHECK(Name("2026-06-19") == "midsommarafton");
  CHECK(Name("2026-06-20") == "midsommardagen");
  CHECK(Name("2026-10-31") == "alla helgons dag");
  CHECK(Name("2026-12-24") == "julafton");
  CHECK(Name("2026-12-25") == "juldagen");
  CHECK(Name("2026-12-26") == "annandag jul");
  CHECK(Name("2026-12-31") == "nyårsafton");
  // Midsummer is the Saturday 20-26 June, All Saints the Saturday 31 October - 6 November.
  CHECK(Name("2027-06-26") == "midsommardagen");
  CHECK(Name("2027-06-25") == "midsommarafton");
  CHECK(Name("2027-11-06") == "alla helgons dag");
  CHECK(Name("2025-11-01") == "alla helgons dag");
  CHECK(Name("2026-04-07") == "");
  CHECK(planners::SwedishHolidays(2026).size() == 16);
}

TEST_CASE("work days and capacity per work day", "[planners][calendar]") {
  planners::WorkCalendar calendar(800, {{"2026-07-01", "2026-08-15"}});
  // March 2026: 22 weekdays, no holiday.
  CHECK(calendar.WorkDaysInMonth(*ParseDay("2026-03-10")) == 22);
  // April 2026: 22 weekdays less långfredagen and annandag påsk.
  CHECK(calendar.WorkDaysInMonth(*ParseDay("2026-04-01")) == 20);
  CHECK(calendar.Capacity(*ParseDay("2026-04-01")) == Approx(40.0));
  CHECK(calendar.Capacity(*ParseDay("2026-04-03")) == 0);  // långfredagen
  CHECK(calendar.Capacity(*ParseDay("2026-04-04")) == 0);  // a Saturday
  // Freezes take days away, not the month's rate: July is frozen, August half.
  CHECK(calendar.WorkDaysInMonth(*ParseDay("2026-07-01")) == 23);
  CHECK_FALSE(calendar.IsWorkDay(*ParseDay("2026-08-14")));
  CHECK(calendar.IsWorkDay(*ParseDay("2026-08-17")));
  CHECK(calendar.Capacity(*ParseDay("2026-08-17")) == Approx(800.0 / 21));
}

TEST_CASE("waves are laid onto work days, skipping freezes and holidays", "[planners][calendar]") {
  planners::Timeline t;
  t.start = "2026-03-01";   // a Sunday
  t.hours_per_month = 220;  // March 2026: 10 h per work day
  SECTION("hours within a month") {
    CHECK(Spans(t, {30, 10, 0, 25}) ==
          std::vector<std::string>{"2026-03-02..2026-03-04", "2026-03-05..2026-03-05",
                                   "2026-03-06..2026-03-06", "2026-03-09..2026-03-11"});
  }
  SECTION("a wave longer than a month spans months") {
    // March: 22 days x 10 h = 220; April: 20 work days x 11 h, so 22 h more end on 2 April;
    // the next wave skips långfredagen (3 April), the weekend and annandag påsk (6 April).
    CHECK(Spans(t, {242, 10}) ==
          std::vector<std::string>{"2026-03-02..2026-04-02", "2026-04-07..2026-04-07"});
  }
  SECTION("a freeze moves the next wave past it") {
    t.freeze = {{"2026-03-04", "2026-03-17"}};
    CHECK(Spans(t, {20, 10}) ==
          std::vector<std::string>{"2026-03-02..2026-03-03", "2026-03-18..2026-03-18"});
  }
  SECTION("a wave across a freeze pauses in it") {
    t.freeze = {{"2026-03-04", "2026-03-17"}};
    CHECK(Spans(t, {40}) == std::vector<std::string>{"2026-03-02..2026-03-19"});
  }
  SECTION("a freeze that covers everything is an error") {
    t.freeze = {{"2026-01-01", "2199-12-31"}};
    auto spans = planners::ScheduleWaves(t, {10});
    REQUIRE_FALSE(spans.ok());
    CHECK(spans.status().message() ==
          "timeline: wave 1 would end more than 50 years after 2026-03-01: the freezes leave no "
          "work days, or hours_per_month is too small");
  }
}

TEST_CASE("the scenario's timeline", "[planners][calendar][scenario]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(R"(timeline:
  start: 2026-03-01
  hours_per_month: 800
  freeze: [2026-07-01..2026-08-15, 2026-12-15..2027-01-06]
)",
                                   "s.yaml", d);
  REQUIRE(s);
  REQUIRE(s->timeline);
  CHECK(s->timeline->start == "2026-03-01");
  CHECK(s->timeline->hours_per_month == 800);
  REQUIRE(s->timeline->freeze.size() == 2);
  CHECK(s->timeline->freeze[1].first == "2026-12-15");
  CHECK(s->timeline->freeze[1].last == "2027-01-06");
}

TEST_CASE("timeline problems are located", "[planners][calendar][scenario]") {
  CHECK(Problems("timeline: {start: 2026-03-01, hours_per_month: 800, freeze: [2026-07-01..]}\n") ==
        std::vector<std::string>{
            "s.yaml:1:62: error[SCN001]: timeline: freeze: '2026-07-01..' needs a first and a "
            "last day, written yyyy-mm-dd..yyyy-mm-dd"});
  CHECK(Problems("timeline: {start: 2026-03-01, hours_per_month: 0}\n") ==
        std::vector<std::string>{
            "s.yaml:1:48: error[SCN001]: timeline: hours_per_month: must be more than 0, got '0'"});
  CHECK(Problems("timeline: {start: 1 mars, hours_per_month: 800}\n") ==
        std::vector<std::string>{"s.yaml:1:19: error[SCN001]: timeline: start: expected a date "
                                 "written yyyy-mm-dd, got '1 mars'"});
  CHECK(Problems("timeline:\n  start: 2026-03-01\n  hours_per_month: 800\n  freeze: "
                 "[2026-08-15..2026-07-01]\n  frezes: []\n") ==
        std::vector<std::string>{
            "s.yaml:5:3: error[SCN002]: unknown key 'frezes' in timeline; did you mean 'freeze'?",
            "s.yaml:4:12: error[SCN001]: timeline: freeze: '2026-08-15..2026-07-01' ends before "
            "it starts"});
  CHECK(Problems("timeline: {start: 2026-03-01}\n") ==
        std::vector<std::string>{"s.yaml:1:11: error[SCN001]: timeline: needs hours_per_month "
                                 "(the joint team's hours for plan work)"});
}

TEST_CASE("the timeline's phases", "[planners][calendar][scenario]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(R"(timeline:
  start: 2026-03-01
  hours_per_month: 800
  phases:
    - {name: Bilda organisationen, start: 2026-01-01, end: 2026-06-30}
    - {name: Första flytten, start: 2026-07-01, end: 2027-06-30}
)",
                                   "s.yaml", d);
  REQUIRE(s);
  REQUIRE(s->timeline);
  REQUIRE(s->timeline->phases.size() == 2);
  CHECK(s->timeline->phases[0].name == "Bilda organisationen");
  CHECK(s->timeline->phases[1].start == "2026-07-01");
  CHECK(s->timeline->phases[1].end == "2027-06-30");
  const std::string head = "timeline:\n  start: 2026-03-01\n  hours_per_month: 800\n  phases:\n";
  CHECK(Problems(head + "    - {name: A, start: 2027-01-01, end: 2026-12-31}\n") ==
        std::vector<std::string>{"s.yaml:5:41: error[SCN001]: timeline: phases: 'A' ends "
                                 "(2026-12-31) before it starts (2027-01-01)"});
  CHECK(Problems(head + "    - {name: A, start: våren 2026, end: 2026-12-31}\n") ==
        std::vector<std::string>{"s.yaml:5:24: error[SCN001]: timeline: phases: start: expected "
                                 "a date written yyyy-mm-dd, got 'våren 2026'"});
  CHECK(
      Problems(head + "    - {name: A, start: 2026-01-01, slut: 2026-12-31}\n") ==
      std::vector<std::string>{"s.yaml:5:36: error[SCN002]: unknown key 'slut' in a timeline phase",
                               "s.yaml:5:7: error[SCN001]: timeline: phases: a phase needs end"});
  CHECK(Problems(head + "    2026\n") ==
        std::vector<std::string>{
            "s.yaml:5:5: error[SCN001]: timeline: phases: expected a list of {name, start, end}"});
}
