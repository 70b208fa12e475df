// Writing a generated org in the real file formats. Which parts go to which format depends on the
// org's profile (as in the samples: some orgs run NetBox, some keep Excel sheets, clients come from
// GLPI agents) and on the formats enabled for the run.
#ifndef SAMDRIFT_TOOLS_GEN_GEN_WRITERS_H_
#define SAMDRIFT_TOOLS_GEN_GEN_WRITERS_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tools/gen/gen_estate.h"

namespace samdrift::tools::gen {

// The formats samdrift-gen can write; an org falls back to generic CSV for any part whose format
// is not enabled.
inline const std::vector<std::string> kAllFormats = {"generic", "netbox", "glpi-xml", "glpi-json"};

struct WriteOptions {
  std::set<std::string> formats = {"generic"};
  double glpi_fraction = 0.1;  // share of clients written as one GLPI agent file each
};

struct WriteStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t assets = 0;
  std::size_t relations = 0;
  // Assets the files hold per samdrift kind ("device", "vm", ...), as an import stores them:
  // sites, halls and racks named by other rows count once. What the manifest declares.
  std::map<std::string, std::size_t> kinds;
  std::set<std::string> formats;  // the formats the org's files are in
  bool ok = true;
  std::string error;
};

// Whether the org keeps its datacenter in NetBox when the format is enabled: two orgs in five,
// as two of the five sample municipalities (Gislaved, Värnamo) do.
bool RunsNetbox(const OrgEstate& org);

// Writes every file of `org` below `dir` (the org's folder).
WriteStats WriteOrg(const OrgEstate& org, const std::filesystem::path& dir,
                    const WriteOptions& options);

// Generic CSV (samdrift's own templates): the assets, relations, halls and networks given.
enum class GenericStyle { kEnglish, kEnglishBom, kSwedishExcel };
void WriteGeneric(const OrgEstate& org, const std::vector<const GenAsset*>& assets,
                  const std::vector<const GenRelation*>& relations, bool halls, bool networks,
                  const std::filesystem::path& dir, GenericStyle style, WriteStats& stats);

// NetBox CSV exports (sites, locations, racks, devices, power ports, cables, clusters, virtual
// machines) of the given devices, clusters and VMs, with the cables of the given connected_to
// relations, in `dir`, as NetBox's bulk export writes them.
void WriteNetbox(const OrgEstate& org, const std::vector<const GenAsset*>& assets,
                 const std::vector<const GenRelation*>& cables, const std::filesystem::path& dir,
                 WriteStats& stats);

// GLPI agent files, one per computer, in `dir`.
enum class GlpiFormat { kXml, kJson };
void WriteGlpi(const OrgEstate& org, const std::vector<const GenAsset*>& clients,
               const std::filesystem::path& dir, GlpiFormat format, WriteStats& stats);

}  // namespace samdrift::tools::gen

#endif  // SAMDRIFT_TOOLS_GEN_GEN_WRITERS_H_
