// Helpers of the scanner importers: host names, placeholders, virtual hardware, nmap device
// types, SSH banners and LLDP system descriptions.
#include "importers/scan_support.h"

#include <catch2/catch.hpp>

#include "core/text.h"
#include "importers/lldp_sysdescr.h"
#include "importers/nmap_device_type.h"

using namespace samdrift;
using namespace samdrift::importers;

TEST_CASE("short host names and addresses", "[importers][scan]") {
  struct Case {
    const char* in;
    const char* short_name;
    bool ip;
  };
  const Case cases[] = {
      {"vgd-core01.vaggeryd.local", "vgd-core01", false},
      {"vgd-core01", "vgd-core01", false},
      {" esx01.kommun.example ", "esx01", false},
      {"10.30.10.5", "10.30.10.5", true},
      {"fe80::1", "fe80::1", true},
      {"2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334", true},
      {"70:b3:17:d5:72:58", "70:b3:17:d5:72:58", false},
      {".hidden", ".hidden", false},
      {"", "", false},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(ShortHostName(c.in) == c.short_name);
    CHECK(IsIpAddress(core::Trim(c.in)) == c.ip);
  }
}

TEST_CASE("placeholders count as absent", "[importers][scan]") {
  for (const char* absent : {"[REMOVED]", "N/A", "None", "Not Specified", "To Be Filled By O.E.M.",
                             "Default string", "unknown", "  ", "()", "0123456789"}) {
    INFO(absent);
    CHECK(IsPlaceholder(absent));
    CHECK(Clean(absent).empty());
  }
  for (const char* present : {"FZ1NXQ1", "Dell Inc.", "0", "Nonesuch"}) {
    INFO(present);
    CHECK_FALSE(IsPlaceholder(present));
    CHECK(Clean(present) == present);
  }
}

TEST_CASE("host names from file names", "[importers][scan]") {
  const std::vector<std::string_view> prefixes = {"lldpctl-", "lshw-"};
  CHECK(HostFromFileName("vaggeryd/lldp/lldpctl-vgd-pve01.xml", prefixes) == "vgd-pve01");
  CHECK(HostFromFileName("C:\\dumps\\LSHW-srv02.xml", prefixes) == "srv02");
  CHECK(HostFromFileName("collins__lldpctl-single.xml", prefixes) == "collins__lldpctl-single");
  CHECK(HostFromFileName("lldpctl-.xml", prefixes) == "lldpctl-");
  CHECK(HostFromFileName("host.example.com.xml", prefixes) == "host.example.com");
}

TEST_CASE("virtual NICs and virtual hardware", "[importers][scan]") {
  CHECK(IsVirtualMac("BC:24:11:89:7D:3E", "Proxmox Server Solutions GmbH"));
  CHECK(IsVirtualMac("00:50:56:01:02:03", ""));
  CHECK(IsVirtualMac("00-15-5D-01-02-03", "Microsoft"));
  CHECK(IsVirtualMac("52:54:00:12:34:56", "QEMU virtual NIC"));
  CHECK_FALSE(IsVirtualMac("94:57:A5:09:72:4D", "Hewlett Packard Enterprise"));
  CHECK_FALSE(IsVirtualMac("C0:63:94:05:01:03", "Apple"));
  CHECK(IsVirtualHardware("Microsoft Corporation", "Virtual Machine"));
  CHECK(IsVirtualHardware("VMware, Inc.", "VMware Virtual Platform"));
  CHECK(IsVirtualHardware("QEMU", "Standard PC (Q35 + ICH9, 2009)"));
  CHECK_FALSE(IsVirtualHardware("Dell Inc.", "PowerEdge R650"));
}

