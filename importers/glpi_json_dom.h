// A small JSON DOM with the byte offset of every value, for the GLPI JSON importer's located
// warnings and errors. Internal to importers/glpi_json*.cc.
#ifndef SAMDRIFT_IMPORTERS_GLPI_JSON_DOM_H_
#define SAMDRIFT_IMPORTERS_GLPI_JSON_DOM_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samdrift::importers::glpi_json {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

// "a string", "an object", ... for messages.
std::string_view TypeName(Type t);

struct Node {
  Type type = Type::kNull;
  std::size_t offset = 0;  // first byte of the value
  std::string text;        // scalar value ("true"/"false" for booleans, numbers as written)
  std::string key;         // the member name when the parent is an object
  std::uint32_t first_child = kNone;
  std::uint32_t last_child = kNone;
  std::uint32_t next_sibling = kNone;
};

struct Document {
  std::vector<Node> nodes;  // nodes[0] is the top-level value
  const Node& at(std::uint32_t i) const { return nodes[i]; }
};

struct ParseFailure {
  std::size_t offset = 0;
  std::string code;
  std::string message;
};

// Parses `buffer` (UTF-8) into `doc`, nodes[0] the top-level value: nlohmann parses and
// validates, its SAX events build the arena. A failure is where it is (a byte offset), its code
// (GLPI001 malformed, GLPI003 nested too deep) and message.
std::optional<ParseFailure> ParseDom(std::string_view buffer, Document& doc);

}  // namespace samdrift::importers::glpi_json

#endif  // SAMDRIFT_IMPORTERS_GLPI_JSON_DOM_H_
