#include "importers/xml_support.h"

#include <algorithm>
#include <unordered_set>

#include "core/text.h"

namespace samdrift::importers {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The encoding named in the XML declaration, lowercased; empty when none.
std::string DeclaredEncoding(std::string_view text) {
  if (!StartsWith(text, "<?xml")) return "";
  std::size_t end = text.find("?>");
  std::string_view decl = text.substr(0, end);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  std::size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  std::size_t close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return "";
  return core::ToLowerAscii(decl.substr(quote + 1, close - quote - 1));
}

std::string Latin1ToUtf8(std::string_view bytes) {
  // core::ToUtf8 reads invalid UTF-8 as Windows-1252; force that reading by decoding byte-wise.
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  std::string one(1, '\0');
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
    } else {
      one[0] = c;
      out += core::ToUtf8(one);
    }
  }
  return out;
}

void SetDeclaredEncodingToUtf8(std::string& text) {
  if (!StartsWith(text, "<?xml")) return;
  std::size_t end = text.find("?>");
  std::size_t at = text.find("encoding");
  if (at == std::string::npos || at > end) return;
  std::size_t quote = text.find_first_of("\"'", at);
  std::size_t close = text.find(text[quote], quote + 1);
  text.replace(quote + 1, close - quote - 1, "UTF-8");
}

}  // namespace

LineTable::LineTable(std::string_view buffer) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    if (buffer[i] == '\n') line_starts_.push_back(i + 1);
  }
}

core::SourceLocation LineTable::Locate(const std::string& source, std::ptrdiff_t offset) const {
  if (offset < 0 || line_starts_.empty()) return {source, 0, 0};
  auto pos = static_cast<std::size_t>(offset);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t column = pos - line_starts_[line - 1] + 1;
  return {source, static_cast<int>(line), static_cast<int>(column)};
}

bool XmlInput::Parse(std::string_view content, const std::string& source,
                     core::Diagnostics& diagnostics) {
  source_ = source;
  core::TextEncoding encoding;
  std::string_view text = core::WithoutUtf8Bom(content);
  const std::string declared = DeclaredEncoding(text);
  if (declared == "windows-1252" || declared == "cp1252" || declared == "iso-8859-1" ||
      declared == "latin1" || declared == "iso-8859-15") {
    buffer_ = Latin1ToUtf8(text);
    SetDeclaredEncodingToUtf8(buffer_);
  } else {
    buffer_ = core::ToUtf8(content, &encoding);
    if (encoding == core::TextEncoding::kWindows1252) {
      diagnostics.Warning(
          {source, 1, 0}, "XML003",
          "the file has bytes that are not UTF-8" +
              (declared.empty() ? std::string() : " although it declares " + declared) +
              "; read them as Windows-1252");
    }
    if (encoding == core::TextEncoding::kUtf16Le || encoding == core::TextEncoding::kUtf16Be) {
      SetDeclaredEncodingToUtf8(buffer_);
    }
  }
  lines_ = LineTable(buffer_);

  const std::size_t doctype = buffer_.find("<!DOCTYPE");
  const std::size_t first_element = [&] {
    std::size_t i = 0;
    while ((i = buffer_.find('<', i)) != std::string::npos) {
      if (i + 1 < buffer_.size() && buffer_[i + 1] != '?' && buffer_[i + 1] != '!') return i;
      ++i;
    }
    return std::string::npos;
  }();
  // A bare `<!DOCTYPE nmaprun>` (nmap writes one in every file) declares nothing; only a DOCTYPE
  // with an internal subset or an external identifier could define entities.
  auto declares_something = [&] {
    const std::size_t end = buffer_.find('>', doctype);
    const std::string_view decl = std::string_view(buffer_).substr(
        doctype, end == std::string::npos ? std::string::npos : end - doctype);
    return decl.find('[') != std::string_view::npos ||
           decl.find("SYSTEM") != std::string_view::npos ||
           decl.find("PUBLIC") != std::string_view::npos;
  };
  if (doctype != std::string::npos && doctype < first_element && declares_something()) {
    diagnostics.Warning(lines_.Locate(source, static_cast<std::ptrdiff_t>(doctype)), "XML002",
                        "DOCTYPE ignored: its entities are never resolved or expanded");
  }

  const unsigned options = pugi::parse_default & ~pugi::parse_doctype;
  pugi::xml_parse_result result =
      document_.load_buffer(buffer_.data(), buffer_.size(), options, pugi::encoding_utf8);
  if (!result) {
    diagnostics.Error(lines_.Locate(source, result.offset), "XML001",
                      std::string("malformed XML: ") + result.description());
    return false;
  }
  pugi::xml_node first;
  for (pugi::xml_node child : document_.children()) {
    if (child.type() != pugi::node_element) continue;
    if (!first) {
      first = child;
      continue;
    }
    diagnostics.Error(At(child), "XML004",
                      "a second root element <" + std::string(child.name()) + "> after <" +
                          first.name() + ">; a document has one");
    return false;
  }
  if (!first) {
    diagnostics.Error({source, 1, 0}, "XML001", "no root element");
    return false;
  }
  // Duplicate attributes, in one iterative pass (inputs may be nested a million levels deep).
  bool ok = true;
  struct Walker : pugi::xml_tree_walker {
    XmlInput* self;
    core::Diagnostics* diagnostics;
    bool* ok;
    bool for_each(pugi::xml_node& node) override {
      pugi::xml_attribute a = node.first_attribute();
      if (!a || !a.next_attribute()) return true;
      for (; a; a = a.next_attribute()) {
        for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute()) {
          if (std::string_view(a.name()) == b.name()) {
            diagnostics->Error(
                self->At(node), "XML005",
                "attribute '" + std::string(b.name()) + "' appears twice on <" + node.name() + ">");
            *ok = false;
          }
        }
      }
      return true;
    }
  } walker;
  walker.self = this;
  walker.diagnostics = &diagnostics;
  walker.ok = &ok;
  document_.traverse(walker);
  return ok;
}

core::SourceLocation XmlInput::At(pugi::xml_node node) const {
  // pugixml points at an element's name; the element starts at its '<'.
  std::ptrdiff_t offset = node.offset_debug();
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return lines_.Locate(source_, offset);
}

core::SourceLocation XmlInput::At(pugi::xml_attribute, pugi::xml_node owner) const {
  return At(owner);
}

std::string ChildText(pugi::xml_node node, const char* name) {
  return std::string(core::Trim(node.child(name).child_value()));
}

std::string RequiredChildText(const XmlInput& input, pugi::xml_node node, const char* name,
                              std::string_view code, core::Diagnostics& diagnostics) {
  std::string text = ChildText(node, name);
  if (text.empty()) {
    diagnostics.Error(input.At(node), code,
                      "<" + std::string(node.name()) + "> has no <" + name + ">");
  }
  return text;
}

std::string AttrText(pugi::xml_node node, const char* name) {
  return std::string(core::Trim(node.attribute(name).value()));
}

}  // namespace samdrift::importers
