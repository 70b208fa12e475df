#include "importers/glpi_json.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "importers/glpi_model.h"

namespace samdrift::importers {
namespace {

using glpi::Value;
using glpi::Where;
using nlohmann::json;

constexpr std::string_view kImporter = "glpi-json";
constexpr std::size_t kMaxDepth = 256;
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// ---- A small DOM with the byte offset of every value ----------------------------------------
// nlohmann parses (and validates); its SAX events build this arena, which remembers where each
// value starts so that warnings and errors can point at it.

enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

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

struct ParseFailure {
  std::size_t offset = 0;
  std::string code;
  std::string message;
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

// ---- Locations -------------------------------------------------------------------------------

class JsonLocator final : public glpi::Locator {
 public:
  JsonLocator(std::string_view buffer, const std::string& source) : source_(source) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
      if (buffer[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  core::SourceLocation Locate(Where offset) const override {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    return {source_, static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
  }

 private:
  const std::string& source_;
  std::vector<std::size_t> line_starts_;
};

// ---- From the DOM to the inventory -----------------------------------------------------------

class Reader {
 public:
  Reader(const Document& doc, const glpi::Locator& locator, core::Diagnostics& diagnostics)
      : doc_(doc), locator_(locator), diagnostics_(diagnostics) {}

  bool Read(glpi::Inventory& inv) {
    const Node& top = doc_.at(0);
    inv.where = top.offset;
    if (top.type != Type::kObject) {
      Fail(top, "GLPI002",
           "a GLPI inventory is an object with \"content\" and \"deviceid\" (and usually "
           "\"itemtype\"); found " +
               std::string(TypeName(top.type)));
      return false;
    }
    const std::uint32_t content = Member(0, "content");
    if (content == kNone) {
      std::string keys;
      std::size_t count = 0;
      for (std::uint32_t c = top.first_child; c != kNone; c = doc_.at(c).next_sibling) {
        if (++count > 10) {
          keys += ", ...";
          break;
        }
        keys += (keys.empty() ? "\"" : ", \"") + doc_.at(c).key + "\"";
      }
      Fail(top, "GLPI002",
           "a GLPI inventory has \"content\" and \"deviceid\" (and usually \"itemtype\"); found " +
               (keys.empty() ? std::string("no keys") : "keys " + keys));
      return false;
    }
    if (!Expect(content, Type::kObject, "content")) return false;
    inv.deviceid = Scalar(Member(0, "deviceid"), "deviceid");
    inv.itemtype = Scalar(Member(0, "itemtype"), "itemtype");
    if (std::uint32_t partial = Member(0, "partial"); partial != kNone) {
      const Node& p = doc_.at(partial);
      if (p.type == Type::kBool) {
        inv.partial = p.text == "true";
      } else if (p.type != Type::kNull) {
        WrongType(p, "partial", "a boolean");
      }
    }
    const Value action = Scalar(Member(0, "action"), "action");
    const std::string a = core::ToLowerAscii(action.text);
    if (a == "netdiscovery") {
      inv.query = glpi::Query::kNetDiscovery;
    } else if (a == "netinventory") {
      inv.query = glpi::Query::kNetInventory;
    }
    ReadContent(content, inv);
    return !failed_;
  }

 private:
  void Fail(const Node& node, std::string_view code, std::string message) {
    diagnostics_.Error(locator_.Locate(node.offset), code, std::move(message));
    failed_ = true;
  }
  void WrongType(const Node& node, const std::string& path, std::string_view expected) {
    Fail(node, "GLPI004",
         path + ": expected " + std::string(expected) + ", found " +
             std::string(TypeName(node.type)));
  }
  // False (reported) when the node is present, not null and of another type.
  bool Expect(std::uint32_t index, Type type, const std::string& path) {
    if (index == kNone) return false;
    const Node& node = doc_.at(index);
    if (node.type == type) return true;
    if (node.type != Type::kNull) WrongType(node, path, TypeName(type));
    return false;
  }
  std::uint32_t Member(std::uint32_t object, std::string_view key) const {
    for (std::uint32_t c = doc_.at(object).first_child; c != kNone; c = doc_.at(c).next_sibling) {
      if (doc_.at(c).key == key) return c;
    }
    return kNone;
  }
  Value Scalar(std::uint32_t index, const std::string& path) {
    if (index == kNone) return {};
    const Node& node = doc_.at(index);
    if (node.type == Type::kObject || node.type == Type::kArray) {
      WrongType(node, path, "a string");
      return {};
    }
    return Value{std::string(core::Trim(node.text)), node.offset};
  }
  template <typename T>
  void ReadFields(std::uint32_t object, std::span<const glpi::Field<T>> fields, T& into,
                  const std::string& path) {
    for (std::uint32_t c = doc_.at(object).first_child; c != kNone; c = doc_.at(c).next_sibling) {
      const Node& node = doc_.at(c);
      Value T::*member = glpi::FindField(fields, node.key);
      if (!member || !(into.*member).empty()) continue;
      into.*member = Scalar(c, path + "." + node.key);
    }
  }
  // Calls visit(index, path) for each element of the array member `key` that is an object.
  template <typename Visit>
  void EachObject(std::uint32_t parent, std::string_view key, const std::string& path,
                  Visit visit) {
    std::uint32_t array = Member(parent, key);
    if (!Expect(array, Type::kArray, path)) return;
    std::size_t i = 0;
    for (std::uint32_t c = doc_.at(array).first_child; c != kNone;
         c = doc_.at(c).next_sibling, ++i) {
      std::string item = path + "[" + std::to_string(i) + "]";
      if (Expect(c, Type::kObject, item)) visit(c, item);
    }
  }
  // A string, or an array of strings (connections[].mac, network_device.ips).
  void Strings(std::uint32_t index, const std::string& path, std::vector<Value>& into) {
    if (index == kNone) return;
    const Node& node = doc_.at(index);
    if (node.type != Type::kArray) {
      if (Value v = Scalar(index, path); !v.empty()) into.push_back(std::move(v));
      return;
    }
    std::size_t i = 0;
    for (std::uint32_t c = node.first_child; c != kNone; c = doc_.at(c).next_sibling, ++i) {
      if (Value v = Scalar(c, path + "[" + std::to_string(i) + "]"); !v.empty()) {
        into.push_back(std::move(v));
      }
    }
  }

  void ReadContent(std::uint32_t content, glpi::Inventory& inv) {
    if (std::uint32_t h = Member(content, "hardware");
        Expect(h, Type::kObject, "content.hardware")) {
      ReadFields(h, glpi::HardwareFields(), inv.hardware, "content.hardware");
      inv.hardware.where = doc_.at(h).offset;
      inv.has_hardware = true;
    }
    if (std::uint32_t b = Member(content, "bios"); Expect(b, Type::kObject, "content.bios")) {
      ReadFields(b, glpi::BiosFields(), inv.bios, "content.bios");
      inv.has_bios = true;
    }
    if (std::uint32_t o = Member(content, "operatingsystem");
        Expect(o, Type::kObject, "content.operatingsystem")) {
      ReadFields(o, glpi::OperatingSystemFields(), inv.os, "content.operatingsystem");
      inv.has_os = true;
    }
    EachObject(content, "networks", "content.networks",
               [&](std::uint32_t n, const std::string& path) {
                 glpi::NetworkInterface network;
                 ReadFields(n, glpi::NetworkFields(), network, path);
                 inv.networks.push_back(std::move(network));
               });
    EachObject(content, "softwares", "content.softwares",
               [&](std::uint32_t s, const std::string& path) {
                 glpi::Software software;
                 software.where = doc_.at(s).offset;
                 ReadFields(s, glpi::SoftwareFields(), software, path);
                 inv.softwares.push_back(std::move(software));
               });
    EachObject(content, "virtualmachines", "content.virtualmachines",
               [&](std::uint32_t v, const std::string& path) {
                 glpi::VirtualMachine vm;
                 vm.where = doc_.at(v).offset;
                 ReadFields(v, glpi::VirtualMachineFields(), vm, path);
                 if (std::uint32_t os = Member(v, "operatingsystem");
                     Expect(os, Type::kObject, path + ".operatingsystem")) {
                   ReadFields(os, glpi::OperatingSystemFields(), vm.os, path + ".operatingsystem");
                 }
                 inv.vms.push_back(std::move(vm));
               });
    EachObject(content, "firmwares", "content.firmwares",
               [&](std::uint32_t f, const std::string& path) {
                 if (!inv.firmware_version.empty()) return;
                 Value type = Scalar(Member(f, "type"), path + ".type");
                 if (type.empty() || core::EqualsIgnoreCase(type.text, "device")) {
                   inv.firmware_version = Scalar(Member(f, "version"), path + ".version");
                 }
               });
    std::uint32_t device = Member(content, "network_device");
    if (Expect(device, Type::kObject, "content.network_device")) {
      glpi::NetworkDevice d;
      d.where = doc_.at(device).offset;
      ReadFields(device, glpi::NetworkDeviceFields(), d, "content.network_device");
      Strings(Member(device, "ips"), "content.network_device.ips", d.ips);
      EachObject(
          content, "network_ports", "content.network_ports",
          [&](std::uint32_t p, const std::string& path) { d.ports.push_back(ReadPort(p, path)); });
      if (inv.query == glpi::Query::kInventory) inv.query = glpi::Query::kNetInventory;
      inv.devices.push_back(std::move(d));
    }
  }

  glpi::Port ReadPort(std::uint32_t p, const std::string& path) {
    glpi::Port port;
    port.where = doc_.at(p).offset;
    ReadFields(p, glpi::PortFields(), port, path);
    for (std::string_view flag : {"lldp", "cdp"}) {
      if (std::uint32_t f = Member(p, flag); f != kNone) {
        const Node& n = doc_.at(f);
        if (n.type == Type::kBool) {
          port.discovery_protocol = port.discovery_protocol || n.text == "true";
        } else if (n.type == Type::kNumber || n.type == Type::kString) {
          port.discovery_protocol = port.discovery_protocol || n.text == "1" || n.text == "true";
        } else if (n.type != Type::kNull) {
          WrongType(n, path + "." + std::string(flag), "a boolean");
        }
      }
    }
    EachObject(p, "connections", path + ".connections",
               [&](std::uint32_t c, const std::string& cpath) {
                 glpi::Connection connection;
                 connection.where = doc_.at(c).offset;
                 ReadFields(c, glpi::ConnectionFields(), connection, cpath);
                 Strings(Member(c, "mac"), cpath + ".mac", connection.macs);
                 port.connections.push_back(std::move(connection));
               });
    return port;
  }

  const Document& doc_;
  const glpi::Locator& locator_;
  core::Diagnostics& diagnostics_;
  bool failed_ = false;
};

}  // namespace

std::string_view GlpiJsonImporter::Reads() const {
  return "GLPI inventory_format JSON (itemtype Computer, Phone, NetworkEquipment, Printer, "
         "Unmanaged; \"partial\": true updates)";
}

std::string_view GlpiJsonImporter::Produces() const {
  return "clients, servers and VMs (BIOS, OS, IP, MAC as attributes); software installed_on "
         "them; VMs runs_on them; network devices, printers, phones; LLDP/CDP neighbours "
         "connected_to";
}

int GlpiJsonImporter::Sniff(std::string_view content) const {
  std::size_t i = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < content.size() && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
  if (i >= content.size() || content[i] != '{') return 0;
  if (content.find("\"content\"") == std::string_view::npos) return 0;
  const bool inventory_keys = content.find("\"deviceid\"") != std::string_view::npos ||
                              content.find("\"itemtype\"") != std::string_view::npos ||
                              content.find("\"versionclient\"") != std::string_view::npos;
  return inventory_keys ? 95 : 60;
}

void GlpiJsonImporter::Import(std::string_view content, const std::string& source,
                              const ImportOptions& options, core::Batch& batch,
                              core::Diagnostics& diagnostics) const {
  core::TextEncoding encoding = core::TextEncoding::kUtf8;
  const std::string buffer = core::ToUtf8(content, &encoding);
  if (core::Trim(buffer).empty()) {
    diagnostics.Error({source, 1, 0}, "GLPI006", "the file is empty");
    return;
  }
  const JsonLocator locator(buffer, source);
  if (encoding == core::TextEncoding::kWindows1252) {
    diagnostics.Warning({source, 1, 0}, "GLPI018",
                        "the file has bytes that are not UTF-8; read them as Windows-1252");
  }
  Document doc;
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
    diagnostics.Error(locator.Locate(last_read ? static_cast<Where>(last_read - buffer.data()) : 0),
                      "GLPI001", std::string("malformed JSON: ") + e.what());
    return;
  }
  if (!ok || doc.nodes.empty()) {
    if (const auto& f = builder.failure()) {
      diagnostics.Error(locator.Locate(std::min<std::size_t>(f->offset, buffer.size())), f->code,
                        f->message);
    } else {
      diagnostics.Error({source, 1, 1}, "GLPI001", "malformed JSON");
    }
    return;
  }
  glpi::Inventory inventory;
  Reader reader(doc, locator, diagnostics);
  if (!reader.Read(inventory)) return;
  glpi::Context context{kImporter, source, options, locator};
  glpi::AddInventory(inventory, context, batch, diagnostics);
}

}  // namespace samdrift::importers
