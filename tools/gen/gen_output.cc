#include "tools/gen/gen_output.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

#include "reports/escape.h"

namespace samdrift::tools::gen {
namespace {

// UTF-8 to Windows-1252 for the letters the generator uses (Latin-1 range); others become '?'.
std::string ToWindows1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
      unsigned char d = static_cast<unsigned char>(utf8[++i]);
      out += static_cast<char>(c == 0xC2 ? d : d + 0x40);
    } else {
      while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) ++i;
      out += '?';
    }
  }
  return out;
}

}  // namespace

void CsvOut::Separate() {
  if (row_started_) text_ += delimiter_;
  row_started_ = true;
}

CsvOut& CsvOut::Cell(std::string_view value) {
  Separate();
  reports::AppendCsvField(text_, value, delimiter_);
  return *this;
}

CsvOut& CsvOut::Integer(long long value, bool empty_if_zero) {
  Separate();
  if (value == 0 && empty_if_zero) return *this;
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view digits(buffer, static_cast<std::size_t>(end - buffer));
  if (numbers_ == NumberStyle::kSwedish && value >= 1000) {
    // "1 100": a space as thousands separator, as Swedish Excel exports.
    std::size_t head = digits.size() % 3;
    if (head == 0) head = 3;
    text_ += digits.substr(0, head);
    for (std::size_t i = head; i < digits.size(); i += 3) {
      text_ += ' ';
      text_ += digits.substr(i, 3);
    }
  } else {
    text_ += digits;
  }
  return *this;
}

CsvOut& CsvOut::Number(double value, bool empty_if_zero) {
  const double whole = std::floor(value);
  if (whole == value) {
    return Integer(static_cast<long long>(whole), empty_if_zero);
  }
  Integer(static_cast<long long>(whole), false);
  // One decimal at most (power figures like 712.5).
  int tenth = static_cast<int>(std::lround((value - whole) * 10));
  if (tenth == 10) tenth = 9;
  text_ += numbers_ == NumberStyle::kSwedish ? ',' : '.';
  text_ += static_cast<char>('0' + tenth);
  return *this;
}

void CsvOut::EndRow() {
  text_ += line_end_ == LineEnd::kCrLf ? "\r\n" : "\n";
  row_started_ = false;
}

void CsvOut::Header(std::string_view names) {
  while (!names.empty()) {
    std::size_t comma = names.find(',');
    Cell(names.substr(0, comma));
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  EndRow();
}

bool WriteFile(const std::filesystem::path& path, std::string_view utf8, Encoding encoding) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                       &std::fclose);
  if (!file) return false;
  std::string converted;
  std::string_view bytes = utf8;
  if (encoding == Encoding::kWindows1252) {
    converted = ToWindows1252(utf8);
    bytes = converted;
  } else if (encoding == Encoding::kUtf8Bom) {
    if (std::fwrite("\xEF\xBB\xBF", 1, 3, file.get()) != 3) return false;
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) return false;
  return std::fclose(file.release()) == 0;
}

void AppendJson(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char* kHex = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace samdrift::tools::gen
