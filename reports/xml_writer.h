// A small XML writer for the exporters: elements opened and closed in order, attribute and text
// escaping, characters XML 1.0 forbids dropped, two-space indentation. Output is UTF-8.
#ifndef SAMDRIFT_REPORTS_XML_WRITER_H_
#define SAMDRIFT_REPORTS_XML_WRITER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samdrift::reports {

class XmlWriter {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;

  void Declaration();  // <?xml version="1.0" encoding="UTF-8"?>
  void Open(std::string_view name, const Attributes& attributes = {});
  void Close();  // closes the innermost open element
  // <name attrs>text</name> on one line.
  void Leaf(std::string_view name, const Attributes& attributes, std::string_view text);
  void Empty(std::string_view name, const Attributes& attributes);  // <name attrs />
  std::string Take() { return std::move(out_); }

 private:
  void StartTag(std::string_view name, const Attributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_XML_WRITER_H_
