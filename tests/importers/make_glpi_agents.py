#!/usr/bin/env python3
"""Writes a folder of GLPI agent inventories, one computer per file, for measuring how fast
samdrift imports them (not a test: nothing here is timed in CI).

    python3 tests/importers/make_glpi_agents.py OUT_DIR [--count 10000] [--format xml|json]
            [--seed 1]
    samdrift --db /tmp/bench.db init
    time samdrift --db /tmp/bench.db import --org gislaved OUT_DIR

Each file looks like the sample inventories' clients (sample-inventories/*/clients): BIOS,
HARDWARE with a chassis type, one or two network interfaces, OPERATINGSYSTEM, 8-40 installed
programs, sometimes a VM. Deterministic for a seed. Standard library only.
"""

import argparse
import json
import os
import random
from xml.sax.saxutils import escape

MODELS = [
    ("HP", "HP EliteBook 840 14 inch G9 Notebook PC", "Notebook"),
    ("HP", "HP EliteDesk 800 G6 Small Form Factor PC", "Desktop"),
    ("Dell Inc.", "Latitude 5440", "Laptop"),
    ("Dell Inc.", "OptiPlex 7010", "Mini Tower"),
    ("LENOVO", "21AH00BUMX", "Notebook"),
    ("HP", "HP t640 Thin Client", "Desktop"),
]
OSES = [
    ("Microsoft Windows 11 Enterprise", "24H2", "10.0.26100.2314"),
    ("Microsoft Windows 11 Education", "24H2", "10.0.26100.2605"),
    ("Microsoft Windows 10 Enterprise", "22H2", "10.0.19045.5131"),
]
PROGRAMS = [
    ("Microsoft 365 Apps for enterprise - sv-se", "Microsoft Corporation", "16.0.17928.20392"),
    ("Microsoft Edge", "Microsoft Corporation", "131.0.2903.86"),
    ("Microsoft Teams", "Microsoft Corporation", "24295.605.3225.8804"),
    ("Google Chrome", "Google LLC", "131.0.6778.205"),
    ("Mozilla Firefox (x64 sv-SE)", "Mozilla", "133.0.3"),
    ("Adobe Acrobat Reader (64-bit)", "Adobe", "24.005.20320"),
    ("7-Zip 23.01 (x64)", "Igor Pavlov", "23.01"),
    ("Notepad++ (64-bit x64)", "Notepad++ Team", "8.6.9"),
    ("GLPI Agent 1.11", "Teclib'", "1.11"),
    ("GlobalProtect", "Palo Alto Networks", "6.2.4"),
    ("FortiClient VPN", "Fortinet Technologies Inc", "7.2.4.0972"),
    ("VLC media player", "VideoLAN", "3.0.21"),
    ("Zoom Workplace (64-bit)", "Zoom Video Communications, Inc.", "6.2.11"),
    ("Cisco Webex Meetings", "Cisco Webex LLC", "44.10.0"),
    ("Visma Proceedo", "Visma", "9.4"),
    ("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810",
     "Microsoft Corporation", "14.40.33810.0"),
    ("Java 8 Update 431", "Oracle Corporation", "8.0.4310.10"),
    ("Microsoft .NET Runtime - 8.0.11 (x64)", "Microsoft Corporation", "8.0.11.34221"),
    ("PDF24 Creator", "geek software GmbH", "11.19.0"),
    ("Greenshot", "Greenshot", "1.2.10.6"),
    ("KeePassXC", "KeePassXC Team", "2.7.9"),
    ("Git", "The Git Development Community", "2.47.1"),
    ("Python 3.12.7 (64-bit)", "Python Software Foundation", "3.12.7150.0"),
    ("Microsoft Visual Studio Code", "Microsoft Corporation", "1.96.0"),
    ("Citrix Workspace 2409", "Cloud Software Group, Inc.", "24.9.0.133"),
    ("Sophos Endpoint Agent", "Sophos Limited", "2023.2.1.7"),
    ("Intel(R) Graphics Driver", "Intel Corporation", "31.0.101.5594"),
    ("Realtek Audio Driver", "Realtek Semiconductor Corp.", "6.0.9703.1"),
    ("HP Wolf Security", "HP Inc.", "4.6.5.493"),
    ("Dell Command | Update", "Dell Inc.", "5.4.0"),
    ("Lenovo Vantage Service", "Lenovo Group Ltd.", "4.1.34.0"),
    ("Microsoft OneDrive", "Microsoft Corporation", "24.226.1110.0004"),
    ("Microsoft Update Health Tools", "Microsoft Corporation", "5.72.0.0"),
    ("Office 16 Click-to-Run Extensibility Component", "Microsoft Corporation", "16.0.17928.20216"),
    ("Teams Machine-Wide Installer", "Microsoft Corporation", "1.7.0.21453"),
    ("Skype for Business Basic", "Microsoft Corporation", "16.0.4549.1000"),
    ("Windows PC Health Check", "Microsoft Corporation", "3.6.2204.08001"),
    ("Google Update Helper", "Google LLC", "1.3.36.372"),
    ("Microsoft Edge WebView2 Runtime", "Microsoft Corporation", "131.0.2903.86"),
    ("Paint.NET", "dotPDN LLC", "5.1.1"),
]


