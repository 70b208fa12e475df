// NetBox's JSON import: a list of objects (or one object) with the CSV column names as keys.
// nlohmann parses; a small scanner over the same buffer finds where each object and value is,
// since nlohmann keeps no positions.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "importers/netbox_records.h"

namespace samdrift::importers {
namespace {

using Json = nlohmann::json;

// NetBox objects are flat (custom_fields and tag lists add two levels).
constexpr int kMaxDepth = 32;

struct Position {
  int line = 1;
  int column = 1;
};

struct KeyAt {
  std::string key;
  Position key_at;
  Position value_at;
};

// One element of the top-level list (or the top-level object itself).
struct ElementAt {
  Position at;
  std::vector<KeyAt> keys;  // when the element is an object
};

struct Scan {
  std::vector<ElementAt> elements;
  bool too_deep = false;
  Position deep_at;
};

// Walks the text once, iteratively, noting where each record-level element, key and value
// starts. Columns count characters (UTF-8 sequences), not bytes.
class JsonScanner {
 public:
  JsonScanner(std::string_view text, std::size_t stop_after_elements)
      : text_(text), stop_after_elements_(stop_after_elements) {}

  Scan Run() {
    for (i_ = 0; i_ < text_.size(); ++i_) {
      const char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        Advance(c);
      } else if (c == '"') {
        String();
      } else if (c == '{' || c == '[') {
        if (!Open(c)) break;
        Advance(c);
      } else if (c == '}' || c == ']' || c == ',' || c == ':') {
        Punctuation(c);
        Advance(c);
      } else {
        Literal();
      }
    }
    return std::move(scan_);
  }

 private:
  void Advance(char c) {
    if (c == '\n') {
      ++p_.line;
      p_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++p_.column;
    }
  }

  bool AtRecordObject() const {
    return static_cast<int>(stack_.size()) == record_depth_ && !stack_.empty() &&
           stack_.back() == '{';
  }

  // A value starts at p_: an element of the top-level list, and the value of the awaited key.
  void ValueStarts() {
    if (static_cast<int>(stack_.size()) == 1 && record_depth_ == 2) {
      scan_.elements.push_back({p_, {}});
    }
    if (await_value_) {
      if (!scan_.elements.empty()) scan_.elements.back().keys.push_back({key_, key_at_, p_});
      await_value_ = false;
    }
  }

  // A string at i_, a record's key or a value; i_ ends on its closing quote.
  void String() {
    const Position start = p_;
    const bool is_key = AtRecordObject() && expect_key_;
    if (!is_key) ValueStarts();
    std::string s;
    Advance(text_[i_]);
    for (++i_; i_ < text_.size() && text_[i_] != '"'; ++i_) {
      if (text_[i_] == '\\' && i_ + 1 < text_.size()) {
        Advance(text_[i_]);
        ++i_;
      }
      s += text_[i_];
      Advance(text_[i_]);
    }
    if (i_ < text_.size()) Advance(text_[i_]);
    if (is_key) {
      key_ = std::move(s);
      key_at_ = start;
      expect_key_ = false;
    }
  }

  // An object or list opens; false when the scan stops here (enough elements, or too deep).
  bool Open(char c) {
    ValueStarts();
    if (scan_.elements.size() > stop_after_elements_) return false;
    stack_.push_back(c);
    if (static_cast<int>(stack_.size()) > kMaxDepth) {
      scan_.too_deep = true;
      scan_.deep_at = p_;
      return false;
    }
    if (stack_.size() == 1) {
      record_depth_ = c == '{' ? 1 : 2;
      if (record_depth_ == 1) scan_.elements.push_back({p_, {}});
    }
    if (c == '{' && AtRecordObject()) expect_key_ = true;
    return true;
  }

  void Punctuation(char c) {
    if (c == '}' || c == ']') {
      if (!stack_.empty()) stack_.pop_back();
    } else if (c == ',') {
      if (AtRecordObject()) expect_key_ = true;
    } else if (AtRecordObject()) {  // ':'
      await_value_ = true;
    }
  }

  // A number or literal at i_; i_ ends on its last character.
  void Literal() {
    ValueStarts();
    Advance(text_[i_]);
    while (i_ + 1 < text_.size() &&
           std::string_view(",]}: \t\r\n").find(text_[i_ + 1]) == std::string_view::npos) {
      ++i_;
      Advance(text_[i_]);
    }
  }

