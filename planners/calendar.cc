#include "planners/calendar.h"

#include <cstdio>

#include "core/date.h"

namespace samdrift::planners {
namespace {

using std::chrono::days;
using std::chrono::weekday;
using std::chrono::year_month_day;

constexpr double kEpsilon = 1e-9;
constexpr int kHorizonYears = 50;

Day Ymd(int y, unsigned m, unsigned d) {
  return Day(year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)));
}

// The Saturday in [first, first + 6].
Day SaturdayFrom(Day first) {
  while (weekday(first) != std::chrono::Saturday) first += days(1);
  return first;
}

}  // namespace

std::optional<Day> ParseDay(std::string_view text) {
  if (!core::IsIsoDate(text)) return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return Ymd(digits(0, 4), static_cast<unsigned>(digits(5, 2)),
             static_cast<unsigned>(digits(8, 2)));
}

std::string FormatDay(Day day) {
  const year_month_day ymd(day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

Day EasterSunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::map<Day, std::string> SwedishHolidays(int year) {
  const Day easter = EasterSunday(year);
  const Day midsummer = SaturdayFrom(Ymd(year, 6, 20));
  return {
      {Ymd(year, 1, 1), "nyårsdagen"},     {Ymd(year, 1, 6), "trettondedag jul"},
      {easter - days(2), "långfredagen"},  {easter, "påskdagen"},
      {easter + days(1), "annandag påsk"}, {easter + days(39), "Kristi himmelsfärdsdag"},
      {Ymd(year, 5, 1), "första maj"},     {Ymd(year, 6, 6), "nationaldagen"},
      {easter + days(49), "pingstdagen"},  {midsummer - days(1), "midsommarafton"},
      {midsummer, "midsommardagen"},       {SaturdayFrom(Ymd(year, 10, 31)), "alla helgons dag"},
      {Ymd(year, 12, 24), "julafton"},     {Ymd(year, 12, 25), "juldagen"},
      {Ymd(year, 12, 26), "annandag jul"}, {Ymd(year, 12, 31), "nyårsafton"},
  };
}

WorkCalendar::WorkCalendar(double hours_per_month, std::vector<FreezePeriod> freezes)
    : hours_per_month_(hours_per_month), freezes_(std::move(freezes)) {
  for (const FreezePeriod& f : freezes_) {
    auto first = ParseDay(f.first);
    auto last = ParseDay(f.last);
    if (first && last) frozen_.emplace_back(*first, *last);
  }
}

bool WorkCalendar::IsHoliday(Day day) {
  const int year = static_cast<int>(year_month_day(day).year());
  auto it = holidays_.find(year);
  if (it == holidays_.end()) {
    std::set<Day> set;
    for (const auto& [d, name] : SwedishHolidays(year)) set.insert(d);
    it = holidays_.emplace(year, std::move(set)).first;
  }
  return it->second.count(day) > 0;
}

bool WorkCalendar::IsFrozen(Day day) const {
  for (const auto& [first, last] : frozen_) {
    if (day >= first && day <= last) return true;
  }
  return false;
}

bool WorkCalendar::IsWorkDay(Day day) {
  const weekday w(day);
  if (w == std::chrono::Saturday || w == std::chrono::Sunday) return false;
  return !IsHoliday(day) && !IsFrozen(day);
}

int WorkCalendar::WorkDaysInMonth(Day day) {
  const year_month_day ymd(day);
  const int key = static_cast<int>(ymd.year()) * 12 + static_cast<int>(unsigned(ymd.month())) - 1;
  auto it = work_days_.find(key);
  if (it != work_days_.end()) return it->second;
  int count = 0;
  const Day first = Day(ymd.year() / ymd.month() / 1);
  const Day last = Day(ymd.year() / ymd.month() / std::chrono::last);
  for (Day d = first; d <= last; d += days(1)) {
    const weekday w(d);
    if (w != std::chrono::Saturday && w != std::chrono::Sunday && !IsHoliday(d)) ++count;
  }
  work_days_[key] = count;
  return count;
}

double WorkCalendar::Capacity(Day day) {
  if (!IsWorkDay(day)) return 0;
  return hours_per_month_ / WorkDaysInMonth(day);
}

core::Result<std::vector<DateSpan>> ScheduleWaves(const Timeline& timeline,
                                                  const std::vector<double>& hours) {
  auto start = ParseDay(timeline.start);
  if (!start)
    return core::Status::Invalid("timeline: start '" + timeline.start + "' is not a date");
  if (!(timeline.hours_per_month > 0)) {
    return core::Status::Invalid("timeline: hours_per_month must be more than 0");
  }
  WorkCalendar calendar(timeline.hours_per_month, timeline.freeze);
  const Day horizon = *start + days(kHorizonYears * 366);
  auto too_long = [&](std::size_t wave) {
    return core::Status::Invalid(
        "timeline: wave " + std::to_string(wave + 1) + " would end more than " +
        std::to_string(kHorizonYears) + " years after " + timeline.start +
        ": the freezes leave no work days, or hours_per_month is too small");
  };
  std::vector<DateSpan> spans;
  spans.reserve(hours.size());
  Day cursor = *start;
  for (std::size_t w = 0; w < hours.size(); ++w) {
    while (!calendar.IsWorkDay(cursor)) {
      cursor += days(1);
      if (cursor > horizon) return too_long(w);
    }
    const Day first = cursor;
    double left = hours[w];
    while (true) {
      left -= calendar.Capacity(cursor);
      if (left <= kEpsilon) break;
      cursor += days(1);
      if (cursor > horizon) return too_long(w);
    }
    spans.push_back({FormatDay(first), FormatDay(cursor)});
    cursor += days(1);
  }
  return spans;
}

core::Status DateWaves(const Timeline& timeline, WavePlan& plan) {
  std::vector<double> hours;
  hours.reserve(plan.waves.size());
  for (const Wave& w : plan.waves) hours.push_back(w.hours);
  auto spans = ScheduleWaves(timeline, hours);
  if (!spans.ok()) return spans.status();
  for (std::size_t i = 0; i < plan.waves.size(); ++i) {
    plan.waves[i].start = (*spans)[i].start;
    plan.waves[i].end = (*spans)[i].end;
  }
  return core::Status::Ok();
}

}  // namespace samdrift::planners
