#include "reports/xml_writer.h"

#include "reports/escape.h"

namespace samdrift::reports {

void XmlWriter::Declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::StartTag(std::string_view name, const Attributes& attributes) {
  out_.append(2 * open_.size(), ' ');
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    out_ += XmlAttribute(value);
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
  out_ += XmlText(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void XmlWriter::Empty(std::string_view name, const Attributes& attributes) {
  StartTag(name, attributes);
  out_ += " />\n";
}

}  // namespace samdrift::reports
