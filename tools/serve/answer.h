// What an API route answers, without the HTTP library: a status and a JSON body. Errors are
// {"error": "..."}; located problems add "errors": [{"source", "line", "column", "severity",
// "code", "message", "text"}] (text: the CLI's one-line diagnostic).
#ifndef SAMDRIFT_TOOLS_SERVE_ANSWER_H_
#define SAMDRIFT_TOOLS_SERVE_ANSWER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/diagnostics.h"
#include "core/result.h"

namespace samdrift::tools::serve {

struct Answer {
  Answer() = default;
  Answer(int status_code, std::string json, std::string timing_text = {})
      : status(status_code), body(std::move(json)), timing(std::move(timing_text)) {}

  int status = 200;
  std::string body;    // JSON
  std::string timing;  // the Server-Timing header: what computing it took ("cache" when kept)
};

Answer Ok(const nlohmann::ordered_json& body);
Answer Error(int status, const std::string& message);
// The diagnostics as JSON (every one kept, errors and warnings).
nlohmann::ordered_json DiagnosticsJson(const core::Diagnostics& diagnostics);
// A failed status as HTTP: usage 400, invalid input 422 (with the located `diagnostics`), a
// store that another writer holds 409, any other store error 500.
Answer Failed(const core::Status& status, const core::Diagnostics& diagnostics);
// True for a store error that says another connection holds the lock.
bool IsLocked(const core::Status& status);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_ANSWER_H_
