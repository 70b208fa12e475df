#include "importers/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <utility>

#include "core/text.h"
#include "importers/file_content.h"

namespace samdrift::importers {
namespace {

// A field's characters as the importers see them (a CR before LF is part of one line break).
std::size_t CellChars(std::string_view cell) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const auto c = static_cast<unsigned char>(cell[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') continue;
    ++chars;
  }
  return chars;
}

// How much parsed text of a mapped file stays resident before it is let go of (ReleaseParsed).
constexpr std::size_t kReleaseEvery = std::size_t{32} << 20;

// A C0 control character other than tab, CR and LF (which a quoted field may hold), or DEL.
bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

struct ParseState {
  CsvRecord record;
  std::size_t fields = 0;  // fields of the current record; record.fields is reused across records
  int next_start = 1;
  bool stop = false;
  bool visited = false;     // a record has been handed to `visit` (so the header is read)
  bool bad_record = false;  // the current record has a problem already reported
  std::size_t refused = 0;  // records not visited for such problems
  const std::function<bool(CsvRecord&)>* visit = nullptr;
  const std::string* source = nullptr;
  core::Diagnostics* diagnostics = nullptr;

  // CSV018 for a cell of `chars` characters in column `column` (1-based) of the current record.
  void TooLong(std::size_t column, std::size_t chars) {
    diagnostics->Error({*source, next_start, static_cast<int>(column)}, "CSV018",
                       "cell of " + std::to_string(chars) +
                           " characters; a spreadsheet cell holds at most " +
                           std::to_string(kMaxCellChars) + " (record not read)");
    bad_record = true;
  }
  // CSV019 for control character `c` in column `column` of the current record.
  void Control(std::size_t column, unsigned char c) {
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    diagnostics->Error({*source, next_start, static_cast<int>(column)}, "CSV019",
                       std::string("the cell holds the control character ") + code +
                           (visited ? "; record not read"
                                    : "; the header cannot be read, nor the rest of the file"));
    bad_record = true;
  }
};

void OnField(void* data, std::size_t length, void* context) {
  auto* state = static_cast<ParseState*>(context);
  if (state->stop) return;
  // Assigning into the strings of earlier records keeps their buffers: no allocation per field.
  std::vector<std::string>& fields = state->record.fields;
  const char* text = data ? static_cast<const char*>(data) : "";
  if (state->fields < fields.size()) {
    fields[state->fields].assign(text, length);
  } else {
    fields.emplace_back(text, length);
  }
  std::string& field = fields[state->fields++];
  if (field.size() > kMaxCellChars) {
    const std::size_t chars = CellChars(field);
    if (chars > kMaxCellChars) state->TooLong(state->fields, chars);
  }
  if (!state->bad_record) {
    auto bad = std::find_if(field.begin(), field.end(),
                            [](char c) { return IsControl(static_cast<unsigned char>(c)); });
    if (bad != field.end()) state->Control(state->fields, static_cast<unsigned char>(*bad));
  }
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
  const bool bad = std::exchange(state->bad_record, false);
  if (state->stop) return;
  if (bad) {
    ++state->refused;
    if (!state->visited) state->stop = true;  // without its header the file cannot be read
    return;
  }
  state->record.line = state->next_start;
  bool all_empty = std::all_of(state->record.fields.begin(), state->record.fields.end(),
                               [](const std::string& f) { return f.empty(); });
  if (!(state->record.fields.size() <= 1 && all_empty)) {
    state->visited = true;
    if (!(*state->visit)(state->record)) state->stop = true;
  }
}

// The rest of a record whose cell at `pos` is too long to buffer, scanned without keeping it:
// where the record ends (past its line break), the line breaks passed and the characters of the
// cell from `pos` on. `quoted` and `after_quote` are libcsv's state: inside a quoted field, and
// just past a quote in one (which a second quote makes a literal quote).
struct Skipped {
  std::size_t end = 0;
  int lines = 0;
  std::size_t cell_chars = 0;
};
Skipped SkipRecord(std::string_view text, std::size_t pos, char delimiter, bool quoted,
                   bool after_quote) {
  Skipped out;
  bool in_quotes = quoted && !after_quote;
  bool in_cell = true;  // still in the long cell
  bool field_start = false;
  std::size_t i = pos;
  if (after_quote && i < text.size() && text[i] == '"') {  // a doubled quote
    in_quotes = true;
    ++out.cell_chars;
    ++i;
  }
  std::size_t released = pos;  // the scanned text is let go of as it goes (ReleaseParsed)
  while (i < text.size()) {
    if (i - released >= kReleaseEvery) {
      ReleaseParsed(text.substr(released, i - released));
      released = i;
    }
    const char c = text[i];
    const bool lf_after = i + 1 < text.size() && text[i + 1] == '\n';
    if (c == '\n' || (c == '\r' && !lf_after)) ++out.lines;
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          out.cell_chars += in_cell;
          i += 2;
          continue;
        }
        in_quotes = false;
      } else if (in_cell && (static_cast<unsigned char>(c) & 0xC0) != 0x80 &&
                 !(c == '\r' && lf_after)) {
        ++out.cell_chars;
      }
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && lf_after) {
        ++out.lines;  // CRLF: counted here, its LF is not visited
        ++i;
      }
      out.end = i + 1;
      return out;
    }
    if (c == delimiter) {
      in_cell = false;
      field_start = true;
    } else if (c == '"' && field_start) {
      in_quotes = true;
      field_start = false;
    } else if (c != ' ') {
      field_start = false;
      if (in_cell && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++out.cell_chars;
    } else if (in_cell) {
      ++out.cell_chars;
    }
    ++i;
  }
  out.end = text.size();
  return out;
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

