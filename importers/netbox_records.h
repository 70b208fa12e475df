// NetBox objects as NetBox's bulk import reads them: CSV rows, a JSON list of objects, or YAML
// (a list of mappings, or one mapping per document), all with the same field names. Readers turn
// each into a NetboxRecord that knows where every value was, so row handlers do not care which
// form the file had. Unknown fields are errors naming the closest known one.
#ifndef SAMDRIFT_IMPORTERS_NETBOX_RECORDS_H_
#define SAMDRIFT_IMPORTERS_NETBOX_RECORDS_H_

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "importers/netbox_columns.h"

namespace samdrift::importers {

enum class NetboxForm { kCsv, kJson, kYaml };

// The form of UTF-8 `text`: JSON when it starts with '[' or '{', YAML when it starts with a
// document marker, a list item or a `key:` line, else CSV.
NetboxForm DetectNetboxForm(std::string_view text);

// The field names of the first object (CSV: the header), for sniffing. Works on a prefix.
std::vector<std::string> NetboxKeys(std::string_view content);

class NetboxRecord {
 public:
  NetboxRecord(const NetboxTable& table, core::SourceLocation where);

  int line() const { return where_.line; }
  const core::SourceLocation& where() const { return where_; }
  const NetboxTable& table() const { return *table_; }

  // The trimmed value of a known column; "" when absent or empty.
  std::string_view Get(std::string_view column) const;
  // Where that value is (CSV: line and column number; JSON/YAML: the value's line and column);
  // the record's own location when the column is absent.
  core::SourceLocation At(std::string_view column) const;
  // Custom fields (cf_NAME columns, or a JSON/YAML custom_fields mapping) as cf_NAME -> value.
  const std::vector<std::pair<std::string, std::string>>& custom_fields() const { return custom_; }

  // Every non-empty known column not named in `used`, in table order (for attributes).
  void ForEachOther(std::span<const std::string_view> used,
                    const std::function<void(std::string_view, std::string_view)>& visit) const;

  // For readers.
  void Set(std::size_t column, std::string value, core::SourceLocation where);
  void AddCustomField(std::string key, std::string value);

 private:
  struct Cell {
    std::string value;
    core::SourceLocation where;
  };
  int IndexOf(std::string_view column) const;

  const NetboxTable* table_;
  core::SourceLocation where_;
  std::vector<std::optional<Cell>> cells_;
  std::vector<std::pair<std::string, std::string>> custom_;
};

using NetboxVisit = std::function<void(const NetboxRecord&)>;

// Reads every record of raw `content` (any encoding core::ToUtf8 knows) as `table`'s type,
// reporting syntax errors, unknown or missing columns and ragged rows to `diagnostics`. Returns
// the number of records seen (including those with problems).
std::size_t ReadNetboxRecords(std::string_view content, const std::string& source,
                              const NetboxTable& table, core::Diagnostics& diagnostics,
                              const NetboxVisit& visit);

// The three forms (called by ReadNetboxRecords on UTF-8 text).
std::size_t ReadNetboxCsv(std::string_view text, const std::string& source,
                          const NetboxTable& table, core::Diagnostics& diagnostics,
                          const NetboxVisit& visit);
std::size_t ReadNetboxJson(std::string_view text, const std::string& source,
                           const NetboxTable& table, core::Diagnostics& diagnostics,
                           const NetboxVisit& visit);
std::size_t ReadNetboxYaml(std::string_view text, const std::string& source,
                           const NetboxTable& table, core::Diagnostics& diagnostics,
                           const NetboxVisit& visit);

// For the JSON and YAML readers: the column `key` names in `table` (-1: unknown, -2: a custom
// field), and the error for an unknown one ("unknown field 'x'; did you mean 'y'?").
int NetboxColumnIndex(const NetboxTable& table, std::string_view key);
std::string UnknownFieldMessage(const NetboxTable& table, std::string_view key);

// Keys of the first JSON object / YAML mapping in a (possibly cut) text, for sniffing.
std::vector<std::string> NetboxJsonKeys(std::string_view text);
std::vector<std::string> NetboxYamlKeys(std::string_view text);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NETBOX_RECORDS_H_
