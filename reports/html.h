// HTML and XML escaping for everything that came from an inventory.
#ifndef SAMDRIFT_REPORTS_HTML_H_
#define SAMDRIFT_REPORTS_HTML_H_

#include <string>
#include <string_view>

namespace samdrift::reports {

// Escapes & < > " ' so any text is shown as text, in element content and in attributes.
std::string Escape(std::string_view text);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_HTML_H_
