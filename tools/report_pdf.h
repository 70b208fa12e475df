// `report --pdf`: report.pdf printed from index.html by headless Chromium, when it is installed.
#ifndef SAMDRIFT_TOOLS_REPORT_PDF_H_
#define SAMDRIFT_TOOLS_REPORT_PDF_H_

#include <string>

#include "core/diagnostics.h"

namespace samdrift::tools {

// The Chromium to print with: $SAMDRIFT_CHROMIUM when set (empty: none), else the first of
// chromium, chromium-browser, google-chrome on PATH; empty when there is none.
std::string FindChromium();

// Prints `html` to `pdf` with the page's print stylesheet (A4, landscape pages for wide
// tables). Without a Chromium, or when it fails, a warning[PDF001]/[PDF002] on `pdf` goes to
// `diagnostics` and no file is written: the report itself stands. True when the PDF exists.
bool PrintPdf(const std::string& html, const std::string& pdf, core::Diagnostics& diagnostics);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_REPORT_PDF_H_
