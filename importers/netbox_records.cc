#include "importers/netbox_records.h"

#include <algorithm>

#include "core/text.h"
#include "importers/csv_reader.h"
#include "importers/file_content.h"

namespace samdrift::importers {
namespace {

// The first line that is neither blank nor a YAML comment.
std::string_view FirstContentLine(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = core::Trim(text.substr(pos, end - pos));
    if (!line.empty() && line[0] != '#') return line;
    pos = end + 1;
  }
  return {};
}

std::string_view StripQuotes(std::string_view key) {
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front()) {
    return key.substr(1, key.size() - 2);
  }
  return key;
}

// "name: x" -> "name"; "" when the line is not a `key:` line.
std::string_view YamlKey(std::string_view rest) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ' || rest[i + 1] == '\t')) {
      return StripQuotes(core::Trim(rest.substr(0, i)));
    }
  }
  return {};
}

}  // namespace

NetboxForm DetectNetboxForm(std::string_view text) {
  std::string_view first = core::Trim(text);
  if (!first.empty() && (first[0] == '[' || first[0] == '{')) return NetboxForm::kJson;
  std::string_view line = FirstContentLine(text);
  if (line.empty()) {
    // Only comments (or nothing): YAML if there was a comment, else an empty CSV.
    return core::Trim(text).empty() ? NetboxForm::kCsv : NetboxForm::kYaml;
  }
  if (line.substr(0, 3) == "---" || line[0] == '%' || line == "-" || line.substr(0, 2) == "- ") {
    return NetboxForm::kYaml;
  }
  std::string_view key = YamlKey(line);
  if (!key.empty() && key.find_first_of(",;\t\"") == std::string_view::npos) {
    return NetboxForm::kYaml;
  }
  return NetboxForm::kCsv;
}

std::vector<std::string> NetboxYamlKeys(std::string_view text) {
  std::vector<std::string> keys;
  int key_indent = -1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    std::string_view trimmed = core::Trim(line);
    if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == '%') continue;
    if (line.substr(0, 3) == "---") {
      if (!keys.empty()) break;
      continue;
    }
    int indent = static_cast<int>(line.find_first_not_of(' '));
    std::string_view rest = line.substr(static_cast<std::size_t>(indent));
    if (rest.substr(0, 2) == "- " || rest == "-") {
      if (key_indent < 0 && indent == 0) {
        key_indent = 2;
        std::string_view key = YamlKey(core::Trim(rest.substr(1)));
        if (!key.empty()) keys.emplace_back(key);
      } else if (indent < key_indent) {
        break;  // the next list item
      }
      continue;
    }
    if (key_indent < 0) key_indent = indent;
    if (indent != key_indent) {
      if (indent < key_indent) break;
      continue;
    }
    std::string_view key = YamlKey(rest);
    if (!key.empty()) keys.emplace_back(key);
  }
  return keys;
}

std::vector<std::string> NetboxKeys(std::string_view content) {
  // No NetBox form (CSV, JSON, YAML) starts with '<': XML is not read (every NetBox importer
  // sniffs every file of a folder, and GLPI folders hold thousands of XML files).
  const std::string_view start = core::Trim(core::WithoutUtf8Bom(content.substr(0, 256)));
  if (!start.empty() && start[0] == '<') return {};
  std::string text = core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 65536)));
  switch (DetectNetboxForm(text)) {
    case NetboxForm::kJson:
      return NetboxJsonKeys(text);
    case NetboxForm::kYaml:
      return NetboxYamlKeys(text);
    case NetboxForm::kCsv:
      break;
  }
  std::vector<std::string> header = ReadHeader(text);
  for (std::string& cell : header) cell = std::string(core::Trim(cell));
  return header;
}

NetboxRecord::NetboxRecord(const NetboxTable& table, core::SourceLocation where)
    : table_(&table), where_(std::move(where)), cells_(table.columns.size()) {}

int NetboxRecord::IndexOf(std::string_view column) const {
  for (std::size_t k = 0; k < table_->columns.size(); ++k) {
    if (table_->columns[k].name == column) return static_cast<int>(k);
  }
  return -1;
}

std::string_view NetboxRecord::Get(std::string_view column) const {
  int k = IndexOf(column);
  if (k < 0 || !cells_[static_cast<std::size_t>(k)]) return {};
  return core::Trim(cells_[static_cast<std::size_t>(k)]->value);
}

core::SourceLocation NetboxRecord::At(std::string_view column) const {
  int k = IndexOf(column);
  if (k < 0 || !cells_[static_cast<std::size_t>(k)]) return where_;
  return cells_[static_cast<std::size_t>(k)]->where;
}

