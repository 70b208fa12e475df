// nmap's XML output (`nmap -oX`, root <nmaprun>): one asset per host that is up, named by its
// short host name (the full name in attribute `fqdn`) or else its address, with the addresses,
// OS guess and device type nmap found; each open port's identified service becomes a software
// asset installed_on the host. Scans observe, so assets are written with WriteMode::kFill.
#ifndef SAMDRIFT_IMPORTERS_NMAP_XML_H_
#define SAMDRIFT_IMPORTERS_NMAP_XML_H_

#include "importers/importer.h"

namespace samdrift::importers {

class NmapXmlImporter final : public Importer {
 public:
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NMAP_XML_H_
