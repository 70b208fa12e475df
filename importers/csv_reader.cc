#include "importers/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <array>

#include "core/text.h"
#include "importers/file_content.h"

namespace samdrift::importers {
namespace {

struct ParseState {
  CsvRecord record;
  std::size_t fields = 0;  // fields of the current record; record.fields is reused across records
  int next_start = 1;
  bool stop = false;
  const std::function<bool(CsvRecord&)>* visit = nullptr;
};

void OnField(void* data, std::size_t length, void* context) {
  auto* state = static_cast<ParseState*>(context);
  // Assigning into the strings of earlier records keeps their buffers: no allocation per field.
  std::vector<std::string>& fields = state->record.fields;
  const char* text = data ? static_cast<const char*>(data) : "";
  if (state->fields < fields.size()) {
    fields[state->fields].assign(text, length);
  } else {
    fields.emplace_back(text, length);
  }
  std::string& field = fields[state->fields++];
  // A line break inside a quoted field is a newline, whichever line ends the file uses.
  if (field.find('\r') != std::string::npos) {
    std::string clean;
    clean.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
      if (field[i] == '\r') {
        clean += '\n';
        if (i + 1 < field.size() && field[i + 1] == '\n') ++i;
      } else {
        clean += field[i];
      }
    }
    field = std::move(clean);
  }
}

void OnRow(int /*terminator*/, void* context) {
  auto* state = static_cast<ParseState*>(context);
  state->record.fields.resize(state->fields);
  state->fields = 0;
  if (!state->stop) {
    state->record.line = state->next_start;
    bool all_empty = std::all_of(state->record.fields.begin(), state->record.fields.end(),
                                 [](const std::string& f) { return f.empty(); });
    if (!(state->record.fields.size() <= 1 && all_empty)) {
      if (!(*state->visit)(state->record)) state->stop = true;
    }
  }
}

int IsSpace(unsigned char c) { return c == ' ' ? 1 : 0; }
int IsTerm(unsigned char c) { return c == '\n' || c == '\r' ? 1 : 0; }

// Length of the line starting at `pos`, including its terminator (LF, CRLF or CR).
std::size_t LineLength(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
  if (i < text.size()) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++i;
  }
  return i - pos;
}

}  // namespace

char DetectDelimiter(std::string_view text) {
  std::array<std::size_t, 3> counts{};  // ; , tab
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ';') ++counts[0];
    if (c == ',') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[0] == 0 && counts[1] == 0 && counts[2] == 0) return ',';
  if (counts[0] >= counts[1] && counts[0] >= counts[2]) return ';';
  if (counts[2] > counts[1]) return '\t';
  return ',';
}

void ReadCsv(std::string_view text, char delimiter, const std::string& source,
             core::Diagnostics& diagnostics, const std::function<bool(CsvRecord&)>& visit) {
  csv_parser parser;
  csv_init(&parser, CSV_APPEND_NULL);
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  csv_set_space_func(&parser, IsSpace);
  csv_set_term_func(&parser, IsTerm);
  // libcsv grows its field buffer by a fixed block (128 bytes by default): a 16 MB cell meant
  // 130,000 reallocations, each copying the cell so far. 64 KiB blocks keep that linear enough.
  csv_set_blk_size(&parser, 64 * 1024);
  ParseState state;
  state.visit = &visit;
  int line = 1;
  std::size_t pos = 0;
  std::size_t released = 0;  // libcsv copies fields: the text before `pos` is never read again
  constexpr std::size_t kReleaseEvery = std::size_t{32} << 20;
  while (pos < text.size() && !state.stop) {
    if (pos - released >= kReleaseEvery) {
      ReleaseParsed(text.substr(released, pos - released));
      released = pos;
    }
    std::size_t length = LineLength(text, pos);
    if (parser.pstate == 0) state.next_start = line;  // ROW_NOT_BEGUN: a record starts here
    if (csv_parse(&parser, text.data() + pos, length, OnField, OnRow, &state) != length) {
      diagnostics.Error({source, line, 0}, "CSV015",
                        std::string("cannot read CSV: ") + csv_strerror(csv_error(&parser)));
      state.stop = true;
      break;
    }
    pos += length;
    ++line;
  }
  if (!state.stop) {
    // libcsv's FIELD_BEGUN state (2) inside quotes: the text ended in an open quoted field.
    constexpr int kFieldBegun = 2;
    if (parser.pstate == kFieldBegun && parser.quoted) {
      diagnostics.Error({source, state.next_start, 0}, "CSV014",
                        "quoted field is not closed before the end of the file");
    } else {
      csv_fini(&parser, OnField, OnRow, &state);
    }
  }
  csv_free(&parser);
}

std::vector<std::string> ReadHeader(std::string_view text) {
  core::Diagnostics ignored;
  std::vector<std::string> header;
  std::string_view first = text.substr(0, std::min<std::size_t>(text.size(), 65536));
  ReadCsv(first, DetectDelimiter(first), "", ignored, [&](CsvRecord& record) {
    header = std::move(record.fields);
    return false;
  });
  return header;
}

bool HeaderMatches(std::string_view header, const ColumnSpec& column) {
  std::string_view h = core::Trim(header);
  if (core::EqualsIgnoreCase(h, column.name)) return true;
  return std::any_of(column.aliases.begin(), column.aliases.end(),
                     [&](std::string_view alias) { return core::EqualsIgnoreCase(h, alias); });
}

HeaderMap::HeaderMap(const CsvRecord& header, std::span<const ColumnSpec> columns,
                     const std::string& source, core::Diagnostics& diagnostics,
                     UnknownColumns unknown)
    : columns_(columns), index_(columns.size(), -1), width_(header.fields.size()) {
  std::vector<std::string> known;
  for (const ColumnSpec& c : columns) known.emplace_back(c.name);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string_view cell = core::Trim(header.fields[i]);
    const core::SourceLocation where{source, header.line, static_cast<int>(i + 1)};
    if (cell.empty()) {
      if (unknown == UnknownColumns::kError) {
        diagnostics.Error(where, "CSV003", "column " + std::to_string(i + 1) + " has no header");
      }
      continue;
    }
    auto match = std::find_if(columns.begin(), columns.end(),
                              [&](const ColumnSpec& c) { return HeaderMatches(cell, c); });
    if (match == columns.end()) {
      extra_.emplace_back(static_cast<int>(i), std::string(cell));
      if (unknown == UnknownColumns::kIgnore) continue;
      std::string message = "unknown column '" + std::string(cell) + "'";
      std::string closest = core::ClosestName(cell, known);
      if (!closest.empty()) message += "; did you mean '" + closest + "'?";
      if (unknown == UnknownColumns::kError) {
        diagnostics.Error(where, "CSV003", message);
      } else {
        diagnostics.Warning(where, "CSV003", message + " (ignored)");
      }
      continue;
    }
    auto k = static_cast<std::size_t>(match - columns.begin());
    if (index_[k] >= 0) {
      diagnostics.Error(where, "CSV005",
                        "column '" + std::string(match->name) + "' appears twice (columns " +
                            std::to_string(index_[k] + 1) + " and " + std::to_string(i + 1) + ")");
      continue;
    }
    index_[k] = static_cast<int>(i);
  }
}

int HeaderMap::Index(std::string_view name) const {
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    if (columns_[k].name == name) return index_[k];
  }
  return -1;
}

std::string_view HeaderMap::Get(const CsvRecord& record, std::string_view name) const {
  int i = Index(name);
  if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size()) return {};
  return core::Trim(record.fields[static_cast<std::size_t>(i)]);
}

}  // namespace samdrift::importers
