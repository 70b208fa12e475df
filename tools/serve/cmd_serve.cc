// `samdrift serve`: the CLI side of the server (tools/serve/server.h): options, the URL, and a
// clean stop on Ctrl-C or SIGTERM.
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "tools/command.h"
#include "tools/serve/server.h"

namespace samdrift::tools {

Runner SetupServe(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<serve::ServeOptions>();
  app.description(
      "The pre-study group's working room in the browser: a local web server over the store "
      "with the pages and a JSON API that answers what the commands' --json answers (docs/cli.md "
      "lists the routes). Ctrl-C stops it.");
  app.add_option("--port", options->port, "port (default 8080; 0: any free port, printed)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--bind", options->bind,
                 "address to listen on (default 127.0.0.1; anything else is open to the network "
                 "without authentication)");
  app.add_option("--scenarios", options->scenarios_dir,
                 "folder of the scenario files the pages list, edit and save (default: .)");
  app.add_flag("--read-only", options->read_only, "refuse every change (403)");
  return [options, &global]() {
    options->db = global.db;
    options->preload = true;     // the first view finds the base loaded
    options->text_index = true;  // a text search over every asset answers from memory
    // The signals wait for this thread alone (sigwait), the server's threads never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto server = serve::Server::Start(*options);
    if (!server.ok()) return Fail(server.status());
    if (options->bind != "127.0.0.1" && options->bind != "localhost" && options->bind != "::1") {
      std::cerr << "samdrift: warning: listening on " << options->bind
                << ": there is no authentication, anyone who can reach this address can read "
                   "the store (and change it unless --read-only)\n";
    }
    const std::string host =
        options->bind.find(':') != std::string::npos ? "[" + options->bind + "]" : options->bind;
    std::cout << "samdrift serve: http://" << host << ":" << (*server)->port() << "/ (Ctrl-C stops)"
              << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    if ((*server)->StopAnswering()) {
      // The base of a national estate loads for minutes: nothing is written then (the store is
      // read, every import has finished), so the process ends without waiting for it.
      std::cerr << "samdrift serve: the planning base was still loading; not waited for\n"
                   "samdrift serve: stopped"
                << std::endl;
      std::_Exit(0);
    }
    (*server)->Stop();
    std::cerr << "samdrift serve: stopped\n";
    return 0;
  };
}

}  // namespace samdrift::tools
