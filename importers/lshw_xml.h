// lshw's XML output (`lshw -xml`): root <node> up to B.02.15, <list> around it from B.02.16.
// The system node becomes one asset (a server; a client when the chassis is a laptop or desktop;
// a vm on virtual hardware) named by the root node's id, which lshw sets to the host name; its
// vendor, product, serial and UUID, network interfaces, CPUs and memory become fields and
// attributes. Sanitised values ("[REMOVED]") count as absent. Written with WriteMode::kFill.
#ifndef SAMDRIFT_IMPORTERS_LSHW_XML_H_
#define SAMDRIFT_IMPORTERS_LSHW_XML_H_

#include "importers/importer.h"

namespace samdrift::importers {

class LshwXmlImporter final : public Importer {
 public:
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_LSHW_XML_H_
