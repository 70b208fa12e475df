// `samdrift serve`: the pre-study group's working room, a local web server over the store
// (docs/cli.md, "serve", lists every route). The HTTP library stays behind this header.
#ifndef SAMDRIFT_TOOLS_SERVE_SERVER_H_
#define SAMDRIFT_TOOLS_SERVE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"

namespace samdrift::tools::serve {

struct ServeOptions {
  std::string db;                                    // the store
  std::string bind = "127.0.0.1";                    // --bind
  int port = 8080;                                   // --port; 0: any free port
  std::string scenarios_dir = ".";                   // --scenarios
  bool read_only = false;                            // --read-only: every change answers 403
  std::size_t upload_limit = std::size_t{64} << 20;  // bytes of one request body (413 beyond)
  int query_ms = 2000;                               // an asset query running longer answers 503
  // Load the planning base of every org at the start, in the background (`samdrift serve` does;
  // off here so that a server made for one request or test does not load what it never asks).
  bool preload = false;
  // Keep the searched columns of every asset in memory for the asset list's text search (built
  // in the background at the start; `samdrift serve` does).
  bool text_index = false;
};

class Server {
 public:
  // Opens the store, binds and starts answering on a thread of its own; the planning base of
  // every org loads meanwhile on another (ServeOptions::preload), and a view asked before it is
  // ready waits for it.
  static core::Result<std::unique_ptr<Server>> Start(const ServeOptions& options);
  ~Server();  // stops
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  const std::string& token() const;  // the session token changes need (X-Samdrift-Token)
  void Stop();                       // stops answering and closes the store; idempotent
  // Stops answering and waits for the imports still running, not for the planning base loading
  // at the start: true while it still loads (Stop() would wait for it; the command exits).
  bool StopAnswering();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_SERVER_H_