void NetboxRecord::ForEachOther(
    std::span<const std::string_view> used,
    const std::function<void(std::string_view, std::string_view)>& visit) const {
  for (std::size_t k = 0; k < cells_.size(); ++k) {
    if (!cells_[k]) continue;
    std::string_view name = table_->columns[k].name;
    if (std::find(used.begin(), used.end(), name) != used.end()) continue;
    std::string_view value = core::Trim(cells_[k]->value);
    if (!value.empty()) visit(name, value);
  }
}

void NetboxRecord::Set(std::size_t column, std::string value, core::SourceLocation where) {
  cells_.at(column) = Cell{std::move(value), std::move(where)};
}

void NetboxRecord::AddCustomField(std::string key, std::string value) {
  custom_.emplace_back(std::move(key), std::move(value));
}

int NetboxColumnIndex(const NetboxTable& table, std::string_view key) {
  for (std::size_t k = 0; k < table.columns.size(); ++k) {
    if (HeaderMatches(key, table.columns[k])) return static_cast<int>(k);
  }
  return IsCustomFieldColumn(key) ? -2 : -1;
}

std::string UnknownFieldMessage(const NetboxTable& table, std::string_view key) {
  std::vector<std::string> names;
  for (const ColumnSpec& c : table.columns) names.emplace_back(c.name);
  std::string message = "unknown field '" + std::string(key) + "'";
  std::string closest = core::ClosestName(key, names);
  if (!closest.empty()) message += "; did you mean '" + closest + "'?";
  return message;
}

std::size_t ReadNetboxCsv(std::string_view text, const std::string& source,
                          const NetboxTable& table, core::Diagnostics& diagnostics,
                          const NetboxVisit& visit) {
  if (core::Trim(text).empty()) {
    diagnostics.Error({source, 1, 0}, "CSV001", "the file is empty");
    return 0;
  }
  std::optional<CsvRecord> header_record;
  std::vector<ColumnSpec> columns;  // the table's, then this file's cf_* columns
  std::optional<HeaderMap> header;
  std::size_t records = 0;
  bool missing_required = false;
  std::size_t refused = 0;  // records the reader reported and left out (CSV018, CSV019)
  refused = ReadCsv(text, DetectDelimiter(text), source, diagnostics, [&](CsvRecord& row) {
    if (!header) {
      header_record = std::move(row);
      columns = table.columns;
      for (const std::string& cell : header_record->fields) {
        if (IsCustomFieldColumn(cell)) columns.push_back({core::Trim(cell)});
      }
      header.emplace(*header_record, columns, source, diagnostics);
      for (std::string_view required : table.required) {
        if (!header->Has(required)) {
          diagnostics.Error({source, header_record->line, 0}, "CSV011",
                            "missing column '" + std::string(required) + "'");
          missing_required = true;
        }
      }
      return true;
    }
    ++records;
    // Without a column every row needs, rows cannot be imported: the header error says it once.
    if (missing_required) return true;
    if (row.fields.size() != header->width()) {
      diagnostics.Error({source, row.line, 0}, "CSV006",
                        "record has " + std::to_string(row.fields.size()) +
                            " fields, the header has " + std::to_string(header->width()));
      return true;
    }
    NetboxRecord record(table, {source, row.line, 0});
    for (std::size_t k = 0; k < columns.size(); ++k) {
      int i = header->Index(columns[k].name);
      if (i < 0) continue;
      std::string& cell = row.fields[static_cast<std::size_t>(i)];
      if (k < table.columns.size()) {
        record.Set(k, std::move(cell), {source, row.line, i + 1});
      } else if (!core::Trim(cell).empty()) {
        record.AddCustomField(std::string(columns[k].name), std::string(core::Trim(cell)));
      }
    }
    visit(record);
    return true;
  });
  if (header && records + refused == 0) {
    diagnostics.Error({source, 1, 0}, "CSV002", "the file has a header but no records");
  }
  return records;
}

std::size_t ReadNetboxRecords(std::string_view content, const std::string& source,
                              const NetboxTable& table, core::Diagnostics& diagnostics,
                              const NetboxVisit& visit) {
  std::string storage;
  const std::string_view text = Utf8Text(content, storage, source, diagnostics);
  switch (DetectNetboxForm(text)) {
    case NetboxForm::kJson:
      return ReadNetboxJson(text, source, table, diagnostics, visit);
    case NetboxForm::kYaml:
      return ReadNetboxYaml(text, source, table, diagnostics, visit);
    case NetboxForm::kCsv:
      break;
  }
  return ReadNetboxCsv(text, source, table, diagnostics, visit);
}

}  // namespace samdrift::importers
