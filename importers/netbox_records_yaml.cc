// NetBox's YAML import: one mapping per document, or a list of mappings, with the CSV column
// names as keys. yaml-cpp keeps each node's mark, so values are located exactly.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>

#include "core/text.h"
#include "importers/netbox_records.h"
#include "importers/yaml_support.h"

namespace samdrift::importers {
namespace {

core::SourceLocation At(const std::string& source, const YAML::Mark& mark) {
  if (mark.is_null()) return {source, 0, 0};
  return {source, mark.line + 1, mark.column + 1};
}

std::string_view TypeName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "a scalar";
    default:
      return "nothing";
  }
}

// A value as the CSV cell NetBox would accept for it: lists joined with commas, a nested
// mapping by its name (or slug).
std::string ToText(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      std::string out;
      for (const YAML::Node& item : node) {
        if (!out.empty()) out += ',';
        if (item.IsScalar() || item.IsMap()) out += ToText(item);
      }
      return out;
    }
    case YAML::NodeType::Map:
      for (const char* field : {"name", "slug", "value"}) {
        YAML::Node v = node[field];
        if (v && v.IsScalar()) return v.Scalar();
      }
      return "";
    default:
      return "";
  }
}

void ReadMapping(const YAML::Node& node, const std::string& source, const NetboxTable& table,
                 core::Diagnostics& diagnostics, std::set<std::string>& reported,
                 const NetboxVisit& visit) {
  NetboxRecord record(table, At(source, node.Mark()));
  for (auto it = node.begin(); it != node.end(); ++it) {
    // Copies (cheap handles): `it->` yields a temporary proxy, so a reference to its first or
    // second dangles at the end of the statement.
    const YAML::Node key_node = it->first;
    const YAML::Node value = it->second;
    if (!key_node.IsScalar()) {
      diagnostics.Error(At(source, key_node.Mark()), "NBX022", "expected a field name");
      continue;
    }
    const std::string key = key_node.Scalar();
    if (key == "custom_fields") {
      if (value.IsMap()) {
        for (auto f = value.begin(); f != value.end(); ++f) {
          std::string text(core::Trim(ToText(f->second)));
          if (f->first.IsScalar() && !text.empty()) {
            record.AddCustomField("cf_" + f->first.Scalar(), std::move(text));
          }
        }
      } else if (!value.IsNull()) {
        diagnostics.Error(At(source, value.Mark()), "NBX022",
                          "custom_fields: expected a mapping, got " + std::string(TypeName(value)));
      }
      continue;
    }
    int column = NetboxColumnIndex(table, key);
    if (column == -1) {
      if (reported.insert(key).second) {
        diagnostics.Error(At(source, key_node.Mark()), "NBX003", UnknownFieldMessage(table, key));
      }
      continue;
    }
    if (column == -2) {
      std::string text(core::Trim(ToText(value)));
      if (!text.empty()) record.AddCustomField(key, std::move(text));
      continue;
    }
    // An empty value has no place of its own: point at its key.
    const YAML::Mark mark = value.IsNull() ? key_node.Mark() : value.Mark();
    record.Set(static_cast<std::size_t>(column), ToText(value), At(source, mark));
  }
  visit(record);
}

// Where flow collections ([ and {) first nest deeper than `limit`, so that a hostile file is
// refused at the right place before the parser recurses; nullopt when they do not.
std::optional<core::SourceLocation> TooDeep(std::string_view text, const std::string& source,
                                            int limit) {
  int depth = 0;
  int line = 1;
  int column = 1;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      column = 1;
      comment = false;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    if (comment) continue;
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      comment = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return core::SourceLocation{source, line, column - 1};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

constexpr int kMaxFlowDepth = 64;

}  // namespace

std::size_t ReadNetboxYaml(std::string_view text, const std::string& source,
                           const NetboxTable& table, core::Diagnostics& diagnostics,
                           const NetboxVisit& visit) {
  const std::size_t errors_before = diagnostics.error_count();
  if (auto deep = TooDeep(text, source, kMaxFlowDepth)) {
    diagnostics.Error(*deep, "NBX023",
                      "YAML nested deeper than " + std::to_string(kMaxFlowDepth) +
                          " levels; NetBox objects are flat");
    return 0;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = LoadAllDocuments(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.Error(At(source, e.mark), "NBX023",
                      "YAML nested deeper than " + std::to_string(e.depth()) +
                          " levels; NetBox objects are flat");
    return 0;
  } catch (const YAML::Exception& e) {
    diagnostics.Error(At(source, e.mark), "NBX021", "YAML: " + e.msg);
    return 0;
  }
  std::size_t count = 0;
  std::set<std::string> reported;
  try {
    for (const YAML::Node& document : documents) {
      if (document.IsNull()) continue;
      if (document.IsMap()) {
        ++count;
        ReadMapping(document, source, table, diagnostics, reported, visit);
      } else if (document.IsSequence()) {
        for (const YAML::Node& item : document) {
          ++count;
          if (item.IsMap()) {
            ReadMapping(item, source, table, diagnostics, reported, visit);
          } else {
            diagnostics.Error(
                At(source, item.Mark()), "NBX022",
                "expected a NetBox object (a mapping), got " + std::string(TypeName(item)));
          }
        }
      } else {
        diagnostics.Error(
            At(source, document.Mark()), "NBX022",
            "expected a list of NetBox objects, got " + std::string(TypeName(document)));
      }
    }
  } catch (const YAML::Exception& e) {
    diagnostics.Error(At(source, e.mark), "NBX021", "YAML: " + e.msg);
  }
  if (count == 0 && diagnostics.error_count() == errors_before) {
    diagnostics.Error({source, 1, 0}, "NBX022", "no NetBox objects in the file");
  }
  return count;
}

}  // namespace samdrift::importers