def computer(rng, index):
    vendor, model, chassis = rng.choice(MODELS)
    os_name, os_version, build = rng.choice(OSES)
    name = "GEN-%s%05d" % ("LT" if chassis in ("Notebook", "Laptop") else "PC", index)
    serial = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))
    ip = "10.%d.%d.%d" % (40 + index // 60000, (index // 250) % 250, 1 + index % 250)
    mac = "00:%02x:%02x:%02x:%02x:%02x" % tuple(rng.randrange(256) for _ in range(5))
    programs = rng.sample(PROGRAMS, rng.randint(8, len(PROGRAMS)))
    day = lambda: "%02d/%02d/2026" % (rng.randint(1, 28), rng.randint(1, 12))
    vms = [("dev-%05d" % index, rng.choice(["virtualbox", "hyperv"]))] if rng.random() < 0.05 else []
    return {
        "name": name, "vendor": vendor, "model": model, "chassis": chassis, "serial": serial,
        "os": os_name, "os_version": os_version, "build": build, "ip": ip, "mac": mac,
        "uuid": "%08X-%04X-4%03X-%04X-%012X" % (rng.getrandbits(32), rng.getrandbits(16),
                                               rng.getrandbits(12), rng.getrandbits(16),
                                               rng.getrandbits(48)),
        "memory": rng.choice([8, 16, 32]) * 1024 - 112,
        "bdate": "%02d/%02d/20%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(19, 24)),
        "programs": [(p, pub, v, day()) for p, pub, v in programs],
        "vms": vms,
        "deviceid": "%s-2026-11-%02d-08-%02d-%02d" % (name, rng.randint(1, 28),
                                                      rng.randint(0, 59), rng.randint(0, 59)),
    }


def to_xml(c):
    e = lambda s: escape(str(s))
    out = ['<?xml version="1.0" encoding="UTF-8" ?>', "<REQUEST>", "  <CONTENT>",
           "    <BIOS>", "      <BDATE>%s</BDATE>" % c["bdate"],
           "      <BMANUFACTURER>%s</BMANUFACTURER>" % e(c["vendor"]),
           "      <SMANUFACTURER>%s</SMANUFACTURER>" % e(c["vendor"]),
           "      <SMODEL>%s</SMODEL>" % e(c["model"]), "      <SSN>%s</SSN>" % c["serial"],
           "    </BIOS>", "    <HARDWARE>",
           "      <CHASSIS_TYPE>%s</CHASSIS_TYPE>" % c["chassis"],
           "      <MEMORY>%d</MEMORY>" % c["memory"], "      <NAME>%s</NAME>" % c["name"],
           "      <OSNAME>%s</OSNAME>" % e(c["os"]), "      <UUID>%s</UUID>" % c["uuid"],
           "      <VMSYSTEM>Physical</VMSYSTEM>", "    </HARDWARE>",
           "    <NETWORKS>", "      <DESCRIPTION>Intel(R) Ethernet Connection I219-LM</DESCRIPTION>",
           "      <IPADDRESS>%s</IPADDRESS>" % c["ip"], "      <MACADDR>%s</MACADDR>" % c["mac"],
           "      <STATUS>Up</STATUS>", "      <VIRTUALDEV>0</VIRTUALDEV>", "    </NETWORKS>",
           "    <OPERATINGSYSTEM>", "      <FULL_NAME>%s</FULL_NAME>" % e(c["os"]),
           "      <KERNEL_NAME>MSWin32</KERNEL_NAME>",
           "      <KERNEL_VERSION>%s</KERNEL_VERSION>" % c["build"],
           "      <NAME>Windows</NAME>", "      <VERSION>%s</VERSION>" % c["os_version"],
           "    </OPERATINGSYSTEM>"]
    for name, publisher, version, date in c["programs"]:
        out += ["    <SOFTWARES>", "      <ARCH>x86_64</ARCH>", "      <FROM>registry</FROM>",
                "      <INSTALLDATE>%s</INSTALLDATE>" % date, "      <NAME>%s</NAME>" % e(name),
                "      <PUBLISHER>%s</PUBLISHER>" % e(publisher),
                "      <VERSION>%s</VERSION>" % e(version), "    </SOFTWARES>"]
    for name, vmtype in c["vms"]:
        out += ["    <VIRTUALMACHINES>", "      <NAME>%s</NAME>" % name,
                "      <VMTYPE>%s</VMTYPE>" % vmtype, "      <STATUS>off</STATUS>",
                "    </VIRTUALMACHINES>"]
    out += ["    <VERSIONCLIENT>GLPI-Agent_v1.11</VERSIONCLIENT>", "  </CONTENT>",
            "  <DEVICEID>%s</DEVICEID>" % c["deviceid"], "  <QUERY>INVENTORY</QUERY>",
            "</REQUEST>", ""]
    return "\n".join(out)


def to_json(c):
    iso = lambda d: "2026-%s-%s" % (d[3:5], d[0:2])
    doc = {
        "action": "inventory", "deviceid": c["deviceid"], "itemtype": "Computer",
        "content": {
            "bios": {"bdate": "20%s-%s-%s" % (c["bdate"][8:10], c["bdate"][0:2], c["bdate"][3:5]),
                     "bmanufacturer": c["vendor"], "smanufacturer": c["vendor"],
                     "smodel": c["model"], "ssn": c["serial"]},
            "hardware": {"chassis_type": c["chassis"], "memory": c["memory"], "name": c["name"],
                         "uuid": c["uuid"], "vmsystem": "Physical"},
            "networks": [{"description": "Intel(R) Ethernet Connection I219-LM",
                          "ipaddress": c["ip"], "mac": c["mac"], "status": "up",
                          "virtualdev": False}],
            "operatingsystem": {"full_name": c["os"], "kernel_name": "MSWin32",
                                "kernel_version": c["build"], "name": "Windows",
                                "version": c["os_version"]},
            "softwares": [{"arch": "x86_64", "from": "registry", "install_date": iso(d),
                           "name": n, "publisher": p, "version": v}
                          for n, p, v, d in c["programs"]],
            "versionclient": "GLPI-Agent_v1.11",
        },
    }
    if c["vms"]:
        doc["content"]["virtualmachines"] = [{"name": n, "vmtype": t, "status": "off"}
                                             for n, t in c["vms"]]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--format", choices=["xml", "json"], default="xml")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for i in range(args.count):
        c = computer(rng, i)
        text = to_xml(c) if args.format == "xml" else to_json(c)
        path = os.path.join(args.out, "%s.%s" % (c["name"], args.format))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print("wrote %d %s agent files (%.1f MB) to %s" % (args.count, args.format, total / 1e6,
                                                         args.out))


if __name__ == "__main__":
    main()
