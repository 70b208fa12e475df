#include "reports/xml_writer.h"

namespace samdrift::reports {

std::string XmlEscape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += attribute ? "&#13;" : "&#13;";
        break;
      default:
        if (c < 0x20 || c == 0x7F) break;  // not allowed in XML 1.0 (DEL is, but is noise)
        out += ch;
    }
  }
  return out;
}

void XmlWriter::Declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::StartTag(std::string_view name, const Attributes& attributes) {
  out_.append(2 * open_.size(), ' ');
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    out_ += XmlEscape(value, true);
    out_ += '"';
  }
}

void XmlWriter::Open(std::string_view name, const Attributes& attributes) {
  StartTag(name, attributes);
  out_ += ">\n";
  open_.emplace_back(name);
}

void XmlWriter::Close() {
  if (open_.empty()) return;
  std::string name = std::move(open_.back());
  open_.pop_back();
  out_.append(2 * open_.size(), ' ');
  out_ += "</" + name + ">\n";
}

void XmlWriter::Leaf(std::string_view name, const Attributes& attributes, std::string_view text) {
  StartTag(name, attributes);
  out_ += '>';
  out_ += XmlEscape(text, false);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void XmlWriter::Empty(std::string_view name, const Attributes& attributes) {
  StartTag(name, attributes);
  out_ += " />\n";
}

}  // namespace samdrift::reports
