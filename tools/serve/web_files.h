// The browser pages (tools/serve/web/), embedded in the binary at build time (embed_web.cmake).
#ifndef SAMDRIFT_TOOLS_SERVE_WEB_FILES_H_
#define SAMDRIFT_TOOLS_SERVE_WEB_FILES_H_

#include <string_view>
#include <vector>

namespace samdrift::tools::serve {

struct WebFile {
  std::string_view path;  // relative to web/, e.g. "index.html", "js/app.js"
  std::string_view content;
};

const std::vector<WebFile>& WebFiles();

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_WEB_FILES_H_
