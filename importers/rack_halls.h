// Racks named without their hall. NetBox's import names a device's (or power feed's) rack by
// site and name, the location being optional, while samdrift keys racks by site/hall/name. Once
// every file of a batch is parsed, this gives such rows the hall of the one rack of that name at
// that site, so that they land in the declared rack instead of implying a second one.
#ifndef SAMDRIFT_IMPORTERS_RACK_HALLS_H_
#define SAMDRIFT_IMPORTERS_RACK_HALLS_H_

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/store.h"

namespace samdrift::importers {

// For every asset that names a site and rack but no hall: the racks of that name at that site
// in its org (the batch's, then the store's; other orgs' when its own has none) decide. One
// hall: the asset takes it, and rack references to the hall-less key are updated. Several:
// NBX014 names them. None: left as is (a rack reference then reports the missing rack).
void CompleteRackHalls(core::Batch& batch, const core::Store* store,
                       core::Diagnostics& diagnostics);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_RACK_HALLS_H_
