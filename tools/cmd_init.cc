#include <iostream>

#include "tools/command.h"

namespace samdrift::tools {

Runner SetupInit(CLI::App& app, const GlobalOptions& global) {
  app.description(
      "Create an empty samdrift store at --db. Running it again on a samdrift store is harmless "
      "(it is upgraded if older); any other file is refused (exit 3).");
  return [&global]() {
    auto store = core::Store::Create(global.db);
    if (!store.ok()) return Fail(store.status());
    std::cout << "store ready: " << global.db << '\n';
    return 0;
  };
}

}  // namespace samdrift::tools
