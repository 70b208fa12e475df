#include "importers/yaml_support.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>

namespace samdrift::importers {
namespace {

// Records where each document starts; builds nothing.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark start;
};

}  // namespace

std::vector<YAML::Node> LoadAllDocuments(const std::string& text) {
  {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    std::optional<int> previous;
    while (parser.HandleNextDocument(starts)) {
      if (previous && *previous == starts.start.pos) {
        const std::size_t pos = static_cast<std::size_t>(starts.start.pos);
        const char c = pos < text.size() ? text[pos] : ' ';
        throw YAML::ParserException(starts.start, std::string("unexpected '") + c +
                                                      "' outside a flow collection ([...] or "
                                                      "{...})");
      }
      previous = starts.start.pos;
    }
  }
  return YAML::LoadAll(text);
}

}  // namespace samdrift::importers
