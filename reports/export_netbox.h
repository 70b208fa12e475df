// The target halls as NetBox 4 bulk-import CSV files (Import in each list view, or
// `POST /api/.../` by a script), so the joint organisation's NetBox starts from the hall plan:
// tenants (one per org), manufacturers, device roles, device types, sites, locations (the target
// halls), racks, devices with rack, position and face, the interfaces the cables end on, and the
// cables the sources gave between devices that are both in the target. Column names are
// NetBox 4's import forms' (dcim/forms/bulk_import.py); the device types are YAML documents (as
// NetBox imports them from the device-type library); files are numbered in the order NetBox
// needs them (each refers only to objects of earlier files).
#ifndef SAMDRIFT_REPORTS_EXPORT_NETBOX_H_
#define SAMDRIFT_REPORTS_EXPORT_NETBOX_H_

#include <string>
#include <vector>

#include "core/model.h"
#include "planners/hall_plan.h"

namespace samdrift::reports {

struct NetboxFile {
  std::string name;  // "01-tenants.csv", ..., "04-device-types.yaml", ..., "10-cables.csv"
  std::string text;  // UTF-8; CSV: comma-separated, a header row of NetBox's column names
};

struct NetboxExport {
  std::vector<NetboxFile> files;  // in import order
  int sites = 0;
  int locations = 0;
  int racks = 0;
  int devices = 0;
  int cables = 0;
  int cables_left_out = 0;  // between target devices, but on console or unnamed ports
};

// Devices are every placed device of `plan` (unplaced and retired ones are not in the target);
// their vendor, product and serial come from the estate's asset of the same org and name. A
// device is in its org's tenant (named by the org id, the display name as description), so
// `samdrift import --org-from tenant` reads each back into its org. A site is the target hall's
// site today (its `from`), or the hall's name for a new hall.
NetboxExport WriteNetbox(const core::Estate& estate, const planners::HallPlan& plan);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_EXPORT_NETBOX_H_