std::size_t ReadCsv(std::string_view text, char delimiter, const std::string& source,
                    core::Diagnostics& diagnostics, const std::function<bool(CsvRecord&)>& visit) {
  csv_parser parser;
  auto init = [&] {
    csv_init(&parser, CSV_APPEND_NULL);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    csv_set_space_func(&parser, IsSpace);
    csv_set_term_func(&parser, IsTerm);
    // libcsv grows its field buffer by a fixed block (128 bytes by default); 64 KiB blocks keep
    // the few reallocations a cell up to the limit needs cheap.
    csv_set_blk_size(&parser, 64 * 1024);
  };
  init();
  ParseState state;
  state.visit = &visit;
  state.source = &source;
  state.diagnostics = &diagnostics;
  int line = 1;
  std::size_t pos = 0;
  std::size_t released = 0;  // libcsv copies fields: the text before `pos` is never read again
  // A long line goes to libcsv a piece at a time, so that a cell past the limit is caught while
  // libcsv has buffered at most a piece more than the limit; the rest of its record is skipped
  // unbuffered.
  constexpr std::size_t kPiece = 64 * 1024;
  constexpr int kFieldMightHaveEnded = 3;  // libcsv: past a quote inside a quoted field
  while (pos < text.size() && !state.stop) {
    if (pos - released >= kReleaseEvery) {
      ReleaseParsed(text.substr(released, pos - released));
      released = pos;
    }
    const std::size_t length = LineLength(text, pos);
    if (parser.pstate == 0) state.next_start = line;  // ROW_NOT_BEGUN: a record starts here
    std::optional<Skipped> skipped;
    for (std::size_t done = 0; done < length && !state.stop;) {
      const std::size_t piece = std::min(kPiece, length - done);
      if (csv_parse(&parser, text.data() + pos + done, piece, OnField, OnRow, &state) != piece) {
        diagnostics.Error({source, line, 0}, "CSV015",
                          std::string("cannot read CSV: ") + csv_strerror(csv_error(&parser)));
        state.stop = true;
        break;
      }
      done += piece;
      if (parser.entry_pos <= kMaxCellChars) continue;
      // Past a quote in a quoted field libcsv holds that quote (and spaces after it) in case the
      // field goes on; a second quote makes it a literal one, which SkipRecord counts.
      const bool after_quote = parser.pstate == kFieldMightHaveEnded;
      const std::size_t held = after_quote ? parser.spaces + 1 : 0;
      const std::size_t chars = CellChars(std::string_view(
          reinterpret_cast<const char*>(parser.entry_buf), parser.entry_pos - held));
      if (chars <= kMaxCellChars) continue;
      skipped = SkipRecord(text, pos + done, delimiter, parser.quoted != 0, after_quote);
      if (done == length) ++skipped->lines;  // this line's break, inside the quoted cell
      state.TooLong(state.fields + 1, chars + skipped->cell_chars);
      ++state.refused;
      if (!state.visited) state.stop = true;  // without its header the file cannot be read
      state.bad_record = false;
      state.fields = 0;
      csv_free(&parser);
      init();
      break;
    }
    if (skipped) {
      pos = skipped->end;
      line += skipped->lines;
    } else {
      pos += length;
      ++line;
    }
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
  return state.refused;
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