TEST_CASE("nmap device types become kinds and roles", "[importers][nmap]") {
  using core::AssetKind;
  struct Case {
    const char* type;
    const char* family;
    const char* os;
    VirtualNic nic;
    AssetKind kind;
    const char* role;
  };
  const Case cases[] = {
      {"general purpose", "Linux", "Linux 5.0 - 5.14", VirtualNic::kNo, AssetKind::kDevice,
       "server"},
      {"general purpose", "Linux", "Linux 5.0 - 5.14", VirtualNic::kYes, AssetKind::kVm, "server"},
      {"general purpose", "Windows", "Microsoft Windows 10 1809", VirtualNic::kNo,
       AssetKind::kClient, "workstation"},
      {"general purpose", "Windows", "Microsoft Windows 10 1809", VirtualNic::kYes, AssetKind::kVm,
       "virtual-desktop"},
      {"general purpose", "Windows", "Microsoft Windows Server 2019", VirtualNic::kNo,
       AssetKind::kDevice, "server"},
      {"general purpose", "Mac OS X", "Apple Mac OS X 10.8", VirtualNic::kNo, AssetKind::kClient,
       "workstation"},
      {"specialized", "ESXi", "VMware ESXi 6.5.0 - 7.0.3", VirtualNic::kNo, AssetKind::kDevice,
       "hypervisor"},
      {"switch", "IOS", "Cisco IOS XE 16.X - 17.X", VirtualNic::kNo, AssetKind::kDevice, "switch"},
      {"WAP", "Linux", "Linux 2.6.13 (embedded)", VirtualNic::kNo, AssetKind::kDevice,
       "access-point"},
      {"firewall", "FortiOS", "Fortinet FortiGate 100D firewall", VirtualNic::kNo,
       AssetKind::kDevice, "firewall"},
      {"broadband router", "", "", VirtualNic::kNo, AssetKind::kDevice, "router"},
      {"printer", "", "HP LaserJet", VirtualNic::kNo, AssetKind::kClient, "printer"},
      {"VoIP phone", "", "", VirtualNic::kNo, AssetKind::kClient, "phone"},
      {"phone", "iOS", "Apple iOS 5", VirtualNic::kNo, AssetKind::kClient, "phone"},
      {"media device", "embedded", "Chumby Internet radio", VirtualNic::kNo, AssetKind::kClient,
       "media-device"},
      {"storage-misc", "", "", VirtualNic::kNo, AssetKind::kDevice, "storage"},
      {"", "", "", VirtualNic::kNo, AssetKind::kDevice, ""},
      {"", "", "", VirtualNic::kYes, AssetKind::kVm, ""},
      {"something new", "", "", VirtualNic::kNo, AssetKind::kDevice, ""},
  };
  for (const Case& c : cases) {
    INFO(c.type << " / " << c.os);
    HostClass h = ClassifyNmapHost(c.type, c.family, c.os, c.nic);
    CHECK(h.kind == c.kind);
    CHECK(h.role == c.role);
  }
}

TEST_CASE("SSH banners name the distribution", "[importers][nmap]") {
  auto jammy = DistributionFromSsh("OpenSSH", "8.9p1 Ubuntu 3ubuntu0.10");
  REQUIRE(jammy);
  CHECK(jammy->name == "Ubuntu 22.04");
  CHECK(jammy->vendor == "Canonical");
  CHECK(jammy->version == "22.04");
  CHECK(DistributionFromSsh("OpenSSH", "8.2p1 Ubuntu 4ubuntu0.11")->name == "Ubuntu 20.04");
  CHECK(DistributionFromSsh("OpenSSH", "9.2p1 Debian 2+deb12u3")->name == "Debian 12");
  CHECK_FALSE(DistributionFromSsh("OpenSSH", "8.8"));
  CHECK_FALSE(DistributionFromSsh("Dropbear sshd", "8.9p1 Ubuntu 3ubuntu0.10"));
}

TEST_CASE("LLDP system descriptions", "[importers][lldp]") {
  struct Case {
    const char* text;
    const char* vendor;
    const char* product;
    const char* version;
    const char* os;
  };
  const Case cases[] = {
      {"Juniper Networks, Inc. ex4500-40f , version 11.1S1 Build date: 2011-04-21 08:03:12 UTC ",
       "Juniper Networks, Inc.", "ex4500-40f", "11.1S1", "Junos"},
      {"Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version "
       "17.9.4a, RELEASE SOFTWARE (fc3) Technical Support: http://www.cisco.com/techsupport",
       "Cisco", "", "17.9.4a", "IOS XE"},
      {"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE "
       "SOFTWARE (fc1)",
       "Cisco", "", "15.2(7)E8", "IOS"},
      {"Cisco Nexus Operating System (NX-OS) Software 9.3(8)\nTAC support: "
       "http://www.cisco.com/tac",
       "Cisco", "", "9.3(8)", "NX-OS"},
      {"Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7050SX3-48YC8",
       "Arista Networks", "DCS-7050SX3-48YC8", "4.28.3M", "EOS"},
      {"HP J9772A 2530-48G-PoEP Switch, revision YA.16.02.0012, ROM YA.15.20 (/ws/swbuildm)", "HP",
       "J9772A 2530-48G-PoEP Switch", "YA.16.02.0012", ""},
      {"Debian GNU/Linux 12 (bookworm) Linux 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC x86_64", "", "",
       "6.1.0-13-amd64", "Debian GNU/Linux 12 (bookworm)"},
      {"Unknown", "", "", "", ""},
      {"", "", "", "", ""},
      {"Some Switch OS, version 2.1", "", "", "2.1", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    SysDescr d = ParseSysDescr(c.text);
    CHECK(d.vendor == c.vendor);
    CHECK(d.product == c.product);
    CHECK(d.version == c.version);
    CHECK(d.os == c.os);
  }
}
