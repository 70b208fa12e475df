// The estate as a Graphviz DOT digraph: a node per asset (labelled with its name, shaped by kind,
// filled by municipality, grouped in one cluster per municipality) and an edge per relation,
// styled by relation kind, including the located_in edges implied by location fields.
#ifndef SAMDRIFT_REPORTS_EXPORT_DOT_H_
#define SAMDRIFT_REPORTS_EXPORT_DOT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace samdrift::reports {

// Empty lists mean no filter. Orgs and categories select nodes; relation kinds select edges,
// and when given, nodes without a selected edge are left out.
struct DotFilter {
  std::vector<std::string> orgs;
  std::vector<core::Category> categories;
  std::vector<core::RelationKind> relations;
};

struct DotExport {
  std::string dot;
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t unresolved = 0;  // relations whose ends are not in the estate (not drawn)
};

DotExport WriteDot(const core::Estate& estate, const DotFilter& filter);

// A DOT double-quoted string: quotes and backslashes escaped (so "\N" in a name stays text),
// newlines as \n, other control characters dropped.
std::string DotQuote(std::string_view text);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_EXPORT_DOT_H_
