#include "importers/glpi_json.h"

#include <algorithm>
#include <iterator>

#include "core/text.h"
#include "importers/glpi_json_dom.h"
#include "importers/glpi_model.h"

namespace samdrift::importers {
namespace {

using glpi::Value;
using glpi::Where;
using glpi_json::Document;
using glpi_json::kNone;
using glpi_json::Node;
using glpi_json::Type;
using glpi_json::TypeName;

constexpr std::string_view kImporter = "glpi-json";

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
  if (auto failure = glpi_json::ParseDom(buffer, doc)) {
    // A failure past the input's end points at its last byte.
    const auto at = static_cast<Where>(std::min<std::size_t>(failure->offset, buffer.size()));
    diagnostics.Error(locator.Locate(at), failure->code, failure->message);
    return;
  }
  glpi::Inventory inventory;
  Reader reader(doc, locator, diagnostics);
  if (!reader.Read(inventory)) return;
  glpi::Context context{kImporter, source, options, locator};
  glpi::AddInventory(inventory, context, batch, diagnostics);
}

}  // namespace samdrift::importers
