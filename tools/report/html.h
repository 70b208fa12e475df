// HTML and XML escaping for everything that came from an inventory.
#ifndef SAMDRIFT_TOOLS_REPORT_HTML_H_
#define SAMDRIFT_TOOLS_REPORT_HTML_H_

#include <string>
#include <string_view>

namespace samdrift::tools::report {

// Escapes & < > " ' so any text is shown as text, in element content and in attributes.
std::string Escape(std::string_view text);

}  // namespace samdrift::tools::report

#endif  // SAMDRIFT_TOOLS_REPORT_HTML_H_
