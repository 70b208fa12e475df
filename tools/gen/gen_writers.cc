#include "tools/gen/gen_writers.h"

#include <optional>
#include <unordered_set>

namespace samdrift::tools::gen {
namespace {

// The org's generic CSV style, as in the samples: most English, every fifth a Swedish Excel
// sheet, some with a BOM (a supplier's export).
GenericStyle StyleOf(const OrgEstate& org) {
  switch (org.index % 5) {
    case 1:
      return GenericStyle::kSwedishExcel;
    case 4:
      return GenericStyle::kEnglishBom;
    default:
      return GenericStyle::kEnglish;
  }
}

// Which GLPI format the org's agents send, if any is enabled: XML in even orgs, JSON in odd ones
// (as in the samples, where two orgs have each).
std::optional<GlpiFormat> GlpiOf(const OrgEstate& org, const WriteOptions& options) {
  const bool xml = options.formats.count("glpi-xml") > 0;
  const bool json = options.formats.count("glpi-json") > 0;
  if (xml && json) return org.index % 2 == 0 ? GlpiFormat::kXml : GlpiFormat::kJson;
  if (xml) return GlpiFormat::kXml;
  if (json) return GlpiFormat::kJson;
  return std::nullopt;
}

}  // namespace

WriteStats WriteOrg(const OrgEstate& org, const std::filesystem::path& dir,
                    const WriteOptions& options) {
  WriteStats stats;
  // Clients reported by agents: every k-th client (the fraction asked for), one file each; their
  // rows and OS rows leave the sheet.
  std::vector<const GenAsset*> agents;
  std::unordered_set<std::string> by_agent;
  const std::optional<GlpiFormat> glpi = GlpiOf(org, options);
  if (glpi && options.glpi_fraction > 0) {
    double owed = 0;
    for (const GenAsset& a : org.assets) {
      if (a.role != Role::kClient) continue;
      owed += options.glpi_fraction;
      if (owed >= 1) {
        owed -= 1;
        agents.push_back(&a);
        by_agent.insert(a.name);
      }
    }
  }
  std::vector<const GenAsset*> assets;
  assets.reserve(org.assets.size());
  for (const GenAsset& a : org.assets) {
    if (a.role == Role::kClient && by_agent.count(a.name)) continue;
    if (a.role == Role::kClientOs && by_agent.count(a.host)) continue;
    assets.push_back(&a);
  }
  std::vector<const GenRelation*> relations;
  relations.reserve(org.relations.size());
  for (const GenRelation& r : org.relations) {
    if (r.kind == RelKind::kInstalledOn && by_agent.count(r.target)) continue;
    relations.push_back(&r);
  }
  WriteGeneric(org, assets, relations, true, true, dir, StyleOf(org), stats);
  if (!agents.empty() && stats.ok) WriteGlpi(org, agents, dir / "clients", *glpi, stats);
  return stats;
}

}  // namespace samdrift::tools::gen
