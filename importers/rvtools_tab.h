// Inside the RVTools importer (rvtools_csv.h): what one tab is, and the reader every tab's
// reader builds on (the header check, checked cells, new assets and relations).
#ifndef SAMDRIFT_IMPORTERS_RVTOOLS_TAB_H_
#define SAMDRIFT_IMPORTERS_RVTOOLS_TAB_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv_reader.h"
#include "importers/importer.h"

namespace samdrift::importers::rvtools {

struct TabInput;

// One RVTools tab, one entry per RvToolsTab: every place that differs by tab reads it.
struct Tab {
  std::string_view importer;  // the importer's name, also in each record's provenance
  std::string_view label;     // the tab as RVTools names it: "vInfo"
  std::span<const ColumnSpec> columns;
  std::vector<std::string_view> required;   // columns without which the file cannot be read
  std::vector<std::string_view> signature;  // columns that tell the tab apart when sniffing
  std::string_view reads;
  std::string_view produces;
  void (*read)(const TabInput& input, std::string_view content);
};

struct TabInput {
  const Tab& tab;
  const std::string& source;
  const ImportOptions& options;
  core::Batch& batch;
  core::Diagnostics& diagnostics;
};

// The readers of the tabs: vInfo and vHost (rvtools_machines.cc), vCluster and vDatastore
// (rvtools_clusters.cc).
void ReadVInfo(const TabInput& input, std::string_view content);
void ReadVHost(const TabInput& input, std::string_view content);
void ReadVCluster(const TabInput& input, std::string_view content);
void ReadVDatastore(const TabInput& input, std::string_view content);

// A US-locale number with thousands separators ("16,384") without them; any other text as it
// is (see rvtools_tab.cc).
std::string WithoutThousands(std::string_view cell);

bool IsTrue(std::string_view text);

// Reads one tab's CSV: the header (RVT002 for a missing required column), then every record of
// the header's width (RVT006 for another) through Row, then Finish.
class TabReader {
 public:
  explicit TabReader(const TabInput& input)
      : tab_(input.tab),
        source_(input.source),
        options_(input.options),
        batch_(input.batch),
        diagnostics_(input.diagnostics) {}
  virtual ~TabReader() = default;

  void Read(std::string_view content);

 protected:
  virtual void Row(const HeaderMap& h, const CsvRecord& r) = 0;
  virtual void Finish() {}

  core::SourceLocation At(const HeaderMap& h, const CsvRecord& r, std::string_view column) const {
    return {source_, r.line, h.Index(column) + 1};
  }
  // A non-negative number in `column`, or nullopt when empty or bad (bad ones are reported).
  // US-locale thousands separators are read as such (see WithoutThousands).
  std::optional<double> Number(const HeaderMap& h, const CsvRecord& r, std::string_view column);
  // Copies a numeric column into an attribute, as written when it is a valid number.
  void NumberAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r, std::string_view column,
                  std::string_view key);
  void TextAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r, std::string_view column,
                std::string_view key);
  core::Asset NewAsset(core::AssetKind kind, std::string name, std::string role, int line);
  void Relate(const core::Asset& from, core::RelationKind kind, std::string target,
              core::AssetKind target_kind, int line);
  // The name column of this tab must not be empty (RVT003).
  std::string NameOf(const HeaderMap& h, const CsvRecord& r, std::string_view column);

  const Tab& tab_;
  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
};

}  // namespace samdrift::importers::rvtools

#endif  // SAMDRIFT_IMPORTERS_RVTOOLS_TAB_H_
