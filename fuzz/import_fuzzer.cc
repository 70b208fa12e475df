// libFuzzer target for one importer family, built once per family with SAMDRIFT_FUZZ_FORMATS
// naming its importers (comma-separated, as in `samdrift formats`), or "detect" for whatever
// DetectImporter picks. One buffer goes the way the CLI takes one file (importers/batch_import:
// import, provenance and org checks, rack halls, references), without a store.
//
// A family of several importers (a type parameter) chooses one per input: a first byte below
// the family size picks that importer and is dropped; otherwise the family member that sniffs
// the content best, or the size modulo the family when none claims it. Seeds (real files) thus
// go to the importer that reads them, and mutations still reach every member.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "importers/batch_import.h"
#include "importers/registry.h"

#ifndef SAMDRIFT_FUZZ_FORMATS
#error "SAMDRIFT_FUZZ_FORMATS must name the importers of this target"
#endif

namespace {

using samdrift::importers::Importer;

std::vector<const Importer*> Family() {
  std::vector<const Importer*> family;
  std::string_view names(SAMDRIFT_FUZZ_FORMATS);
  if (names == "detect") return family;
  while (!names.empty()) {
    std::size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    const Importer* importer = samdrift::importers::FindImporter(name);
    if (!importer) __builtin_trap();  // a target naming an importer that does not exist
    family.push_back(importer);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
  }
  return family;
}

const Importer* Choose(const std::vector<const Importer*>& family, std::string_view& content) {
  if (family.size() == 1) return family[0];
  if (!content.empty() && static_cast<unsigned char>(content[0]) < family.size()) {
    const Importer* chosen = family[static_cast<unsigned char>(content[0])];
    content.remove_prefix(1);
    return chosen;
  }
  const Importer* best = nullptr;
  int best_score = 0;
  for (const Importer* importer : family) {
    int score = importer->Sniff(content);
    if (score > best_score) {
      best_score = score;
      best = importer;
    }
  }
  return best ? best : family[content.size() % family.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<const Importer*> family = Family();
  std::string_view content(reinterpret_cast<const char*>(data), size);
  // nullptr for the detect target: ImportContent detects like the CLI without --format.
  const Importer* importer = family.empty() ? nullptr : Choose(family, content);

  samdrift::importers::ImportRequest request;
  request.options.org = "fuzzorg";
  request.options.tenant_to_org = {{"Fuzz Tenant", "fuzzorg"}};
  // The NetBox importers also read each row's tenant; the size's low bit picks the org source.
  if (size % 2 == 1) request.options.org_source = samdrift::importers::OrgSource::kTenant;
  samdrift::core::Batch batch;
  samdrift::core::Diagnostics diagnostics;
  std::vector<samdrift::importers::FileReport> reports;
  samdrift::importers::ImportContent(content, "fuzz-input", importer, request, batch, diagnostics,
                                     reports);
  samdrift::importers::FinishBatch(batch, nullptr, diagnostics);
  return 0;
}
