// The plan's calendar: Swedish public holidays (Lag 1989:253 om allmänna helgdagar, computed for
// any year), work days, and waves of hours laid onto dates with the joint team's capacity.
#ifndef SAMDRIFT_PLANNERS_CALENDAR_H_
#define SAMDRIFT_PLANNERS_CALENDAR_H_

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "planners/scenario.h"
#include "planners/waves.h"

namespace samdrift::planners {

using Day = std::chrono::sys_days;

// Parses yyyy-mm-dd (as core::IsIsoDate accepts); nullopt otherwise.
std::optional<Day> ParseDay(std::string_view text);
std::string FormatDay(Day day);

// Easter Sunday of `year` (Gregorian computus).
Day EasterSunday(int year);

// The non-working days of `year` with their Swedish names: the public holidays of Lag 1989:253
// that can fall on a weekday (nyårsdagen, trettondedag jul, långfredagen, annandag påsk, Kristi
// himmelsfärdsdag, första maj, nationaldagen, juldagen, annandag jul; the Sunday and Saturday
// holidays påskdagen, pingstdagen, midsommardagen, alla helgons dag too) and, by custom,
// midsommarafton, julafton and nyårsafton.
std::map<Day, std::string> SwedishHolidays(int year);

// Work days: Monday to Friday, not a holiday, not inside a freeze. Capacity per work day is the
// month's hours divided by the month's work days before freezes (so a month half frozen gives
// half its hours; a month with holidays spreads the same hours over fewer days).
class WorkCalendar {
 public:
  WorkCalendar(double hours_per_month, std::vector<FreezePeriod> freezes);
  bool IsHoliday(Day day);
  bool IsFrozen(Day day) const;
  bool IsWorkDay(Day day);
  // Work days of the month of `day`, holidays and weekends out, freezes not counted.
  int WorkDaysInMonth(Day day);
  // Hours the team has on `day`: 0 on a day that is not a work day.
  double Capacity(Day day);

 private:
  double hours_per_month_;
  std::vector<FreezePeriod> freezes_;  // ISO strings; compared as days
  std::vector<std::pair<Day, Day>> frozen_;
  std::map<int, std::set<Day>> holidays_;  // by year
  std::map<int, int> work_days_;           // by year * 12 + month
};

struct DateSpan {
  std::string start;  // yyyy-mm-dd
  std::string end;
};

// Lays waves of `hours` onto dates from `timeline.start`: a wave starts on the first work day on
// or after the day after the previous wave's end (the first on or after `start`) and ends on the
// work day its hours are used up (a wave of 0 hours starts and ends on one day). Fails
// (kInvalidInput) when the schedule would run more than 50 years past the start (a freeze that
// covers everything, a capacity too small).
core::Result<std::vector<DateSpan>> ScheduleWaves(const Timeline& timeline,
                                                  const std::vector<double>& hours);

// Gives every wave of `plan` its start and end (ScheduleWaves over the waves' hours).
core::Status DateWaves(const Timeline& timeline, WavePlan& plan);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_CALENDAR_H_
