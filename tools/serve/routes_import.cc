#include "tools/serve/routes.h"

namespace samdrift::tools::serve {

void AddImportRoutes(httplib::Server& /*http*/, Context& /*context*/) {}

}  // namespace samdrift::tools::serve
