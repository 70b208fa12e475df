#include "importers/rvtools_tab.h"

#include <cctype>
#include <cmath>

#include "core/text.h"
#include "importers/file_content.h"
#include "importers/scan_support.h"

namespace samdrift::importers::rvtools {

// A US-locale number with thousands separators ("16,384", "1,234,567", "1,234,567.0": groups of
// exactly three digits after each comma) without them; any other text as it is. Every numeric
// column RVTools writes that this importer reads is a whole number (counts, MHz, MiB, bytes), so
// such a comma is a thousands separator there; "10240,5" or "16,38" stay a Swedish decimal comma.
std::string WithoutThousands(std::string_view cell) {
  const std::string_view text = core::Trim(cell);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::size_t first = whole.find(',');
  if (first == std::string_view::npos || first == 0 || first > 3) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if ((whole.size() - i - 1) % 4 != 3 || (i > first && (i - first) % 4 != 0)) {
        return std::string(text);
      }
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::string(text);
    out += c;
  }
  if (point != std::string_view::npos) out += text.substr(point);
  return out;
}

bool IsTrue(std::string_view text) {
  const std::string lower = core::ToLowerAscii(core::Trim(text));
  return lower == "true" || lower == "yes" || lower == "1";
}

void TabReader::Read(std::string_view content) {
  std::string storage;
  const std::string_view text = Utf8Text(content, storage, source_, diagnostics_);
  if (core::Trim(text).empty()) {
    diagnostics_.Error({source_, 1, 0}, "RVT001", "the file is empty");
    return;
  }
  std::optional<HeaderMap> header;
  bool usable = true;
  ReadCsv(text, DetectDelimiter(text), source_, diagnostics_, [&](CsvRecord& record) {
    if (!header) {
      header.emplace(record, tab_.columns, source_, diagnostics_, UnknownColumns::kIgnore);
      for (std::string_view required : tab_.required) {
        if (!header->Has(required)) {
          diagnostics_.Error({source_, record.line, 0}, "RVT002",
                             "missing column '" + std::string(required) + "' (RVTools " +
                                 std::string(tab_.label) + " export)");
          usable = false;
        }
      }
      return usable;
    }
    if (record.fields.size() != header->width()) {
      diagnostics_.Error({source_, record.line, 0}, "RVT006",
                         "record has " + std::to_string(record.fields.size()) +
                             " fields, the header has " + std::to_string(header->width()));
      return true;
    }
    Row(*header, record);
    return true;
  });
  Finish();
}

std::optional<double> TabReader::Number(const HeaderMap& h, const CsvRecord& r,
                                        std::string_view column) {
  std::string_view cell = h.Get(r, column);
  if (cell.empty()) return std::nullopt;
  auto value = core::ParseNumber(WithoutThousands(cell));
  if (!value || *value < 0) {
    diagnostics_.Error(At(h, r, column), "RVT004",
                       "column '" + std::string(column) +
                           "': expected a non-negative number, got '" + std::string(cell) + "'");
    return std::nullopt;
  }
  return value;
}

void TabReader::NumberAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r,
                           std::string_view column, std::string_view key) {
  if (auto v = Number(h, r, column)) {
    // Whole numbers are normalised ("1,0" -> "1") only while exact in a double (2^53): a larger
    // one would overflow the conversion (found by fuzz_rvtools), so it stays as written.
    const bool whole = *v < 9007199254740992.0 && std::floor(*v) == *v;
    a.SetAttr(key, whole ? std::to_string(static_cast<long long>(*v))
                         : WithoutThousands(h.Get(r, column)));
  }
}

void TabReader::TextAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r,
                         std::string_view column, std::string_view key) {
  std::string value = Clean(h.Get(r, column));
  if (!value.empty()) a.SetAttr(key, std::move(value));
}

core::Asset TabReader::NewAsset(core::AssetKind kind, std::string name, std::string role,
                                int line) {
  core::Asset a;
  a.org = options_.org;
  a.kind = kind;
  a.name = std::move(name);
  a.role = std::move(role);
  a.category = core::DefaultCategory(a.kind, a.role);
  a.mode = core::WriteMode::kFill;
  a.provenance = {std::string(tab_.importer), source_, line};
  return a;
}

void TabReader::Relate(const core::Asset& from, core::RelationKind kind, std::string target,
                       core::AssetKind target_kind, int line) {
  core::Relation r;
  r.org = from.org;
  r.source = from.name;
  r.source_kind = from.kind;
  r.kind = kind;
  r.target = std::move(target);
  r.target_kind = target_kind;
  r.provenance = {std::string(tab_.importer), source_, line};
  batch_.relations.push_back(std::move(r));
}

std::string TabReader::NameOf(const HeaderMap& h, const CsvRecord& r, std::string_view column) {
  std::string name(h.Get(r, column));
  if (name.empty()) {
    diagnostics_.Error(At(h, r, column), "RVT003",
                       "column '" + std::string(column) + "': empty; every row needs one");
  }
  return name;
}

}  // namespace samdrift::importers::rvtools
