#include "importers/archimate.h"

#include <algorithm>

#include "importers/archimate_mapper.h"
#include "importers/archimate_reader.h"
#include "importers/xml_support.h"

namespace samdrift::importers {

std::string_view ArchimateImporter::Reads() const {
  return "ArchiMate 3 Model Exchange File (namespace http://www.opengroup.org/xsd/archimate/3.0/, "
         "Archi: Export > Model to Open Exchange File)";
}

std::string_view ArchimateImporter::Produces() const {
  return "sites, halls, devices, clusters, VMs, software, networks and services from the "
         "technology, physical and application elements; depends_on, runs_on, installed_on, "
         "member_of relations and locations from the relationships";
}

int ArchimateImporter::Sniff(std::string_view content) const {
  const std::string root = RootElementName(content);
  const std::size_t colon = root.find(':');
  if (root.substr(colon == std::string::npos ? 0 : colon + 1) != "model") return 0;
  std::string_view head = content.substr(0, std::min<std::size_t>(content.size(), 8192));
  if (head.find(kArchimateNamespace) != std::string_view::npos) return 95;
  // ArchiMate 2.x: claim it so that the import says which version to export.
  if (head.find("http://www.opengroup.org/xsd/archimate") != std::string_view::npos) return 60;
  return 0;
}

void ArchimateImporter::Import(std::string_view content, const std::string& source,
                               const ImportOptions& options, core::Batch& batch,
                               core::Diagnostics& diagnostics) const {
  ArchimateModel model;
  if (!ReadArchimate(content, source, model, diagnostics)) return;
  ArchimateMapper(model, source, options, batch, diagnostics).Run();
}

}  // namespace samdrift::importers
