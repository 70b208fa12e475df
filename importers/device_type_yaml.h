// The NetBox device-type library (github.com/netbox-community/devicetype-library): one YAML
// file per hardware model (device-types/VENDOR/MODEL.yaml) or module (module-types/...). Each
// becomes a core::DeviceType in the catalog, which belongs to no org.
#ifndef SAMDRIFT_IMPORTERS_DEVICE_TYPE_YAML_H_
#define SAMDRIFT_IMPORTERS_DEVICE_TYPE_YAML_H_

#include "importers/importer.h"

namespace samdrift::importers {

class DeviceTypeYamlImporter final : public Importer {
 public:
  std::string_view Name() const override { return "netbox-device-type"; }
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_DEVICE_TYPE_YAML_H_
