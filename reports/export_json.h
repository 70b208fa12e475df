// The whole model as JSON for other scripts:
//   {"orgs": [{"id", "name", "assets", "relations"}],
//    "assets": [{"org", "kind", "key", "name", "category", "role", "vendor", "product",
//                "version", "serial", "site", "hall", "rack", "position", "u_height",
//                "power_w", "redundancy_group", "criticality", "eol", "estimated",
//                "attributes": {...}, "source_file": {"importer", "file", "line"}}],
//    "relations": [{"org", "source", "source_kind", "kind", "target_org", "target",
//                   "target_kind", "source_port", "target_port", "resolved",
//                   "source_file": {"importer", "file", "line"}}]}
// Every field is present (null or "" when unknown); assets sort by (org, kind, key), relations
// by (org, source, kind, target org, target, ports), so equal stores give equal bytes.
#ifndef SAMDRIFT_REPORTS_EXPORT_JSON_H_
#define SAMDRIFT_REPORTS_EXPORT_JSON_H_

#include <string>

#include "core/model.h"

namespace samdrift::reports {

std::string WriteJson(const core::Estate& estate);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_EXPORT_JSON_H_