  std::string_view text_;
  std::size_t stop_after_elements_;
  std::size_t i_ = 0;
  Scan scan_;
  std::vector<char> stack_;
  int record_depth_ = 0;  // 1: the top is one object; 2: a list of objects
  bool expect_key_ = false;
  bool await_value_ = false;
  std::string key_;
  Position key_at_;
  Position p_;
};

Scan ScanJson(std::string_view text, std::size_t stop_after_elements = SIZE_MAX) {
  return JsonScanner(text, stop_after_elements).Run();
}

core::SourceLocation At(const std::string& source, Position p) {
  return {source, p.line, p.column};
}

// Line and column of byte `offset` of `text` (columns in characters).
Position PositionOf(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

std::string_view TypeName(const Json& v) {
  if (v.is_array()) return "a list";
  if (v.is_object()) return "an object";
  if (v.is_string()) return "a string";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "true/false";
  return "null";
}

// A value as the CSV cell NetBox would accept for it: lists joined with commas, a nested
// object by its name (or slug).
std::string ToText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_null()) return "";
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    for (const char* field : {"name", "slug", "value"}) {
      auto it = v.find(field);
      if (it != v.end() && !it->is_structured()) return ToText(*it);
    }
    return v.dump();
  }
  std::string out;
  for (const Json& item : v) {
    if (!out.empty()) out += ',';
    out += item.is_array() ? item.dump() : ToText(item);
  }
  return out;
}

}  // namespace

std::vector<std::string> NetboxJsonKeys(std::string_view text) {
  Scan scan = ScanJson(text, 1);
  std::vector<std::string> keys;
  if (scan.elements.empty()) return keys;
  for (const KeyAt& k : scan.elements.front().keys) keys.push_back(k.key);
  return keys;
}

std::size_t ReadNetboxJson(std::string_view text, const std::string& source,
                           const NetboxTable& table, core::Diagnostics& diagnostics,
                           const NetboxVisit& visit) {
  Scan scan = ScanJson(text);
  if (scan.too_deep) {
    diagnostics.Error(At(source, scan.deep_at), "NBX023",
                      "JSON nested deeper than " + std::to_string(kMaxDepth) +
                          " levels; NetBox objects are flat");
    return 0;
  }
  Json document;
  try {
    document = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::string message = e.what();
    auto cut = message.find("column ");
    cut = cut == std::string::npos ? std::string::npos : message.find(": ", cut);
    if (cut != std::string::npos) message = message.substr(cut + 2);
    diagnostics.Error(At(source, PositionOf(text, e.byte == 0 ? 0 : e.byte - 1)), "NBX020",
                      "JSON: " + message);
    return 0;
  }
  const bool list = document.is_array();
  if (!list && !document.is_object()) {
    diagnostics.Error(
        {source, 1, 1}, "NBX022",
        std::string("expected a list of NetBox objects, got ") + std::string(TypeName(document)));
    return 0;
  }
  const std::size_t count = list ? document.size() : 1;
  std::set<std::string> reported;  // unknown keys are reported once per file
  for (std::size_t n = 0; n < count; ++n) {
    const Json& element = list ? document[n] : document;
    const ElementAt placed = n < scan.elements.size() ? scan.elements[n] : ElementAt{};
    if (!element.is_object()) {
      diagnostics.Error(At(source, placed.at), "NBX022",
                        "expected a NetBox object ({...}), got " + std::string(TypeName(element)));
      continue;
    }
    NetboxRecord record(table, At(source, placed.at));
    std::set<std::string> seen;
    auto take = [&](const std::string& key, const Json& value, Position key_at, Position value_at) {
      if (!seen.insert(key).second) return;
      if (key == "custom_fields") {
        if (!value.is_object()) {
          if (!value.is_null()) {
            diagnostics.Error(
                At(source, value_at), "NBX022",
                "custom_fields: expected an object, got " + std::string(TypeName(value)));
          }
          return;
        }
        for (const auto& [name, field] : value.items()) {
          std::string text_value(core::Trim(ToText(field)));
          if (!text_value.empty()) record.AddCustomField("cf_" + name, std::move(text_value));
        }
        return;
      }
      int column = NetboxColumnIndex(table, key);
      if (column == -1) {
        if (reported.insert(key).second) {
          diagnostics.Error(At(source, key_at), "NBX003", UnknownFieldMessage(table, key));
        }
        return;
      }
      if (column == -2) {
        std::string text_value(core::Trim(ToText(value)));
        if (!text_value.empty()) record.AddCustomField(key, std::move(text_value));
        return;
      }
      record.Set(static_cast<std::size_t>(column), ToText(value), At(source, value_at));
    };
    for (const KeyAt& k : placed.keys) {
      auto it = element.find(k.key);
      if (it != element.end()) take(k.key, *it, k.key_at, k.value_at);
    }
    for (const auto& [key, value] : element.items()) take(key, value, placed.at, placed.at);
    visit(record);
  }
  return count;
}

}  // namespace samdrift::importers
