// GLPI agent inventories, one file per computer as real agents send them: the XML of the
// agent's legacy format (REQUEST/CONTENT, QUERY INVENTORY) or inventory_format JSON (itemtype
// Computer), with BIOS, hardware, network, operating system and software sections like the samples.
#include <array>
#include <string_view>

#include "reports/escape.h"
#include "tools/gen/gen_output.h"
#include "tools/gen/gen_random.h"
#include "tools/gen/gen_writers.h"

namespace samdrift::tools::gen {
namespace {

struct Software {
  std::string_view name;
  std::string_view publisher;
  std::string_view version;
};

constexpr std::array<Software, 12> kSoftware = {{
    {"Microsoft 365 Apps for enterprise - sv-se", "Microsoft Corporation", "16.0.17928.20392"},
    {"Microsoft Edge", "Microsoft Corporation", "131.0.2903.86"},
    {"Microsoft Teams", "Microsoft Corporation", "24295.605.3225.8804"},
    {"Google Chrome", "Google LLC", "131.0.6778.205"},
    {"Adobe Acrobat Reader (64-bit)", "Adobe", "24.005.20320"},
    {"7-Zip 23.01 (x64)", "Igor Pavlov", "23.01"},
    {"GLPI Agent 1.11", "Teclib'", "1.11"},
    {"Notepad++ (64-bit x64)", "Notepad++ Team", "8.6.9"},
    {"FortiClient VPN", "Fortinet Technologies Inc", "7.2.4.0972"},
    {"VLC media player", "VideoLAN", "3.0.21"},
    {"Zoom Workplace", "Zoom Video Communications, Inc.", "6.2.11"},
    {"Mozilla Firefox (x64 sv-SE)", "Mozilla", "133.0.3"},
}};

// What differs per computer, drawn once so that XML and JSON say the same.
struct Computer {
  const GenAsset* asset;
  std::string full_os;  // "Microsoft Windows 11 Enterprise"
  std::string os_version;
  std::string uuid;
  std::string domain;
  int memory_mb;
  std::vector<const Software*> software;
  std::string date;  // last inventory, ISO
};

Computer Describe(const OrgEstate& org, const GenAsset& a, Rng& rng) {
  Computer c{&a, {}, {}, {}, org.prefix + ".example", a.memory_mb, {}, {}};
  // The asset's os is "<product> <version>": split it back; agents write "Microsoft ..." names.
  const std::size_t space = a.os.rfind(' ');
  std::string product = space == std::string::npos ? a.os : a.os.substr(0, space);
  c.os_version = space == std::string::npos ? "" : a.os.substr(space + 1);
  c.full_os = product.rfind("Microsoft", 0) == 0 ? product : "Microsoft " + product;
  static const char* kHex = "0123456789ABCDEF";
  for (int i = 0; i < 36; ++i) {
    c.uuid += (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : kHex[rng.Below(16)];
  }
  const std::size_t n = 3 + rng.Below(6);
  std::size_t start = rng.Below(kSoftware.size());
  for (std::size_t i = 0; i < n; ++i)
    c.software.push_back(&kSoftware[(start + i) % kSoftware.size()]);
  c.date = "2026-11-" + std::string(rng.Below(2) ? "1" : "2") + std::to_string(rng.Below(10));
  return c;
}

void Tag(std::string& out, int indent, std::string_view name, std::string_view value) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += '<';
  out += name;
  out += '>';
  reports::AppendXmlText(out, value);
  out += "</";
  out += name;
  out += ">\n";
}

std::string Xml(const Computer& c) {
  const GenAsset& a = *c.asset;
  std::string x;
  x.reserve(4096);
  x += "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST>\n  <CONTENT>\n";
  x += "    <ACCESSLOG>\n";
  Tag(x, 6, "LOGDATE", c.date + " 08:15:38");
  x += "    </ACCESSLOG>\n    <BIOS>\n";
  Tag(x, 6, "SMANUFACTURER", a.vendor);
  Tag(x, 6, "SMODEL", a.product);
  Tag(x, 6, "SSN", a.serial);
  x += "    </BIOS>\n    <HARDWARE>\n";
  Tag(x, 6, "CHASSIS_TYPE", a.sub_role == "laptop" ? "Notebook" : "Desktop");
  Tag(x, 6, "IPADDR", a.ip);
  Tag(x, 6, "MEMORY", std::to_string(c.memory_mb));
  Tag(x, 6, "NAME", a.name);
  Tag(x, 6, "OSNAME", c.full_os);
  Tag(x, 6, "UUID", c.uuid);
  Tag(x, 6, "VMSYSTEM", "Physical");
  Tag(x, 6, "WORKGROUP", c.domain);
  x += "    </HARDWARE>\n    <NETWORKS>\n";
  Tag(x, 6, "DESCRIPTION", "Intel(R) Ethernet Connection I219-LM");
  Tag(x, 6, "IPADDRESS", a.ip);
  Tag(x, 6, "IPMASK", "255.255.252.0");
  Tag(x, 6, "MACADDR", a.mac);
  Tag(x, 6, "STATUS", "Up");
  Tag(x, 6, "TYPE", "ethernet");
  x += "    </NETWORKS>\n    <OPERATINGSYSTEM>\n";
  Tag(x, 6, "ARCH", "64-bit");
  Tag(x, 6, "FQDN", a.name + "." + c.domain);
  Tag(x, 6, "FULL_NAME", c.full_os);
  Tag(x, 6, "KERNEL_NAME", "MSWin32");
  Tag(x, 6, "NAME", "Windows");
  Tag(x, 6, "VERSION", c.os_version);
  x += "    </OPERATINGSYSTEM>\n";
  for (const Software* s : c.software) {
    x += "    <SOFTWARES>\n";
    Tag(x, 6, "ARCH", "x86_64");
    Tag(x, 6, "FROM", "registry");
    Tag(x, 6, "NAME", s->name);
    Tag(x, 6, "PUBLISHER", s->publisher);
    Tag(x, 6, "VERSION", s->version);
    x += "    </SOFTWARES>\n";
  }
  Tag(x, 4, "VERSIONCLIENT", "GLPI-Agent_v1.11");
  x += "  </CONTENT>\n";
  Tag(x, 2, "DEVICEID", a.name + "-" + c.date + "-08-43-25");
  Tag(x, 2, "QUERY", "INVENTORY");
  x += "</REQUEST>\n";
  return x;
}

void Field(std::string& out, int indent, std::string_view name, std::string_view value,
           bool last = false) {
  out.append(static_cast<std::size_t>(indent), ' ');
  AppendJson(out, name);
  out += ": ";
  AppendJson(out, value);
  out += last ? "\n" : ",\n";
}

std::string Json(const Computer& c) {
  const GenAsset& a = *c.asset;
  std::string j;
  j.reserve(4096);
  j += "{\n  \"action\": \"inventory\",\n  \"content\": {\n";
  j += "    \"accesslog\": {\n";
  Field(j, 6, "logdate", c.date + " 08:15:38", true);
  j += "    },\n    \"bios\": {\n";
  Field(j, 6, "smanufacturer", a.vendor);
  Field(j, 6, "smodel", a.product);
  Field(j, 6, "ssn", a.serial, true);
  j += "    },\n    \"hardware\": {\n";
  Field(j, 6, "chassis_type", a.sub_role == "laptop" ? "Laptop" : "Desktop");
  j += "      \"memory\": " + std::to_string(c.memory_mb) + ",\n";
  Field(j, 6, "name", a.name);
  Field(j, 6, "uuid", c.uuid);
  Field(j, 6, "vmsystem", "Physical");
  Field(j, 6, "workgroup", c.domain, true);
  j += "    },\n    \"networks\": [\n      {\n";
  Field(j, 8, "description", "Intel(R) Ethernet Connection I219-LM");
  Field(j, 8, "ipaddress", a.ip);
  Field(j, 8, "ipmask", "255.255.252.0");
  Field(j, 8, "mac", a.mac);
  Field(j, 8, "status", "up");
  Field(j, 8, "type", "ethernet", true);
  j += "      }\n    ],\n    \"operatingsystem\": {\n";
  Field(j, 6, "arch", "64-bit");
  Field(j, 6, "fqdn", a.name + "." + c.domain);
  Field(j, 6, "full_name", c.full_os);
  Field(j, 6, "kernel_name", "MSWin32");
  Field(j, 6, "name", "Windows");
  Field(j, 6, "version", c.os_version, true);
  j += "    },\n    \"softwares\": [\n";
  for (std::size_t i = 0; i < c.software.size(); ++i) {
    const Software* s = c.software[i];
    j += "      {\n";
    Field(j, 8, "arch", "x86_64");
    Field(j, 8, "from", "registry");
    Field(j, 8, "name", s->name);
    Field(j, 8, "publisher", s->publisher);
    Field(j, 8, "version", s->version, true);
    j += i + 1 < c.software.size() ? "      },\n" : "      }\n";
  }
  j += "    ],\n";
  Field(j, 4, "versionclient", "GLPI-Agent_v1.11", true);
  j += "  },\n";
  Field(j, 2, "deviceid", a.name + "-" + c.date + "-08-43-25");
  Field(j, 2, "itemtype", "Computer", true);
  j += "}\n";
  return j;
}

}  // namespace

void WriteGlpi(const OrgEstate& org, const std::vector<const GenAsset*>& clients,
               const std::filesystem::path& dir, GlpiFormat format, WriteStats& stats) {
  Rng rng(org.seed ^ 0x61706c67, static_cast<std::uint64_t>(org.index) + 1);  // own stream
  for (const GenAsset* a : clients) {
    const Computer c = Describe(org, *a, rng);
    const bool xml = format == GlpiFormat::kXml;
    const std::string text = xml ? Xml(c) : Json(c);
    const std::filesystem::path path = dir / (a->name + (xml ? ".xml" : ".json"));
    if (!WriteFile(path, text, Encoding::kUtf8)) {
      stats.ok = false;
      stats.error = "cannot write " + path.string();
      return;
    }
    ++stats.files;
    stats.bytes += text.size();
    stats.assets += 1 + c.software.size();  // the computer and its software
    stats.relations += c.software.size();   // installed_on
    ++stats.kinds["client"];
    stats.kinds["software"] += c.software.size();
  }
}

}  // namespace samdrift::tools::gen
