#include <iostream>

#include "tools/command.h"

namespace samdrift::tools {

namespace {
struct OrgArgs {
  std::string id;
  std::string name;
};
}  // namespace

Runner SetupOrg(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<OrgArgs>();
  app.description(
      "Give a municipality in the store a display name, shown wherever a person reads (tables, "
      "charts, the report); JSON keeps the id. An empty name removes it (the id shows).");
  app.add_option("ID", args->id, "municipality id in the store, e.g. gnosjo")->required();
  app.add_option("--name", args->name, "display name, e.g. \"Gnosjö\"")->required();
  return [args, &global]() {
    auto store = OpenStore(global, core::OpenMode::kReadWrite);
    if (!store.ok()) return Fail(store.status());
    if (core::Status s = (*store)->SetOrgName(args->id, args->name); !s.ok()) return Fail(s);
    if (args->name.empty()) {
      std::cout << args->id << ": no display name (shows its id)\n";
    } else {
      std::cout << args->id << ": " << args->name << '\n';
    }
    return 0;
  };
}

}  // namespace samdrift::tools
