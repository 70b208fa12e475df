#include "importers/glpi_json_dom.h"

#include <exception>
#include <iterator>
#include <nlohmann/json.hpp>

namespace samdrift::importers::glpi_json {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDepth = 256;

// Counts the bytes nlohmann reads: the last one read tells where the token just scanned ends.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** last_read) : p_(p), last_read_(last_read) {}
  reference operator*() const {
    *last_read_ = p_;
    return *p_;
  }
  TrackingIterator& operator++() {
    ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++p_;
    return old;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char** last_read_;
};

class DomBuilder {
 public:
  DomBuilder(std::string_view buffer, const char** last_read, Document& doc)
      : buffer_(buffer), last_read_(last_read), doc_(doc) {}

  bool null() { return Scalar(Type::kNull, "", TokenStart(4)); }
  bool boolean(bool v) { return Scalar(Type::kBool, v ? "true" : "false", TokenStart(v ? 4 : 5)); }
  bool number_integer(json::number_integer_t v) {
    return Scalar(Type::kNumber, std::to_string(v), NumberStart());
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return Scalar(Type::kNumber, std::to_string(v), NumberStart());
  }
  bool number_float(json::number_float_t, const json::string_t& raw) {
    return Scalar(Type::kNumber, raw, NumberStart());
  }
  bool string(json::string_t& s) { return Scalar(Type::kString, std::move(s), StringStart()); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return Open(Type::kObject); }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return Open(Type::kArray); }
  bool end_array() { return Close(); }
  bool key(json::string_t& k) {
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& e) {
    // `position` counts the bytes read, up to the end of the offending token: point at the
    // token's first byte (its text is escaped when it holds control characters; then at its end).
    std::string what = e.what();
    std::size_t at = what.find(": ", what.find("column"));
    if (at == std::string::npos) at = what.find("] ");
    std::string reason = at == std::string::npos ? what : what.substr(at + 2);
    std::size_t offset = position > 0 ? position - 1 : 0;
    const bool string_token = last_token.size() >= 2 && last_token.front() == '"' &&
                              last_token.back() == '"' &&
                              last_token.find("<U+") == std::string::npos;
    const bool literal_token =
        !last_token.empty() && last_token.find_first_of("{}[],:\" \t\r\n<") == std::string::npos;
    if (position > buffer_.size()) {
      offset = buffer_.size();  // the input ended
    } else if ((string_token || literal_token) && last_token.size() <= position) {
      offset = position - last_token.size();
    }
    failure_ = ParseFailure{offset, "GLPI001", "malformed JSON: " + reason};
    return false;
  }

  const std::optional<ParseFailure>& failure() const { return failure_; }

 private:
  std::size_t LastRead() const {
    return *last_read_ ? static_cast<std::size_t>(*last_read_ - buffer_.data()) : 0;
  }
  // A literal ends at the last byte read.
  std::size_t TokenStart(std::size_t length) const {
    std::size_t end = LastRead();
    return end + 1 >= length ? end + 1 - length : 0;
  }
  // A number: nlohmann read one byte past it (unless the input ended).
  std::size_t NumberStart() const {
    std::size_t i = LastRead();
    auto part = [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    if (i < buffer_.size() && !part(buffer_[i])) --i;
    while (i > 0 && part(buffer_[i - 1])) --i;
    return i;
  }
  // A string ends at its closing quote; find the opening one (not escaped).
  std::size_t StringStart() const {
    std::size_t end = LastRead();
    for (std::size_t i = end; i-- > 0;) {
      if (buffer_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && buffer_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return end;
  }

  std::uint32_t Append(Type type, std::string text, std::size_t offset) {
    auto index = static_cast<std::uint32_t>(doc_.nodes.size());
    Node node;
    node.type = type;
    node.offset = offset;
    node.text = std::move(text);
    if (!stack_.empty()) {
      Node& parent = doc_.nodes[stack_.back()];
      if (parent.type == Type::kObject) node.key = std::move(key_);
      doc_.nodes.push_back(std::move(node));
      Node& p = doc_.nodes[stack_.back()];
      if (p.last_child == kNone) {
        p.first_child = index;
      } else {
        doc_.nodes[p.last_child].next_sibling = index;
      }
      p.last_child = index;
    } else {
      doc_.nodes.push_back(std::move(node));
    }
    return index;
  }
  bool Scalar(Type type, std::string text, std::size_t offset) {
    Append(type, std::move(text), offset);
    return true;
  }
  bool Open(Type type) {
    if (stack_.size() >= kMaxDepth) {
      failure_ = ParseFailure{
          LastRead(), "GLPI003",
          "nested deeper than " + std::to_string(kMaxDepth) + " levels; an inventory never is"};
      return false;
    }
    stack_.push_back(Append(type, "", LastRead()));
    return true;
  }
  bool Close() {
    stack_.pop_back();
    return true;
  }

  std::string_view buffer_;
  const char** last_read_;
  Document& doc_;
  std::vector<std::uint32_t> stack_;
  std::string key_;
  std::optional<ParseFailure> failure_;
};

}  // namespace

std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "a boolean";
    case Type::kNumber:
      return "a number";
    case Type::kString:
      return "a string";
    case Type::kArray:
      return "an array";
    case Type::kObject:
      return "an object";
  }
  return "?";
}

std::optional<ParseFailure> ParseDom(std::string_view buffer, Document& doc) {
  doc.nodes.reserve(buffer.size() / 16);
  const char* last_read = nullptr;
  DomBuilder builder(buffer, &last_read, doc);
  TrackingIterator first(buffer.data(), &last_read);
  TrackingIterator last(buffer.data() + buffer.size(), &last_read);
  bool ok = false;
  try {
    ok = json::sax_parse(first, last, &builder);
  } catch (const std::exception& e) {
    // sax_parse reports syntax errors through parse_error(); anything else is still bad input.
    const std::size_t at = last_read ? static_cast<std::size_t>(last_read - buffer.data()) : 0;
    return ParseFailure{at, "GLPI001", std::string("malformed JSON: ") + e.what()};
  }
  if (ok && !doc.nodes.empty()) return std::nullopt;
  if (builder.failure()) return builder.failure();
  return ParseFailure{0, "GLPI001", "malformed JSON"};
}

}  // namespace samdrift::importers::glpi_json
