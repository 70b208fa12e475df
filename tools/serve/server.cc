#include "tools/serve/server.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <iomanip>
#include <random>
#include <sstream>
#include <thread>

#include "tools/serve/routes.h"

namespace samdrift::tools::serve {

struct Server::Impl {
  explicit Impl(const ServeOptions& options)
      : context{options, NewToken(), Workspace(options.db, options.scenarios_dir),
                nullptr, {},         {},
                {},      false,      false} {}
  static std::string NewToken();

  Context context;
  httplib::Server http;
  std::thread thread;
  std::thread preload;  // the planning base of every org, loaded at the start (Workspace::Preload)
  std::atomic<bool> preloading = false;
  bool stopped = false;
  int port = 0;
};

namespace {

bool IsChange(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool IsLoopback(const std::string& name) {
  return name == "127.0.0.1" || name == "localhost" || name == "::1" || name == "[::1]";
}

// The name in a Host header, without its port.
std::string HostName(const std::string& host) {
  if (!host.empty() && host[0] == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

// Every change carries the session token (against requests other sites make the browser send);
// --read-only refuses every change.
httplib::Server::HandlerResponse Guard(const Context& context, const httplib::Request& req,
                                       httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  // A page of another site whose name is made to resolve to 127.0.0.1 (DNS rebinding) would
  // be same-origin: on loopback only requests naming this machine are answered.
  const std::string host = req.get_header_value("Host");
  if (IsLoopback(context.options.bind) && !host.empty() && !IsLoopback(HostName(host))) {
    Send(res, Error(403, "requests must name this machine (Host: 127.0.0.1 or localhost), not '" +
                             host + "'"));
    return httplib::Server::HandlerResponse::Handled;
  }
  if (!IsChange(req.method)) return httplib::Server::HandlerResponse::Unhandled;
  if (context.options.read_only) {
    Send(res, Error(403, "the server is read-only (--read-only): nothing can be changed"));
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.get_header_value("X-Samdrift-Token") != context.token) {
    Send(res, Error(403,
                    "a change needs the header X-Samdrift-Token with the token of "
                    "GET /api/session"));
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

// Statuses the library answers itself (413 for a body past the limit, 404 for no route) get a
// JSON error too.
void ErrorBody(const Context& context, const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return;
  std::string message = "error " + std::to_string(res.status);
  const std::size_t limit = context.options.upload_limit;
  if (res.status == 413) {
    message = "the request is too large (the limit is " +
              (limit % (1 << 20) == 0 ? std::to_string(limit >> 20) + " MiB"
                                      : std::to_string(limit) + " bytes") +
              ")";
  }
  if (res.status == 404) message = "no such route: " + req.method + " " + req.path;
  const int status = res.status;
  Send(res, Error(status, message));
}

}  // namespace

std::string Server::Impl::NewToken() {
  std::random_device random;
  std::ostringstream out;
  for (int i = 0; i < 8; ++i) out << std::hex << std::setw(8) << std::setfill('0') << random();
  return out.str();
}

// '<', '>' and '&' (only ever inside JSON strings) as \u escapes: a name like "<script>" stays
// inert even where a body ends up in HTML.
std::string EscapeMarkup(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

void Send(httplib::Response& res, const Answer& answer) {
  res.status = answer.status;
  res.set_header("Cache-Control", "no-store");
  if (!answer.timing.empty()) res.set_header("Server-Timing", answer.timing);
  res.set_content(EscapeMarkup(answer.body), "application/json; charset=utf-8");
}

void AddViewRoutes(httplib::Server& http, Context& context) {
  http.Get("/api/session", [&](const httplib::Request&, httplib::Response& res) {
    Send(res, Ok({{"token", context.token}, {"read_only", context.options.read_only}}));
  });
  for (const char* view : kViews) {
    if (std::string_view(view) == "orgs") continue;  // routes_assets.cc: without the workspace
    http.Get("/api/" + std::string(view),
             [&context, view](const httplib::Request& req, httplib::Response& res) {
               std::vector<std::string> scenarios;
               for (std::size_t i = 0; i < req.get_param_value_count("scenario"); ++i) {
                 scenarios.push_back(req.get_param_value("scenario", i));
               }
               auto lock = context.workspace.Lock();
               Send(res, context.workspace.View(view, scenarios, req.get_param_value("lang")));
             });
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

core::Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options.scenarios_dir, ec)) {
    return core::Status::Usage("--scenarios: '" + options.scenarios_dir + "' is not a folder");
  }
  auto impl = std::make_unique<Impl>(options);
  {
    auto lock = impl->context.workspace.Lock();
    core::Status loaded = impl->context.workspace.Load();
    if (!loaded.ok()) return loaded;
  }
  httplib::Server& http = impl->http;
  Context& context = impl->context;
  http.set_payload_max_length(options.upload_limit);
  http.set_pre_routing_handler([&context](const httplib::Request& req, httplib::Response& res) {
    return Guard(context, req, res);
  });
  http.set_error_handler([&context](const httplib::Request& req, httplib::Response& res) {
    ErrorBody(context, req, res);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what += std::string(": ") + e.what();
        } catch (...) {
        }
        Send(res, Error(500, what));
      });
  AddViewRoutes(http, context);
  AddAssetRoutes(http, context);
  AddScenarioRoutes(http, context);
  AddImportRoutes(http, context);
  AddHallsRoutes(http, context);
  AddStaticRoutes(http);
  impl->port = options.port == 0
                   ? http.bind_to_any_port(options.bind)
                   : (http.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (impl->port < 0) {
    return core::Status::Usage("cannot listen on " + options.bind + ":" +
                               std::to_string(options.port) + " (in use, or not an address here)");
  }
  if (options.preload) {
    // Under the workspace's lock, taken before the first request can be answered: a view asked
    // meanwhile waits for the base, asset pages do not.
    impl->preloading = true;
    std::promise<void> locked;
    std::future<void> holds = locked.get_future();
    impl->preload =
        std::thread([&context, &done = impl->preloading, locked = std::move(locked)]() mutable {
          auto lock = context.workspace.Lock();
          locked.set_value();
          context.workspace.Preload();
          done = false;
        });
    holds.wait();
  }
  if (options.text_index) StartTextIndex(context);
  impl->thread = std::thread([&http] { http.listen_after_bind(); });
  // Answering before the URL is printed: a stop() before the listening loop runs does nothing,
  // and the loop would then never end (Ctrl-C right after the start hung in accept()).
  for (int i = 0; i < 10000 && !http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

const std::string& Server::token() const { return impl_->context.token; }

bool Server::StopAnswering() {
  if (impl_->thread.joinable()) {
    impl_->http.stop();
    impl_->thread.join();
  }
  JoinImportJobs(impl_->context);
  StopTextIndex(impl_->context);
  return impl_->preloading;
}

void Server::Stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  StopAnswering();
  if (impl_->preload.joinable()) impl_->preload.join();
  auto lock = impl_->context.workspace.Lock();
  impl_->context.workspace.Invalidate();  // closes the store
}

}  // namespace samdrift::tools::serve
