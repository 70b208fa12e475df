#include "importers/lshw_xml.h"

#include <optional>
#include <vector>

#include "core/text.h"
#include "importers/machine_names.h"
#include "importers/scan_support.h"
#include "importers/xml_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kName = "lshw-xml";

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string Setting(pugi::xml_node node, const char* id) {
  for (pugi::xml_node s : node.child("configuration").children("setting")) {
    if (std::string_view(s.attribute("id").value()) == id)
      return Clean(s.attribute("value").value());
  }
  return "";
}

std::string Text(pugi::xml_node node, const char* child) { return Clean(ChildText(node, child)); }

// "PowerEdge C6105 (N/A)", "Precision 7510 (06D9)", "PowerEdge R650 (SKU=0A6F;ModelName=...)":
// newer lshw appends the SKU in parentheses; drop it when it is the SKU or a placeholder.
std::string CleanProduct(std::string product, std::string_view sku) {
  if (product.empty() || product.back() != ')') return product;
  std::size_t open = product.rfind(" (");
  if (open == std::string::npos) return product;
  std::string inner = product.substr(open + 2, product.size() - open - 3);
  if (IsPlaceholder(inner) || inner == sku || inner.starts_with("SKU=")) {
    product.resize(open);
  }
  return std::string(core::Trim(product));
}

// "SKU=0A6F;ModelName=PowerEdge R650" -> "0A6F"; other values as they are.
std::string SkuValue(std::string_view setting) {
  if (!setting.starts_with("SKU=")) return std::string(setting);
  std::string_view rest = setting.substr(4);
  return std::string(rest.substr(0, rest.find(';')));
}

std::string FormatSpeed(long long bits) {
  if (bits >= 1000000000LL && bits % 1000000000LL == 0) {
    return std::to_string(bits / 1000000000LL) + "Gbit/s";
  }
  if (bits >= 1000000LL && bits % 1000000LL == 0)
    return std::to_string(bits / 1000000LL) + "Mbit/s";
  return std::to_string(bits) + "bit/s";
}

// The host's kind and role from the DMI chassis description lshw writes.
void Classify(core::Asset& asset, std::string_view description, std::string_view chassis) {
  if (IsVirtualHardware(asset.vendor, asset.product)) {
    asset.kind = core::AssetKind::kVm;
    asset.role = "server";
    return;
  }
  const std::string text = core::ToLowerAscii(description) + " " + core::ToLowerAscii(chassis);
  static constexpr std::string_view kLaptop[] = {"laptop", "notebook",    "portable",  "hand held",
                                                 "tablet", "convertible", "detachable"};
  static constexpr std::string_view kDesktop[] = {"desktop",  "all in one", "mini pc",
                                                  "stick pc", "lunch box",  "space-saving"};
  for (std::string_view w : kLaptop) {
    if (Contains(text, w)) {
      asset.kind = core::AssetKind::kClient;
      asset.role = "laptop";
      return;
    }
  }
  for (std::string_view w : kDesktop) {
    if (Contains(text, w)) {
      asset.kind = core::AssetKind::kClient;
      asset.role = "desktop";
      return;
    }
  }
  asset.kind = core::AssetKind::kDevice;
  asset.role = "server";
}

class SystemReader {
 public:
  SystemReader(const XmlInput& input, core::Diagnostics& diagnostics)
      : input_(input), diagnostics_(diagnostics) {}

