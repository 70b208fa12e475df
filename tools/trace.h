// Step timing for benchmarks: with SAMDRIFT_TRACE set, each Trace() call writes the time since
// the first call and the process's resident memory to stderr ("trace: 12.3 s 4567 MB loaded").
// Silent otherwise, so output and tests are unaffected.
#ifndef SAMDRIFT_TOOLS_TRACE_H_
#define SAMDRIFT_TOOLS_TRACE_H_

#include <string_view>

namespace samdrift::tools {

void Trace(std::string_view step);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_TRACE_H_
