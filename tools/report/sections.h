// Builders of the report's sections, one per planner result. Each returns a finished Section.
#ifndef SAMDRIFT_TOOLS_REPORT_SECTIONS_H_
#define SAMDRIFT_TOOLS_REPORT_SECTIONS_H_

#include "core/graph.h"
#include "core/store.h"
#include "tools/report/report.h"

namespace samdrift::tools::report {

struct Context {
  Lang lang = Lang::kSv;
  Redaction redaction = Redaction::kNone;
  std::vector<std::string> orgs;  // the report's orgs, sorted
};

// Counts per org and category (chart), assets by kind, and the full asset list.
Section EstateSection(const Context& context, const core::Estate& estate);
// Unresolved relations and estimated figures.
Section QualitySection(const Context& context, const core::Estate& estate,
                       const core::GraphView& graph);

// "•••" for a redacted value, else the value.
std::string Redacted(const Context& context, const std::string& value);

}  // namespace samdrift::tools::report

#endif  // SAMDRIFT_TOOLS_REPORT_SECTIONS_H_