  // Walks every <node> below `system` with an explicit stack (inputs may be deeply nested).
  void Walk(pugi::xml_node system) {
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node child = system.last_child(); child; child = child.previous_sibling()) {
      if (std::string_view(child.name()) == "node") stack.push_back(child);
    }
    while (!stack.empty()) {
      pugi::xml_node node = stack.back();
      stack.pop_back();
      Visit(node);
      for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
        if (std::string_view(child.name()) == "node") stack.push_back(child);
      }
    }
  }

  void Fill(core::Asset& asset) const {
    if (!motherboard_.empty()) asset.SetAttr("motherboard", motherboard_);
    if (!firmware_.empty()) asset.SetAttr("firmware", firmware_);
    if (cpus_ > 0) {
      asset.SetAttr("cpu_count", std::to_string(cpus_));
      if (!cpu_model_.empty()) asset.SetAttr("cpu_model", cpu_model_);
      if (cores_known_ == cpus_) asset.SetAttr("cpu_cores", std::to_string(cores_));
      if (threads_known_ == cpus_) asset.SetAttr("cpu_threads", std::to_string(threads_));
    }
    if (memory_bytes_ > 0) asset.SetAttr("memory_bytes", std::to_string(memory_bytes_));
    if (!interfaces_.empty()) {
      asset.SetAttr("interfaces", JoinUnique(interfaces_, "; "));
      asset.SetAttr("nic_count", std::to_string(physical_nics_));
    }
    if (!ips_.empty()) asset.SetAttr("ip", JoinUnique(ips_, ","));
    if (!macs_.empty()) asset.SetAttr("mac", JoinUnique(macs_, ","));
  }

 private:
  void Visit(pugi::xml_node node) {
    const std::string_view cls = node.attribute("class").value();
    const std::string id = AttrText(node, "id");
    const bool disabled = std::string_view(node.attribute("disabled").value()) == "true";
    if (cls == "bus" && id.starts_with("core") && motherboard_.empty()) {
      motherboard_ = Text(node, "product");
    } else if (cls == "memory" && id.starts_with("firmware") && firmware_.empty()) {
      firmware_ = Text(node, "version");
    } else if (cls == "memory" &&
               core::EqualsIgnoreCase(Text(node, "description"), "System Memory")) {
      if (auto bytes = Number(node, "size")) {
        memory_bytes_ += *bytes;
      } else {
        for (pugi::xml_node bank : node.children("node")) {
          if (auto b = Number(bank, "size")) memory_bytes_ += *b;
        }
      }
    } else if (cls == "processor") {
      Processor(node, disabled);
    } else if (cls == "network") {
      Network(node);
    }
  }

  void Processor(pugi::xml_node node, bool disabled) {
    // Logical CPUs of old lshw versions are not claimed; empty sockets are disabled.
    if (disabled || std::string_view(node.attribute("claimed").value()) != "true" ||
        Contains(ChildText(node, "description"), "[empty]")) {
      return;
    }
    ++cpus_;
    if (cpu_model_.empty()) {
      std::string product = CleanProduct(Text(node, "product"), "");
      std::string version = Text(node, "version");
      cpu_model_ = (Contains(version, "@") && !Contains(product, "@")) ? version : product;
      // "Intel(R) Xeon(R) CPU           X5675  @ 3.07GHz": one space between words.
      std::string collapsed;
      for (char c : cpu_model_) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += c;
      }
      cpu_model_ = std::string(core::Trim(collapsed));
    }
    if (auto cores = SettingNumber(node, "cores")) {
      cores_ += *cores;
      ++cores_known_;
    }
    if (auto threads = SettingNumber(node, "threads")) {
      threads_ += *threads;
      ++threads_known_;
    }
  }

  void Network(pugi::xml_node node) {
    const std::string name = Text(node, "logicalname");
    std::string mac = core::ToLowerAscii(Text(node, "serial"));
    const std::string ip = Setting(node, "ip");
    const std::string driver = Setting(node, "driver");
    std::string speed;
    if (auto bits = Number(node, "size")) {
      speed = FormatSpeed(*bits);
    } else if (auto capacity = Number(node, "capacity")) {
      speed = FormatSpeed(*capacity);
    } else {
      speed = Setting(node, "speed");
    }
    const bool physical = !Text(node, "businfo").empty();
    if (physical) ++physical_nics_;
    if (!ip.empty()) ips_.push_back(ip);
    if (!mac.empty()) macs_.push_back(mac);
    std::string summary = name.empty() ? AttrText(node, "id") : name;
    std::vector<std::string> details = {mac, speed, driver, ip};
    if (!physical) details.push_back("virtual");
    if (std::string_view(node.attribute("disabled").value()) == "true") details.push_back("down");
    const std::string joined = JoinUnique(details, ", ");
    if (!joined.empty()) summary += " (" + joined + ")";
    interfaces_.push_back(summary);
  }

  // A whole number in child `name` (<size units="bytes">); bad ones are reported.
  std::optional<long long> Number(pugi::xml_node node, const char* name) {
    pugi::xml_node child = node.child(name);
    if (!child) return std::nullopt;
    const std::string text(core::Trim(child.child_value()));
    auto value = core::ParseInteger(text);
    if (!value || *value < 0) {
      diagnostics_.Error(input_.At(child), "LSHW004",
                         "<" + std::string(name) + "> of <node id=\"" + AttrText(node, "id") +
                             "\">: expected a whole number, got '" + text + "'");
      return std::nullopt;
    }
    return *value;
  }

  std::optional<long long> SettingNumber(pugi::xml_node node, const char* id) {
    const std::string text = Setting(node, id);
    if (text.empty()) return std::nullopt;
    auto value = core::ParseInteger(text);
    if (!value || *value < 0) {
      diagnostics_.Error(input_.At(node), "LSHW004",
                         "setting '" + std::string(id) + "' of <node id=\"" + AttrText(node, "id") +
                             "\">: expected a whole number, got '" + text + "'");
      return std::nullopt;
    }
    return *value;
  }

  const XmlInput& input_;
  core::Diagnostics& diagnostics_;
  std::string motherboard_;
  std::string firmware_;
  int cpus_ = 0;
  int cores_known_ = 0;
  int threads_known_ = 0;
  long long cores_ = 0;
  long long threads_ = 0;
  std::string cpu_model_;
  long long memory_bytes_ = 0;
  int physical_nics_ = 0;
  std::vector<std::string> interfaces_;
  std::vector<std::string> ips_;
  std::vector<std::string> macs_;
};

