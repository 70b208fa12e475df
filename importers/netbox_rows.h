// What each NetBox object becomes in the model (internal to the NetBox importers). One NetboxRows
// per file: Row() for every record, then Finish(). The handlers for each group of types live in
// their own .cc (netbox_rows.cc: sites, locations, racks, lookups; netbox_devices.cc: devices,
// power panels and feeds; netbox_cables.cc; netbox_virtualization.cc: clusters and VMs).
#ifndef SAMDRIFT_IMPORTERS_NETBOX_ROWS_H_
#define SAMDRIFT_IMPORTERS_NETBOX_ROWS_H_

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/first_lines.h"
#include "core/model.h"
#include "importers/importer.h"
#include "importers/netbox_records.h"

namespace samdrift::importers {

class NetboxRows {
 public:
  NetboxRows(const NetboxTable& table, const std::string& source, const ImportOptions& options,
             core::Batch& batch, core::Diagnostics& diagnostics)
      : table_(table),
        source_(source),
        options_(options),
        batch_(batch),
        diagnostics_(diagnostics) {}

  void Row(const NetboxRecord& r);
  // After the last record: the note for types that are read but not stored.
  void Finish(std::size_t records);

 private:
  // Per type (see the .cc files).
  void Site(const NetboxRecord& r);
  void Location(const NetboxRecord& r);
  void Rack(const NetboxRecord& r);
  void Device(const NetboxRecord& r);
  void PowerPanel(const NetboxRecord& r);
  void PowerFeed(const NetboxRecord& r);
  void PowerPort(const NetboxRecord& r);
  void FinishPowerPorts();
  void Cable(const NetboxRecord& r);
  struct CableSide;  // netbox_cables.cc
  // One end of a cable row (`prefix` "side_a_" or "side_b_"); false after reporting it.
  bool ReadCableSide(const NetboxRecord& r, const std::string& prefix, CableSide& side);
  void Cluster(const NetboxRecord& r);
  void VirtualMachine(const NetboxRecord& r);
  void CheckedOnly(const NetboxRecord& r);

  // True once the current row had an error: such a row adds nothing (no asset, relation or
  // reference), so that each defect is reported once.
  bool RowFailed() const { return diagnostics_.error_count() > errors_before_row_; }
  // The row's org (its tenant under --org-from tenant); nullopt after reporting NBX005.
  std::optional<std::string> Org(const NetboxRecord& r);
  // The value of a column every object of this type needs; "" after reporting NBX001.
  std::string_view Required(const NetboxRecord& r, std::string_view column);
  // A number in `column` within [min, max]; nullopt when empty or bad (bad is reported, NBX002).
  enum class Whole { kNo, kYes };
  std::optional<double> Number(const NetboxRecord& r, std::string_view column, Whole whole,
                               double min, double max);
  // Records that `key` must exist as an asset of `kind` (checked after all files are read):
  // "COLUMN: no WHAT in this import or the store", e.g. WHAT = "device 'sw-1'".
  void Refer(const NetboxRecord& r, std::string_view column, const std::string& org,
             core::AssetKind kind, std::string key, std::string what,
             core::ReferenceScope scope = core::ReferenceScope::kOrg);
  // Site, location and rack references: any org under --org-from tenant (a tenant's rack may
  // stand in another tenant's site), else the row's org.
  core::ReferenceScope LocationScope() const;
  void ReferLocation(const NetboxRecord& r, const core::Asset& a, std::string_view site_column,
                     std::string_view location_column, std::string_view rack_column);
  // Every other non-empty column and custom field as an attribute.
  void KeepOthers(core::Asset& a, const NetboxRecord& r,
                  std::initializer_list<std::string_view> used);
  // Adds the asset unless the file already declared the same one (NBX006).
  void Add(core::Asset a, const NetboxRecord& r, std::string_view column);
  core::Asset NewAsset(const NetboxRecord& r, const std::string& org, core::AssetKind kind);
  core::Relation NewRelation(const NetboxRecord& r, const std::string& org,
                             core::RelationKind kind);

  const NetboxTable& table_;
  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  core::FirstLines seen_;  // org + kind + key -> first line
  std::size_t errors_before_row_ = 0;
  // Power ports: the draw summed per (org, device), in the order devices first appear.
  struct PortDraw {
    core::SourceLocation where;
    double watts = 0;
    int ports = 0;
  };
  std::map<std::pair<std::string, std::string>, PortDraw> power_ports_;
  std::vector<std::pair<std::string, std::string>> power_port_order_;
};

// Power panels are named per site and feeds per panel, so their assets are "SITE/PANEL" and
// "SITE/PANEL/FEED" (cables to a feed name all three).
std::string PowerPanelName(std::string_view site, std::string_view panel);
std::string PowerFeedName(std::string_view site, std::string_view panel, std::string_view feed);
// "Core Switch" -> "core-switch": NetBox role names as samdrift roles.
std::string RoleSlug(std::string_view role);
// A figure for an attribute: at most two decimals, no trailing zeros ("11.04", "7.2", "3").
std::string FormatFigure(double value);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NETBOX_ROWS_H_
