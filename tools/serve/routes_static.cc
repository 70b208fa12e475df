// The embedded pages (tools/serve/web/): GET / is index.html; every other path names a file.
#include <string_view>

#include "tools/serve/routes.h"
#include "tools/serve/web_files.h"

namespace samdrift::tools::serve {
namespace {

// Pages may load only what this server serves: no inline or foreign script, no framing.
constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

std::string_view TypeOf(std::string_view path) {
  constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".json", "application/json"},
      {".woff2", "font/woff2"},
      {".ico", "image/x-icon"},
      {".map", "application/json"}};
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return type;
  }
  return "application/octet-stream";
}

}  // namespace

void AddStaticRoutes(httplib::Server& http) {
  http.Get(R"(/(.*))", [](const httplib::Request& req, httplib::Response& res) {
    std::string_view path = req.matches[1].str().empty() ? "index.html" : "";
    const std::string asked = req.matches[1].str();
    if (path.empty()) path = asked;
    if (asked.rfind("api/", 0) == 0) {
      Send(res, Error(404, "no such route: GET " + req.path));
      return;
    }
    for (const WebFile& file : WebFiles()) {
      if (file.path != path) continue;
      res.set_header("Content-Security-Policy", kPolicy);
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::string(file.content), std::string(TypeOf(path)));
      return;
    }
    Send(res, Error(404, "no such page: " + req.path));
  });
}

}  // namespace samdrift::tools::serve