// lshw's root id is the host name, except when it had none or was sanitised.
bool IsHostName(std::string_view id) {
  const std::string lower = core::ToLowerAscii(id);
  return !IsPlaceholder(lower) && lower != "computer" && lower != "_none_" && lower != "(none)" &&
         lower != "localhost" && lower != "localhost.localdomain";
}

}  // namespace

std::string_view LshwXmlImporter::Name() const { return kName; }

std::string_view LshwXmlImporter::Reads() const {
  return "lshw XML (lshw -xml): root <node> up to B.02.15, <list> from B.02.16";
}

std::string_view LshwXmlImporter::Produces() const {
  return "one device (server), client (laptop/desktop chassis) or vm (virtual hardware) named "
         "by the root node id (the host name, short form; attribute fqdn), else by the file name "
         "without 'lshw-' and extension (with a warning); vendor, product, serial; attributes "
         "uuid, chassis, motherboard, firmware, cpu_count, cpu_model, cpu_cores, memory_bytes, "
         "interfaces, nic_count, ip, mac; '[REMOVED]' and similar placeholders count as absent; "
         "fills what other files leave empty";
}

int LshwXmlImporter::Sniff(std::string_view content) const {
  const std::string root = RootElementName(content);
  if (root != "node" && root != "list") return 0;
  if (Contains(content, "generated by lshw")) return 100;
  if (root == "node" && Contains(content, "class=\"system\"")) return 80;
  if (root == "list" && Contains(content, "<node id=") && Contains(content, "class=\"")) return 70;
  return 0;
}

void LshwXmlImporter::Import(std::string_view content, const std::string& source,
                             const ImportOptions& options, core::Batch& batch,
                             core::Diagnostics& diagnostics) const {
  XmlInput input;
  if (!input.Parse(content, source, diagnostics)) return;
  pugi::xml_node root = input.root();
  const std::string_view root_name = root.name();
  pugi::xml_node system;
  if (root_name == "node") {
    system = root;
  } else if (root_name == "list") {
    system = root.child("node");
    if (!system) {
      diagnostics.Error(input.At(root), "LSHW002", "<list> holds no <node>; nothing to import");
      return;
    }
  } else {
    diagnostics.Error(input.At(root), "LSHW001",
                      "the root element is <" + std::string(root_name) +
                          ">, not <node> or <list>; this is not lshw XML output (lshw -xml)");
    return;
  }
  const std::string cls = AttrText(system, "class");
  if (cls != "system") {
    diagnostics.Error(input.At(system), "LSHW003",
                      "the top <node> is of class '" + cls +
                          "', not 'system'; export the whole machine (lshw -xml without -class)");
    return;
  }

  core::Asset asset;
  asset.org = options.org;
  asset.mode = core::WriteMode::kFill;
  asset.provenance = {std::string(kName), source, input.At(system).line};
  const std::string id = AttrText(system, "id");
  if (IsHostName(id)) {
    asset.name = ShortHostName(id);
    if (asset.name != id) asset.SetAttr("fqdn", id);
  } else {
    asset.name = HostFromFileName(source, {"lshw-", "lshw_"});
    diagnostics.Warning(input.At(system), "LSHW010",
                        "the system node's id '" + id +
                            "' is not a host name; the machine is "
                            "named '" +
                            asset.name + "' after the file");
  }
  const std::string sku_setting = Setting(system, "sku");
  asset.vendor = Text(system, "vendor");
  asset.product = CleanProduct(Text(system, "product"), SkuValue(sku_setting));
  asset.serial = Text(system, "serial");
  const std::string description = Text(system, "description");
  const std::string chassis = Setting(system, "chassis");
  Classify(asset, description, chassis);
  asset.category = core::DefaultCategory(asset.kind, asset.role);
  if (const std::string uuid = core::ToLowerAscii(Setting(system, "uuid")); !uuid.empty()) {
    asset.SetAttr("uuid", uuid);
  }
  if (!sku_setting.empty() && !IsPlaceholder(SkuValue(sku_setting))) {
    asset.SetAttr("sku", SkuValue(sku_setting));
  }
  if (!description.empty()) asset.SetAttr("description", description);
  if (!chassis.empty()) asset.SetAttr("chassis", chassis);
  if (const std::string version = Text(system, "version"); !version.empty()) {
    asset.SetAttr("system_version", version);
  }

  SystemReader reader(input, diagnostics);
  reader.Walk(system);
  reader.Fill(asset);
  // Another machine of the same host name (another domain, serial or UUID) stays apart.
  if (options.machine_names) {
    options.machine_names->Name(asset, input.At(system), "LSHW011", diagnostics);
  }
  batch.assets.push_back(std::move(asset));
}

}  // namespace samdrift::importers
