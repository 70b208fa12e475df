// `--org-from tenant`: the org of a NetBox row is its tenant, mapped through the tenant map or
// folded to an org id ("Värnamo" -> "varnamo"); rows without a tenant belong to --org.
#ifndef SAMDRIFT_IMPORTERS_TENANT_ORG_H_
#define SAMDRIFT_IMPORTERS_TENANT_ORG_H_

#include <optional>
#include <string>
#include <string_view>

#include "importers/importer.h"

namespace samdrift::importers {

// A name as an org id: lowercase, å/ä/à/á -> a, ö/ø/ó -> o, é/è -> e, ü -> u (and the other
// Latin-1 letters likewise), runs of white space -> '-'. The result may still be invalid
// ("IT & Drift" -> "it-&-drift"); check it with core::IsValidOrgId.
std::string FoldToOrgId(std::string_view name);

// The org for a row with this tenant (may be empty) under `options`: --org when the source is
// the option or the row has no tenant; else the mapped or folded tenant. nullopt, with the
// reason in `error`, when the tenant gives no valid org id.
std::optional<std::string> OrgForTenant(std::string_view tenant, const ImportOptions& options,
                                        std::string* error);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_TENANT_ORG_H_
