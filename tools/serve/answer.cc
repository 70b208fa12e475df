#include "tools/serve/answer.h"

namespace samdrift::tools::serve {

using nlohmann::ordered_json;

namespace {
// Text from the estate may be anything: invalid UTF-8 is replaced, never a failed answer.
std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}
}  // namespace

Answer Ok(const ordered_json& body) { return {200, Dump(body)}; }

Answer Error(int status, const std::string& message) {
  return {status, Dump(ordered_json{{"error", message}})};
}

ordered_json DiagnosticsJson(const core::Diagnostics& diagnostics) {
  ordered_json out = ordered_json::array();
  for (const core::Diagnostic& d : diagnostics.items()) {
    out.push_back({{"source", d.where.source},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"severity", d.severity == core::Severity::kError ? "error" : "warning"},
                   {"code", d.code},
                   {"message", d.message},
                   {"text", core::FormatDiagnostic(d)}});
  }
  return out;
}

bool IsLocked(const core::Status& status) {
  const std::string& m = status.message();
  return status.code() == core::ErrorCode::kStore &&
         (m.find("locked") != std::string::npos || m.find("busy") != std::string::npos);
}

Answer Failed(const core::Status& status, const core::Diagnostics& diagnostics) {
  int code = 500;
  std::string message = status.message();
  switch (status.code()) {
    case core::ErrorCode::kUsage:
      code = 400;
      break;
    case core::ErrorCode::kInvalidInput:
      code = 422;
      break;
    default:
      if (IsLocked(status)) {
        code = 409;
        message =
            "the store is locked by another writer (an import or remove from the command "
            "line?); try again when it is done (" +
            message + ")";
      }
      break;
  }
  ordered_json body{{"error", message}};
  if (diagnostics.total() > 0) body["errors"] = DiagnosticsJson(diagnostics);
  return {code, Dump(body)};
}

}  // namespace samdrift::tools::serve
