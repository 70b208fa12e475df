// Shared support for the XML importers (included only by their .cc files, which is where pugixml
// may be used): parse a buffer with located errors, declared and mislabelled encodings, DOCTYPE
// handling (never expanded), and small helpers that report missing children with a location.
#ifndef SAMDRIFT_IMPORTERS_XML_SUPPORT_H_
#define SAMDRIFT_IMPORTERS_XML_SUPPORT_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "importers/xml_prolog.h"  // RootElementName, for the XML importers' Sniff()

namespace samdrift::importers {

// Byte offset -> 1-based line and column, for the buffer pugixml parsed.
class LineTable {
 public:
  LineTable() = default;
  explicit LineTable(std::string_view buffer);
  core::SourceLocation Locate(const std::string& source, std::ptrdiff_t offset) const;

 private:
  std::vector<std::size_t> line_starts_;
};

// A parsed XML file. Keep it alive while using its nodes.
class XmlInput {
 public:
  // Parses raw bytes. Reports: XML001 malformed (with pugixml's reason, located), XML002 warning
  // for a DOCTYPE (its entities are never resolved or expanded), XML003 warning for bytes that
  // are not UTF-8 in a file that says it is (read as Windows-1252), XML004 a second root
  // element, XML005 a duplicate attribute. Returns false when the document cannot be used.
  bool Parse(std::string_view content, const std::string& source, core::Diagnostics& diagnostics);

  const pugi::xml_document& document() const { return document_; }
  pugi::xml_node root() const { return document_.document_element(); }
  const std::string& source() const { return source_; }
  core::SourceLocation At(pugi::xml_node node) const;
  core::SourceLocation At(pugi::xml_attribute attribute, pugi::xml_node owner) const;

 private:
  std::string buffer_;
  std::string source_;
  LineTable lines_;
  pugi::xml_document document_;
};

// Trimmed text of the first child element `name` ("" when absent).
std::string ChildText(pugi::xml_node node, const char* name);
// Same, but an absent or empty child is reported (code, "<parent> has no <name>").
std::string RequiredChildText(const XmlInput& input, pugi::xml_node node, const char* name,
                              std::string_view code, core::Diagnostics& diagnostics);
// Trimmed attribute value ("" when absent).
std::string AttrText(pugi::xml_node node, const char* name);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_XML_SUPPORT_H_
