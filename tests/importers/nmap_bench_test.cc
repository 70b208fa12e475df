// Throughput of the nmap importer on a large generated scan. Hidden from ordinary runs:
//   build/tests/importers/scanner_importers_tests "[bench]"
// prints the size and MB/s. SAMDRIFT_BENCH_MB sets the size (default 200).
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "importers/nmap_xml.h"
#include "tests/importers/test_util.h"

using namespace samdrift;

namespace {

// A /16 sweep as nmap 7 writes it: every fourth host up, with a PTR name, a MAC, OS matches in
// the nested layout and a few identified services; the rest down.
std::string GenerateScan(std::size_t target_bytes) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
      "<nmaprun scanner=\"nmap\" args=\"nmap -sS -sV -O 10.0.0.0/8\" version=\"7.93\" "
      "xmloutputversion=\"1.05\">\n";
  out.reserve(target_bytes + 4096);
  for (unsigned i = 0; out.size() < target_bytes; ++i) {
    const std::string ip = "10." + std::to_string((i >> 16) & 255) + "." +
                           std::to_string((i >> 8) & 255) + "." + std::to_string(i & 255);
    if (i % 4 != 0) {
      out +=
          "<host><status state=\"down\" reason=\"no-response\" reason_ttl=\"0\"/>\n"
          "<address addr=\"" +
          ip + "\" addrtype=\"ipv4\"/>\n</host>\n";
      continue;
    }
    char mac[32];
    std::snprintf(mac, sizeof mac, "BC:24:11:%02X:%02X:%02X", (i >> 16) & 255, (i >> 8) & 255,
                  i & 255);
    out +=
        "<host starttime=\"1794295200\" endtime=\"1794295235\"><status state=\"up\" "
        "reason=\"arp-response\" reason_ttl=\"0\"/>\n<address addr=\"" +
        ip + "\" addrtype=\"ipv4\"/>\n<address addr=\"" + mac +
        "\" addrtype=\"mac\" vendor=\"Proxmox Server Solutions GmbH\"/>\n<hostnames>\n"
        "<hostname name=\"host" +
        std::to_string(i) +
        ".bench.local\" type=\"PTR\"/>\n</hostnames>\n<ports><extraports state=\"filtered\" "
        "count=\"9997\">\n<extrareasons reason=\"no-responses\" count=\"9997\"/>\n"
        "</extraports>\n"
        "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\" "
        "reason_ttl=\"64\"/><service name=\"ssh\" product=\"OpenSSH\" version=\"8.9p1 Ubuntu "
        "3ubuntu0.10\" extrainfo=\"Ubuntu Linux; protocol 2.0\" ostype=\"Linux\" "
        "method=\"probed\" conf=\"10\"><cpe>cpe:/o:linux:linux_kernel</cpe></service></port>\n"
        "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\" reason=\"syn-ack\" "
        "reason_ttl=\"64\"/><service name=\"https\" product=\"nginx\" version=\"1.22.1\" "
        "method=\"probed\" conf=\"10\"><cpe>cpe:/a:igor_sysoev:nginx</cpe></service></port>\n"
        "<port protocol=\"tcp\" portid=\"445\"><state state=\"open\" reason=\"syn-ack\" "
        "reason_ttl=\"64\"/><service name=\"microsoft-ds\" method=\"table\" conf=\"3\"/>"
        "</port>\n</ports>\n<os><portused state=\"open\" proto=\"tcp\" portid=\"22\"/>\n"
        "<osmatch name=\"Linux 5.0 - 5.14\" accuracy=\"100\" line=\"52808\">\n"
        "<osclass type=\"general purpose\" vendor=\"Linux\" osfamily=\"Linux\" osgen=\"5.X\" "
        "accuracy=\"100\"><cpe>cpe:/o:linux:linux_kernel:5</cpe></osclass>\n</osmatch>\n"
        "<osmatch name=\"Linux 4.15 - 5.8\" accuracy=\"96\" line=\"52790\">\n"
        "<osclass type=\"general purpose\" vendor=\"Linux\" osfamily=\"Linux\" osgen=\"4.X\" "
        "accuracy=\"96\"><cpe>cpe:/o:linux:linux_kernel:4</cpe></osclass>\n</osmatch>\n</os>\n"
        "<uptime seconds=\"2295613\" lastboot=\"Sun Nov  8 03:12:40 2026\"/>\n"
        "<distance value=\"1\"/>\n<times srtt=\"564\" rttvar=\"156\" to=\"100000\"/>\n"
        "</host>\n";
  }
  out += "<runstats><finished time=\"1794295800\" exit=\"success\"/></runstats>\n</nmaprun>\n";
  return out;
}

}  // namespace

TEST_CASE("nmap import throughput", "[.][bench][nmap]") {
  const char* env = std::getenv("SAMDRIFT_BENCH_MB");
  const std::size_t mb = env ? static_cast<std::size_t>(std::atoi(env)) : 200;
  const std::string scan = GenerateScan(mb * 1000 * 1000);
  const auto start = std::chrono::steady_clock::now();
  auto r = testing::RunImporter(importers::NmapXmlImporter(), scan, "bench.xml");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.lines().empty());
  std::size_t vms = 0;
  for (const auto& a : r.batch.assets) vms += a.kind == core::AssetKind::kVm ? 1 : 0;
  CHECK(vms > 0);
  CHECK(r.batch.assets.size() == vms * 3);  // each VM with OpenSSH and nginx
  std::cout << "nmap-xml: " << scan.size() / 1e6 << " MB, " << vms << " hosts up, "
            << r.batch.assets.size() << " assets in " << seconds
            << " s = " << scan.size() / 1e6 / seconds << " MB/s\n";
}
