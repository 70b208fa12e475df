#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "importers/registry.h"
#include "tools/command.h"

namespace samdrift::tools {

Runner SetupFormats(CLI::App& app, const GlobalOptions&) {
  auto json = std::make_shared<bool>(false);
  app.add_flag("--json", *json, "print JSON");
  return [json]() {
    const auto& all = importers::AllImporters();
    if (*json) {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const importers::Importer* i : all) {
        out.push_back({{"name", i->Name()}, {"reads", i->Reads()}, {"produces", i->Produces()}});
      }
      std::cout << out.dump(2) << '\n';
      return 0;
    }
    std::size_t width = 0;
    for (const importers::Importer* i : all) width = std::max(width, i->Name().size());
    for (const importers::Importer* i : all) {
      std::cout << std::left << std::setw(static_cast<int>(width) + 2) << i->Name() << i->Reads()
                << '\n'
                << std::string(width + 2, ' ') << "-> " << i->Produces() << '\n';
    }
    return 0;
  };
}

}  // namespace samdrift::tools
