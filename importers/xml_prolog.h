// What comes before an XML document's root element (declaration, processing instructions,
// comments, DOCTYPE), read without parsing the document: for content sniffing, which must not
// need pugixml (the format registry) nor read more than the start of a file.
#ifndef SAMDRIFT_IMPORTERS_XML_PROLOG_H_
#define SAMDRIFT_IMPORTERS_XML_PROLOG_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace samdrift::importers {

// The root element's name of raw content without parsing it all (skips BOM, declaration,
// processing instructions, comments and DOCTYPE); empty when there is none. For Sniff().
std::string RootElementName(std::string_view content);

// The start of `content` that format sniffers see: its first `size` bytes, except that in an XML
// file with a DOCTYPE the DOCTYPE is left out (the rest copied into `storage`), so that a long
// internal subset cannot push the root element out of view.
std::string_view SniffWindow(std::string_view content, std::size_t size, std::string& storage);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_XML_PROLOG_H_
