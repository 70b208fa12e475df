// Calendar dates as the catalog and scenarios write them: ISO yyyy-mm-dd strings, which compare
// correctly as plain strings.
#ifndef SAMDRIFT_CORE_DATE_H_
#define SAMDRIFT_CORE_DATE_H_

#include <string>
#include <string_view>

namespace samdrift::core {

// True for a valid calendar date written yyyy-mm-dd (leap years checked).
bool IsIsoDate(std::string_view text);
// Today's date (UTC) as yyyy-mm-dd.
std::string TodayIso();
// `date` moved by `months` (negative goes back); the day is clamped to the month's length.
// `date` must satisfy IsIsoDate.
std::string AddMonths(std::string_view date, int months);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_DATE_H_
