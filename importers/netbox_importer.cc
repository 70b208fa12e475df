#include "importers/netbox_importer.h"

#include "importers/netbox_records.h"
#include "importers/netbox_rows.h"

namespace samdrift::importers {

std::string_view NetboxImporter::Name() const { return NetboxTableOf(type_).importer; }
std::string_view NetboxImporter::Reads() const { return NetboxTableOf(type_).reads; }
std::string_view NetboxImporter::Produces() const { return NetboxTableOf(type_).produces; }

int NetboxImporter::Sniff(std::string_view content) const {
  return NetboxScore(NetboxTableOf(type_), NetboxKeys(content));
}

void NetboxImporter::Import(std::string_view content, const std::string& source,
                            const ImportOptions& options, core::Batch& batch,
                            core::Diagnostics& diagnostics) const {
  const NetboxTable& table = NetboxTableOf(type_);
  NetboxRows rows(table, source, options, batch, diagnostics);
  std::size_t records = ReadNetboxRecords(content, source, table, diagnostics,
                                          [&](const NetboxRecord& r) { rows.Row(r); });
  rows.Finish(records);
}

}  // namespace samdrift::importers
