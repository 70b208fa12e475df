#include "tools/gen/gen_writers.h"

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

}  // namespace

WriteStats WriteOrg(const OrgEstate& org, const std::filesystem::path& dir,
                    const WriteOptions& /*options*/) {
  WriteStats stats;
  std::vector<const GenAsset*> assets;
  assets.reserve(org.assets.size());
  for (const GenAsset& a : org.assets) assets.push_back(&a);
  std::vector<const GenRelation*> relations;
  relations.reserve(org.relations.size());
  for (const GenRelation& r : org.relations) relations.push_back(&r);
  WriteGeneric(org, assets, relations, true, true, dir, StyleOf(org), stats);
  return stats;
}

}  // namespace samdrift::tools::gen
