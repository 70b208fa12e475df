#!/usr/bin/env python3
"""Deterministic generator of samdrift's sample inventories (python3 stdlib only).

Writes one folder per municipality (gislaved, gnosjo, varnamo, vaggeryd, hylte) in the formats
their staff really export (NetBox bulk-import CSV, RVTools CSV, GLPI agent XML/JSON, nmap XML,
lshw XML, lldpctl XML, ArchiMate exchange XML, samdrift generic CSV), a shared device-type
catalog (device-types/, devicetype-library YAML layout), and prints the facts that
README.md documents (python3 make_samples.py --facts facts.md writes them as Markdown).

Everything is invented: names, serials, MAC and IP addresses (RFC 1918 / documentation ranges).
Run:  python3 make_samples.py            # (re)writes every file next to this script
      python3 make_samples.py --check    # also parses everything it wrote
"""

import csv
import datetime
import io
import ipaddress
import json
import os
import random
import shutil
import sys
import uuid
from xml.sax.saxutils import escape as xesc

SEED = 20240517
HERE = os.path.dirname(os.path.abspath(__file__))
ORGS = ["gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte"]
DISPLAY = {"gislaved": "Gislaved", "gnosjo": "Gnosjö", "varnamo": "Värnamo",
           "vaggeryd": "Vaggeryd", "hylte": "Hylte"}
# Where each server hall's site is: the town's position in decimal degrees (WGS84), as the
# encyclopedias give it (rounded to 4 decimals): Gislaved 57°18'N 13°33'E (de.wikipedia.org,
# "Gislaved"); Anderstorp 57°17'N 13°38'E (sv.wikipedia.org, "Anderstorp"); Gnosjö 57°22'N
# 13°44'E (sv/no.wikipedia.org, "Gnosjö kommun"); Värnamo 57°10'54"N 14°3'31"E
# (sv.wikipedia.org, "Värnamo"); Vaggeryd 57°29'38"N 14°8'9"E (sv.wikipedia.org, "Vaggeryd");
# Hyltebruk 57°0'0"N 13°14'30"E (en.wikipedia.org, "Hyltebruk"). A site in a town has the town's
# position (Värnamo's Stadshuset and Räddningsstationen the same one): `halls --choose` then
# measures the distance between towns; access sites (schools, libraries) are left without one.
SITE_POSITION = {
    "Kommunhuset": (57.3000, 13.5500),            # Gislaved
    "Anderstorp Servicehus": (57.2833, 13.6333),  # Anderstorp (Gislaved kommun)
    "Gnosjö kommunhus": (57.3667, 13.7333),       # Gnosjö
    "Stadshuset": (57.1817, 14.0586),             # Värnamo
    "Räddningsstationen": (57.1817, 14.0586),     # Värnamo
    "Vaggeryds kommunhus": (57.4939, 14.1358),    # Vaggeryd
    "Hylte kommunhus": (57.0000, 13.2417),        # Hyltebruk
}
# Facts about end of support are computed at this date (planned start of the joint operation).
REF_DATE = datetime.date(2026, 12, 1)

R = random.Random(SEED)


# --------------------------------------------------------------------------------------------
# Technology catalog used for the facts (id -> capability, category, display name, end of support)
# --------------------------------------------------------------------------------------------
TECH = {
    # hypervisors
    "vmware-esxi-6.7": ("hypervisor", "platform", "VMware ESXi 6.7", "2022-10-15"),
    "vmware-esxi-7": ("hypervisor", "platform", "VMware ESXi 7.0", "2025-10-02"),
    "vmware-esxi-8": ("hypervisor", "platform", "VMware ESXi 8.0", "2027-10-11"),
    "proxmox-ve-8": ("hypervisor", "platform", "Proxmox VE 8", "2026-08-31"),
    "proxmox-ve-9": ("hypervisor", "platform", "Proxmox VE 9", ""),
    "ms-hyperv-2019": ("hypervisor", "platform", "Microsoft Hyper-V (Windows Server 2019)",
                       "2029-01-09"),
    # virtualization management (named by a cluster row)
    "vmware-vcenter-7": ("virtualization-management", "platform", "VMware vCenter Server 7.0",
                         "2025-10-02"),
    # server operating systems
    "ms-windows-server-2012r2": ("server-os", "platform", "Windows Server 2012 R2", "2023-10-10"),
    "ms-windows-server-2016": ("server-os", "platform", "Windows Server 2016", "2027-01-12"),
    "ms-windows-server-2019": ("server-os", "platform", "Windows Server 2019", "2029-01-09"),
    "ms-windows-server-2022": ("server-os", "platform", "Windows Server 2022", "2031-10-14"),
    "ubuntu-20.04": ("server-os", "platform", "Ubuntu 20.04 LTS", "2025-05-31"),
    "ubuntu-22.04": ("server-os", "platform", "Ubuntu 22.04 LTS", "2027-06-01"),
    "rhel-8": ("server-os", "platform", "Red Hat Enterprise Linux 8", "2029-05-31"),
    "centos-7": ("server-os", "platform", "CentOS Linux 7", "2024-06-30"),
    # client operating systems
    "ms-windows-10": ("client-os", "client", "Windows 10 22H2", "2025-10-14"),
    "ms-windows-11-24h2": ("client-os", "client", "Windows 11 24H2", "2027-10-12"),
    # servers
    "hpe-proliant-dl360-gen9": ("server", "datacenter", "HPE ProLiant DL360 Gen9", ""),
    "hpe-proliant-dl380-gen9": ("server", "datacenter", "HPE ProLiant DL380 Gen9", ""),
    "hpe-proliant-dl380-gen10": ("server", "datacenter", "HPE ProLiant DL380 Gen10", ""),
    "hpe-proliant-dl380-gen10-plus": ("server", "datacenter", "HPE ProLiant DL380 Gen10 Plus", ""),
    "dell-poweredge-r640": ("server", "datacenter", "Dell PowerEdge R640", ""),
    "dell-poweredge-r650": ("server", "datacenter", "Dell PowerEdge R650", ""),
    "dell-poweredge-r740": ("server", "datacenter", "Dell PowerEdge R740", ""),
    "dell-poweredge-r750": ("server", "datacenter", "Dell PowerEdge R750", ""),
    "dell-poweredge-r740xd2": ("server", "datacenter", "Dell PowerEdge R740xd2", ""),
    "dell-poweredge-r540": ("server", "datacenter", "Dell PowerEdge R540", ""),
    # storage
    "hpe-nimble-hf40": ("storage", "datacenter", "HPE Nimble Storage HF40", ""),
    "hpe-alletra-6010": ("storage", "datacenter", "HPE Alletra 6010", ""),
    "dell-powerstore-1200t": ("storage", "datacenter", "Dell PowerStore 1200T", ""),
    "dell-unity-xt-380": ("storage", "datacenter", "Dell Unity XT 380", ""),
    "dell-unity-300": ("storage", "datacenter", "Dell EMC Unity 300", "2024-12-31"),
    "dell-powervault-me5024": ("storage", "datacenter", "Dell PowerVault ME5024", ""),
    "synology-rs3621xs": ("storage", "datacenter", "Synology RS3621xs+", ""),
    "hpe-storeonce-3620": ("backup-appliance", "datacenter", "HPE StoreOnce 3620", ""),
    "hpe-msl2024": ("tape-library", "datacenter", "HPE StoreEver MSL2024", ""),
    # network
    "cisco-catalyst-9500": ("core-switch", "network", "Cisco Catalyst 9500", ""),
    "cisco-nexus-93180yc-fx3": ("dc-switch", "network", "Cisco Nexus 93180YC-FX3", ""),
    "cisco-catalyst-9300": ("access-switch", "network", "Cisco Catalyst 9300", ""),
    "cisco-catalyst-2960x": ("access-switch", "network", "Cisco Catalyst 2960-X", "2027-10-31"),
    "cisco-catalyst-3750x": ("access-switch", "network", "Cisco Catalyst 3750-X", "2021-10-31"),
    "extreme-x690": ("core-switch", "network", "Extreme Networks X690", ""),
    "extreme-x440-g2": ("access-switch", "network", "Extreme Networks X440-G2", ""),
    "aruba-cx-8325": ("core-switch", "network", "HPE Aruba CX 8325", ""),
    "aruba-2930f": ("access-switch", "network", "HPE Aruba 2930F", ""),
    "fortinet-fortigate-100f": ("firewall", "network", "Fortinet FortiGate 100F", ""),
    "fortinet-fortigate-200f": ("firewall", "network", "Fortinet FortiGate 200F", ""),
    "fortinet-fortigate-400f": ("firewall", "network", "Fortinet FortiGate 400F", ""),
    "paloalto-pa-3220": ("firewall", "network", "Palo Alto Networks PA-3220", "2028-02-28"),
    "cisco-catalyst-9120": ("wireless", "network", "Cisco Catalyst 9120AX", ""),
    "cisco-meraki-mr46": ("wireless", "network", "Cisco Meraki MR46", ""),
    "aruba-ap-515": ("wireless", "network", "HPE Aruba AP-515", ""),
    "aruba-ap-505": ("wireless", "network", "HPE Aruba AP-505", ""),
    "extreme-ap305c": ("wireless", "network", "Extreme Networks AP305C", ""),
    "apc-ap7921b": ("pdu", "datacenter", "APC AP7921B", ""),
    "eaton-9px": ("ups", "datacenter", "Eaton 9PX", ""),
    # printers
    "hp-laserjet-m507": ("printer", "client", "HP LaserJet Enterprise M507", ""),
    "konica-bizhub-c300i": ("printer", "client", "Konica Minolta bizhub C300i", ""),
    "canon-iradv-c5535": ("printer", "client", "Canon imageRUNNER ADVANCE C5535i", ""),
    # client hardware
    "dell-latitude-5440": ("client-hw", "client", "Dell Latitude 5440", ""),
    "hp-elitebook-840-g9": ("client-hw", "client", "HP EliteBook 840 G9", ""),
    "lenovo-thinkpad-t14-gen3": ("client-hw", "client", "Lenovo ThinkPad T14 Gen 3", ""),
    "hp-elitedesk-800-g6": ("client-hw", "client", "HP EliteDesk 800 G6", ""),
    "dell-optiplex-7010": ("client-hw", "client", "Dell OptiPlex 7010", ""),
}

# Rack-mountable models: (manufacturer as in the device-type YAML, model, u_height, watts or None)
# The watts go into device-types/*.yaml as the power port's maximum_draw (None: not in the YAML).
MODELS = {
    "hpe-proliant-dl360-gen9": ("HPE", "ProLiant DL360 Gen9", 1, 500),
    "hpe-proliant-dl380-gen9": ("HPE", "ProLiant DL380 Gen9", 2, 800),
    "hpe-proliant-dl380-gen10": ("HPE", "ProLiant DL380 Gen10", 2, 800),
    "hpe-proliant-dl380-gen10-plus": ("HPE", "ProLiant DL380 Gen10 Plus", 2, 1000),
    "dell-poweredge-r640": ("Dell", "PowerEdge R640", 1, 750),
    "dell-poweredge-r650": ("Dell", "PowerEdge R650", 1, 800),
    "dell-poweredge-r740": ("Dell", "PowerEdge R740", 2, 1100),
    "dell-poweredge-r750": ("Dell", "PowerEdge R750", 2, 1400),
    "dell-poweredge-r740xd2": ("Dell", "PowerEdge R740xd2", 2, 1100),
    "dell-poweredge-r540": ("Dell", "PowerEdge R540", 2, 750),
    "hpe-nimble-hf40": ("HPE", "Nimble Storage HF40", 4, 1200),
    "hpe-alletra-6010": ("HPE", "Alletra 6010", 4, 1200),
    "dell-powerstore-1200t": ("Dell", "PowerStore 1200T", 2, 1450),
    "dell-unity-xt-380": ("Dell", "Unity XT 380", 2, 850),
    "dell-unity-300": ("Dell", "Unity 300", 2, 800),
    "dell-powervault-me5024": ("Dell", "PowerVault ME5024", 2, 580),
    "synology-rs3621xs": ("Synology", "RS3621xs+", 2, None),
    "hpe-storeonce-3620": ("HPE", "StoreOnce 3620", 2, None),
    "hpe-msl2024": ("HPE", "StoreEver MSL2024", 2, 100),
    "cisco-catalyst-9500": ("Cisco", "C9500-24Y4C", 1, 650),
    "cisco-nexus-93180yc-fx3": ("Cisco", "N9K-C93180YC-FX3", 1, 500),
    "cisco-catalyst-9300": ("Cisco", "C9300-48P", 1, 1100),
    "cisco-catalyst-2960x": ("Cisco", "WS-C2960X-48FPD-L", 1, 1000),
    "cisco-catalyst-3750x": ("Cisco", "WS-C3750X-48P-S", 1, 1100),
    "extreme-x690": ("Extreme Networks", "X690-48x-2q-4c", 1, 350),
    "extreme-x440-g2": ("Extreme Networks", "X440-G2-48p-10G4", 1, 500),
    "aruba-cx-8325": ("HPE Aruba", "8325-48Y8C", 1, 600),
    "aruba-2930f": ("HPE Aruba", "2930F-48G-PoE+-4SFP+", 1, 600),
    "fortinet-fortigate-100f": ("Fortinet", "FG-100F", 1, 100),
    "fortinet-fortigate-200f": ("Fortinet", "FG-200F", 1, 210),
    "fortinet-fortigate-400f": ("Fortinet", "FG-400F", 1, 250),
    "paloalto-pa-3220": ("Palo Alto", "PA-3220", 1, 400),
    "apc-ap7921b": ("APC", "AP7921B", 1, 0),
    "eaton-9px": ("Eaton", "9PX6KIRTN", 3, None),
}

# Measured draw (watts) that the staff recorded, as a share of the model's maximum.
LOAD = {"hypervisor": 0.62, "storage": 0.7, "core-switch": 0.55, "dc-switch": 0.6,
        "firewall": 0.8, "backup": 0.55, "server": 0.5, "tape": 0.6, "pdu": 0.0, "ups": 0.0}
# Watts the generator assumes for a model without a rated figure when it fills racks (it never
# reaches the files: those devices have no recorded power).
ROLE_DEFAULT_W = {"hypervisor": 700, "server": 400, "storage": 800, "core-switch": 400,
                  "dc-switch": 400, "firewall": 250, "backup": 600, "tape": 100, "ups": 300,
                  "pdu": 0}
# The per-role defaults samdrift's planners use where neither the asset nor its device type has
# a figure (core/device_types.cc, kRoleDefaults; "dc-switch" is a "switch" there). The facts
# below count with these, so that they are the answer the hall planner must give.
PLANNER_DEFAULT_W = {"hypervisor": 450, "server": 450, "storage": 600, "core-switch": 400,
                     "dc-switch": 150, "firewall": 250, "backup": 500, "tape": 400, "ups": 0,
                     "pdu": 0}


def device_watts(a):
    """(watts, source) of a rack device as the planner resolves it: the recorded figure, else
    its device type's (every spelling of the manufacturer finds it), else the role default."""
    if a["power_src"] == "known":
        return a["power_w"], "known"
    if MODELS[a["tech"]][3] is not None:
        return MODELS[a["tech"]][3], "catalog"
    return PLANNER_DEFAULT_W[a["role"]], "none"


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------
def rid(n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
    return "".join(R.choice(alphabet) for _ in range(n))


def serial_for(vendor_key):
    if vendor_key.startswith("hpe") or vendor_key.startswith("hp-"):
        return "CZX" + rid(7, "0123456789") if vendor_key.startswith("hpe") else "5CG" + rid(7)
    if vendor_key.startswith("dell"):
        return rid(7)
    if vendor_key.startswith("cisco-meraki"):
        return "Q3AX-" + rid(4) + "-" + rid(4)
    if vendor_key.startswith("cisco"):
        return "FOX" + rid(8, "0123456789ABCDEF")
    if vendor_key.startswith("fortinet"):
        return "FG2K0F" + rid(10, "0123456789")
    if vendor_key.startswith("paloalto"):
        return "0130" + rid(8, "0123456789")
    if vendor_key.startswith("extreme"):
        return "1931X-" + rid(5, "0123456789")
    if vendor_key.startswith("aruba"):
        return "SG9" + rid(7)
    if vendor_key.startswith("lenovo"):
        return "PF" + rid(6)
    return "SN" + rid(8)


def mac(oui):
    return oui + ":" + ":".join("%02x" % R.randrange(256) for _ in range(3))


def ruuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def w(path, text, encoding="utf-8", newline="\n"):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    data = text.replace("\r\n", "\n")
    if newline != "\n":
        data = data.replace("\n", newline)
    with open(full, "wb") as f:
        f.write(data.encode(encoding))
    WRITTEN.append(path)


WRITTEN = []


def csv_text(header, rows, delimiter=","):
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    wr.writerow(header)
    for r in rows:
        if isinstance(r, dict):
            wr.writerow(["" if r.get(h) is None else r.get(h) for h in header])
        else:
            wr.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def slug(s):
    t = s.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        t = t.replace(a, b)
    out = "".join(c if c.isalnum() else "-" for c in t)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


class Hosts:
    """Hands out addresses from a prefix in order."""

    def __init__(self, prefix, start=10):
        self.net = ipaddress.ip_network(prefix)
        self.next = start

    def take(self):
        ip = self.net.network_address + self.next
        self.next += 1
        assert ip in self.net and ip != self.net.broadcast_address, self.net
        return ip


# --------------------------------------------------------------------------------------------
# the org model: assets and relations (the ground truth behind every file)
# --------------------------------------------------------------------------------------------
class Org:
    def __init__(self, oid):
        self.id = oid
        self.assets = []
        self.by_name = {}
        self.relations = []
        self.halls = []      # dicts: site, hall, positions, power_kw, cooling_kw
        self.racks = []      # dicts: site, hall, name, u
        self.prefixes = []   # dicts: prefix, vrf, vlan, name, site, role, status
        self.vlans = []      # dicts: vid, name, site, role
        self.addresses = {}  # ip -> name (every address the estate uses)
        self.visible = set()  # the addresses that appear in some file of the org

    def add(self, **a):
        a.setdefault("techs", [])
        a.setdefault("spell", [])
        assert a["name"] not in self.by_name, (self.id, a["name"])
        self.assets.append(a)
        self.by_name[a["name"]] = a
        return a

    def rel(self, s, r, t):
        self.relations.append((s, r, t))


O = {o: Org(o) for o in ORGS}

# -------- site and place names (invented) --------
PLACE_A = ["Björk", "Ek", "Lind", "Tall", "Gran", "Rönn", "Sol", "Ros", "Hag", "Äng", "Sjö",
           "Berg", "Dal", "Kvarn", "Mo", "Lunn", "Hassel", "Al", "Ljung", "Vide", "Fur", "Lönn",
           "Asp", "Hägg", "Syren", "Klöver", "Kastanj", "Källa"]
PLACE_B = ["skolan", "gården", "hemmet", "dalens förskola", "backens skola", "ängens förskola",
           "sjöns vårdboende", "biblioteket", "hallen", "lyckans förskola"]


def place_names(n, taken):
    out = []
    while len(out) < n:
        s = R.choice(PLACE_A) + R.choice(PLACE_B)
        s = s[0].upper() + s[1:]
        if s not in taken:
            taken.add(s)
            out.append(s)
    return out


# --------------------------------------------------------------------------------------------
# Per-org profiles
# --------------------------------------------------------------------------------------------
PROFILE = {
    "varnamo": dict(prefix="vmo", domain="ad.varnamo.example", vms=340, clients=80,
                    access_sites=24, ap_per_site=(6, 12), sw_per_site=(2, 5)),
    "gislaved": dict(prefix="gis", domain="gislaved.example", vms=260, clients=60,
                     access_sites=20, ap_per_site=(5, 11), sw_per_site=(2, 5)),
    "vaggeryd": dict(prefix="vgd", domain="vaggeryd.local", vms=150, clients=40,
                     access_sites=14, ap_per_site=(5, 9), sw_per_site=(2, 4)),
    "hylte": dict(prefix="hyl", domain="hylte.example", vms=120, clients=35,
                  access_sites=12, ap_per_site=(5, 8), sw_per_site=(2, 4)),
    "gnosjo": dict(prefix="gno", domain="gnosjo.example", vms=100, clients=30,
                   access_sites=11, ap_per_site=(4, 8), sw_per_site=(2, 4)),
}

# Server OS mix per org: (tech id, weight)
OS_MIX = {
    "varnamo": [("ms-windows-server-2012r2", 16), ("ms-windows-server-2016", 60),
                ("ms-windows-server-2019", 130), ("ms-windows-server-2022", 80),
                ("ubuntu-22.04", 30), ("rhel-8", 18), ("centos-7", 6)],
    "gislaved": [("ms-windows-server-2012r2", 22), ("ms-windows-server-2016", 50),
                 ("ms-windows-server-2019", 110), ("ms-windows-server-2022", 40),
                 ("ubuntu-22.04", 20), ("ubuntu-20.04", 12), ("rhel-8", 6)],
    "vaggeryd": [("ms-windows-server-2012r2", 10), ("ms-windows-server-2016", 25),
                 ("ms-windows-server-2019", 55), ("ms-windows-server-2022", 30),
                 ("ubuntu-22.04", 22), ("ubuntu-20.04", 8)],
    "hylte": [("ms-windows-server-2012r2", 6), ("ms-windows-server-2016", 20),
              ("ms-windows-server-2019", 70), ("ms-windows-server-2022", 20), ("rhel-8", 4)],
    "gnosjo": [("ms-windows-server-2012r2", 15), ("ms-windows-server-2016", 25),
               ("ms-windows-server-2019", 40), ("ms-windows-server-2022", 10),
               ("ubuntu-20.04", 6), ("centos-7", 4)],
}

# VM functions: (name stem, count hint, vcpu, mem GiB, disk GiB, linux?)
VM_FUNCS = [("dc", 2, 2, 8, 80), ("file", 2, 4, 16, 2000), ("print", 1, 2, 8, 100),
            ("sql", 3, 8, 64, 500), ("app", 40, 4, 16, 120), ("web", 6, 2, 8, 80),
            ("rds", 6, 8, 64, 200), ("exch", 2, 8, 64, 800), ("veeam", 1, 8, 32, 200),
            ("sccm", 1, 4, 16, 500), ("wsus", 1, 2, 8, 400), ("ca", 1, 2, 4, 80),
            ("adfs", 2, 2, 8, 80), ("mon", 1, 4, 16, 200), ("lic", 1, 2, 4, 60),
            ("test", 10, 2, 8, 80), ("gis", 2, 4, 16, 300), ("int", 3, 4, 16, 120)]

# Services (business systems) per org: key -> (display name sv, criticality, vm stems it needs)
SERVICES = {
    "ekonomi": ("Ekonomisystem", "high", ["app-eko", "sql-eko"]),
    "lon": ("Lönesystem", "high", ["app-lon", "sql-lon"]),
    "hr": ("HR-system", "medium", ["app-hr"]),
    "skola": ("Skolplattform", "high", ["app-skola", "web-skola"]),
    "elevreg": ("Elevregister", "medium", ["app-elev"]),
    "omsorg": ("Vård- och omsorgssystem", "critical", ["app-omsorg", "sql-omsorg"]),
    "arende": ("Ärendehantering och diarium", "medium", ["app-diarie"]),
    "epost": ("E-post", "high", ["exch01", "exch02"]),
    "ad": ("Active Directory", "critical", ["dc01", "dc02"]),
    "fil": ("Filtjänst", "high", ["file01", "file02"]),
    "utskrift": ("Utskrift", "low", ["print01"]),
    "backup": ("Säkerhetskopiering", "high", ["veeam01"]),
    "intranat": ("Intranät", "low", ["web-intra"]),
    "bygglov": ("Bygglov och GIS", "medium", ["gis01", "gis02"]),
    "bibliotek": ("Bibliotekssystem", "low", ["app-bibl"]),
}
# service -> services it depends on (cycles on purpose; see README)
SERVICE_DEPS = {
    "gislaved": {"ekonomi": ["lon", "ad"], "lon": ["hr", "ad"], "hr": ["ekonomi", "ad"],
                 "skola": ["ad", "elevreg"], "elevreg": ["ad"], "omsorg": ["ad"],
                 "arende": ["ad", "fil"], "epost": ["ad"], "fil": ["ad"], "utskrift": ["ad"],
                 "backup": [], "intranat": ["ad"], "ad": []},
    "varnamo": {"ekonomi": ["lon", "ad"], "lon": ["ekonomi", "ad"], "hr": ["lon", "ad"],
                "skola": ["ad", "elevreg"], "elevreg": ["ad"], "omsorg": ["ad", "fil"],
                "arende": ["ad"], "epost": ["ad"], "fil": ["ad"], "utskrift": ["ad", "fil"],
                "backup": [], "intranat": ["ad"], "bygglov": ["ad", "fil"],
                "bibliotek": ["ad"], "ad": []},
    "gnosjo": {"ekonomi": ["ad"], "lon": ["ekonomi", "ad"], "skola": ["ad"],
               "omsorg": ["ad"], "arende": ["ad", "fil"], "epost": ["ad"], "fil": ["ad"],
               "utskrift": ["ad"], "backup": [], "ad": []},
    "vaggeryd": {"ekonomi": ["ad"], "lon": ["ekonomi", "ad"], "skola": ["elevreg", "ad"],
                 "elevreg": ["skola", "ad"], "omsorg": ["ad"], "arende": ["ad"],
                 "epost": ["ad"], "fil": ["ad"], "utskrift": ["ad", "fil"], "backup": [],
                 "ad": []},
    "hylte": {"ekonomi": ["lon", "ad"], "lon": ["ekonomi", "ad"], "skola": ["ad"],
              "omsorg": ["ad"], "arende": ["ad"], "epost": ["ad"], "fil": ["ad"],
              "backup": [], "ad": []},
}


# --------------------------------------------------------------------------------------------
# Address plans (collisions on purpose; see README "Address plans")
# --------------------------------------------------------------------------------------------
# (prefix, vlan, name, role, site-key, vrf)   site-key: "hall1", "hall2" or "" (org-wide)
NETPLAN = {
    "gislaved": [
        ("10.10.0.0/16", None, "Gislaved kommunnät", "Aggregat", "", ""),
        ("10.10.10.0/24", 10, "Servrar", "Servrar", "hall1", ""),
        ("10.10.11.0/24", 11, "Servrar 2", "Servrar", "hall1", ""),
        ("10.10.20.0/22", 20, "Klienter", "Klienter", "", ""),
        ("10.10.40.0/24", 40, "Skrivare", "Skrivare", "hall1", ""),
        ("10.10.40.0/24", 40, "Skrivare Anderstorp", "Skrivare", "hall2", ""),  # duplicate!
        ("10.10.50.0/23", 50, "WLAN personal", "WLAN", "", ""),
        ("10.10.99.0/24", 99, "Management", "Management", "hall1", ""),
        ("10.10.100.0/24", 100, "vMotion", "Lagring", "hall1", ""),
        ("172.20.0.0/16", None, "Gislaved skolnät", "Aggregat", "", ""),
        ("172.20.0.0/20", 200, "Elever", "Klienter", "", ""),
        ("192.168.200.0/24", 300, "Gäst-WLAN", "Gäst", "", ""),
    ],
    "gnosjo": [
        ("10.10.0.0/16", None, "Gnosjö internt", "aggregat", "", ""),
        ("10.10.10.0/24", 10, "Klienter", "klienter", "hall1", ""),
        ("10.10.20.0/24", 20, "Servrar", "servrar", "hall1", ""),
        ("10.10.21.0/24", 21, "Servrar DMZ", "servrar", "hall1", "DMZ"),
        ("10.10.30.0/24", 30, "Skrivare", "skrivare", "", ""),
        ("10.10.99.0/24", 99, "Management", "management", "hall1", ""),
        ("192.168.50.0/24", 50, "WLAN", "wlan", "", ""),
    ],
    "varnamo": [
        ("10.20.0.0/16", None, "Värnamo kommunnät", "Aggregate", "", ""),
        ("10.20.10.0/24", 10, "Servrar", "Servers", "hall1", ""),
        ("10.20.11.0/24", 11, "Servrar 2", "Servers", "hall1", ""),
        ("10.20.12.0/24", 12, "Servrar DR", "Servers", "hall2", ""),
        ("10.20.30.0/23", 30, "VDI", "Clients", "hall1", ""),
        ("10.21.0.0/16", 20, "Klienter", "Clients", "", ""),
        ("10.20.99.0/24", 99, "Management", "Management", "hall1", ""),
        ("10.20.100.0/24", 100, "vMotion", "Storage", "hall1", ""),
        ("10.20.101.0/24", 101, "iSCSI-A", "Storage", "hall1", ""),
        ("172.16.0.0/16", None, "Värnamo skolnät", "Aggregate", "", ""),
        ("172.16.0.0/20", 200, "Elever", "Clients", "", ""),
        ("172.16.32.0/22", 210, "Skolpersonal", "Clients", "", ""),
    ],
    "vaggeryd": [
        ("10.30.0.0/16", None, "Vaggeryd kommunnät", "aggregate", "", ""),
        ("10.30.10.0/24", 110, "Servrar", "servers", "hall1", ""),
        ("10.30.11.0/24", 111, "Servrar 2", "servers", "hall1", ""),
        ("10.30.20.0/22", 10, "Klienter", "clients", "", ""),
        ("10.30.99.0/24", 99, "Management", "management", "hall1", ""),
        ("10.30.250.0/24", 250, "Nätverksutrustning", "network", "hall1", ""),
        ("10.20.128.0/20", 300, "Gäst-WLAN", "guest", "", ""),       # inside varnamo 10.20/16
        ("192.168.10.0/24", 400, "Fastighetsautomation", "iot", "", ""),
    ],
    "hylte": [
        ("10.40.0.0/16", None, "Hylte kommun", "aggregate", "", ""),
        ("10.40.110.0/24", 110, "Servers", "servers", "hall1", ""),
        ("10.40.111.0/24", 111, "Servers 2", "servers", "hall1", ""),
        ("10.40.120.0/22", 120, "Clients", "clients", "", ""),
        ("10.40.99.0/24", 99, "Management", "management", "hall1", ""),
        ("172.16.8.0/21", 130, "Skolnät", "clients", "", ""),           # inside varnamo 172.16/16
        ("10.40.200.0/24", 200, "Hyper-V Live Migration", "storage", "hall1", ""),
    ],
}


# --------------------------------------------------------------------------------------------
# Building each org's estate
# --------------------------------------------------------------------------------------------
def add_rack_device(org, place, name, tech, role, *, rgroup="", crit="high", power="known",
                    extra_techs=(), spell=None, **kw):
    """place: dict with site, hall, rack; position filled by the rack filler."""
    mfr, model, u, maxw = MODELS[tech]
    if power == "known":
        watts = round((maxw or ROLE_DEFAULT_W.get(role, 400)) * LOAD.get(role, 0.5)
                      * R.uniform(0.85, 1.1))
        if role == "pdu":
            watts = 0
    else:
        watts = None  # "catalog": only the device type knows; "none": nobody knows
    a = org.add(name=name, kind="device", role=role, tech=tech, vendor=mfr, product=model,
                version=kw.pop("version", ""), serial=serial_for(tech), site=place["site"],
                hall=place["hall"], rack=None, position=None, u=u, power_w=watts,
                power_src=power, rgroup=rgroup, crit=crit, eol=TECH[tech][3],
                techs=[tech] + list(extra_techs), **kw)
    if spell:
        a["spell"].append(spell)
    return a


def fill_racks(org, hall_racks, devices):
    """Put devices bottom-up into the racks given (list of rack dicts), PDUs at U1-2."""
    # each rack: 2 PDUs at U1 and U2 (APC AP7921B, 1U, rear)
    for rk in hall_racks:
        rk["next"] = 3
        rk["kw"] = 0.0
    i = 0
    for d in devices:
        placed = False
        for _ in range(len(hall_racks)):
            rk = hall_racks[i % len(hall_racks)]
            need = d["u"]
            kw = (d["power_w"] or MODELS[d["tech"]][3] or ROLE_DEFAULT_W.get(d["role"], 400)) / 1000
            if rk["next"] + need - 1 <= rk["u"] - 1 and rk["kw"] + kw <= 7.5:
                d["rack"] = rk["name"]
                d["position"] = rk["next"]
                rk["next"] += need
                rk["kw"] += kw
                placed = True
                break
            i += 1
        assert placed, (org.id, d["name"])
        i += 1  # round robin keeps racks balanced


def build_common(org, hall_specs):
    """Create sites/halls/racks for an org. hall_specs: list of (site, hall, positions, kw,
    cooling, [rack names])."""
    halls = []
    for site, hall, pos, kw, cool, racks in hall_specs:
        org.halls.append(dict(site=site, hall=hall, positions=pos, power_kw=kw, cooling_kw=cool))
        rl = []
        for rn in racks:
            rk = dict(site=site, hall=hall, name=rn, u=42)
            org.racks.append(rk)
            rl.append(rk)
        halls.append(dict(site=site, hall=hall, racks=rl))
    return halls


def make_pdus(org, halls, pfx):
    for h in halls:
        for rk in h["racks"]:
            for side, pos in (("A", 1), ("B", 2)):
                a = org.add(name="%s-pdu-%s-%s" % (pfx, rk["name"].lower(), side.lower()),
                            kind="device", role="pdu", tech="apc-ap7921b", vendor="APC",
                            product="AP7921B", version="", serial="5A" + rid(10, "0123456789"),
                            site=h["site"], hall=h["hall"], rack=rk["name"], position=pos, u=1,
                            power_w=0, power_src="known", rgroup="", crit="medium", eol="",
                            techs=["apc-ap7921b"], face="rear")


def access_layer(org, sites, sw_tech, ap_tech, old_sw=None, old_share=0.0):
    p = PROFILE[org.id]
    pfx = p["prefix"]
    n_sw = n_ap = 0
    for s in sites:
        nsw = R.randint(*p["sw_per_site"])
        for k in range(nsw):
            n_sw += 1
            t = sw_tech
            if old_sw and R.random() < old_share:
                t = old_sw
            mfr, model, u, maxw = MODELS[t]
            nm = "%s-sw-%s-%02d" % (pfx, slug(s)[:10], k + 1)
            org.add(name=nm.upper() if org.id == "hylte" else nm, kind="device",
                    role="access-switch", tech=t, vendor=mfr, product=model, version="",
                    serial=serial_for(t), site=s, hall="", rack=None, position=None, u=u,
                    power_w=None, power_src="none", rgroup="", crit="low", eol=TECH[t][3],
                    techs=[t])
        nap = R.randint(*p["ap_per_site"])
        for k in range(nap):
            n_ap += 1
            nm = "%s-ap-%s-%02d" % (pfx, slug(s)[:10], k + 1)
            org.add(name=nm.upper() if org.id == "hylte" else nm, kind="device",
                    role="access-point", tech=ap_tech, vendor="", product="", version="",
                    serial=serial_for(ap_tech), site=s, hall="", rack=None, position=None, u=0,
                    power_w=None, power_src="none", rgroup="", crit="low", eol="",
                    techs=[ap_tech])
    return n_sw, n_ap


def vm_name(org, stem):
    n = "%s-%s" % (PROFILE[org.id]["prefix"], stem)
    return n.upper() if org.id == "hylte" else n  # the supplier writes names in upper case


def make_vms(org, clusters, n, os_spell):
    """clusters: list of (cluster name, [host names], weight). Returns vm assets."""
    p = PROFILE[org.id]
    pfx = p["prefix"]
    names = []
    # fixed service VMs first
    fixed = []
    for key in SERVICE_DEPS[org.id]:
        for stem in SERVICES[key][2]:
            fixed.append(stem)
    fixed = list(dict.fromkeys(fixed))
    names.extend(fixed)
    counters = {}
    while len(names) < n:
        stem, cnt, *_ = R.choice(VM_FUNCS)
        counters[stem] = counters.get(stem, 0) + 1
        cand = "%s%02d" % (stem, counters[stem] + (2 if stem in ("dc", "file", "exch") else 0))
        if cand not in names and vm_name(org, cand) not in org.by_name:
            names.append(cand)
    pool = []
    for t, wgt in OS_MIX[org.id]:
        pool.extend([t] * wgt)
    vms = []
    cl_pool = []
    for cname, hosts, wgt in clusters:
        cl_pool.extend([(cname, hosts)] * wgt)
    for idx, stem in enumerate(names):
        func = stem.split("-")[0].rstrip("0123456789")
        spec = next((f for f in VM_FUNCS if f[0] == func), ("app", 1, 4, 16, 120))
        os_t = R.choice(pool)
        if func in ("dc", "exch", "sccm", "wsus", "ca", "adfs", "rds", "file", "print", "veeam",
                    "sql"):
            while os_t.startswith(("ubuntu", "rhel", "centos")):
                os_t = R.choice(pool)
        if func in ("web", "mon", "int") and R.random() < 0.5:
            linux = [t for t, _ in OS_MIX[org.id] if t.startswith(("ubuntu", "rhel", "centos"))]
            if linux:
                os_t = R.choice(linux)
        cname, hosts = R.choice(cl_pool)
        vm = org.add(name=vm_name(org, stem), kind="vm", role=func, os=os_t,
                     vcpus=spec[2] * R.choice((1, 1, 1, 2)), mem_gib=spec[3] * R.choice((1, 1, 2)),
                     disk_gib=spec[4] + 20 * R.randint(0, 10), cluster=cname,
                     host=R.choice(hosts), status="active", techs=[os_t],
                     crit="medium", eol=TECH[os_t][3], spell=[os_spell(os_t)])
        vms.append(vm)
    return vms


# ---------------------------------------------------------------- Värnamo
def build_varnamo():
    org = O["varnamo"]
    halls = build_common(org, [
        ("Stadshuset", "Serverhall 1", 8, 36, 38, ["A01", "A02", "A03", "A04", "A05", "A06"]),
        ("Räddningsstationen", "Serverhall 2", 3, 12, 12, ["B01", "B02"]),
    ])
    h1 = dict(site="Stadshuset", hall="Serverhall 1")
    h2 = dict(site="Räddningsstationen", hall="Serverhall 2")
    dev1, dev2 = [], []
    core = [add_rack_device(org, h1, "vmo-core0%d" % i, "cisco-catalyst-9500", "core-switch",
                            rgroup="vmo-core", crit="critical", version="17.9.4a",
                            vc="vmo-core", vc_pos=i) for i in (1, 2)]
    dev1 += core
    dc = [add_rack_device(org, h1, "vmo-dcsw0%d" % i, "cisco-nexus-93180yc-fx3", "dc-switch",
                          rgroup="vmo-dcsw", crit="critical", version="10.3(4a)",
                          vc="vmo-dcsw", vc_pos=i) for i in (1, 2)]
    dev1 += dc
    fw = [add_rack_device(org, h1, "vmo-fw0%d" % i, "paloalto-pa-3220", "firewall",
                          rgroup="vmo-fw-ha", crit="critical", version="10.2.10",
                          vc="vmo-fw-ha", vc_pos=i) for i in (1, 2)]
    dev1 += fw
    hosts_prod, hosts_vdi, hosts_dr = [], [], []
    for i in range(1, 9):
        hosts_prod.append(add_rack_device(
            org, h1, "vmo-esx%02d" % i, "dell-poweredge-r750", "hypervisor",
            rgroup="Prod-Stadshuset", crit="critical", hv="vmware-esxi-8",
            esx="VMware ESXi 8.0.2 build-22380479", cluster="Prod-Stadshuset",
            extra_techs=["vmware-esxi-8"], power="known" if i != 8 else "catalog"))
    for i in range(9, 13):
        hosts_vdi.append(add_rack_device(
            org, h1, "vmo-esx%02d" % i, "dell-poweredge-r650", "hypervisor", rgroup="VDI",
            crit="medium", hv="vmware-esxi-8", esx="VMware ESXi 8.0.2 build-22380479",
            cluster="VDI", extra_techs=["vmware-esxi-8"]))
    for i in range(13, 17):
        hosts_dr.append(add_rack_device(
            org, h2, "vmo-esx%02d" % i, "dell-poweredge-r740", "hypervisor", rgroup="Reserv",
            crit="high", hv="vmware-esxi-7", esx="VMware ESXi 7.0.3 build-21930508",
            cluster="Reserv", extra_techs=["vmware-esxi-7"]))
    dev1 += hosts_prod + hosts_vdi
    dev2 += hosts_dr
    st1 = add_rack_device(org, h1, "vmo-ps01", "dell-powerstore-1200t", "storage",
                          rgroup="PowerStore-Metro", crit="critical", version="3.6.1.0",
                          cluster="PowerStore-Metro")
    st2 = add_rack_device(org, h2, "vmo-ps02", "dell-powerstore-1200t", "storage",
                          rgroup="PowerStore-Metro", crit="critical", version="3.6.1.0",
                          cluster="PowerStore-Metro")
    dev1.append(st1)
    dev2.append(st2)
    bk = add_rack_device(org, h2, "vmo-bkp01", "dell-poweredge-r740xd2", "backup", crit="high",
                         os="ms-windows-server-2022", extra_techs=["ms-windows-server-2022"])
    tape = add_rack_device(org, h2, "vmo-tape01", "hpe-msl2024", "tape", crit="medium",
                           power="none")
    dev2 += [bk, tape]
    old = [add_rack_device(org, h1, "vmo-sql-fys01", "hpe-proliant-dl380-gen9", "server",
                           crit="high", os="ms-windows-server-2012r2",
                           extra_techs=["ms-windows-server-2012r2"]),
           add_rack_device(org, h1, "vmo-kortsys01", "hpe-proliant-dl380-gen9", "server",
                           crit="medium", os="ms-windows-server-2012r2", power="none",
                           extra_techs=["ms-windows-server-2012r2"])]
    dev1 += old
    fill_racks(org, halls[0]["racks"], dev1)
    fill_racks(org, halls[1]["racks"], dev2)
    make_pdus(org, halls, "vmo")
    # access layer
    sites = place_names(PROFILE["varnamo"]["access_sites"], set())
    org.access_sites = sites
    access_layer(org, sites, "cisco-catalyst-9300", "aruba-ap-515",
                 old_sw="cisco-catalyst-2960x", old_share=0.22)
    clusters = [("Prod-Stadshuset", [h["name"] for h in hosts_prod], 7),
                ("VDI", [h["name"] for h in hosts_vdi], 2),
                ("Reserv", [h["name"] for h in hosts_dr], 2)]
    org.clusters = [("Prod-Stadshuset", "VMware vSphere", "Stadshuset"),
                    ("VDI", "VMware vSphere", "Stadshuset"),
                    ("Reserv", "VMware vSphere", "Räddningsstationen"),
                    ("PowerStore-Metro", "Lagringsreplikering", "Stadshuset")]
    make_vms(org, clusters, PROFILE["varnamo"]["vms"], lambda t: RVT_OS[t][0])
    return org


# ---------------------------------------------------------------- Gislaved
def build_gislaved():
    org = O["gislaved"]
    halls = build_common(org, [
        ("Kommunhuset", "Datahallen", 6, 24, 23, ["DH-01", "DH-02", "DH-03", "DH-04"]),
        ("Anderstorp Servicehus", "Reservhallen", 3, 10, 9, ["R-01", "R-02"]),
    ])
    h1 = dict(site="Kommunhuset", hall="Datahallen")
    h2 = dict(site="Anderstorp Servicehus", hall="Reservhallen")
    dev1, dev2 = [], []
    dev1 += [add_rack_device(org, h1, "gis-core-%d" % i, "cisco-catalyst-9500", "core-switch",
                             rgroup="gis-core", crit="critical", version="17.6.5",
                             vc="gis-core", vc_pos=i) for i in (1, 2)]
    dev1 += [add_rack_device(org, h1, "gis-fw-%d" % i, "fortinet-fortigate-200f", "firewall",
                             rgroup="gis-fw", crit="critical", version="7.2.8",
                             vc="gis-fw", vc_pos=i) for i in (1, 2)]
    k1, k2 = [], []
    for i in range(1, 9):
        k1.append(add_rack_device(
            org, h1, "gis-esx%02d" % i, "hpe-proliant-dl380-gen10", "hypervisor",
            rgroup="GIS-Kluster01", crit="critical", hv="vmware-esxi-7", cluster="GIS-Kluster01",
            platform="VMware ESXi 7.0 U3", extra_techs=["vmware-esxi-7"],
            power="known" if i not in (7, 8) else "catalog"))
    for i in range(9, 13):
        k2.append(add_rack_device(
            org, h2, "gis-esx%02d" % i, "hpe-proliant-dl380-gen10-plus", "hypervisor",
            rgroup="GIS-Kluster02", crit="high", hv="vmware-esxi-8", cluster="GIS-Kluster02",
            platform="VMware ESXi 8.0 U2", extra_techs=["vmware-esxi-8"]))
    dev1 += k1
    dev2 += k2
    dev1.append(add_rack_device(org, h1, "gis-nimble01", "hpe-nimble-hf40", "storage",
                                rgroup="Nimble-Repl", crit="critical", version="6.1.2.200",
                                cluster="Nimble-Repl"))
    dev2.append(add_rack_device(org, h2, "gis-nimble02", "hpe-nimble-hf40", "storage",
                                rgroup="Nimble-Repl", crit="critical", version="6.1.2.200",
                                cluster="Nimble-Repl"))
    dev1.append(add_rack_device(org, h1, "gis-storeonce01", "hpe-storeonce-3620", "backup",
                                crit="high", version="4.3.6", power="none"))
    dev1.append(add_rack_device(org, h1, "gis-lic01", "hpe-proliant-dl360-gen9", "server",
                                crit="low", os="ms-windows-server-2012r2", power="catalog",
                                platform="Windows Server 2012 R2",
                                extra_techs=["ms-windows-server-2012r2"]))
    fill_racks(org, halls[0]["racks"], dev1)
    fill_racks(org, halls[1]["racks"], dev2)
    make_pdus(org, halls, "gis")
    sites = place_names(PROFILE["gislaved"]["access_sites"], set())
    org.access_sites = sites
    access_layer(org, sites, "cisco-catalyst-9300", "cisco-catalyst-9120")
    clusters = [("GIS-Kluster01", [h["name"] for h in k1], 3),
                ("GIS-Kluster02", [h["name"] for h in k2], 1)]
    org.clusters = [("GIS-Kluster01", "VMware vSphere", "Kommunhuset"),
                    ("GIS-Kluster02", "VMware vSphere", "Anderstorp Servicehus"),
                    ("Nimble-Repl", "Lagringsreplikering", "Kommunhuset")]
    make_vms(org, clusters, PROFILE["gislaved"]["vms"], lambda t: NB_PLATFORM["gislaved"][t])
    return org


# ---------------------------------------------------------------- Gnosjö
def build_gnosjo():
    org = O["gnosjo"]
    halls = build_common(org, [("Gnosjö kommunhus", "Serverrummet", 4, 12, 10,
                                ["R1", "R2", "R3"])])
    h1 = dict(site="Gnosjö kommunhus", hall="Serverrummet")
    dev = []
    dev += [add_rack_device(org, h1, "gno-core0%d" % i, "extreme-x690", "core-switch",
                            rgroup="kärnswitch", crit="critical", version="31.7.1.4")
            for i in (1, 2)]
    dev += [add_rack_device(org, h1, "gno-fw0%d" % i, "fortinet-fortigate-100f", "firewall",
                            rgroup="brandvägg", crit="critical", version="7.0.15")
            for i in (1, 2)]
    hosts = []
    for i in range(1, 5):
        hosts.append(add_rack_device(org, h1, "gno-esx0%d" % i, "hpe-proliant-dl360-gen9",
                                     "hypervisor", rgroup="Gnosjö-kluster", crit="critical",
                                     hv="vmware-esxi-6.7", extra_techs=["vmware-esxi-6.7"],
                                     power="known" if i != 4 else "none"))
    for i in range(5, 7):
        hosts.append(add_rack_device(org, h1, "gno-esx0%d" % i, "dell-poweredge-r640",
                                     "hypervisor", rgroup="Gnosjö-kluster", crit="critical",
                                     hv="vmware-esxi-7", extra_techs=["vmware-esxi-7"]))
    dev += hosts
    dev.append(add_rack_device(org, h1, "gno-san01", "dell-unity-xt-380", "storage",
                               rgroup="san", crit="critical", version="5.3.1"))
    dev.append(add_rack_device(org, h1, "gno-san02", "dell-unity-300", "storage",
                               rgroup="san", crit="high", version="5.1.2"))
    dev.append(add_rack_device(org, h1, "gno-bkp01", "dell-poweredge-r540", "backup",
                               crit="high", os="ms-windows-server-2019",
                               extra_techs=["ms-windows-server-2019"]))
    ups = add_rack_device(org, h1, "gno-ups01", "eaton-9px", "ups", crit="high", power="known")
    ups["power_w"] = 1100  # losses, recorded as "1 100"
    dev.append(ups)
    fill_racks(org, halls[0]["racks"], dev)
    sites = place_names(PROFILE["gnosjo"]["access_sites"], set())
    org.access_sites = sites
    access_layer(org, sites, "extreme-x440-g2", "extreme-ap305c")
    clusters = [("Gnosjö-kluster", [h["name"] for h in hosts], 1)]
    org.clusters = [("Gnosjö-kluster", "VMware vSphere", "Gnosjö kommunhus")]
    make_vms(org, clusters, PROFILE["gnosjo"]["vms"], lambda t: GNO_OS[t])
    return org


# ---------------------------------------------------------------- Vaggeryd
def build_vaggeryd():
    org = O["vaggeryd"]
    halls = build_common(org, [("Vaggeryds kommunhus", "Serverhallen", 5, 18, 16,
                                ["S1", "S2", "S3", "S4"])])
    h1 = dict(site="Vaggeryds kommunhus", hall="Serverhallen")
    dev = []
    dev += [add_rack_device(org, h1, "vgd-core0%d" % i, "cisco-catalyst-9500", "core-switch",
                            rgroup="core", crit="critical", version="17.9.4a")
            for i in (1, 2)]
    dev += [add_rack_device(org, h1, "vgd-fw0%d" % i, "fortinet-fortigate-200f", "firewall",
                            rgroup="fw", crit="critical", version="7.4.4") for i in (1, 2)]
    pve = []
    for i in range(1, 9):
        hv = "proxmox-ve-9" if i <= 6 else "proxmox-ve-8"
        pve.append(add_rack_device(org, h1, "vgd-pve0%d" % i, "dell-poweredge-r650",
                                   "hypervisor", rgroup="pve-vgd", crit="critical", hv=hv,
                                   extra_techs=[hv], power="known" if i != 8 else "catalog"))
    esx = [add_rack_device(org, h1, "vgd-esx0%d" % i, "hpe-proliant-dl380-gen9", "hypervisor",
                           rgroup="vgd-legacy", crit="medium", hv="vmware-esxi-7",
                           extra_techs=["vmware-esxi-7"]) for i in (1, 2)]
    dev += pve + esx
    dev.append(add_rack_device(org, h1, "vgd-me5024", "dell-powervault-me5024", "storage",
                               crit="high", version="ME5.1.2.0.1"))
    dev.append(add_rack_device(org, h1, "vgd-nas01", "synology-rs3621xs", "backup",
                               crit="medium", version="DSM 7.2.1", power="none"))
    fill_racks(org, halls[0]["racks"], dev)
    sites = place_names(PROFILE["vaggeryd"]["access_sites"], set())
    org.access_sites = sites
    access_layer(org, sites, "cisco-catalyst-9300", "cisco-meraki-mr46",
                 old_sw="cisco-catalyst-3750x", old_share=0.25)
    clusters = [("pve-vgd", [h["name"] for h in pve], 6), ("vgd-legacy",
                                                          [h["name"] for h in esx], 1)]
    org.clusters = [("pve-vgd", "Proxmox VE", "Vaggeryds kommunhus"),
                    ("vgd-legacy", "VMware vSphere", "Vaggeryds kommunhus")]
    make_vms(org, clusters, PROFILE["vaggeryd"]["vms"], lambda t: NMAP_OS[t][0])
    return org


# ---------------------------------------------------------------- Hylte
def build_hylte():
    org = O["hylte"]
    halls = build_common(org, [("Hylte kommunhus", "Serverrum 1", 4, 14, 14,
                                ["H1", "H2", "H3"])])
    h1 = dict(site="Hylte kommunhus", hall="Serverrum 1")
    dev = []
    dev += [add_rack_device(org, h1, "HYL-CORE0%d" % i, "aruba-cx-8325", "core-switch",
                            rgroup="core-vsx", crit="critical", version="10.13.1000")
            for i in (1, 2)]
    dev += [add_rack_device(org, h1, "HYL-FW0%d" % i, "fortinet-fortigate-400f", "firewall",
                            rgroup="fw-ha", crit="critical", version="7.2.9") for i in (1, 2)]
    hosts = [add_rack_device(org, h1, "HYL-HV0%d" % i, "hpe-proliant-dl380-gen10-plus",
                             "hypervisor", rgroup="HYL-HVCL01", crit="critical",
                             hv="ms-hyperv-2019", extra_techs=["ms-hyperv-2019"],
                             power="known" if i != 6 else "catalog")
             for i in range(1, 7)]
    dev += hosts
    dev += [add_rack_device(org, h1, "HYL-ALLETRA0%d" % i, "hpe-alletra-6010", "storage",
                            rgroup="alletra", crit="critical", version="6.1.2.100")
            for i in (1, 2)]
    dev.append(add_rack_device(org, h1, "HYL-BKP01", "hpe-proliant-dl380-gen10", "backup",
                               crit="high", os="ms-windows-server-2019",
                               extra_techs=["ms-windows-server-2019"]))
    fill_racks(org, halls[0]["racks"], dev)
    sites = place_names(PROFILE["hylte"]["access_sites"], set())
    org.access_sites = sites
    access_layer(org, sites, "aruba-2930f", "aruba-ap-505")
    clusters = [("HYL-HVCL01", [h["name"] for h in hosts], 1)]
    org.clusters = [("HYL-HVCL01", "Microsoft Hyper-V failover cluster", "Hylte kommunhus")]
    make_vms(org, clusters, PROFILE["hylte"]["vms"], lambda t: HYL_OS[t])
    return org


# --------------------------------------------------------------------------------------------
# Spellings of the same technology in different sources
# --------------------------------------------------------------------------------------------
# RVTools: (OS according to the configuration file, OS according to the VMware Tools)
RVT_OS = {
    "ms-windows-server-2012r2": ("Microsoft Windows Server 2012 (64-bit)",
                                 "Microsoft Windows Server 2012 R2 Standard"),
    "ms-windows-server-2016": ("Microsoft Windows Server 2016 or later (64-bit)",
                               "Microsoft Windows Server 2016 Standard"),
    "ms-windows-server-2019": ("Microsoft Windows Server 2019 (64-bit)",
                               "Microsoft Windows Server 2019 Standard"),
    "ms-windows-server-2022": ("Microsoft Windows Server 2022 (64-bit)",
                               "Microsoft Windows Server 2022 Datacenter"),
    "ubuntu-22.04": ("Ubuntu Linux (64-bit)", "Ubuntu 22.04.4 LTS"),
    "rhel-8": ("Red Hat Enterprise Linux 8 (64-bit)", "Red Hat Enterprise Linux 8.9 (Ootpa)"),
    "centos-7": ("CentOS 7 (64-bit)", "CentOS Linux 7 (Core)"),
}
NB_PLATFORM = {
    "varnamo": {"ms-windows-server-2012r2": "Windows Server 2012 R2",
                "ms-windows-server-2016": "Windows Server 2016",
                "ms-windows-server-2019": "Windows Server 2019 Standard",
                "ms-windows-server-2022": "Windows Server 2022 Datacenter",
                "ubuntu-22.04": "Ubuntu 22.04", "rhel-8": "RHEL 8", "centos-7": "CentOS 7"},
    "gislaved": {"ms-windows-server-2012r2": "Windows Server 2012 R2",
                 "ms-windows-server-2016": "Windows Server 2016",
                 "ms-windows-server-2019": "Windows Server 2019",
                 "ms-windows-server-2022": "Windows Server 2022",
                 "ubuntu-22.04": "Ubuntu 22.04 LTS", "ubuntu-20.04": "Ubuntu 20.04 LTS",
                 "rhel-8": "Red Hat Enterprise Linux 8"},
}
# Gnosjö: (tillverkare, modell, version)
GNO_OS = {
    "ms-windows-server-2012r2": ("Microsoft", "Windows Server", "2012 R2"),
    "ms-windows-server-2016": ("Microsoft", "Windows Server", "2016"),
    "ms-windows-server-2019": ("Microsoft", "Windows Server 2019 Std", ""),
    "ms-windows-server-2022": ("Microsoft", "Windows Server", "2022"),
    "ubuntu-20.04": ("Canonical", "Ubuntu", "20.04"),
    "centos-7": ("CentOS", "CentOS", "7.9"),
}
# Vaggeryd nmap: (osmatch name, osclass osgen, cpe)
NMAP_OS = {
    "ms-windows-server-2012r2": ("Microsoft Windows Server 2012 R2", "2012",
                                 "cpe:/o:microsoft:windows_server_2012:r2"),
    "ms-windows-server-2016": ("Microsoft Windows Server 2016", "2016",
                               "cpe:/o:microsoft:windows_server_2016"),
    "ms-windows-server-2019": ("Microsoft Windows Server 2019", "2019",
                               "cpe:/o:microsoft:windows_server_2019"),
    "ms-windows-server-2022": ("Microsoft Windows Server 2022", "2022",
                               "cpe:/o:microsoft:windows_server_2022"),
    "ubuntu-22.04": ("Linux 5.0 - 5.14", "5.X", "cpe:/o:linux:linux_kernel:5"),
    "ubuntu-20.04": ("Linux 4.15 - 5.8", "4.X", "cpe:/o:linux:linux_kernel:4"),
}
# Hylte supplier sheet: (vendor, product, version)
HYL_OS = {
    "ms-windows-server-2012r2": ("Microsoft Corporation", "Windows Server 2012 R2 Standard",
                                 "6.3.9600"),
    "ms-windows-server-2016": ("Microsoft Corporation", "Windows Server 2016 Standard",
                               "10.0.14393"),
    "ms-windows-server-2019": ("Microsoft Corporation", "MS Windows Server 2019 Datacenter",
                               "10.0.17763"),
    "ms-windows-server-2022": ("Microsoft Corporation", "Windows Server 2022 Datacenter",
                               "10.0.20348"),
    "rhel-8": ("Red Hat", "RHEL", "8.8"),
}


# --------------------------------------------------------------------------------------------
# Networks and services (shared by every org)
# --------------------------------------------------------------------------------------------
def build_networks(org):
    hallsite = {"hall1": org.halls[0]["site"],
                "hall2": org.halls[1]["site"] if len(org.halls) > 1 else org.halls[0]["site"]}
    for prefix, vlan, name, role, sk, vrf in NETPLAN[org.id]:
        site = hallsite.get(sk, "")
        org.prefixes.append(dict(prefix=prefix, vlan=vlan, name=name, role=role, site=site,
                                 vrf=vrf))
        if vlan is not None and not any(v["vid"] == vlan and v["site"] == site
                                         for v in org.vlans):
            org.vlans.append(dict(vid=vlan, name=name, site=site, role=role))


def pick_prefix(org, role_word, n=0):
    c = [p for p in org.prefixes if role_word.lower() in p["role"].lower() and p["vlan"]]
    return c[n % len(c)]["prefix"]


def assign_addresses(org):
    servers = [p["prefix"] for p in org.prefixes
               if p["role"].lower() in ("servrar", "servers") and p["vlan"]]
    # de-duplicate while keeping order
    servers = list(dict.fromkeys(servers))
    pools = [Hosts(p, 10) for p in servers]
    mgmt = Hosts(pick_prefix(org, "management"), 10)
    vms = [a for a in org.assets if a["kind"] == "vm"]
    for i, vm in enumerate(vms):
        pool = pools[0] if pools[0].next < 240 else pools[min(1, len(pools) - 1)]
        if len(pools) > 1 and i % 5 == 4 and pools[1].next < 240:
            pool = pools[1]
        vm["ip"] = str(pool.take())
        org.addresses[vm["ip"]] = vm["name"]
    has_net = any("network" in p["role"].lower() for p in org.prefixes)
    net = Hosts(pick_prefix(org, "network") if has_net else pick_prefix(org, "management"), 100)
    for a in org.assets:
        if a["kind"] == "device" and a["hall"] and a["role"] != "pdu":
            pool = net if has_net and a["role"] in ("core-switch", "firewall") else mgmt
            a["mgmt_ip"] = str(pool.take())
            org.addresses[a["mgmt_ip"]] = a["name"]
    # access switches get management addresses in the network/management range
    for a in org.assets:
        if a["kind"] == "device" and a["role"] == "access-switch":
            if net.next < 250:
                a["mgmt_ip"] = str(net.take())
                org.addresses[a["mgmt_ip"]] = a["name"]


def build_services(org):
    pfx = PROFILE[org.id]["prefix"]
    for key, deps in SERVICE_DEPS[org.id].items():
        disp, crit, stems = SERVICES[key]
        org.add(name=disp, kind="service", role=key, crit=crit, vendor="", product="",
                version="", techs=[], eol="")
    for key, deps in SERVICE_DEPS[org.id].items():
        disp = SERVICES[key][0]
        for stem in SERVICES[key][2]:
            vmname = vm_name(org, stem)
            assert vmname in org.by_name, (org.id, vmname)
            org.rel(disp, "depends_on", vmname)
        for d in deps:
            org.rel(disp, "depends_on", SERVICES[d][0])
    # backup service depends on the backup box too
    for a in org.assets:
        if a.get("role") == "backup" and a["kind"] == "device":
            org.rel(SERVICES["backup"][0], "depends_on", a["name"])


# --------------------------------------------------------------------------------------------
# spelling register (which raw strings name one technology in which file)
# --------------------------------------------------------------------------------------------
SPELL = {}


def note(org, tech, text, fname):
    SPELL.setdefault(tech, set()).add((org.id, fname, text))


# --------------------------------------------------------------------------------------------
# NetBox writer (Gislaved, Värnamo)
# --------------------------------------------------------------------------------------------
NB_ROLE = {
    "varnamo": {"core-switch": "Core Switch", "dc-switch": "DC Switch", "firewall": "Firewall",
                "hypervisor": "Hypervisor", "storage": "Storage", "backup": "Backup Server",
                "tape": "Tape Library", "server": "Server", "pdu": "PDU",
                "access-switch": "Access Switch", "access-point": "Access Point"},
    "gislaved": {"core-switch": "Kärnswitch", "firewall": "Brandvägg",
                 "hypervisor": "Virtualiseringsvärd", "storage": "Lagring",
                 "backup": "Backup", "server": "Server", "pdu": "PDU",
                 "access-switch": "Accesswitch", "access-point": "Accesspunkt"},
}
NB_AP = {"aruba-ap-515": ("Aruba", "AP-515"), "cisco-catalyst-9120": ("Cisco", "C9120AXI-E")}
NB_NETOS = {"cisco-catalyst-9500": "Cisco IOS XE", "cisco-catalyst-9300": "Cisco IOS XE",
            "cisco-catalyst-2960x": "Cisco IOS", "cisco-nexus-93180yc-fx3": "Cisco NX-OS",
            "paloalto-pa-3220": "PAN-OS", "fortinet-fortigate-200f": "FortiOS"}
MGMT_IF = {"dell": "iDRAC", "hpe-proliant": "iLO", "hpe-nimble": "mgmt", "dell-powerstore": "mgmt",
           "cisco-catalyst": "GigabitEthernet0/0", "cisco-nexus": "mgmt0", "paloalto": "mgmt",
           "fortinet": "mgmt", "hpe-storeonce": "iLO", "hpe-msl": "mgmt"}


def mgmt_if(tech):
    for k, v in MGMT_IF.items():
        if tech.startswith(k):
            return v
    return "mgmt"


def data_ifs(a):
    t = a["tech"]
    if a["role"] in ("hypervisor", "backup", "server"):
        if t.startswith("dell"):
            return ["NIC.Slot.1-1", "NIC.Slot.1-2"]
        return ["PCIe1 Port 1", "PCIe1 Port 2"]
    if a["role"] == "storage":
        return ["ctrl-a-eth2", "ctrl-b-eth2"]
    if a["role"] == "firewall":
        return ["ethernet1/1", "ethernet1/2"] if t.startswith("paloalto") else ["port1", "port2"]
    if a["role"] == "tape":
        return []
    return []


def write_netbox(org):
    oid = org.id
    d = oid + "/"
    roles = NB_ROLE[oid]
    hall_sites = [h["site"] for h in org.halls]
    # sites
    rows = []
    for s in dict.fromkeys(hall_sites):
        lat, lon = SITE_POSITION[s]
        rows.append(dict(name=s, slug="%s-%s" % (PROFILE[oid]["prefix"], slug(s)), status="active",
                         region="Jönköpings län", group="Serverhallar", tenant=DISPLAY[oid],
                         facility="", time_zone="Europe/Stockholm",
                         description="Serverhall" if oid == "gislaved" else "Server room site",
                         latitude="%.4f" % lat, longitude="%.4f" % lon))
    for s in org.access_sites:
        grp = "Skolor" if "skola" in s.lower() or "förskola" in s.lower() else "Verksamheter"
        rows.append(dict(name=s, slug="%s-%s" % (PROFILE[oid]["prefix"], slug(s)), status="active",
                         region="Jönköpings län", group=grp, tenant=DISPLAY[oid], facility="",
                         time_zone="Europe/Stockholm", description="", latitude="",
                         longitude=""))
    w(d + "sites.csv", csv_text(["name", "slug", "status", "region", "group", "tenant",
                                 "facility", "time_zone", "description", "latitude",
                                 "longitude"], rows))
    # locations (the halls)
    rows = [dict(site=h["site"], parent="", name=h["hall"], slug=slug(h["hall"]), status="active",
                 tenant=DISPLAY[oid], facility="", description="Serverhall, %d rackplatser"
                 % h["positions"]) for h in org.halls]
    w(d + "locations.csv", csv_text(["site", "parent", "name", "slug", "status", "tenant",
                                     "facility", "description"], rows))
    # racks
    rows = []
    for rk in org.racks:
        rows.append(dict(site=rk["site"], location=rk["hall"], name=rk["name"], facility_id="",
                         tenant=DISPLAY[oid], status="active", role="Server",
                         form_factor="4-post-cabinet", width=19, u_height=rk["u"],
                         desc_units="false", outer_depth=1200, outer_unit="mm",
                         airflow="front-to-rear", description=""))
    w(d + "racks.csv", csv_text(["site", "location", "name", "facility_id", "tenant", "status",
                                 "role", "form_factor", "width", "u_height", "desc_units",
                                 "outer_depth", "outer_unit", "airflow", "description"], rows))
    # virtual chassis
    vcs = {}
    for a in org.assets:
        if a.get("vc"):
            vcs.setdefault(a["vc"], []).append(a)
    rows = [dict(name=n, domain=n + ".local" if oid == "varnamo" else "", master=m[0]["name"],
                 description={"core-switch": "StackWise Virtual", "dc-switch": "vPC-domän",
                              "firewall": "HA active/passive"}.get(m[0]["role"], ""))
            for n, m in vcs.items()]
    w(d + "virtual-chassis.csv", csv_text(["name", "domain", "master", "description"], rows))
    # devices
    rows = []
    for a in org.assets:
        if a["kind"] != "device" or a["role"] == "printer":
            continue
        mfr, model = a["vendor"], a["product"]
        if a["role"] == "access-point":
            mfr, model = NB_AP[a["tech"]]
        platform = a.get("platform", "")
        if a.get("hv") == "vmware-esxi-8" and oid == "varnamo":
            platform = "VMware ESXi 8.0.2"
        elif a.get("hv") == "vmware-esxi-7" and oid == "varnamo":
            platform = "VMware ESXi 7.0.3"
        elif a.get("os") and not platform:
            platform = NB_PLATFORM[oid].get(a["os"], "")
        elif a["tech"] in NB_NETOS and not platform:
            platform = NB_NETOS[a["tech"]] + (" " + ".".join(a["version"].split(".")[:2])
                                              if a["version"] else "")
        if platform and a.get("hv"):
            note(org, a["hv"], "platform=" + platform, "devices.csv")
        if a.get("os") and platform:
            note(org, a["os"], "platform=" + platform, "devices.csv")
        note(org, a["tech"], "%s / %s" % (mfr, model), "devices.csv")
        rows.append(dict(name=a["name"], role=roles[a["role"]], tenant=DISPLAY[oid],
                         manufacturer=mfr, device_type=model, platform=platform,
                         serial=a["serial"], asset_tag="", status="active", site=a["site"],
                         location=a["hall"], rack=a["rack"] or "",
                         position=a["position"] if a["position"] else "",
                         face=(a.get("face") or "front") if a["rack"] else "",
                         airflow="front-to-rear" if a["rack"] else "",
                         virtual_chassis=a.get("vc", ""), vc_position=a.get("vc_pos", ""),
                         vc_priority=(255 if a.get("vc_pos") == 1 else 128) if a.get("vc") else "",
                         cluster=a.get("cluster", "") if a["role"] in ("hypervisor", "storage")
                         else "", description=""))
    w(d + "devices.csv", csv_text(["name", "role", "tenant", "manufacturer", "device_type",
                                   "platform", "serial", "asset_tag", "status", "site", "location",
                                   "rack", "position", "face", "airflow", "virtual_chassis",
                                   "vc_position", "vc_priority", "cluster", "description"], rows))
    # interfaces, cables, power
    ifrows, cables, pprows = [], [], []
    hall_devs = [a for a in org.assets if a["kind"] == "device" and a["hall"]]
    core = [a for a in hall_devs if a["role"] == "core-switch"]
    agg = [a for a in hall_devs if a["role"] == "dc-switch"] or core
    portno = {a["name"]: 1 for a in core + agg}

    def swport(sw):
        n = portno[sw["name"]]
        portno[sw["name"]] = n + 1
        if sw["tech"].startswith("cisco-nexus"):
            return "Ethernet1/%d" % n
        return "TwentyFiveGigE%d/0/%d" % (sw.get("vc_pos", 1), n)

    def add_if(dev, name, typ, mgmt=False, speed=""):
        ifrows.append(dict(device=dev, name=name, label="", type=typ, speed=speed,
                           enabled="true", mgmt_only="true" if mgmt else "false", mtu="",
                           mode="", description=""))

    for sw in core + agg:
        add_if(sw["name"], mgmt_if(sw["tech"]), "1000base-t", mgmt=True)
    for a in hall_devs:
        if a["role"] == "pdu":
            add_if(a["name"], "Ethernet", "100base-tx", mgmt=True)
            continue
        if a not in core + agg:
            add_if(a["name"], mgmt_if(a["tech"]), "1000base-t", mgmt=True)
        for k, ifn in enumerate(data_ifs(a)):
            add_if(a["name"], ifn, "25gbase-x-sfp28", speed=25000000)
            sw = agg[k % len(agg)] if a["role"] != "firewall" else core[k % len(core)]
            p = swport(sw)
            add_if(sw["name"], p, "25gbase-x-sfp28", speed=25000000)
            cables.append(dict(side_a_site=a["site"], side_a_device=a["name"],
                               side_a_type="dcim.interface", side_a_name=ifn,
                               side_b_site=sw["site"], side_b_device=sw["name"],
                               side_b_power_panel="", side_b_type="dcim.interface",
                               side_b_name=p, type="dac-passive" if a["rack"] == sw["rack"]
                               else "smf", status="connected", length=3, length_unit="m"))
    # inter-switch links
    if len(core) == 2:
        for k in range(2):
            p1, p2 = swport(core[0]), swport(core[1])
            add_if(core[0]["name"], p1, "25gbase-x-sfp28", speed=25000000)
            add_if(core[1]["name"], p2, "25gbase-x-sfp28", speed=25000000)
            cables.append(dict(side_a_site=core[0]["site"], side_a_device=core[0]["name"],
                               side_a_type="dcim.interface", side_a_name=p1,
                               side_b_site=core[1]["site"], side_b_device=core[1]["name"],
                               side_b_power_panel="", side_b_type="dcim.interface",
                               side_b_name=p2, type="mmf-om4", status="connected", length=5,
                               length_unit="m"))
    # access switches: management SVI only
    for a in org.assets:
        if a["kind"] == "device" and a["role"] == "access-switch" and a.get("mgmt_ip"):
            add_if(a["name"], "Vlan99", "virtual")
    # power: PSUs to rack PDUs, PDUs to power feeds
    outlet = {}
    for a in hall_devs:
        if a["role"] == "pdu":
            continue
        pdu_a = "%s-pdu-%s-a" % (PROFILE[oid]["prefix"], a["rack"].lower())
        pdu_b = pdu_a[:-1] + "b"
        n = outlet.get(a["rack"], 0) + 1
        outlet[a["rack"]] = n
        assert n <= 8, (oid, a["rack"])
        psus = ("PSU1", "PSU2")
        if a["power_w"] is not None:
            half = a["power_w"] // 2
            for psu, share in zip(psus, (half, a["power_w"] - half)):
                pprows.append(dict(device=a["name"], name=psu, label="", type="iec-60320-c14",
                                   mark_connected="false", maximum_draw="",
                                   allocated_draw=share, description=""))
        for psu, pdu in zip(psus, (pdu_a, pdu_b)):
            cables.append(dict(side_a_site=a["site"], side_a_device=a["name"],
                               side_a_type="dcim.powerport", side_a_name=psu,
                               side_b_site=a["site"], side_b_device=pdu, side_b_power_panel="",
                               side_b_type="dcim.poweroutlet", side_b_name="Outlet %d" % n,
                               type="power", status="connected", length=1, length_unit="m"))
    panels, feeds = [], []
    for h in org.halls:
        for side in ("A", "B"):
            panels.append(dict(site=h["site"], location=h["hall"], name="Elcentral %s" % side,
                               description="UPS-matad" if side == "A" else "Nät/reservkraft"))
    for rk in org.racks:
        for side in ("A", "B"):
            fname = "%s-%s" % (rk["name"], side)
            feeds.append(dict(site=rk["site"], power_panel="Elcentral %s" % side,
                              location=rk["hall"], rack=rk["name"], name=fname, status="active",
                              type="primary" if side == "A" else "redundant",
                              mark_connected="false", supply="ac", phase="three-phase",
                              voltage=400, amperage=16, max_utilization=80, description=""))
            pdu = "%s-pdu-%s-%s" % (PROFILE[oid]["prefix"], rk["name"].lower(), side.lower())
            cables.append(dict(side_a_site=rk["site"], side_a_device=pdu,
                               side_a_type="dcim.powerport", side_a_name="Power Port 1",
                               side_b_site=rk["site"], side_b_device="",
                               side_b_power_panel="Elcentral %s" % side,
                               side_b_type="dcim.powerfeed", side_b_name=fname, type="power",
                               status="connected", length=2, length_unit="m"))
    w(d + "interfaces.csv", csv_text(["device", "name", "label", "type", "speed", "enabled",
                                      "mgmt_only", "mtu", "mode", "description"], ifrows))
    w(d + "cables.csv", csv_text(["side_a_site", "side_a_device", "side_a_type", "side_a_name",
                                  "side_b_site", "side_b_device", "side_b_power_panel",
                                  "side_b_type", "side_b_name", "type", "status", "length",
                                  "length_unit"], cables))
    w(d + "power-ports.csv", csv_text(["device", "name", "label", "type", "mark_connected",
                                       "maximum_draw", "allocated_draw", "description"], pprows))
    w(d + "power-panels.csv", csv_text(["site", "location", "name", "description"], panels))
    w(d + "power-feeds.csv", csv_text(["site", "power_panel", "location", "rack", "name",
                                       "status", "type", "mark_connected", "supply", "phase",
                                       "voltage", "amperage", "max_utilization", "description"],
                                      feeds))
    # clusters
    rows = [dict(name=n, type=t, group=DISPLAY[oid], status="active", scope_type="dcim.site",
                 scope_name=s, description="") for n, t, s in org.clusters]
    w(d + "clusters.csv", csv_text(["name", "type", "group", "status", "scope_type",
                                    "scope_name", "description"], rows))
    # virtual machines
    rows = []
    for a in org.assets:
        if a["kind"] != "vm" or a.get("rvtools_only"):
            continue
        site = next(s for n, t, s in org.clusters if n == a["cluster"])
        plat = NB_PLATFORM[oid][a["os"]]
        note(org, a["os"], "platform=" + plat, "virtual-machines.csv")
        rows.append(dict(name=a["name"], status="active", role=a["role"].upper()
                         if oid == "varnamo" else a["role"], site=site, cluster=a["cluster"],
                         device="", platform=plat, vcpus=a["vcpus"],
                         memory=a["mem_gib"] * 1024, disk=a["disk_gib"] * 1024,
                         description=""))
    w(d + "virtual-machines.csv", csv_text(["name", "status", "role", "site", "cluster",
                                            "device", "platform", "vcpus", "memory", "disk",
                                            "description"], rows))
    # IPAM
    rows = [dict(prefix=p["prefix"], vrf=p["vrf"], tenant=DISPLAY[oid], site=p["site"],
                 vlan_group="", vlan=p["vlan"] if p["vlan"] is not None else "",
                 status="active" if p["vlan"] is not None else "container",
                 role=p["role"], is_pool="false", description=p["name"]) for p in org.prefixes]
    w(d + "prefixes.csv", csv_text(["prefix", "vrf", "tenant", "site", "vlan_group", "vlan",
                                    "status", "role", "is_pool", "description"], rows))
    rows = [dict(site=v["site"], group="", vid=v["vid"], name=v["name"], tenant=DISPLAY[oid],
                 status="active", role=v["role"], description="") for v in org.vlans]
    w(d + "vlans.csv", csv_text(["site", "group", "vid", "name", "tenant", "status", "role",
                                 "description"], rows))
    rows = []
    dom = PROFILE[oid]["domain"]
    for a in org.assets:
        if a["kind"] == "device" and a.get("mgmt_ip"):
            plen = ipaddress.ip_network(next(p["prefix"] for p in org.prefixes if
                                             ipaddress.ip_address(a["mgmt_ip"]) in
                                             ipaddress.ip_network(p["prefix"]) and p["vlan"])
                                        ).prefixlen
            ifn = "Vlan99" if a["role"] == "access-switch" else mgmt_if(a["tech"])
            org.visible.add(a["mgmt_ip"])
            rows.append(dict(address="%s/%d" % (a["mgmt_ip"], plen), vrf="", tenant=DISPLAY[oid],
                             status="active", role="", device=a["name"], interface=ifn,
                             is_primary="true", dns_name="%s.%s" % (a["name"], dom),
                             description=""))
    for a in org.assets:
        if a["kind"] == "vm" and a.get("ip") and not a.get("rvtools_only"):
            plen = ipaddress.ip_network(next(p["prefix"] for p in org.prefixes if
                                             ipaddress.ip_address(a["ip"]) in
                                             ipaddress.ip_network(p["prefix"]) and p["vlan"])
                                        ).prefixlen
            org.visible.add(a["ip"])
            rows.append(dict(address="%s/%d" % (a["ip"], plen), vrf="", tenant=DISPLAY[oid],
                             status="active", role="", device="", interface="",
                             is_primary="", dns_name="%s.%s" % (a["name"], dom),
                             description="VM"))
    w(d + "ip-addresses.csv", csv_text(["address", "vrf", "tenant", "status", "role", "device",
                                        "interface", "is_primary", "dns_name", "description"],
                                       rows))
    write_services_generic(org, d + "assets.csv", d + "relations.csv")
    write_halls_generic(org, d + "halls.csv", english=True)


GEN_HDR_EN = ["name", "kind", "role", "vendor", "product", "version", "serial", "site", "hall",
              "rack", "position", "u_height", "power_w", "redundancy_group", "criticality", "eol"]
GEN_HDR_SV = ["namn", "typ", "roll", "tillverkare", "modell", "version", "serienummer", "plats",
              "hall", "rack", "position", "hojd_u", "effekt_w", "redundansgrupp", "kritikalitet",
              "slut_support"]


def write_services_generic(org, apath, rpath):
    rows = []
    for a in org.assets:
        if a["kind"] == "service":
            rows.append([a["name"], "service", a["role"], "", "", "", "", "", "", "", "", "", "",
                         "", a["crit"], ""])
    w(apath, csv_text(GEN_HDR_EN, rows))
    w(rpath, csv_text(["source", "relation", "target"], org.relations))


def write_halls_generic(org, path, english=True, bom=False):
    rows = [[h["site"], h["hall"], h["positions"], h["power_kw"], h["cooling_kw"]]
            for h in org.halls]
    text = csv_text(["site", "hall", "positions", "power_kw", "cooling_kw"], rows)
    w(path, ("\ufeff" if bom else "") + text)


# --------------------------------------------------------------------------------------------
# RVTools (Värnamo)
# --------------------------------------------------------------------------------------------
VINFO_COLS = ["VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name",
              "Connection state", "Guest state", "Heartbeat", "Consolidation Needed", "PowerOn",
              "Suspended To Memory", "Suspend time", "Creation date", "Change Version", "CPUs",
              "Memory", "NICs", "Disks", "Total disk capacity MiB", "EnableUUID", "CBT",
              "Primary IP Address", "Network #1", "Resource pool", "Folder", "vApp",
              "FT State", "Provisioned MiB", "In Use MiB", "Unshared MiB", "HA Restart Priority",
              "HA Isolation Response", "Annotation", "Datacenter", "Cluster", "Host",
              "OS according to the configuration file", "OS according to the VMware Tools",
              "VM ID", "SMBIOS UUID", "VM UUID", "VI SDK Server type", "VI SDK API Version",
              "VI SDK Server", "VI SDK UUID"]
VHOST_COLS = ["Host", "Datacenter", "Cluster", "Config status", "in Maintenance Mode",
              "in Quarantine Mode", "CPU Model", "Speed", "HT Available", "HT Active", "# CPU",
              "Cores per CPU", "# Cores", "CPU usage %", "# Memory", "Memory usage %", "Console",
              "# NICs", "# HBAs", "# VMs total", "# VMs", "VMs per Core", "# vCPUs",
              "vCPUs per Core", "vRAM", "VM Used memory", "VMotion support",
              "Storage VMotion support", "Current EVC", "Max EVC", "Assigned License(s)",
              "ESX Version", "Boot time", "DNS Servers", "DHCP", "Domain", "NTP Server(s)",
              "NTPD running", "Time Zone Name", "GMT Offset", "Vendor", "Model",
              "Serial number", "Service tag", "OEM specific string", "BIOS Vendor",
              "BIOS Version", "BIOS Date", "Object ID", "UUID", "VI SDK Server", "VI SDK UUID"]
VCLUSTER_COLS = ["Name", "Config status", "OverallStatus", "NumHosts", "numEffectiveHosts",
                 "TotalCpu", "NumCpuCores", "NumCpuThreads", "Effective Cpu", "TotalMemory",
                 "Effective Memory", "Num VMotions", "HA enabled", "Failover Level",
                 "AdmissionControlEnabled", "Host monitoring", "Isolation Response",
                 "Restart Priority", "VM Monitoring", "DRS enabled", "DRS default VM behavior",
                 "DRS vmotion rate", "DPM enabled", "DPM default behavior", "Object ID",
                 "VI SDK Server", "VI SDK UUID"]
VDS_COLS = ["Name", "Config status", "Address", "Accessible", "Type", "# VMs total", "# VMs",
            "Capacity MiB", "Provisioned MiB", "In Use MiB", "Free MiB", "Free %",
            "SIOC enabled", "SIOC Threshold", "# Hosts", "Hosts", "Cluster name",
            "Cluster capacity MiB", "Cluster free space MiB", "Block size", "Max Blocks",
            "# Extents", "Major Version", "Version", "VMFS Upgradeable", "MHA", "URL",
            "Object ID", "VI SDK Server", "VI SDK UUID"]


def write_rvtools(org):
    vc = "vmo-vcsa01.ad.varnamo.example"
    vc_uuid = ruuid()
    hosts = [a for a in org.assets if a.get("hv") in ("vmware-esxi-8", "vmware-esxi-7")]
    vms = [a for a in org.assets if a["kind"] == "vm"]
    cl_of = {h["name"]: h["cluster"] for h in hosts}
    dc_of = {"Prod-Stadshuset": "Värnamo", "VDI": "Värnamo", "Reserv": "Värnamo-DR"}
    rows = []

    def vinfo(name, power, template, cpus, mem_mib, disk_gib, ip, host, osk, annotation=""):
        cfg, tools = RVT_OS[osk]
        prov = disk_gib * 1024 + mem_mib
        used = int(prov * R.uniform(0.35, 0.8))
        created = datetime.datetime(2016, 1, 1) + datetime.timedelta(
            minutes=R.randrange(60 * 24 * 365 * 8))
        pon = datetime.datetime(2026, 9, 1) + datetime.timedelta(minutes=R.randrange(60 * 24 * 80))
        return {"VM": name, "Powerstate": power, "Template": template,
                "SRM Placeholder": "False", "Config status": "green",
                "DNS Name": "" if template == "True" or power != "poweredOn"
                else "%s.%s" % (name, PROFILE["varnamo"]["domain"]),
                "Connection state": "connected",
                "Guest state": "running" if power == "poweredOn" else "notRunning",
                "Heartbeat": "green" if power == "poweredOn" else "gray",
                "Consolidation Needed": "False",
                "PowerOn": pon.strftime("%Y-%m-%d %H:%M:%S") if power == "poweredOn" else "",
                "Suspended To Memory": "False", "Suspend time": "",
                "Creation date": created.strftime("%Y-%m-%d %H:%M:%S"),
                "Change Version": created.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ"
                % R.randrange(10 ** 6), "CPUs": cpus, "Memory": mem_mib, "NICs": 1,
                "Disks": 1 + (disk_gib > 200), "Total disk capacity MiB": disk_gib * 1024,
                "EnableUUID": "False", "CBT": "True", "Primary IP Address": ip,
                "Network #1": "VLAN%d-Servrar" % (10 if ip.startswith("10.20.10.") else 11)
                if ip else "VLAN10-Servrar", "Resource pool": "Resources",
                "Folder": "Mallar" if template == "True" else "Servrar", "vApp": "",
                "FT State": "notConfigured", "Provisioned MiB": prov, "In Use MiB": used,
                "Unshared MiB": used, "HA Restart Priority": "clusterRestartPriority",
                "HA Isolation Response": "none", "Annotation": annotation,
                "Datacenter": dc_of[cl_of[host]], "Cluster": cl_of[host], "Host": host,
                "OS according to the configuration file": cfg,
                "OS according to the VMware Tools": tools if power == "poweredOn" else "",
                "VM ID": "vm-%d" % R.randrange(1000, 99999), "SMBIOS UUID": ruuid(),
                "VM UUID": ruuid(), "VI SDK Server type": "VMware vCenter Server",
                "VI SDK API Version": "8.0.2.0", "VI SDK Server": vc, "VI SDK UUID": vc_uuid}

    for vm in vms:
        if vm["host"] not in cl_of:
            continue
        r = vinfo(vm["name"], "poweredOn", "False", vm["vcpus"], vm["mem_gib"] * 1024,
                  vm["disk_gib"], vm["ip"], vm["host"], vm["os"])
        note(org, vm["os"], "RVTools config=%s | tools=%s" % (r[VINFO_COLS[37]], r[VINFO_COLS[38]]),
             "RVTools_tabvInfo.csv")
        rows.append(r)
    prod = [h["name"] for h in hosts if h["cluster"] == "Prod-Stadshuset"]
    for i, (osk, nm) in enumerate([("ms-windows-server-2022", "TPL-WS2022-STD"),
                                   ("ms-windows-server-2019", "TPL-WS2019-STD"),
                                   ("ubuntu-22.04", "TPL-UBUNTU2204"),
                                   ("ms-windows-server-2016", "TPL-WS2016-STD")]):
        rows.append(vinfo(nm, "poweredOff", "True", 2, 4096, 80, "", prod[i], osk,
                          annotation="Mall, uppdaterad 2026-08"))
    # VMs that exist in vCenter but never made it into NetBox (powered off, to be retired)
    for i, osk in enumerate(["ms-windows-server-2012r2", "ms-windows-server-2012r2",
                             "centos-7"]):
        nm = "vmo-old-%s%02d" % (("app", "app", "web")[i], i + 1)
        vm = org.add(name=nm, kind="vm", role="old", os=osk, vcpus=2, mem_gib=8, disk_gib=100,
                     cluster="Reserv", host=[h["name"] for h in hosts
                                             if h["cluster"] == "Reserv"][i],
                     status="offline", techs=[osk], crit="low", eol=TECH[osk][3],
                     rvtools_only=True, ip="")
        rows.append(vinfo(nm, "poweredOff", "False", 2, 8192, 100, "", vm["host"], osk,
                          annotation="Avställd, ska tas bort"))
    w("varnamo/RVTools_tabvInfo.csv", csv_text(VINFO_COLS, rows))
    # vHost
    rows = []
    for h in hosts:
        r750 = h["tech"] == "dell-poweredge-r750"
        r650 = h["tech"] == "dell-poweredge-r650"
        cpu = ("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz" if r750 else
               "Intel(R) Xeon(R) Gold 5318Y CPU @ 2.10GHz" if r650 else
               "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz")
        cores = 32 if r750 else 24 if r650 else 20
        mem = 1048576 if r750 else 786432 if r650 else 524288
        nvm = sum(1 for v in vms if v.get("host") == h["name"])
        vcpu = sum(v["vcpus"] for v in vms if v.get("host") == h["name"])
        esx = h["esx"]
        note(org, h["hv"], "RVTools ESX Version=" + esx, "RVTools_tabvHost.csv")
        note(org, h["tech"], "RVTools Vendor/Model=Dell Inc. / " + h["product"],
             "RVTools_tabvHost.csv")
        rows.append({"Host": h["name"], "Datacenter": dc_of[h["cluster"]],
                     "Cluster": h["cluster"], "Config status": "green",
                     "in Maintenance Mode": "False", "in Quarantine Mode": "False",
                     "CPU Model": cpu, "Speed": 2000 if r750 else 2100 if r650 else 2500,
                     "HT Available": "True", "HT Active": "True", "# CPU": 2,
                     "Cores per CPU": cores, "# Cores": 2 * cores,
                     "CPU usage %": R.randint(18, 55), "# Memory": mem,
                     "Memory usage %": R.randint(40, 78), "Console": "", "# NICs": 4,
                     "# HBAs": 3, "# VMs total": nvm, "# VMs": nvm,
                     "VMs per Core": "%.2f" % (nvm / (2 * cores)), "# vCPUs": vcpu,
                     "vCPUs per Core": "%.2f" % (vcpu / (2 * cores)),
                     "vRAM": sum(v["mem_gib"] * 1024 for v in vms if v.get("host") == h["name"]),
                     "VM Used memory": R.randint(100000, 400000), "VMotion support": "True",
                     "Storage VMotion support": "True", "Current EVC": "intel-icelake"
                     if h["hv"] == "vmware-esxi-8" else "intel-cascadelake",
                     "Max EVC": "intel-icelake" if h["hv"] == "vmware-esxi-8"
                     else "intel-cascadelake",
                     "Assigned License(s)": "VMware vSphere 8 Enterprise Plus"
                     if h["hv"] == "vmware-esxi-8" else "VMware vSphere 7 Enterprise Plus",
                     "ESX Version": esx, "Boot time": "2026-0%d-%02d 03:%02d:11"
                     % (R.randint(6, 9), R.randint(1, 28), R.randint(0, 59)),
                     "DNS Servers": ", ".join(dns_servers(org)), "DHCP": "False",
                     "Domain": PROFILE["varnamo"]["domain"],
                     "NTP Server(s)": dns_servers(org)[0],
                     "NTPD running": "True", "Time Zone Name": "UTC", "GMT Offset": 0,
                     "Vendor": "Dell Inc.", "Model": h["product"],
                     "Serial number": h["serial"], "Service tag": h["serial"],
                     "OEM specific string": "Dell System, 5[0000]",
                     "BIOS Vendor": "Dell Inc.", "BIOS Version": "1.13.2",
                     "BIOS Date": "2025-03-11 00:00:00", "Object ID": "host-%d"
                     % R.randrange(1000, 9999), "UUID": ruuid(), "VI SDK Server": vc,
                     "VI SDK UUID": vc_uuid})
    w("varnamo/RVTools_tabvHost.csv", csv_text(VHOST_COLS, rows))
    # vCluster
    rows = []
    for cname in ("Prod-Stadshuset", "VDI", "Reserv"):
        hs = [r for r in rows_host(hosts, cname)]
        ncores = sum(64 if h["tech"] == "dell-poweredge-r750" else 48
                     if h["tech"] == "dell-poweredge-r650" else 40 for h in hs)
        mhz = sum((64 * 2000) if h["tech"] == "dell-poweredge-r750" else (48 * 2100)
                  if h["tech"] == "dell-poweredge-r650" else (40 * 2500) for h in hs)
        mem_b = sum((1024 if h["tech"] == "dell-poweredge-r750" else 768
                     if h["tech"] == "dell-poweredge-r650" else 512) for h in hs) * 1024 ** 3
        rows.append({"Name": cname, "Config status": "green",
                     "OverallStatus": "green" if cname != "Reserv" else "yellow",
                     "NumHosts": len(hs), "numEffectiveHosts": len(hs), "TotalCpu": mhz,
                     "NumCpuCores": ncores, "NumCpuThreads": 2 * ncores,
                     "Effective Cpu": int(mhz * 0.93), "TotalMemory": mem_b,
                     "Effective Memory": int(mem_b / 1024 ** 2 * 0.95),
                     "Num VMotions": R.randint(200, 5000), "HA enabled": "True",
                     "Failover Level": 1, "AdmissionControlEnabled": "True",
                     "Host monitoring": "enabled", "Isolation Response": "none",
                     "Restart Priority": "medium", "VM Monitoring": "vmMonitoringDisabled",
                     "DRS enabled": "True" if cname != "Reserv" else "False",
                     "DRS default VM behavior": "fullyAutomated", "DRS vmotion rate": 3,
                     "DPM enabled": "False", "DPM default behavior": "automated",
                     "Object ID": "domain-c%d" % R.randrange(10, 999), "VI SDK Server": vc,
                     "VI SDK UUID": vc_uuid})
    w("varnamo/RVTools_tabvCluster.csv", csv_text(VCLUSTER_COLS, rows))
    # vDatastore
    rows = []
    for cname, dss in (("Prod-Stadshuset", ["PS-PROD-DS%02d" % i for i in range(1, 7)]),
                       ("VDI", ["PS-VDI-DS01", "PS-VDI-DS02"]),
                       ("Reserv", ["PS-DR-DS01", "PS-DR-DS02"])):
        hs = [h["name"] for h in rows_host(hosts, cname)]
        for ds in dss:
            cap = 8 * 1024 * 1024 if "PROD" in ds else 4 * 1024 * 1024
            free = int(cap * R.uniform(0.12, 0.45))
            rows.append({"Name": ds, "Config status": "green", "Address": "",
                         "Accessible": "True", "Type": "VMFS", "# VMs total": R.randint(8, 40),
                         "# VMs": R.randint(8, 40), "Capacity MiB": cap,
                         "Provisioned MiB": int(cap * 1.1), "In Use MiB": cap - free,
                         "Free MiB": free, "Free %": round(100 * free / cap),
                         "SIOC enabled": "False", "SIOC Threshold": 30, "# Hosts": len(hs),
                         "Hosts": ", ".join(hs), "Cluster name": cname,
                         "Cluster capacity MiB": "", "Cluster free space MiB": "",
                         "Block size": 1, "Max Blocks": "", "# Extents": 1, "Major Version": 6,
                         "Version": "6.82", "VMFS Upgradeable": "False", "MHA": "True",
                         "URL": "ds:///vmfs/volumes/%s/" % ruuid().replace("-", "")[:24],
                         "Object ID": "datastore-%d" % R.randrange(100, 9999),
                         "VI SDK Server": vc, "VI SDK UUID": vc_uuid})
    w("varnamo/RVTools_tabvDatastore.csv", csv_text(VDS_COLS, rows))


def rows_host(hosts, cname):
    return [h for h in hosts if h["cluster"] == cname]


# --------------------------------------------------------------------------------------------
# GLPI agent inventories (clients, printers, network equipment)
# --------------------------------------------------------------------------------------------
CLIENT_HW = [  # (tech, bios manufacturer, system manufacturer, model, chassis, cpu)
    ("dell-latitude-5440", "Dell Inc.", "Dell Inc.", "Latitude 5440", "Notebook",
     "13th Gen Intel(R) Core(TM) i5-1345U"),
    ("hp-elitebook-840-g9", "HP", "HP", "HP EliteBook 840 14 inch G9 Notebook PC", "Notebook",
     "12th Gen Intel(R) Core(TM) i5-1245U"),
    ("lenovo-thinkpad-t14-gen3", "LENOVO", "LENOVO", "21AH00BUMX", "Notebook",
     "12th Gen Intel(R) Core(TM) i5-1245U"),
    ("hp-elitedesk-800-g6", "HP", "HP", "HP EliteDesk 800 G6 Small Form Factor PC", "Desktop",
     "Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz"),
    ("dell-optiplex-7010", "Dell Inc.", "Dell Inc.", "OptiPlex 7010", "Desktop",
     "13th Gen Intel(R) Core(TM) i5-13500"),
]
CLIENT_MIX = {"varnamo": [0, 0, 1, 3, 4], "gislaved": [1, 1, 3, 0], "vaggeryd": [2, 2, 0, 4],
              "hylte": [1, 1, 3], "gnosjo": [0, 3]}
WIN10_SHARE = {"varnamo": 0.25, "gislaved": 0.4, "vaggeryd": 0.35, "hylte": 0.2, "gnosjo": 0.5}
SOFTWARE = [("Microsoft 365 Apps for enterprise - sv-se", "16.0.17928.20392",
             "Microsoft Corporation"),
            ("Microsoft Edge", "131.0.2903.86", "Microsoft Corporation"),
            ("Microsoft Teams", "24295.605.3225.8804", "Microsoft Corporation"),
            ("Google Chrome", "131.0.6778.205", "Google LLC"),
            ("Adobe Acrobat Reader (64-bit)", "24.005.20320", "Adobe"),
            ("7-Zip 23.01 (x64)", "23.01", "Igor Pavlov"),
            ("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810",
             "14.40.33810.0", "Microsoft Corporation"),
            ("GLPI Agent 1.11", "1.11", "Teclib'"),
            ("Notepad++ (64-bit x64)", "8.6.9", "Notepad++ Team")]
VPN_SW = {"varnamo": ("GlobalProtect", "6.2.4", "Palo Alto Networks"),
          "gislaved": ("FortiClient VPN", "7.2.4.0972", "Fortinet Technologies Inc"),
          "vaggeryd": ("FortiClient VPN", "7.4.0.1658", "Fortinet Technologies Inc"),
          "hylte": ("FortiClient", "7.2.5.1070", "Fortinet Technologies Inc"),
          "gnosjo": ("FortiClient VPN", "7.0.13.0376", "Fortinet Technologies Inc")}


def make_clients(org):
    p = PROFILE[org.id]
    pfx = p["prefix"].upper()
    net = Hosts(next(x["prefix"] for x in org.prefixes
                     if x["role"].lower() in ("klienter", "clients") and x["vlan"]), 20)
    gw = str(net.net.network_address + 1)
    out = []
    for i in range(p["clients"]):
        hw = CLIENT_HW[R.choice(CLIENT_MIX[org.id])]
        lt = hw[4] == "Notebook"
        name = "%s-%s%04d" % (pfx, "LT" if lt else "PC", R.randrange(1000, 9999))
        while name in org.by_name:
            name = "%s-%s%04d" % (pfx, "LT" if lt else "PC", R.randrange(1000, 9999))
        win10 = R.random() < WIN10_SHARE[org.id]
        ostech = "ms-windows-10" if win10 else "ms-windows-11-24h2"
        ip = str(net.take())
        c = org.add(name=name, kind="client", role="laptop" if lt else "desktop", hw=hw,
                    tech=hw[0], techs=[hw[0], ostech], os=ostech, serial=serial_for(hw[0]),
                    uuid=ruuid().upper(), ip=ip, gw=gw, mac=mac("00:" + rid(2, "0123456789abcdef")
                                                               + ":" + rid(2, "0123456789abcdef")),
                    mem=R.choice((8, 16, 16, 32)) * 1024 - R.choice((112, 156, 204)),
                    eol=TECH[ostech][3], crit="low", vendor=hw[2], product=hw[3], version="",
                    edition=R.choice(("Enterprise", "Enterprise", "Education"))
                    if org.id != "hylte" else "Pro",
                    build=("10.0.19045.%d" % R.choice((5011, 5247, 5371))) if win10 else
                    ("10.0.26100.%d" % R.choice((2314, 2605, 3194))),
                    user="", install=datetime.date(2021, 1, 1) + datetime.timedelta(
                        days=R.randrange(1400)))
        org.addresses[ip] = name
        out.append(c)
    return out


def dns_servers(org):
    return [org.by_name[vm_name(org, d)]["ip"] for d in ("dc01", "dc02")]


def os_full(c):
    return "Microsoft Windows %s %s" % ("10" if c["os"] == "ms-windows-10" else "11", c["edition"])


def client_xml(org, c):
    hw = c["hw"]
    dom = PROFILE[org.id]["domain"]
    L = ['<?xml version="1.0" encoding="UTF-8" ?>', "<REQUEST>", "  <CONTENT>"]

    def block(tag, fields, ind="    "):
        L.append("%s<%s>" % (ind, tag))
        for k, v in fields:
            L.append("%s  <%s>%s</%s>" % (ind, k, xesc(str(v)), k))
        L.append("%s</%s>" % (ind, tag))

    block("ACCESSLOG", [("LOGDATE", "2026-11-%02d 0%d:%02d:%02d" % (R.randint(2, 26),
                                                                 R.randint(7, 9),
                                                                 R.randint(0, 59),
                                                                 R.randint(0, 59)))])
    block("BIOS", [("ASSETTAG", ""), ("BDATE", "%02d/%02d/2024" % (R.randint(1, 12),
                                                                   R.randint(1, 28))),
                   ("BMANUFACTURER", hw[1]), ("BVERSION", "1.%d.%d" % (R.randint(5, 25),
                                                                      R.randint(0, 3))),
                   ("MMANUFACTURER", hw[2]), ("MMODEL", rid(6)),
                   ("MSN", "/" + c["serial"] + "/CNWSC00" + rid(8, "0123456789") + "/"),
                   ("SMANUFACTURER", hw[2]), ("SMODEL", hw[3]), ("SSN", c["serial"])])
    block("CPUS", [("CORE", 10 if "13th" in hw[5] else 6), ("MANUFACTURER", "Intel"),
                   ("NAME", hw[5]), ("SPEED", 1600), ("THREAD", 12)])
    block("HARDWARE", [("ARCHNAME", "MSWin32-x64-multi-thread"), ("CHASSIS_TYPE", hw[4]),
                       ("DEFAULTGATEWAY", c["gw"]), ("DNS", "/".join(dns_servers(org))),
                       ("IPADDR", c["ip"]), ("MEMORY", c["mem"]), ("NAME", c["name"]),
                       ("OSNAME", os_full(c)), ("OSVERSION", c["build"].rsplit(".", 1)[0]),
                       ("UUID", c["uuid"]), ("VMSYSTEM", "Physical"), ("WINLANG", "1053"),
                       ("WORKGROUP", dom)])
    block("MEMORIES", [("CAPACITY", (c["mem"] + 512) // 1024 * 1024), ("CAPTION", "DIMM A"),
                       ("DESCRIPTION", "SODIMM" if hw[4] == "Notebook" else "DIMM"),
                       ("NUMSLOTS", 1), ("SPEED", 3200), ("TYPE", "DDR4")])
    block("NETWORKS", [("DESCRIPTION", "Intel(R) Ethernet Connection (16) I219-LM"),
                       ("IPADDRESS", c["ip"]), ("IPDHCP", dns_servers(org)[0]),
                       ("IPGATEWAY", c["gw"]), ("IPMASK", "255.255.0.0" if org.id == "varnamo"
                                                else "255.255.252.0"),
                       ("IPSUBNET", str(ipaddress.ip_network(c["ip"] + ("/16" if org.id ==
                                                                        "varnamo" else "/22"),
                                                             strict=False).network_address)),
                       ("MACADDR", c["mac"]), ("SPEED", 1000), ("STATUS", "Up"),
                       ("TYPE", "ethernet"), ("VIRTUALDEV", 0)])
    ver = "22H2" if c["os"] == "ms-windows-10" else "24H2"
    block("OPERATINGSYSTEM", [("ARCH", "64-bit"), ("DNS_DOMAIN", dom),
                              ("FQDN", "%s.%s" % (c["name"], dom)), ("FULL_NAME", os_full(c)),
                              ("INSTALL_DATE", c["install"].isoformat() + " 10:12:00"),
                              ("KERNEL_NAME", "MSWin32"), ("KERNEL_VERSION", c["build"]),
                              ("NAME", "Windows"), ("VERSION", ver)])
    note(org, c["os"], "GLPI XML FULL_NAME=%s VERSION=%s" % (os_full(c), ver), "clients/*.xml")
    note(org, c["tech"], "GLPI XML SMANUFACTURER=%s SMODEL=%s" % (hw[2], hw[3]),
         "clients/*.xml")
    for name, version, pub in SOFTWARE + [VPN_SW[org.id]]:
        block("SOFTWARES", [("ARCH", "x86_64"), ("FROM", "registry"),
                            ("INSTALLDATE", "%02d/%02d/2026" % (R.randint(1, 28), R.randint(1, 10))),
                            ("NAME", name), ("PUBLISHER", pub), ("VERSION", version)])
    block("STORAGES", [("DESCRIPTION", "Diskenhet"), ("DISKSIZE", 476940),
                       ("MANUFACTURER", "Samsung"), ("MODEL", "SAMSUNG MZVL4512HBLU-00BL7"),
                       ("NAME", "\\\\.\\PHYSICALDRIVE0"), ("SERIALNUMBER", rid(14)),
                       ("TYPE", "disk")])
    L.append("    <VERSIONCLIENT>GLPI-Agent_v1.11</VERSIONCLIENT>")
    L.append("  </CONTENT>")
    L.append("  <DEVICEID>%s-2026-11-%02d-08-%02d-%02d</DEVICEID>" % (
        c["name"], R.randint(2, 26), R.randint(0, 59), R.randint(0, 59)))
    L.append("  <QUERY>INVENTORY</QUERY>")
    L.append("</REQUEST>")
    return "\n".join(L) + "\n"


def client_json(org, c):
    hw = c["hw"]
    dom = PROFILE[org.id]["domain"]
    ver = "22H2" if c["os"] == "ms-windows-10" else "24H2"
    cidr = 22
    nw = ipaddress.ip_network("%s/%d" % (c["ip"], cidr), strict=False)
    content = {
        "accesslog": {"logdate": "2026-11-%02d 08:%02d:%02d" % (R.randint(2, 26),
                                                               R.randint(0, 59),
                                                               R.randint(0, 59))},
        "bios": {"bdate": "2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28)),
                 "bmanufacturer": hw[1], "bversion": "1.%d.%d" % (R.randint(5, 25),
                                                                  R.randint(0, 3)),
                 "mmanufacturer": hw[2], "mmodel": rid(6), "msn": c["serial"] + "MB",
                 "smanufacturer": hw[2], "smodel": hw[3], "ssn": c["serial"]},
        "cpus": [{"core": 10 if "13th" in hw[5] else 6, "manufacturer": "Intel",
                  "name": hw[5], "speed": 1600, "thread": 12}],
        "hardware": {"chassis_type": "Laptop" if hw[4] == "Notebook" else "Desktop",
                     "defaultgateway": c["gw"], "dns": "/".join(dns_servers(org)),
                     "memory": c["mem"], "name": c["name"], "uuid": c["uuid"],
                     "vmsystem": "Physical", "workgroup": dom, "winlang": "1053"},
        "memories": [{"capacity": (c["mem"] + 512) // 1024 * 1024, "caption": "DIMM A",
                      "numslots": 1, "speed": "3200", "type": "DDR4"}],
        "networks": [{"description": "Intel(R) Wi-Fi 6E AX211 160MHz" if hw[4] == "Notebook"
                      else "Intel(R) Ethernet Connection (11) I219-LM",
                      "ipaddress": c["ip"], "ipgateway": c["gw"], "ipmask": "255.255.252.0",
                      "ipsubnet": str(nw.network_address), "mac": c["mac"], "status": "up",
                      "type": "wifi" if hw[4] == "Notebook" else "ethernet",
                      "virtualdev": False}],
        "operatingsystem": {"arch": "64-bit", "dns_domain": dom,
                            "fqdn": "%s.%s" % (c["name"], dom), "full_name": os_full(c),
                            "install_date": c["install"].isoformat() + " 10:12:00",
                            "kernel_name": "MSWin32", "kernel_version": c["build"],
                            "name": "Windows", "version": ver},
        "softwares": [{"arch": "x86_64", "from": "registry", "name": n, "publisher": p,
                       "version": v, "install_date": "2026-%02d-%02d" % (R.randint(1, 10),
                                                                         R.randint(1, 28))}
                      for n, v, p in SOFTWARE + [VPN_SW[org.id]]],
        "versionclient": "GLPI-Agent_v1.11",
    }
    note(org, c["os"], "GLPI JSON full_name=%s version=%s" % (os_full(c), ver), "clients/*.json")
    note(org, c["tech"], "GLPI JSON smanufacturer=%s smodel=%s" % (hw[2], hw[3]),
         "clients/*.json")
    doc = {"action": "inventory", "content": content,
           "deviceid": "%s-2026-11-%02d-08-%02d-%02d" % (c["name"], R.randint(2, 26),
                                                        R.randint(0, 59), R.randint(0, 59)),
           "itemtype": "Computer"}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


PRINTERS = [("hp-laserjet-m507", "Hewlett-Packard", "HP LaserJet M507", "2409048_052887"),
            ("konica-bizhub-c300i", "KONICA MINOLTA", "KONICA MINOLTA bizhub C300i",
             "GC7-20"),
            ("canon-iradv-c5535", "Canon", "Canon iR-ADV C5535 III", "11.04")]


def make_printers(org, n):
    pr = next(x["prefix"] for x in org.prefixes if x["role"].lower() in ("skrivare", "clients",
                                                                          "klienter")
              and x["vlan"])
    net = Hosts(pr, 200)
    out = []
    for i in range(n):
        t, mfr, model, fw = PRINTERS[i % len(PRINTERS)]
        name = "%s-PRN%03d" % (PROFILE[org.id]["prefix"].upper(), i + 1)
        ip = str(net.take())
        a = org.add(name=name, kind="device", role="printer", tech=t, techs=[t], vendor=mfr,
                    product=model, version=fw, serial=serial_for("hp" if t.startswith("hp")
                                                                 else "x"),
                    ip=ip, mac=mac("00:80:92"), site=R.choice(org.access_sites), hall="",
                    rack=None, position=None, u=0, power_w=None, power_src="none", rgroup="",
                    crit="low", eol="")
        org.addresses[ip] = name
        out.append(a)
    return out


def printer_xml(org, a):
    return """<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE>
      <CARTRIDGES>
        <TONERBLACK>%d</TONERBLACK>
      </CARTRIDGES>
      <INFO>
        <COMMENTS>%s</COMMENTS>
        <FIRMWARE>%s</FIRMWARE>
        <ID>0</ID>
        <IPS>
          <IP>%s</IP>
        </IPS>
        <LOCATION>%s</LOCATION>
        <MAC>%s</MAC>
        <MANUFACTURER>%s</MANUFACTURER>
        <MEMORY>512</MEMORY>
        <MODEL>%s</MODEL>
        <NAME>%s</NAME>
        <SERIAL>%s</SERIAL>
        <TYPE>PRINTER</TYPE>
        <UPTIME>%d days, 04:11:52.00</UPTIME>
      </INFO>
      <PAGECOUNTERS>
        <TOTAL>%d</TOTAL>
      </PAGECOUNTERS>
      <PORTS>
        <PORT>
          <IFDESCR>Ethernet</IFDESCR>
          <IFNAME>Ethernet</IFNAME>
          <IFNUMBER>1</IFNUMBER>
          <IFSPEED>1000000000</IFSPEED>
          <IFSTATUS>1</IFSTATUS>
          <IFTYPE>6</IFTYPE>
          <IP>%s</IP>
          <MAC>%s</MAC>
        </PORT>
      </PORTS>
    </DEVICE>
    <MODULEVERSION>4.1</MODULEVERSION>
    <PROCESSNUMBER>1</PROCESSNUMBER>
  </CONTENT>
  <DEVICEID>%s-2026-11-20-10-00-00</DEVICEID>
  <QUERY>SNMPQUERY</QUERY>
</REQUEST>
""" % (R.randint(5, 95), xesc(a["product"]), xesc(a["version"]), a["ip"], xesc(a["site"]),
       a["mac"], xesc(a["vendor"]), xesc(a["product"]), a["name"], a["serial"],
       R.randint(1, 200), R.randint(10000, 400000), a["ip"], a["mac"], a["name"])


def printer_json(org, a):
    doc = {"action": "netinventory", "content": {
        "cartridges": [{"tonerblack": str(R.randint(5, 95))}],
        "firmwares": [{"description": "device firmware", "manufacturer": a["vendor"],
                       "name": a["product"], "type": "device", "version": a["version"]}],
        "network_device": {"firmware": a["version"], "ips": [a["ip"]], "mac": a["mac"],
                           "manufacturer": a["vendor"], "model": a["product"],
                           "name": a["name"], "location": a["site"], "ram": 512,
                           "serial": a["serial"], "type": "Printer",
                           "uptime": "%d days, 04:11:52.00" % R.randint(1, 200),
                           "credentials": 4},
        "pagecounters": {"total": R.randint(10000, 400000)},
        "network_ports": [{"ifdescr": "Ethernet", "ifname": "Ethernet", "ifnumber": 1,
                           "ifspeed": 1000000000, "ifstatus": 1, "iftype": 6,
                           "ips": [a["ip"]], "mac": a["mac"]}],
        "versionclient": "GLPI-Agent_v1.11"},
        "deviceid": "%s-2026-11-20-10-00-00" % a["name"], "itemtype": "Printer"}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def neteq_pick(org, n):
    return [a for a in org.assets if a["kind"] == "device" and a["role"] == "access-switch"
            and a.get("mgmt_ip")][:n]


def neteq_xml(org, a, core):
    sysdescr = ("Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), "
                "Version 17.9.4a, RELEASE SOFTWARE (fc3)")
    ports = []
    for k, c in enumerate(core):
        ports.append("""        <PORT>
          <CONNECTIONS>
            <CDP>1</CDP>
            <CONNECTION>
              <IFDESCR>TwentyFiveGigE%d/0/%d</IFDESCR>
              <IP>%s</IP>
              <MODEL>cisco C9500-24Y4C</MODEL>
              <SYSDESCR>%s</SYSDESCR>
              <SYSNAME>%s</SYSNAME>
            </CONNECTION>
          </CONNECTIONS>
          <IFDESCR>TenGigabitEthernet1/1/%d</IFDESCR>
          <IFNAME>Te1/1/%d</IFNAME>
          <IFNUMBER>%d</IFNUMBER>
          <IFSPEED>10000000000</IFSPEED>
          <IFSTATUS>1</IFSTATUS>
          <IFTYPE>6</IFTYPE>
          <MAC>%s</MAC>
          <TRUNK>1</TRUNK>
        </PORT>""" % (k + 1, 20 + R.randint(0, 20), c.get("mgmt_ip", ""), sysdescr, c["name"],
                      k + 1, k + 1, 57 + k, mac("70:b3:17")))
    # an access port with learned MACs only: not a cable
    ports.append("""        <PORT>
          <CONNECTIONS>
            <CONNECTION>
              <MAC>%s</MAC>
            </CONNECTION>
            <CONNECTION>
              <MAC>%s</MAC>
            </CONNECTION>
          </CONNECTIONS>
          <IFDESCR>GigabitEthernet1/0/7</IFDESCR>
          <IFNAME>Gi1/0/7</IFNAME>
          <IFNUMBER>7</IFNUMBER>
          <IFSPEED>1000000000</IFSPEED>
          <IFSTATUS>1</IFSTATUS>
          <IFTYPE>6</IFTYPE>
          <MAC>%s</MAC>
          <VLANS>
            <VLAN>
              <NAME>Klienter</NAME>
              <NUMBER>%d</NUMBER>
            </VLAN>
          </VLANS>
        </PORT>""" % (mac("00:21:cc"), mac("3c:52:82"), mac("70:b3:17"),
                      20 if org.id == "varnamo" else 10))
    model = a["product"]
    return """<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE>
      <FIRMWARES>
        <DESCRIPTION>device firmware</DESCRIPTION>
        <MANUFACTURER>Cisco</MANUFACTURER>
        <NAME>%s</NAME>
        <TYPE>device</TYPE>
        <VERSION>%s</VERSION>
      </FIRMWARES>
      <INFO>
        <COMMENTS>%s</COMMENTS>
        <FIRMWARE>%s</FIRMWARE>
        <ID>0</ID>
        <IPS>
          <IP>%s</IP>
        </IPS>
        <LOCATION>%s</LOCATION>
        <MAC>%s</MAC>
        <MANUFACTURER>Cisco</MANUFACTURER>
        <MODEL>%s</MODEL>
        <NAME>%s</NAME>
        <SERIAL>%s</SERIAL>
        <TYPE>NETWORKING</TYPE>
        <UPTIME>%d days, 11:02:41.17</UPTIME>
      </INFO>
      <PORTS>
%s
      </PORTS>
    </DEVICE>
    <MODULEVERSION>4.1</MODULEVERSION>
    <PROCESSNUMBER>1</PROCESSNUMBER>
  </CONTENT>
  <DEVICEID>%s-2026-11-20-10-05-00</DEVICEID>
  <QUERY>SNMPQUERY</QUERY>
</REQUEST>
""" % (model, "17.9.4a" if "9300" in model else "15.2(7)E9",
       xesc(sysdescr if "9300" in model else "Cisco IOS Software, C2960X Software "
            "(C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc1)"),
       "17.9.4a" if "9300" in model else "15.2(7)E9", a["mgmt_ip"], xesc(a["site"]),
       mac("70:b3:17"), model, a["name"], a["serial"], R.randint(10, 400), "\n".join(ports),
       a["name"])


def neteq_json(org, a, core, mfr="Cisco", fw="17.6.5"):
    ports = []
    aruba = mfr == "Aruba"
    for k, c in enumerate(core):
        ports.append({"connections": [{"ifdescr": ("1/1/%d" % (10 + k)) if aruba else
                                       "TwentyFiveGigE%d/0/%d" % (k + 1, 20 + k),
                                       "ip": c.get("mgmt_ip", ""), "model": c["product"],
                                       "sysdescr": "Aruba JL479A 8325  Virtual.10.13.1000"
                                       if aruba else "Cisco IOS Software [Bengaluru], Catalyst "
                                       "L3 Switch Software (CAT9K_IOSXE), Version 17.6.5",
                                       "sysname": c["name"]}],
                      "ifdescr": ("%d" % (49 + k)) if aruba else
                      "TenGigabitEthernet1/1/%d" % (k + 1),
                      "ifname": ("%d" % (49 + k)) if aruba else "Te1/1/%d" % (k + 1),
                      "ifnumber": 49 + k if aruba else 57 + k,
                      "ifspeed": 10000000000, "ifstatus": 1, "iftype": 6,
                      "mac": mac("70:b3:17"), "trunk": True, "lldp": True})
    ports.append({"connections": [{"mac": mac("3c:52:82")}, {"mac": mac("00:21:cc")}],
                  "ifdescr": "3" if aruba else "GigabitEthernet1/0/3",
                  "ifname": "3" if aruba else "Gi1/0/3", "ifnumber": 3,
                  "ifspeed": 1000000000, "ifstatus": 1, "iftype": 6, "mac": mac("70:b3:17"),
                  "trunk": False, "vlans": [{"name": "Clients" if aruba else "Klienter",
                                             "number": "120" if aruba else "20"}]})
    doc = {"action": "netinventory", "content": {
        "firmwares": [{"description": "device firmware", "manufacturer": mfr,
                       "name": a["product"], "type": "device", "version": fw}],
        "network_device": {"firmware": fw, "ips": [a["mgmt_ip"]], "mac": mac("70:b3:17"),
                           "manufacturer": mfr, "model": "JL558A 2930F-48G-740W-PoE+-4SFP+"
                           if aruba else a["product"], "name": a["name"],
                           "location": a["site"], "serial": a["serial"], "type": "Networking",
                           "uptime": "%d days, 03:09:00.38" % R.randint(5, 300)},
        "network_ports": ports, "versionclient": "GLPI-Agent_v1.11"},
        "deviceid": "%s-2026-11-20-10-05-00" % a["name"], "itemtype": "NetworkEquipment"}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_glpi(org, fmt):
    clients = make_clients(org)
    printers = make_printers(org, {"varnamo": 5, "gislaved": 4, "vaggeryd": 3, "hylte": 3}[org.id])
    core = [a for a in org.assets if a["kind"] == "device" and a["role"] == "core-switch"]
    for x in clients + printers:
        org.visible.add(x["ip"])
    for c in clients:
        if fmt == "xml":
            w("%s/clients/%s.xml" % (org.id, c["name"]), client_xml(org, c))
        else:
            w("%s/clients/%s.json" % (org.id, c["name"]), client_json(org, c))
    for a in printers:
        if fmt == "xml":
            w("%s/clients/%s.xml" % (org.id, a["name"]), printer_xml(org, a))
        else:
            w("%s/clients/%s.json" % (org.id, a["name"]), printer_json(org, a))
    for a in neteq_pick(org, 2):
        if fmt == "xml" or org.id == "gislaved":
            org.visible.add(a["mgmt_ip"])  # (hylte: below)
        if fmt == "xml":
            w("%s/clients/netinventory-%s.xml" % (org.id, a["name"]), neteq_xml(org, a, core))
        elif org.id == "gislaved":
            w("%s/clients/netinventory-%s.json" % (org.id, a["name"]), neteq_json(org, a, core))
        else:
            org.visible.add(a["mgmt_ip"])
            w("%s/clients/netinventory-%s.json" % (org.id, a["name"]),
              neteq_json(org, a, core, mfr="Aruba", fw="WC.16.11.0016"))


# --------------------------------------------------------------------------------------------
# nmap XML (Vaggeryd)
# --------------------------------------------------------------------------------------------
def nmap_ports_for(os_t, role):
    """(portid, service name, product, version, extrainfo, ostype, cpe)"""
    P = []
    if os_t.startswith("ms-windows"):
        P += [(135, "msrpc", "Microsoft Windows RPC", "", "", "Windows",
               "cpe:/o:microsoft:windows"),
              (139, "netbios-ssn", "Microsoft Windows netbios-ssn", "", "", "Windows",
               "cpe:/o:microsoft:windows"),
              (445, "microsoft-ds", "", "", "", "", ""),
              (3389, "ms-wbt-server", "Microsoft Terminal Services", "", "", "Windows",
               "cpe:/o:microsoft:windows"),
              (5985, "http", "Microsoft HTTPAPI httpd", "2.0", "SSDP/UPnP", "Windows",
               "cpe:/o:microsoft:windows")]
        if role == "sql":
            P.append((1433, "ms-sql-s", "Microsoft SQL Server 2019", "15.00.4385.00",
                      "RTM+", "", "cpe:/a:microsoft:sql_server:2019"))
        if role == "web":
            P.append((443, "https", "Microsoft IIS httpd", "10.0", "", "Windows",
                      "cpe:/a:microsoft:internet_information_services:10.0"))
        if role == "dc":
            P += [(53, "domain", "Simple DNS Plus", "", "", "Windows", ""),
                  (88, "kerberos-sec", "Microsoft Windows Kerberos", "",
                   "server time: 2026-11-18 09:12:44Z", "Windows",
                   "cpe:/a:microsoft:kerberos"),
                  (389, "ldap", "Microsoft Windows Active Directory LDAP", "",
                   "Domain: vaggeryd.local, Site: Default-First-Site-Name", "Windows", "")]
    else:
        ub = "8.9p1 Ubuntu 3ubuntu0.10" if os_t == "ubuntu-22.04" else "8.2p1 Ubuntu 4ubuntu0.11"
        P.append((22, "ssh", "OpenSSH", ub, "Ubuntu Linux; protocol 2.0", "Linux",
                  "cpe:/o:linux:linux_kernel"))
        if role in ("web", "int", "app", "mon"):
            P.append((443, "https", "nginx", "1.18.0" if os_t == "ubuntu-20.04" else "1.22.1",
                      "", "", "cpe:/a:igor_sysoev:nginx"))
        if role == "mon":
            P.append((3000, "ppp", "", "", "", "", ""))
    return P


def nmap_host_up(ip, macaddr, mvendor, fqdn, ports, osm, t0, closed=None):
    L = ['<host starttime="%d" endtime="%d"><status state="up" reason="arp-response" '
         'reason_ttl="0"/>' % (t0, t0 + R.randint(20, 140))]
    L.append('<address addr="%s" addrtype="ipv4"/>' % ip)
    if macaddr:
        L.append('<address addr="%s" addrtype="mac"%s/>' % (
            macaddr.upper(), ' vendor="%s"' % xesc(mvendor) if mvendor else ""))
    L.append("<hostnames>")
    if fqdn:
        L.append('<hostname name="%s" type="PTR"/>' % fqdn)
    L.append("</hostnames>")
    nclosed = 10000 - len(ports) if closed is None else closed
    L.append('<ports><extraports state="filtered" count="%d">' % nclosed)
    L.append('<extrareasons reason="no-responses" count="%d"/>' % nclosed)
    L.append("</extraports>")
    for pid, name, product, version, extra, ostype, cpe in ports:
        attrs = 'name="%s"' % name
        if product:
            attrs += ' product="%s"' % xesc(product)
        if version:
            attrs += ' version="%s"' % xesc(version)
        if extra:
            attrs += ' extrainfo="%s"' % xesc(extra)
        if ostype:
            attrs += ' ostype="%s"' % ostype
        attrs += ' method="probed" conf="10"' if product else ' method="table" conf="3"'
        svc = "<service %s>%s</service>" % (attrs, "<cpe>%s</cpe>" % cpe if cpe else "") \
            if cpe else "<service %s/>" % attrs
        L.append('<port protocol="tcp" portid="%d"><state state="open" reason="syn-ack" '
                 'reason_ttl="%d"/>%s</port>' % (pid, 128 if ostype == "Windows" else 64, svc))
    L.append("</ports>")
    if osm:
        name, vendor, family, gen, cpe, typ, acc = osm
        L.append('<os><portused state="open" proto="tcp" portid="%d"/>' % ports[0][0])
        L.append('<portused state="closed" proto="tcp" portid="1"/>')
        L.append('<osmatch name="%s" accuracy="%d" line="%d">' % (xesc(name), acc,
                                                                  R.randint(10000, 99999)))
        L.append('<osclass type="%s" vendor="%s" osfamily="%s" osgen="%s" accuracy="%d">'
                 '<cpe>%s</cpe></osclass>' % (typ, vendor, family, gen, acc, cpe))
        L.append("</osmatch>")
        L.append("</os>")
        L.append('<uptime seconds="%d" lastboot="Sun Nov  8 03:12:40 2026"/>'
                 % R.randint(100000, 3000000))
    L.append('<distance value="1"/>')
    L.append('<times srtt="%d" rttvar="%d" to="100000"/>' % (R.randint(200, 900),
                                                              R.randint(50, 400)))
    L.append("</host>")
    return "\n".join(L)


def nmap_time(t):
    """nmap's ctime-like stamp: 'Tue Nov 10 07:20:00 2026' with the day padded by a space."""
    return t.strftime("%a %b ") + "%2d" % t.day + t.strftime(" %H:%M:%S %Y")


def nmap_doc(cidr, hosts_up, t0, fname):
    """hosts_up: dict ip -> xml string for that host."""
    net = ipaddress.ip_network(cidr)
    args = "nmap -sS -sV -O -p1-10000 -T4 -oX %s %s" % (fname, cidr)
    start = datetime.datetime.fromtimestamp(t0, datetime.timezone.utc)
    startstr = nmap_time(start)
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<!DOCTYPE nmaprun>',
         '<?xml-stylesheet href="file:///usr/bin/../share/nmap/nmap.xsl" type="text/xsl"?>',
         "<!-- Nmap 7.93 scan initiated %s as: %s -->" % (startstr, args),
         '<nmaprun scanner="nmap" args="%s" start="%d" startstr="%s" version="7.93" '
         'xmloutputversion="1.05">' % (args, t0, startstr),
         '<scaninfo type="syn" protocol="tcp" numservices="10000" services="1-10000"/>',
         '<verbose level="0"/>', '<debugging level="0"/>']
    up = 0
    total = 0
    for ip in net:
        total += 1
        s = str(ip)
        if s in hosts_up:
            L.append(hosts_up[s])
            up += 1
        else:
            L.append('<host><status state="down" reason="no-response" reason_ttl="0"/>')
            L.append('<address addr="%s" addrtype="ipv4"/>' % s)
            L.append("</host>")
    end = t0 + 180 + 3 * up
    frac = R.randint(0, 99)
    endstr = nmap_time(datetime.datetime.fromtimestamp(end, datetime.timezone.utc))
    L.append('<runstats><finished time="%d" timestr="%s" summary="Nmap done at %s; %d IP '
             'addresses (%d hosts up) scanned in %d.%02d seconds" elapsed="%d.%02d" '
             'exit="success"/><hosts up="%d" down="%d" total="%d"/>' % (
                 end, endstr, endstr, total, up, end - t0, frac, end - t0, frac, up,
                 total - up, total))
    L.append("</runstats>")
    L.append("</nmaprun>")
    return "\n".join(L) + "\n"


def write_vaggeryd_nmap(org):
    dom = PROFILE["vaggeryd"]["domain"]
    t0 = 1794295200  # 2026-11-11
    vms = [a for a in org.assets if a["kind"] == "vm"]
    by_net = {}
    for vm in vms:
        net = str(ipaddress.ip_network(vm["ip"] + "/24", strict=False))
        os_t = vm["os"]
        name, gen, cpe = NMAP_OS[os_t]
        if os_t.startswith("ms-windows"):
            osm = (name, "Microsoft", "Windows", gen, cpe, "general purpose", R.choice((94, 96, 98)))
        else:
            osm = (name, "Linux", "Linux", gen, cpe, "general purpose", R.choice((95, 97, 100)))
        note(org, os_t, "nmap osmatch=" + name, "nmap/*.xml")
        oui = "bc:24:11" if vm["cluster"] == "pve-vgd" else "00:50:56"
        vendor = "Proxmox Server Solutions GmbH" if oui == "bc:24:11" else "VMware"
        ports = nmap_ports_for(os_t, vm["role"])
        org.visible.add(vm["ip"])
        by_net.setdefault(net, {})[vm["ip"]] = nmap_host_up(
            vm["ip"], mac(oui), vendor, vm["fqdn"], ports, osm, t0)
    # the two legacy ESXi hosts answer on the server network (management kernel port)
    for i, h in enumerate([a for a in org.assets if a.get("hv") == "vmware-esxi-7"]):
        ip = "10.30.10.%d" % (250 + i)
        h["mgmt_ip"] = ip
        org.addresses[ip] = h["name"]
        org.visible.add(ip)
        ports = [(22, "ssh", "OpenSSH", "8.8", "protocol 2.0", "", "cpe:/a:openbsd:openssh:8.8"),
                 (80, "http", "VMware ESXi Server httpd", "", "", "", ""),
                 (427, "svrloc", "", "", "", "", ""),
                 (443, "http", "VMware ESXi SOAP API", "7.0.3", "", "",
                  "cpe:/o:vmware:esxi:7.0.3"),
                 (902, "vmware-auth", "VMware Authentication Daemon", "1.10",
                  "Uses VNC, SOAP", "", "")]
        note(org, "vmware-esxi-7", "nmap service product=VMware ESXi SOAP API version=7.0.3",
             "nmap/*.xml")
        osm = ("VMware ESXi 6.5.0 - 7.0.3", "VMware", "ESXi", "7.X", "cpe:/o:vmware:esxi:7",
               "specialized", 95)
        by_net["10.30.10.0/24"][ip] = nmap_host_up(ip, mac("94:57:a5"),
                                                   "Hewlett Packard Enterprise",
                                                   "%s.%s" % (h["name"], dom), ports, osm, t0)
    for k, (net, hosts) in enumerate(sorted(by_net.items())):
        fname = "nmap-servrar-%s.xml" % net.split("/")[0]
        w("vaggeryd/nmap/" + fname, nmap_doc(net, hosts, t0 + 3600 * k, fname))
    # network VLAN: core, firewalls, access switches (those with an address)
    hosts = {}
    for a in org.assets:
        if a["kind"] != "device" or not a.get("mgmt_ip") or a["role"] in ("hypervisor",):
            continue
        if not a["mgmt_ip"].startswith("10.30.250."):
            continue
        t = a["tech"]
        if t.startswith("cisco"):
            ports = [(22, "ssh", "Cisco SSH", "1.25", "protocol 2.0", "IOS",
                      "cpe:/o:cisco:ios"),
                     (443, "https", "Cisco IOS http config", "", "", "IOS",
                      "cpe:/o:cisco:ios")]
            osm = ("Cisco IOS XE 16.X - 17.X" if "3750" not in t else "Cisco IOS 15.0 - 15.2",
                   "Cisco", "IOS", "17.X" if "3750" not in t else "15.X",
                   "cpe:/o:cisco:ios", "switch", 93)
            mv = ("70:b3:17", "Cisco Systems")
        elif t.startswith("fortinet"):
            ports = [(22, "ssh", "FortiSSH", "", "protocol 2.0", "", ""),
                     (443, "https", "Fortinet FortiGate firewall http config", "", "", "",
                      "cpe:/h:fortinet:fortigate")]
            osm = ("Fortinet FortiGate 100D firewall", "Fortinet", "FortiOS", "7.X",
                   "cpe:/o:fortinet:fortios", "firewall", 91)
            mv = ("e0:23:ff", "Fortinet")
        else:
            continue
        org.visible.add(a["mgmt_ip"])
        hosts[a["mgmt_ip"]] = nmap_host_up(a["mgmt_ip"], mac(mv[0]), mv[1],
                                           "%s.%s" % (a["name"], dom), ports, osm, t0,
                                           closed=9998)
    w("vaggeryd/nmap/nmap-natverk-10.30.250.0.xml",
      nmap_doc("10.30.250.0/24", hosts, t0 + 9000, "nmap-natverk-10.30.250.0.xml"))


# --------------------------------------------------------------------------------------------
# lshw and lldpctl (Vaggeryd's Proxmox hosts)
# --------------------------------------------------------------------------------------------
def lshw_doc(h, old):
    ver = "B.02.15" if old else "B.02.19.2"
    hdr = ['<?xml version="1.0" standalone="yes" ?>',
           "<!-- generated by lshw-%s -->" % ver]
    if not old:
        hdr += ["<!-- GCC 12.2.0 -->",
                "<!-- Linux 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) "
                "x86_64 -->" if h["hv"] == "proxmox-ve-8" else
                "<!-- Linux 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z) "
                "x86_64 -->", "<!-- GNU libc 2 (glibc 2.36) -->"]
    else:
        hdr += ["<!-- GCC 4.4.5 -->", "<!-- Linux 2.6.32-5-amd64 #1 SMP x86_64 -->",
                "<!-- GNU libc 2 (glibc 2.11) -->"]
    product = "PowerEdge R650" if old else "PowerEdge R650 (SKU=0A6F;ModelName=PowerEdge R650)"
    note(O["vaggeryd"], "dell-poweredge-r650", "lshw vendor=Dell Inc. product=" + product,
         "lshw/*.xml")
    L = []
    L.append('<node id="%s" claimed="true" class="system" handle="DMI:0100">' % h["name"])
    L.append(" <description>Rack Mount Chassis</description>")
    L.append(" <product>%s</product>" % product)
    L.append(" <vendor>Dell Inc.</vendor>")
    L.append(" <serial>%s</serial>" % h["serial"])
    L.append(' <width units="bits">64</width>')
    L.append(" <configuration>")
    L.append('  <setting id="boot" value="normal" />')
    L.append('  <setting id="chassis" value="rackmount" />')
    L.append('  <setting id="family" value="PowerEdge" />')
    L.append('  <setting id="sku" value="SKU=0A6F;ModelName=PowerEdge R650" />')
    L.append('  <setting id="uuid" value="%s" />' % h["uuid"])
    L.append(" </configuration>")
    L.append(" <capabilities>")
    L.append('  <capability id="smbios-3.3.0" >SMBIOS version 3.3.0</capability>')
    L.append('  <capability id="dmi-3.3.0" >DMI version 3.3.0</capability>')
    L.append('  <capability id="vsyscall32" >32-bit processes</capability>')
    L.append(" </capabilities>")
    L.append('  <node id="core" claimed="true" class="bus" handle="DMI:0200">')
    L.append("   <description>Motherboard</description>")
    L.append("   <product>0Y2K8N</product>")
    L.append("   <vendor>Dell Inc.</vendor>")
    L.append("   <physid>0</physid>")
    L.append("   <version>A04</version>")
    L.append("   <serial>.%s.CNFCP00%s.</serial>" % (h["serial"], rid(8, "0123456789")))
    L.append('    <node id="firmware" claimed="true" class="memory" handle="DMI:0000">')
    L.append("     <description>BIOS</description>")
    L.append("     <vendor>Dell Inc.</vendor>")
    L.append("     <physid>0</physid>")
    L.append("     <version>1.14.1</version>")
    L.append("     <date>08/19/2024</date>")
    L.append('     <size units="bytes">65536</size>')
    L.append('     <capacity units="bytes">33554432</capacity>')
    L.append("    </node>")
    for c in range(2):
        L.append('    <node id="cpu:%d" claimed="true" class="processor" handle="DMI:040%d">'
                 % (c, c))
        L.append("     <description>CPU</description>")
        L.append("     <product>Intel(R) Xeon(R) Gold 5318Y CPU @ 2.10GHz</product>")
        L.append("     <vendor>Intel Corp.</vendor>")
        L.append("     <physid>40%d</physid>" % c)
        L.append("     <businfo>cpu@%d</businfo>" % c)
        L.append("     <slot>CPU%d</slot>" % (c + 1))
        L.append('     <size units="Hz">2100000000</size>')
        L.append('     <capacity units="Hz">4000000000</capacity>')
        L.append('     <width units="bits">64</width>')
        L.append("     <configuration>")
        L.append('      <setting id="cores" value="24" />')
        L.append('      <setting id="enabledcores" value="24" />')
        L.append('      <setting id="threads" value="48" />')
        L.append("     </configuration>")
        L.append("    </node>")
    L.append('    <node id="memory" claimed="true" class="memory" handle="DMI:1000">')
    L.append("     <description>System Memory</description>")
    L.append("     <physid>1000</physid>")
    L.append("     <slot>System board or motherboard</slot>")
    L.append('     <size units="bytes">%d</size>' % (512 * 1024 ** 3))
    L.append("    </node>")
    L.append('    <node id="pci:0" claimed="true" class="bridge" handle="PCIBUS:0000:30">')
    L.append("     <description>Host bridge</description>")
    L.append("     <vendor>Intel Corporation</vendor>")
    L.append("     <physid>100</physid>")
    L.append("     <businfo>pci@0000:30:00.0</businfo>")
    nics = [("network:0", "eno12399np0", "BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller",
             "Broadcom Inc. and subsidiaries", "bnxt_en", "25Gbit/s", h.get("nic0")),
            ("network:1", "eno12409np1", "BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller",
             "Broadcom Inc. and subsidiaries", "bnxt_en", "25Gbit/s", h.get("nic1")),
            ("network:2", "eno8303", "NetXtreme BCM5720 Gigabit Ethernet PCIe",
             "Broadcom Inc. and subsidiaries", "tg3", "1Gbit/s", h.get("nic2"))]
    for k, (nid, logical, prod, vend, drv, speed, m) in enumerate(nics):
        L.append('     <node id="%s" claimed="true" class="network" handle="PCI:0000:3%d:00.%d">'
                 % (nid, 1 + k // 2, k % 2))
        L.append("      <description>Ethernet interface</description>")
        L.append("      <product>%s</product>" % prod)
        L.append("      <vendor>%s</vendor>" % xesc(vend))
        L.append("      <physid>0</physid>")
        L.append("      <businfo>pci@0000:3%d:00.%d</businfo>" % (1 + k // 2, k % 2))
        L.append("      <logicalname>%s</logicalname>" % logical)
        L.append("      <version>01</version>")
        L.append("      <serial>%s</serial>" % m)
        L.append('      <size units="bit/s">%d</size>' % (25000000000 if "25" in speed
                                                           else 1000000000))
        L.append('      <capacity units="bit/s">%d</capacity>' % (25000000000 if "25" in speed
                                                               else 1000000000))
        L.append('      <width units="bits">64</width>')
        L.append('      <clock units="Hz">33000000</clock>')
        L.append("      <configuration>")
        L.append('       <setting id="autonegotiation" value="on" />')
        L.append('       <setting id="broadcast" value="yes" />')
        L.append('       <setting id="driver" value="%s" />' % drv)
        L.append('       <setting id="duplex" value="full" />')
        L.append('       <setting id="firmware" value="224.0.110.0/pkg 22.41.10.00" />')
        L.append('       <setting id="latency" value="0" />')
        L.append('       <setting id="link" value="yes" />')
        L.append('       <setting id="multicast" value="yes" />')
        L.append('       <setting id="slave" value="yes" />')
        L.append('       <setting id="speed" value="%s" />' % speed)
        L.append("      </configuration>")
        L.append("     </node>")
    L.append("    </node>")
    L.append("  </node>")
    # the Linux bridge carrying the management address
    L.append('  <node id="network" claimed="true" class="network">')
    L.append("   <description>Ethernet interface</description>")
    L.append("   <physid>1</physid>")
    L.append("   <logicalname>vmbr0</logicalname>")
    L.append("   <serial>%s</serial>" % h.get("nic0"))
    L.append("   <configuration>")
    L.append('    <setting id="autonegotiation" value="off" />')
    L.append('    <setting id="broadcast" value="yes" />')
    L.append('    <setting id="driver" value="bridge" />')
    L.append('    <setting id="driverversion" value="2.3" />')
    L.append('    <setting id="firmware" value="N/A" />')
    L.append('    <setting id="ip" value="%s" />' % h["mgmt_ip"])
    L.append('    <setting id="link" value="yes" />')
    L.append('    <setting id="multicast" value="yes" />')
    L.append("   </configuration>")
    L.append("  </node>")
    L.append("</node>")
    if old:
        return "\n".join(hdr + L) + "\n"
    return "\n".join(hdr + ["<list>"] + L + ["</list>"]) + "\n"


def lldp_doc(h, links):
    L = ['<?xml version="1.0" encoding="UTF-8"?>', '<lldp label="LLDP neighbors">']
    for k, (ifname, sw, port) in enumerate(links):
        L.append(' <interface label="Interface" name="%s" via="LLDP" rid="%d" age="%d day, '
                 '%02d:%02d:%02d">' % (ifname, k + 1, R.randint(5, 120), R.randint(0, 23),
                                       R.randint(0, 59), R.randint(0, 59)))
        L.append('  <chassis label="Chassis">')
        L.append('   <id label="ChassisID" type="mac">%s</id>' % sw["chassis_mac"])
        L.append('   <name label="SysName">%s</name>' % sw["name"])
        L.append('   <descr label="SysDescr">Cisco IOS Software [Cupertino], Catalyst L3 Switch '
                 'Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3) Technical '
                 'Support: http://www.cisco.com/techsupport Copyright (c) 1986-2023 by Cisco '
                 'Systems, Inc. Compiled Fri 20-Oct-23 10:44 by mcpre</descr>')
        L.append('   <mgmt-ip label="MgmtIP">%s</mgmt-ip>' % sw["mgmt_ip"])
        L.append('   <capability label="Capability" type="Bridge" enabled="on"/>')
        L.append('   <capability label="Capability" type="Router" enabled="on"/>')
        L.append("  </chassis>")
        L.append('  <port label="Port">')
        L.append('   <id label="PortID" type="ifname">%s</id>' % port.replace(
            "TwentyFiveGigE", "Twe"))
        L.append('   <descr label="PortDescr">%s</descr>' % port)
        L.append('   <ttl label="TTL">120</ttl>')
        L.append('   <mfs label="MFS">9198</mfs>')
        L.append("  </port>")
        L.append('  <vlan label="VLAN" vlan-id="99" pvid="yes">Management</vlan>')
        L.append(" </interface>")
    L.append("</lldp>")
    return "\n".join(L) + "\n"


def write_vaggeryd_hosts(org):
    core = [a for a in org.assets if a["role"] == "core-switch"]
    for c in core:
        c["chassis_mac"] = mac("70:b3:17")
    port = {c["name"]: 5 for c in core}
    for i, h in enumerate([a for a in org.assets if a.get("hv", "").startswith("proxmox")]):
        h["uuid"] = "4c4c4544-00%s-%s-%s-%s" % (rid(2, "0123456789"), rid(4, "0123456789abcdef"),
                                                rid(4, "0123456789abcdef"),
                                                rid(12, "0123456789abcdef"))
        h["nic0"], h["nic1"], h["nic2"] = mac("b0:26:28"), mac("b0:26:28"), mac("b0:26:28")
        old = i >= 6  # two hosts were dumped from an old rescue image
        w("vaggeryd/lshw/lshw-%s.xml" % h["name"], lshw_doc(h, old))
        org.visible.add(h["mgmt_ip"])
        links = []
        for k, (ifn, c) in enumerate((("eno12399np0", core[0]), ("eno12409np1", core[1]))):
            if h["name"] == "vgd-pve08" and k == 1:
                continue  # the second uplink of pve08 is down (a known fault; see README)
            p = "TwentyFiveGigE%d/0/%d" % (k + 1, port[c["name"]])
            port[c["name"]] += 1
            links.append((ifn, c, p))
            org.rel(h["name"], "connected_to", c["name"])
        h["lldp"] = links
        w("vaggeryd/lldp/lldpctl-%s.xml" % h["name"], lldp_doc(h, links))


# --------------------------------------------------------------------------------------------
# Generic CSV (Gnosjö in Swedish/cp1252, Vaggeryd and Hylte in English)
# --------------------------------------------------------------------------------------------
def sv_num(x):
    """Swedish Excel number: decimal comma, space (or no-break space) as thousands separator."""
    if x is None or x == "":
        return ""
    if isinstance(x, float) and not x.is_integer():
        s = ("%.1f" % x).replace(".", ",")
    else:
        s = str(int(x))
    ip, _, frac = s.partition(",")
    if len(ip) > 3:
        ip = ip[:-3] + " " + ip[-3:]
    return ip + ("," + frac if frac else "")


GNO_HV = {"vmware-esxi-6.7": ("VMware, Inc.", "VMware vSphere Hypervisor", "6.7 Update 3"),
          "vmware-esxi-7": ("VMware, Inc.", "VMware vSphere Hypervisor", "7.0 Update 3")}
GNO_HW = {"hpe-proliant-dl360-gen9": ("HP", "ProLiant DL360 Gen9"),
          "dell-poweredge-r640": ("Dell Inc.", "PowerEdge R640"),
          "dell-poweredge-r540": ("Dell Inc.", "PowerEdge R540"),
          "dell-unity-xt-380": ("Dell EMC", "Unity XT 380"),
          "dell-unity-300": ("Dell EMC", "Unity 300"),
          "extreme-x690": ("Extreme Networks", "X690-48x-2q-4c"),
          "extreme-x440-g2": ("Extreme Networks", "X440-G2-48p-10G4"),
          "extreme-ap305c": ("Extreme Networks", "AP305C"),
          "fortinet-fortigate-100f": ("Fortinet", "FortiGate 100F"),
          "eaton-9px": ("Eaton", "9PX 6000i RT3U")}
GNO_ROLE = {"core-switch": "kärnswitch", "firewall": "brandvägg", "hypervisor": "virtualiseringsvärd",
            "storage": "lagring", "backup": "backupserver", "ups": "UPS",
            "access-switch": "accesswitch", "access-point": "accesspunkt"}


def write_gnosjo(org):
    rows = []
    for a in org.assets:
        if a["kind"] != "device":
            continue
        v, p = GNO_HW[a["tech"]]
        note(org, a["tech"], "%s / %s" % (v, p), "tillgangar.csv")
        pw = a["power_w"] if a["power_src"] == "known" else None
        if a["name"] == "gno-esx01":
            pw = 712.5
            a["power_w"] = 712.5
        if a["name"] == "gno-san02":
            pw = 1020
            a["power_w"] = 1020
        pws = sv_num(pw)
        if a["name"] == "gno-san02":
            pws = pws.replace(" ", "\u00a0")  # Excel's no-break space
        rows.append([a["name"], "device", GNO_ROLE[a["role"]], v, p, a["version"], a["serial"],
                     a["site"], a["hall"], a["rack"] or "", a["position"] or "",
                     a["u"] if a["rack"] else "", pws, a["rgroup"],
                     {"critical": "kritisk", "high": "hög", "medium": "medel",
                      "low": "låg"}[a["crit"]], a["eol"]])
        if a.get("hv"):
            hv = GNO_HV[a["hv"]]
            note(org, a["hv"], "%s / %s / %s" % hv, "tillgangar.csv")
            rows.append([a["name"] + " ESXi", "software", "hypervisor", hv[0], hv[1], hv[2], "",
                         "", "", "", "", "", "", "", "", TECH[a["hv"]][3]])
            org.rel(a["name"] + " ESXi", "installed_on", a["name"])
            org.rel(a["name"], "member_of", a["cluster"] if a.get("cluster") else "Gnosjö-kluster")
    rows.append(["Gnosjö-kluster", "cluster", "vSphere-kluster", "VMware, Inc.", "vCenter Server",
                 "7.0 Update 3", "", "Gnosjö kommunhus", "Serverrummet", "", "", "", "", "", "kritisk",
                 ""])
    for a in org.assets:
        if a["kind"] == "vm":
            v, p, ver = GNO_OS[a["os"]]
            note(org, a["os"], "%s / %s / %s" % (v, p, ver), "tillgangar.csv")
            rows.append([a["name"], "vm", a["role"], v, p, ver, "", "", "", "", "", "", "", "",
                         "medel", TECH[a["os"]][3] if a["os"] in ("ms-windows-server-2012r2",
                                                                   "centos-7") else ""])
            org.rel(a["name"], "runs_on", a["host"])
    for a in org.assets:
        if a["kind"] == "client":
            hw = a["hw"]
            rows.append([a["name"], "client", "bärbar" if a["role"] == "laptop" else "stationär",
                         hw[2].replace(" Inc.", ""), hw[3], "", a["serial"],
                         R.choice(org.access_sites), "", "", "", "", "", "", "låg", ""])
            win = "Windows 10 Enterprise" if a["os"] == "ms-windows-10" else \
                "Windows 11 Enterprise"
            ver = "22H2" if a["os"] == "ms-windows-10" else "24H2"
            note(org, a["os"], "Microsoft / %s / %s" % (win, ver), "tillgangar.csv")
            rows.append([a["name"] + " OS", "software", "operativsystem", "Microsoft", win, ver,
                         "", "", "", "", "", "", "", "", "", TECH[a["os"]][3]])
            org.rel(a["name"] + " OS", "installed_on", a["name"])
    for a in org.assets:
        if a["kind"] == "service":
            rows.append([a["name"], "service", "verksamhetssystem", "", "", "", "", "", "", "", "",
                         "", "", "", {"critical": "kritisk", "high": "hög", "medium": "medel",
                                      "low": "låg"}[a["crit"]], ""])
    # power path: everything in the room runs on the UPS
    for a in org.assets:
        if a["kind"] == "device" and a["hall"] and a["role"] != "ups":
            org.rel(a["name"], "powered_by", "gno-ups01")
    for c in [a for a in org.assets if a["role"] == "hypervisor"]:
        for core in ("gno-core01", "gno-core02"):
            org.rel(c["name"], "connected_to", core)

    def cp(path, hdr, rs):
        text = csv_text(hdr, rs, delimiter=";")
        w("gnosjo/" + path, text, encoding="cp1252", newline="\r\n")

    cp("tillgangar.csv", GEN_HDR_SV, rows)
    cp("relationer.csv", ["kalla", "relation", "mal"], org.relations)
    cp("hallar.csv", ["plats", "hall", "platser", "effekt_kw", "kyla_kw"],
       [[h["site"], h["hall"], h["positions"], sv_num(float(h["power_kw"]) + 0.5),
         h["cooling_kw"]] for h in org.halls])
    org.halls[0]["power_kw"] = org.halls[0]["power_kw"] + 0.5
    # The hall's site with its position, as Excel writes decimals in Sweden (57,3667).
    cp("platser.csv", ["namn", "typ", "latitud", "longitud"],
       [[site, "plats", ("%.4f" % lat).replace(".", ","), ("%.4f" % lon).replace(".", ",")]
        for site, (lat, lon) in ((h["site"], SITE_POSITION[h["site"]]) for h in org.halls)])
    cp("natverk.csv", ["prefix", "vlan", "namn", "plats", "vrf", "roll"],
       [[p["prefix"], p["vlan"] if p["vlan"] is not None else "", p["name"], p["site"], p["vrf"],
         p["role"]] for p in org.prefixes])


VGD_HW = {"dell-poweredge-r650": ("Dell", "PowerEdge R650"),
          "hpe-proliant-dl380-gen9": ("HPE", "ProLiant DL380 Gen9"),
          "cisco-catalyst-9500": ("Cisco", "Catalyst 9500"),
          "cisco-catalyst-9300": ("Cisco", "Catalyst 9300"),
          "cisco-catalyst-3750x": ("Cisco", "Catalyst 3750-X"),
          "cisco-meraki-mr46": ("Cisco Meraki", "MR46"),
          "fortinet-fortigate-200f": ("Fortinet", "FortiGate 200F"),
          "dell-powervault-me5024": ("Dell", "PowerVault ME5024"),
          "synology-rs3621xs": ("Synology", "RS3621xs+")}
VGD_HV = {"proxmox-ve-9": ("Proxmox Server Solutions GmbH", "Proxmox VE", "9.0.10"),
          "proxmox-ve-8": ("Proxmox Server Solutions GmbH", "Proxmox VE", "8.4.1"),
          "vmware-esxi-7": ("VMware", "ESXi", "7.0.3")}


def write_vaggeryd_generic(org):
    rows = []
    for a in org.assets:
        if a["kind"] != "device" or a["role"] == "printer":
            continue
        v, p = VGD_HW[a["tech"]]
        note(org, a["tech"], "%s / %s" % (v, p), "assets.csv")
        rows.append([a["name"], "device", a["role"], v, p, a["version"], a["serial"], a["site"],
                     a["hall"], a["rack"] or "", a["position"] or "",
                     a["u"] if a["rack"] else "",
                     a["power_w"] if a["power_src"] == "known" else "", a["rgroup"], a["crit"],
                     a["eol"]])
        if a.get("hv"):
            hv = VGD_HV[a["hv"]]
            note(org, a["hv"], "%s / %s / %s" % hv, "assets.csv")
            rows.append([a["name"] + "-hypervisor", "software", "hypervisor", hv[0], hv[1], hv[2],
                         "", "", "", "", "", "", "", "", "", TECH[a["hv"]][3]])
            org.rel(a["name"] + "-hypervisor", "installed_on", a["name"])
            org.rel(a["name"], "member_of", a["cluster"] if a.get("cluster")
                    else ("pve-vgd" if a["hv"].startswith("proxmox") else "vgd-legacy"))
    rows.append(["pve-vgd", "cluster", "proxmox-cluster", "Proxmox Server Solutions GmbH",
                 "Proxmox VE", "9.0.10", "", "Vaggeryds kommunhus", "Serverhallen", "", "", "", "",
                 "", "critical", ""])
    rows.append(["vgd-legacy", "cluster", "vsphere-cluster", "VMware", "vCenter Server",
                 "7.0.3", "", "Vaggeryds kommunhus", "Serverhallen", "", "", "", "", "", "medium",
                 "2025-10-02"])
    for a in org.assets:
        if a["kind"] == "service":
            rows.append([a["name"], "service", a["role"], "", "", "", "", "", "", "", "", "", "",
                         "", a["crit"], ""])
    for a in org.assets:
        if a["kind"] == "vm":
            org.rel(a["fqdn"], "runs_on", a["host"])
    # services name their VMs by the DNS names the nmap scan reports
    org.relations = [(s, r, org.by_name[t]["fqdn"] if t in org.by_name and
                      org.by_name[t]["kind"] == "vm" else t) for s, r, t in org.relations]
    w("vaggeryd/assets.csv", csv_text(GEN_HDR_EN, rows))
    w("vaggeryd/relations.csv", csv_text(["source", "relation", "target"], org.relations))
    write_halls_generic(org, "vaggeryd/halls.csv")
    w("vaggeryd/sites.csv", csv_text(["name", "kind", "latitude", "longitude"],
                                     [[h["site"], "site", "%.4f" % SITE_POSITION[h["site"]][0],
                                       "%.4f" % SITE_POSITION[h["site"]][1]]
                                      for h in org.halls]))
    w("vaggeryd/networks.csv", csv_text(["prefix", "vlan", "name", "site", "vrf", "role"],
                                        [[p["prefix"], "" if p["vlan"] is None else p["vlan"],
                                          p["name"], p["site"], p["vrf"], p["role"]]
                                         for p in org.prefixes]))


HYL_HW = {"hpe-proliant-dl380-gen10-plus": ("Hewlett Packard Enterprise",
                                            "ProLiant DL380 Gen10 Plus"),
          "hpe-proliant-dl380-gen10": ("Hewlett Packard Enterprise", "ProLiant DL380 Gen10"),
          "hpe-alletra-6010": ("Hewlett Packard Enterprise", "Alletra 6010"),
          "aruba-cx-8325": ("HPE Aruba Networking", "Aruba CX 8325"),
          "aruba-2930f": ("HPE Aruba Networking", "Aruba 2930F 48G PoE+"),
          "aruba-ap-505": ("HPE Aruba Networking", "AP-505"),
          "fortinet-fortigate-400f": ("Fortinet", "FortiGate 400F")}


def write_hylte_generic(org):
    rows = []
    for a in org.assets:
        if a["kind"] != "device" or a["role"] == "printer":
            continue
        v, p = HYL_HW[a["tech"]]
        note(org, a["tech"], "%s / %s" % (v, p), "assets.csv")
        rows.append([a["name"], "device", a["role"], v, p, a["version"], a["serial"], a["site"],
                     a["hall"], a["rack"] or "", a["position"] or "",
                     a["u"] if a["rack"] else "",
                     a["power_w"] if a["power_src"] == "known" else "", a["rgroup"], a["crit"],
                     a["eol"]])
        if a.get("hv"):
            note(org, a["hv"], "Microsoft Corporation / Hyper-V / Windows Server 2019 Datacenter",
                 "assets.csv")
            rows.append([a["name"] + " Hyper-V", "software", "hypervisor",
                         "Microsoft Corporation", "Hyper-V", "Windows Server 2019 Datacenter",
                         "", "", "", "", "", "", "", "", "", "2029-01-09"])
            org.rel(a["name"] + " Hyper-V", "installed_on", a["name"])
            org.rel(a["name"], "member_of", "HYL-HVCL01")
            for c in ("HYL-CORE01", "HYL-CORE02"):
                org.rel(a["name"], "connected_to", c)
    rows.append(["HYL-HVCL01", "cluster", "failover-cluster", "Microsoft Corporation",
                 "Windows Server Failover Cluster", "2019", "", "Hylte kommunhus", "Serverrum 1",
                 "", "", "", "", "", "critical", ""])
    for a in org.assets:
        if a["kind"] == "vm":
            v, p, ver = HYL_OS[a["os"]]
            note(org, a["os"], "%s / %s / %s" % (v, p, ver), "assets.csv")
            rows.append([a["name"], "vm", a["role"], v, p, ver, "", "Hylte kommunhus", "", "",
                         "", "", "", "", a["crit"], TECH[a["os"]][3]])
            org.rel(a["name"], "runs_on", a["host"])
    w("hylte/assets.csv", "\ufeff" + csv_text(GEN_HDR_EN, rows))
    w("hylte/relations.csv", "\ufeff" + csv_text(["source", "relation", "target"],
                                                 [r for r in org.relations
                                                  if r[1] != "depends_on"]))
    write_halls_generic(org, "hylte/halls.csv", bom=True)
    w("hylte/networks.csv", "\ufeff" + csv_text(
        ["prefix", "vlan", "name", "site", "vrf", "role"],
        [[p["prefix"], "" if p["vlan"] is None else p["vlan"], p["name"], p["site"], p["vrf"],
          p["role"]] for p in org.prefixes]))


# --------------------------------------------------------------------------------------------
# ArchiMate exchange model (Hylte's services)
# --------------------------------------------------------------------------------------------
HYL_APP_EN = {"ekonomi": "Finance system", "lon": "Payroll system", "skola": "School platform",
              "ad": "Directory service", "epost": "E-mail"}


def write_hylte_archimate(org):
    ids = {}
    n = [0]

    def ident(key):
        if key not in ids:
            n[0] += 1
            ids[key] = "id-%08x" % (0x5a000000 + n[0] * 7919)
        return ids[key]

    els, rels = [], []

    def el(key, typ, sv, en=None, props=(), doc=None):
        L = ['    <element identifier="%s" xsi:type="%s">' % (ident(key), typ),
             '      <name xml:lang="sv">%s</name>' % xesc(sv)]
        if en:
            L.append('      <name xml:lang="en">%s</name>' % xesc(en))
        if doc:
            L.append('      <documentation xml:lang="sv">%s</documentation>' % xesc(doc))
        if props:
            L.append("      <properties>")
            for pid, val in props:
                L.append('        <property propertyDefinitionRef="%s">' % pid)
                L.append('          <value xml:lang="sv">%s</value>' % xesc(str(val)))
                L.append("        </property>")
            L.append("      </properties>")
        L.append("    </element>")
        els.append("\n".join(L))

    def rel(src, dst, typ):
        n[0] += 1
        rels.append('    <relationship identifier="id-r%06d" source="%s" target="%s" '
                    'xsi:type="%s" />' % (n[0], ident(src), ident(dst), typ))

    site, hall = org.halls[0]["site"], org.halls[0]["hall"]
    el("loc", "Location", site, "Hylte town hall",
       props=[("propid-lat", "%.4f" % SITE_POSITION[site][0]),
              ("propid-lon", "%.4f" % SITE_POSITION[site][1])])
    el("fac", "Facility", hall, "Server room 1", props=[("propid-crit", "kritisk")])
    rel("loc", "fac", "Composition")
    el("net", "CommunicationNetwork", "Hylte kommunnät", "Hylte municipal network")
    el("vlan110", "CommunicationNetwork", "Server-VLAN 110")
    rel("net", "vlan110", "Aggregation")
    el("cl", "Node", "HYL-HVCL01", "Hyper-V failover cluster",
       props=[("propid-vendor", "Microsoft Corporation"), ("propid-crit", "kritisk")])
    el("hv", "SystemSoftware", "Microsoft Hyper-V (Windows Server 2019 Datacenter)",
       props=[("propid-vendor", "Microsoft Corporation"), ("propid-version", "10.0.17763")])
    note(org, "ms-hyperv-2019", "ArchiMate SystemSoftware Microsoft Hyper-V (Windows Server "
         "2019 Datacenter) version 10.0.17763", "hylte-tjanster.xml")
    rel("cl", "hv", "Assignment")
    el("virt", "TechnologyService", "Virtualiseringsplattform", "Virtualisation platform",
       props=[("propid-owner", "Leverantören"), ("propid-crit", "kritisk")])
    rel("cl", "virt", "Realization")
    rel("net", "cl", "Serving")
    for a in org.assets:
        if a["kind"] == "device" and a["role"] == "hypervisor":
            el(a["name"], "Node", a["name"], props=[("propid-vendor", "Hewlett Packard Enterprise"),
                                                   ("propid-serial", a["serial"])])
            rel("fac", a["name"], "Aggregation")
            rel("cl", a["name"], "Aggregation")
            rel(a["name"], "hv", "Assignment")
        if a["kind"] == "device" and a["role"] in ("core-switch", "firewall", "storage"):
            el(a["name"], "Device", a["name"], props=[("propid-crit", "kritisk")])
            rel("fac", a["name"], "Aggregation")
            if a["role"] != "storage":
                rel("net", a["name"], "Aggregation")
    el("sql", "SystemSoftware", "Microsoft SQL Server 2019", props=[("propid-version",
                                                                     "15.0.4385.2")])
    el("dbsvc", "TechnologyService", "Databastjänst", "Database service")
    rel("sql", "dbsvc", "Realization")
    el("bkpsw", "SystemSoftware", "Veeam Backup & Replication", props=[("propid-version",
                                                                         "12.2.0.334")])
    el("HYL-BKP01", "Node", "HYL-BKP01")
    rel("fac", "HYL-BKP01", "Aggregation")
    rel("HYL-BKP01", "bkpsw", "Assignment")
    el("bkpsvc", "TechnologyService", "Säkerhetskopiering", "Backup")
    rel("bkpsw", "bkpsvc", "Realization")
    rel("bkpsvc", "virt", "Serving")
    # applications and the VMs they need
    deps = SERVICE_DEPS["hylte"]
    for key in deps:
        disp, crit, stems = SERVICES[key]
        en = HYL_APP_EN.get(key)
        el("app-" + key, "ApplicationComponent", disp, en,
           props=[("propid-crit", {"critical": "kritisk", "high": "hög", "medium": "medel",
                                   "low": "låg"}[crit]), ("propid-owner",
                                                          "Hylte kommun, %s" % ("Ekonomiavdelningen"
                                                                                if key in ("ekonomi",
                                                                                           "lon")
                                                                                else "IT"))])
        el("svc-" + key, "ApplicationService", disp.replace("system", "tjänst")
           if "system" in disp else disp + " (tjänst)", en and en.replace("system", "service"))
        rel("app-" + key, "svc-" + key, "Realization")
        for stem in stems:
            vmn = vm_name(org, stem)
            vm = org.by_name[vmn]
            if vmn not in ids:
                el(vmn, "Node", vmn, props=[("propid-vendor", HYL_OS[vm["os"]][0]),
                                            ("propid-version", HYL_OS[vm["os"]][2])])
                rel("virt", vmn, "Serving")
                rel("vlan110", vmn, "Serving")
            rel(vmn, "app-" + key, "Serving")
            if stem.startswith("sql"):
                rel(vmn, "sql", "Assignment")
                rel("dbsvc", "app-" + key, "Serving")
    for key, ds in deps.items():
        for d in ds:
            rel("svc-" + d, "app-" + key, "Serving")
            rel("app-" + d, "app-" + key, "Serving")
    rel("bkpsvc", "app-ekonomi", "Serving")
    organizations = ['  <organizations>', '    <item>',
                     '      <label xml:lang="sv">Applikationer</label>']
    organizations += ['      <item identifierRef="%s" />' % v for k, v in ids.items()
                      if k.startswith(("app-", "svc-"))]
    organizations += ['    </item>', '    <item>', '      <label xml:lang="sv">Teknik</label>']
    organizations += ['      <item identifierRef="%s" />' % v for k, v in ids.items()
                      if not k.startswith(("app-", "svc-"))]
    organizations += ['    </item>', '  </organizations>']
    propdefs = [("propid-crit", "Kritikalitet"), ("propid-vendor", "Leverantör"),
                ("propid-version", "Version"), ("propid-serial", "Serienummer"),
                ("propid-owner", "Förvaltning"), ("propid-lat", "latitude"),
                ("propid-lon", "longitude")]
    doc = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ '
           'http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" '
           'identifier="id-hylte-0001">',
           '  <name xml:lang="sv">Hylte kommun – tjänster och drift</name>',
           '  <name xml:lang="en">Hylte municipality – services and operations</name>',
           '  <documentation xml:lang="sv">Leverantörens arkitekturmodell över Hylte kommuns '
           'verksamhetssystem och den tekniska plattform de körs på. Exporterad från Archi.'
           '</documentation>',
           "  <elements>"] + els + ["  </elements>", "  <relationships>"] + rels + \
          ["  </relationships>"] + organizations + ["  <propertyDefinitions>"]
    for pid, name in propdefs:
        doc += ['    <propertyDefinition identifier="%s" type="string">' % pid,
                "      <name>%s</name>" % name, "    </propertyDefinition>"]
    doc += ["  </propertyDefinitions>", "</model>"]
    w("hylte/hylte-tjanster.xml", "\n".join(doc) + "\n")
    return ids


# --------------------------------------------------------------------------------------------
# device-type catalog (devicetype-library layout) and the scenario
# --------------------------------------------------------------------------------------------
def write_device_types():
    for tech, (mfr, model, u, watts) in sorted(MODELS.items()):
        L = ["manufacturer: %s" % mfr, "model: %s" % model,
             "slug: %s" % slug(mfr + "-" + model), "u_height: %d" % u,
             "is_full_depth: %s" % ("false" if tech.startswith(("apc", "fortinet",
                                                                 "cisco-catalyst-9300"))
                                    else "true"),
             "airflow: front-to-rear"]
        if tech.startswith("apc"):
            L += ["power-ports:", "  - name: Power Port 1", "    type: iec-60320-c20",
                  "power-outlets:"]
            for k in range(1, 9):
                L += ["  - name: Outlet %d" % k, "    type: iec-60320-c13",
                      "    power_port: Power Port 1"]
        elif watts is not None:
            half = watts // 2
            L += ["power-ports:"]
            for k, share in ((1, half), (2, watts - half)):
                L += ["  - name: PSU%d" % k, "    type: iec-60320-c14",
                      "    maximum_draw: %d" % watts, "    allocated_draw: %d" % share]
        w("device-types/%s/%s.yaml" % (mfr, model.replace("/", "-").replace(" ", "-")),
          "\n".join(L) + "\n")


SCENARIO = """# Alternativ 1: a joint IT operation with two target halls (scenario format: docs/cli.md).
# DC1 and DC2 restate the capacity of the halls they come from (see halls.csv in each folder).
name: Alternativ 1
orgs: [gislaved, gnosjo, varnamo, vaggeryd, hylte]
standards:                 # fixed here; every other capability is proposed by samdrift
  hypervisor: vmware-esxi-8
halls:
  - name: DC1
    from: varnamo/%(h1site)s/%(h1hall)s
    role: primary
    positions: %(h1pos)d
    power_kw: %(h1kw)s
    cooling_kw: %(h1cool)s
    rack_u: 42
    rack_power_kw: 8
  - name: DC2
    from: gislaved/%(h2site)s/%(h2hall)s
    role: secondary
    positions: %(h2pos)d
    power_kw: %(h2kw)s
    cooling_kw: %(h2cool)s
    rack_u: 42
    rack_power_kw: 8
redundancy: split          # members of one redundancy group go to different halls
costs: costs.yaml          # prices (compare, and the score of `halls --choose`)
siting:                    # which halls should remain (samdrift halls --choose)
  count: 2                 # a primary and a secondary hall
  min_distance_km: 10      # not in one town: Gislaved's two halls (5 km apart) share too much
  max_distance_km: 100     # near enough for synchronous replication
  candidates:              # a new hall to weigh beside the seven of today
    # A prefabricated modular hall for 10 racks on Värnamo's industrial estate (position: the
    # town's). The investment is an assumption for the samples (building, UPS, cooling, fire
    # suppression), not a quote: replace it with a real offer before a decision rests on it.
    - {name: Nybygge Värnamo, site: Värnamo industriområde, latitude: 57.1817, longitude: 14.0586, positions: 10, power_kw: 60, cooling_kw: 70, investment: 6000000}
waves:
  max_items: 150
  max_kw: 20
  max_hours: 300
addressing:                # the joint address plan for renumbering (samdrift net)
  supernet: 10.0.0.0/8
  per_org_block: /14
timeline:                  # the waves' dates (samdrift plan): work days, Swedish holidays skipped
  start: 2026-03-01
  hours_per_month: 800     # the joint team's hours for plan work
  freeze: [2026-07-01..2026-08-15, 2026-12-15..2027-01-06]   # summer and year-end: no wave runs
  phases:                  # the study's phases: bands on the report's Gantt chart (no wave moves)
    - {name: Bilda organisationen, start: 2026-01-01, end: 2026-06-30}
    - {name: Första flyttomgången, start: 2026-07-01, end: 2027-06-30}
    - {name: Andra flyttomgången, start: 2027-07-01, end: 2028-06-30}
    - {name: Överlämning, start: 2028-07-01, end: 2028-12-31}
"""


# --------------------------------------------------------------------------------------------
# Facts (printed, and written into README.md between the FACTS markers)
# --------------------------------------------------------------------------------------------
def sccs(nodes, edges):
    """Tarjan, iterative. edges: dict node -> list of nodes. Returns components of size > 1."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter[0]
                counter[0] += 1
                stack.append(v)
                on.add(v)
            recurse = False
            succ = edges.get(v, [])
            for j in range(i, len(succ)):
                u = succ[j]
                if u not in index:
                    work.append((v, j + 1))
                    work.append((u, 0))
                    recurse = True
                    break
                if u in on:
                    low[v] = min(low[v], index[u])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    u = stack.pop()
                    on.discard(u)
                    comp.append(u)
                    if u == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out


def category_of(a):
    if a["kind"] in ("vm", "cluster", "software", "service"):
        return "platform"
    if a["kind"] == "client" or a.get("role") == "printer":
        return "client"
    if a.get("role") in ("access-switch", "access-point", "core-switch", "dc-switch",
                         "firewall"):
        return "network"
    return "datacenter"


SITE_BOUND_ROLES = {"core-switch", "kärnswitch", "firewall", "brandvägg", "ups"}


def site_bound_w():
    """W of the rack devices samdrift leaves at their site: core switches, firewalls and UPS
    (planners/hall_stays.cc) in halls other than the target halls DC1 and DC2."""
    targets = {("varnamo", O["varnamo"].halls[0]["hall"]),
               ("gislaved", O["gislaved"].halls[0]["hall"])}
    return sum(device_watts(a)[0] for o in ORGS for a in O[o].assets
               if a["kind"] == "device" and a.get("rack") and (o, a.get("hall")) not in targets
               and a["role"].lower() in SITE_BOUND_ROLES)


def facts():
    F = []
    P = F.append
    P("Facts computed by `make_samples.py` (seed %d; end of support judged at %s)." % (
        SEED, REF_DATE.isoformat()))
    P("")
    # ---- sizes
    P("### Sizes")
    P("")
    P("| org | halls | racks | rack devices (of them PDUs) | hypervisor hosts | VMs | "
      "access switches | access points | firewalls | core/DC switches | clients | printers | "
      "services |")
    P("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    tot = {}
    for oid in ORGS:
        org = O[oid]
        A = org.assets
        row = dict(
            halls=len(org.halls), racks=len(org.racks),
            rack=sum(1 for a in A if a["kind"] == "device" and a.get("rack")),
            pdu=sum(1 for a in A if a.get("role") == "pdu"),
            hosts=sum(1 for a in A if a.get("role") == "hypervisor"),
            vms=sum(1 for a in A if a["kind"] == "vm"),
            asw=sum(1 for a in A if a.get("role") == "access-switch"),
            ap=sum(1 for a in A if a.get("role") == "access-point"),
            fw=sum(1 for a in A if a.get("role") == "firewall"),
            core=sum(1 for a in A if a.get("role") in ("core-switch", "dc-switch")),
            clients=sum(1 for a in A if a["kind"] == "client"),
            printers=sum(1 for a in A if a.get("role") == "printer"),
            services=sum(1 for a in A if a["kind"] == "service"))
        for k, v in row.items():
            tot[k] = tot.get(k, 0) + v
        P("| %s | %d | %d | %d (%d) | %d | %d | %d | %d | %d | %d | %d | %d | %d |" % (
            oid, row["halls"], row["racks"], row["rack"], row["pdu"], row["hosts"], row["vms"],
            row["asw"], row["ap"], row["fw"], row["core"], row["clients"], row["printers"],
            row["services"]))
    P("| **total** | %d | %d | %d (%d) | %d | %d | %d | %d | %d | %d | %d | %d | %d |" % (
        tot["halls"], tot["racks"], tot["rack"], tot["pdu"], tot["hosts"], tot["vms"],
        tot["asw"], tot["ap"], tot["fw"], tot["core"], tot["clients"], tot["printers"],
        tot["services"]))
    P("")
    P("Files: " + ", ".join(
        "%s %d files (%.0f kB)" % (f, sum(1 for p in WRITTEN if p.startswith(f + "/")),
                                  sum(os.path.getsize(os.path.join(HERE, p)) for p in WRITTEN
                                      if p.startswith(f + "/")) / 1000)
        for f in ORGS + ["device-types"]) + "; total %d files, %.2f MB." % (
            len(WRITTEN), sum(os.path.getsize(os.path.join(HERE, p)) for p in WRITTEN) / 1e6))
    P("")
    P("Värnamo: devices.csv and RVTools describe the same hosts; virtual-machines.csv holds %d "
      "VMs, RVTools_tabvInfo.csv %d VMs (the same %d plus %d powered-off `vmo-old-*` not in "
      "NetBox) and %d templates (`Template=True`, not VMs)." % (
          sum(1 for a in O["varnamo"].assets if a["kind"] == "vm" and not a.get("rvtools_only")),
          sum(1 for a in O["varnamo"].assets if a["kind"] == "vm"),
          sum(1 for a in O["varnamo"].assets if a["kind"] == "vm" and not a.get("rvtools_only")),
          sum(1 for a in O["varnamo"].assets if a.get("rvtools_only")), 4))
    P("Hylte's services are the %d ApplicationComponents of hylte-tjanster.xml (each realises "
      "one ApplicationService of the same meaning, %d more elements)." % (
          len(SERVICE_DEPS["hylte"]), len(SERVICE_DEPS["hylte"])))
    P("")
    # ---- technologies
    P("### Technologies per org (asset counts)")
    P("")
    P("| capability | technology | " + " | ".join(ORGS) + " | orgs |")
    P("|---|---|" + "---|" * (len(ORGS) + 1))
    counts = {}
    for oid in ORGS:
        for a in O[oid].assets:
            for t in a.get("techs", []):
                # tillgangar.csv has no OS column for Gnosjö's rack devices (only the hosts'
                # hypervisor rows): an OS the files never state is not counted.
                if oid == "gnosjo" and a["kind"] == "device" and t == a.get("os"):
                    continue
                counts.setdefault(t, {}).setdefault(oid, 0)
                counts[t][oid] += 1
    # A cluster row's own technology counts once, for the cluster, where its hosts name none of
    # that capability (samdrift's planners/README.md, "Clusters"): the vCenter Server of
    # Gnosjö-kluster and vgd-legacy (their hosts' ESXi and Proxmox count on the hosts).
    for oid, t in (("gnosjo", "vmware-vcenter-7"), ("vaggeryd", "vmware-vcenter-7")):
        counts.setdefault(t, {}).setdefault(oid, 0)
        counts[t][oid] += 1
    for t in sorted(counts, key=lambda t: (TECH[t][0], TECH[t][2])):
        c = counts[t]
        P("| %s | %s (`%s`) | %s | %d |" % (TECH[t][0], TECH[t][2], t,
                                           " | ".join(str(c.get(o, "")) for o in ORGS), len(c)))
    P("")
    shared_all = [TECH[t][2] for t in counts if len(counts[t]) == 5]
    unique = {}
    for t in counts:
        if len(counts[t]) == 1:
            unique.setdefault(next(iter(counts[t])), []).append(TECH[t][2])
    P("Shared by all five: %s." % ", ".join(sorted(shared_all)))
    P("")
    P("Unique to one org: " + "; ".join("%s: %s" % (o, ", ".join(sorted(v)))
                                        for o, v in sorted(unique.items())) + ".")
    P("")
    # ---- spellings
    P("### One technology, many spellings (as written in the files)")
    P("")
    for t in ("vmware-esxi-7", "vmware-esxi-8", "dell-poweredge-r650", "vmware-esxi-6.7", "ms-windows-server-2019",
              "ms-windows-server-2012r2", "cisco-catalyst-9300", "cisco-catalyst-9500",
              "hpe-proliant-dl380-gen10-plus", "hpe-proliant-dl360-gen9", "ms-windows-11-24h2",
              "ms-hyperv-2019", "proxmox-ve-9"):
        if t not in SPELL:
            continue
        P("- **%s**: " % TECH[t][2] + "; ".join(
            "%s `%s` (%s)" % (o, txt, f) for o, f, txt in sorted(SPELL[t])))
    P("")
    # ---- end of support
    P("### Past end of support at %s" % REF_DATE.isoformat())
    P("")
    P("| technology | end of support | " + " | ".join(ORGS) + " |")
    P("|---|---|" + "---|" * len(ORGS))
    soon = []
    for t in sorted(counts, key=lambda t: TECH[t][3] or "9999"):
        eol = TECH[t][3]
        if not eol:
            continue
        d = datetime.date.fromisoformat(eol)
        if d < REF_DATE:
            P("| %s | %s | %s |" % (TECH[t][2], eol, " | ".join(str(counts[t].get(o, ""))
                                                              for o in ORGS)))
        elif d < REF_DATE + datetime.timedelta(days=366):
            soon.append((t, eol))
    P("")
    P("Devices past end of support, by name: " + "; ".join(
        "%s: %s" % (oid, ", ".join(
            "%s (%s)" % (a["name"], ", ".join(TECH[t][2] for t in a["techs"]
                                             if TECH[t][3] and
                                             datetime.date.fromisoformat(TECH[t][3]) < REF_DATE))
            for a in O[oid].assets if a["kind"] == "device" and any(
                TECH[t][3] and datetime.date.fromisoformat(TECH[t][3]) < REF_DATE
                for t in a["techs"])))
        for oid in ORGS) + ". VMs and clients are counted in the table above.")
    P("")
    P("End-of-support dates are the vendors' published end of general/standard support "
      "(Microsoft: end of extended support for Windows Server; Cisco: last date of support). "
      "Assumed where no public date was at hand: Proxmox VE 8 2026-08-31 (about a year after "
      "Proxmox VE 9, which has none yet), Dell EMC Unity 300 2024-12-31, Palo Alto PA-3220 "
      "2028-02-28.")
    P("")
    P("Within 12 months after that date: " + ", ".join(
        "%s (%s; %s)" % (TECH[t][2], e, ", ".join("%s %d" % (o, n)
                                                  for o, n in sorted(counts[t].items())))
        for t, e in soon) + ".")
    P("")
    # ---- redundancy
    P("### Redundancy groups")
    P("")
    for oid in ORGS:
        groups = {}
        for a in O[oid].assets:
            if a.get("rgroup"):
                groups.setdefault(a["rgroup"], []).append(a["name"])
        P("- %s: " % oid + "; ".join("`%s` = %s" % (g, ", ".join(m))
                                     for g, m in groups.items()))
    P("")
    P("Where it is written: NetBox `virtual_chassis` (core, DC switches, firewall HA pairs) and "
      "`cluster` (hypervisor clusters, storage replication pairs); generic CSV "
      "`redundancy_group`/`redundansgrupp`; Vaggeryd's cluster also through relations.csv "
      "`member_of`; Hylte's through `member_of` and the ArchiMate Aggregation of the cluster "
      "Node.")
    P("")
    # ---- cycles
    P("### Dependency cycles between services")
    P("")
    for oid in ORGS:
        names = {SERVICES[k][0]: k for k in SERVICE_DEPS[oid]}
        edges = {SERVICES[k][0]: [SERVICES[d][0] for d in v] for k, v in SERVICE_DEPS[oid].items()}
        cyc = sccs(list(edges), edges)
        P("- %s: %s" % (oid, "; ".join(" <-> ".join(c) for c in cyc) if cyc else "none"))
    P("")
    P("(Each service also depends_on its VMs, and every service but Säkerhetskopiering "
      "depends on Active Directory.)")
    P("")
    # ---- halls
    P("### Halls and the datacenter estate")
    P("")
    P("| org | site / hall | positions | power kW | cooling kW | racks |")
    P("|---|---|---|---|---|---|")
    for oid in ORGS:
        for h in O[oid].halls:
            P("| %s | %s / %s | %d | %s | %s | %d |" % (
                oid, h["site"], h["hall"], h["positions"], h["power_kw"], h["cooling_kw"],
                sum(1 for r in O[oid].racks if r["hall"] == h["hall"])))
    P("")
    P("Rack-mounted devices (everything with a rack position; 2 × 1U PDU per rack are counted "
      "separately, they draw nothing themselves):")
    P("")
    P("| org | devices | U | W recorded | W from device type | devices with no figure "
      "(role default W) | estimate kW |")
    P("|---|---|---|---|---|---|---|")
    TU = TW = TC = TD = TN = 0
    for oid in ORGS:
        dv = [a for a in O[oid].assets if a["kind"] == "device" and a.get("rack")
              and a["role"] != "pdu"]
        u = sum(a["u"] for a in dv)
        wk = sum(device_watts(a)[0] for a in dv if device_watts(a)[1] == "known")
        wc = sum(device_watts(a)[0] for a in dv if device_watts(a)[1] == "catalog")
        nn = [a for a in dv if device_watts(a)[1] == "none"]
        wd = sum(device_watts(a)[0] for a in nn)
        TU += u
        TW += wk
        TC += wc
        TD += wd
        TN += len(nn)
        P("| %s | %d | %d | %s | %d | %d: %s (%d) | %.1f |" % (
            oid, len(dv), u, ("%.1f" % wk).rstrip("0").rstrip("."), wc, len(nn),
            ", ".join(a["name"] for a in nn) or "-", wd, (wk + wc + wd) / 1000))
    P("| **total** | | %d | %s | %d | %d (%d) | %.1f |" % (
        TU, ("%.1f" % TW).rstrip("0").rstrip("."), TC, TN, TD, (TW + TC + TD) / 1000))
    P("")
    h1 = O["varnamo"].halls[0]
    h2 = O["gislaved"].halls[0]
    kw = (TW + TC + TD) / 1000
    P("Target (scenario.yaml, Alternativ 1): DC1 = varnamo/%s/%s (%d positions, %s kW, %s kW "
      "cooling), DC2 = gislaved/%s/%s (%d positions, %s kW, %s kW cooling): together %d "
      "positions, %s kW power, %s kW cooling." % (
          h1["site"], h1["hall"], h1["positions"], h1["power_kw"], h1["cooling_kw"],
          h2["site"], h2["hall"], h2["positions"], h2["power_kw"], h2["cooling_kw"],
          h1["positions"] + h2["positions"], h1["power_kw"] + h2["power_kw"],
          h1["cooling_kw"] + h2["cooling_kw"]))
    P("The estate needs about %.1f kW (%.0f %% of the power, %.0f %% of the cooling), %d U "
      "(+%d U of PDUs if they move), so at least %d racks by U (%d usable U per 42U rack "
      "with two PDUs), %d by power (6.4 kW of each rack's 8 kW at the default design_margin "
      "of 0.8; the %.1f kW of site-bound core switches, firewalls and UPS outside DC1 and DC2 "
      "stay where they are): feasible but tight." % (
          kw, 100 * kw / (h1["power_kw"] + h2["power_kw"]),
          100 * kw / (h1["cooling_kw"] + h2["cooling_kw"]), TU,
          sum(1 for o in ORGS for a in O[o].assets if a.get("role") == "pdu"),
          -(-TU // 40), 40, -(-int(kw * 1000 - site_bound_w()) // 6400),
          site_bound_w() / 1000))
    # split rule: the secondary hall gets at least floor(n/2) of every group
    minsec = 0
    for oid in ORGS:
        groups = {}
        for a in O[oid].assets:
            if a.get("rgroup") and a.get("rack"):
                groups.setdefault(a["rgroup"], []).append(a)
        for g, m in groups.items():
            ws = sorted(device_watts(a)[0] for a in m)
            minsec += sum(ws[:len(ws) // 2])
    P("With `redundancy: split` the secondary hall must take at least half of every "
      "redundancy group: at least %.1f kW (DC2 has %s kW power, %s kW cooling); "
      "everything critical without a partner goes to DC1." % (
          minsec / 1000, h2["power_kw"], h2["cooling_kw"]))
    P("")
    P("Role defaults assumed above where no figure exists (samdrift's, core/device_types.cc): " +
      ", ".join("%s %d W" % kv for kv in sorted(PLANNER_DEFAULT_W.items())) + ". A device "
      "whose manufacturer is written differently from its device type's (Hylte's `Hewlett "
      "Packard Enterprise`, Gnosjö's `HP` for the types filed under `HPE`) still takes the "
      "type's figures.")
    P("")
    # ---- address plans
    P("### Address plans and VLANs")
    P("")
    pre = []
    for oid in ORGS:
        for p in O[oid].prefixes:
            pre.append((oid, ipaddress.ip_network(p["prefix"]), p["vrf"], p["name"]))
    P("Prefix conflicts between orgs (global table; Gnosjö's DMZ VRF kept apart):")
    P("")
    P("| kind | a | b | addresses in use a / b |")
    P("|---|---|---|---|")

    # An org whose files give no addresses at all has unknown use (samdrift says so, never 0).
    def used(oid, net):
        if not O[oid].visible:
            return "unknown"
        return str(sum(1 for ip in O[oid].visible if ipaddress.ip_address(ip) in net))

    seen = set()
    for i, (oa, na, va, ma) in enumerate(pre):
        for ob, nb, vb, mb in pre[i + 1:]:
            if oa == ob or va != vb:
                continue
            key = (oa, str(na), ob, str(nb))
            if key in seen:
                continue
            seen.add(key)
            if na == nb:
                k = "equal"
            elif na.subnet_of(nb):
                k = "within"
            elif nb.subnet_of(na):
                k = "contains"
            else:
                continue
            P("| %s | %s %s (%s) | %s %s (%s) | %s / %s |" % (k, oa, na, ma, ob, nb, mb,
                                                            used(oa, na), used(ob, nb)))
    P("")
    dups = []
    for oid in ORGS:
        ps = [(p["prefix"], p["vrf"]) for p in O[oid].prefixes]
        for x in sorted(set(ps)):
            if ps.count(x) > 1:
                dups.append("%s %s (%d times)" % (oid, x[0], ps.count(x)))
    P("Declared twice within one org: " + (", ".join(dups) or "none") + ".")
    P("")
    vl = {}
    for oid in ORGS:
        for v in O[oid].vlans:
            vl.setdefault(v["vid"], {}).setdefault(oid, set()).add(v["name"])
    clash, match = [], []
    for vid in sorted(vl):
        orgs = sorted(vl[vid])
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                na, nb = sorted(vl[vid][a])[0], sorted(vl[vid][b])[0]
                (match if na.lower() == nb.lower() else clash).append(
                    "VLAN %d: %s \"%s\" / %s \"%s\"" % (vid, a, na, b, nb))
    P("VLAN clashes (same id, different name): " + "; ".join(clash) + ".")
    P("")
    P("VLAN matches (same id, same name): " + "; ".join(match) + ".")
    P("")
    P("Addresses in use per org as the files show them (NetBox ip-addresses.csv, GLPI, nmap, "
      "lshw; Gnosjö's Excel sheets and Hylte's supplier sheet list none): " + ", ".join(
          "%s %s" % (o, len(O[o].visible) or "unknown") for o in ORGS) + ".")
    P("")
    return "\n".join(F)


def main():
    check = "--check" in sys.argv
    for oid in ORGS:
        shutil.rmtree(os.path.join(HERE, oid), ignore_errors=True)
    shutil.rmtree(os.path.join(HERE, "device-types"), ignore_errors=True)
    build_varnamo()
    build_gislaved()
    build_gnosjo()
    build_vaggeryd()
    build_hylte()
    for oid in ORGS:
        org = O[oid]
        build_networks(org)
        assign_addresses(org)
        build_services(org)
        for a in org.assets:
            if a["kind"] == "vm":
                a["fqdn"] = "%s.%s" % (a["name"], PROFILE[oid]["domain"])
    # files
    write_glpi(O["varnamo"], "xml")
    write_netbox(O["varnamo"])
    write_rvtools(O["varnamo"])
    write_glpi(O["gislaved"], "json")
    write_netbox(O["gislaved"])
    make_clients(O["gnosjo"])
    write_gnosjo(O["gnosjo"])
    write_glpi(O["vaggeryd"], "xml")
    write_vaggeryd_hosts(O["vaggeryd"])
    write_vaggeryd_nmap(O["vaggeryd"])
    write_vaggeryd_generic(O["vaggeryd"])
    write_glpi(O["hylte"], "json")
    write_hylte_generic(O["hylte"])
    write_hylte_archimate(O["hylte"])
    write_device_types()
    h1, h2 = O["varnamo"].halls[0], O["gislaved"].halls[0]
    w("scenario.yaml", SCENARIO % dict(h1site=h1["site"], h1hall=h1["hall"],
                                       h1pos=h1["positions"], h1kw=h1["power_kw"],
                                       h1cool=h1["cooling_kw"], h2site=h2["site"],
                                       h2hall=h2["hall"], h2pos=h2["positions"],
                                       h2kw=h2["power_kw"], h2cool=h2["cooling_kw"]))
    text = facts()
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        r = open(readme, encoding="utf-8").read()
        a, b = "<!-- FACTS:BEGIN -->", "<!-- FACTS:END -->"
        if a in r and b in r:
            r = r[:r.index(a) + len(a)] + "\n" + text + "\n" + r[r.index(b):]
            open(readme, "w", encoding="utf-8").write(r)
    print(text)
    size = sum(os.path.getsize(os.path.join(HERE, p)) for p in WRITTEN)
    print("wrote %d files, %.2f MB" % (len(WRITTEN), size / 1e6), file=sys.stderr)
    if check:
        check_all()


def check_all():
    import xml.etree.ElementTree as ET
    n = 0
    for p in WRITTEN:
        full = os.path.join(HERE, p)
        raw = open(full, "rb").read()
        if p.endswith(".xml"):
            ET.fromstring(raw)
        elif p.endswith(".json"):
            json.loads(raw.decode("utf-8"))
        elif p.endswith(".csv"):
            if p.startswith("gnosjo/"):
                text = raw.decode("cp1252")
                assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), p
                assert "å" in text or "ä" in text or "ö" in text or p.endswith("natverk.csv"), p
                try:
                    raw.decode("utf-8")
                    if any(c in text for c in "åäöÅÄÖ"):
                        raise AssertionError("%s decodes as UTF-8" % p)
                except UnicodeDecodeError:
                    pass
                rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
            else:
                text = raw.decode("utf-8")
                if p.startswith("hylte/"):
                    assert text.startswith("\ufeff"), p
                    text = text[1:]
                rows = list(csv.reader(io.StringIO(text, newline="")))
            width = len(rows[0])
            for i, r in enumerate(rows):
                assert len(r) == width, (p, i + 1, len(r), width)
        n += 1
    print("checked %d files: all parse" % n, file=sys.stderr)
    check_relations()


def check_relations():
    """Every relation names assets that some file of the same org declares."""
    import xml.etree.ElementTree as ET
    for oid in ORGS:
        names = set()
        for p in WRITTEN:
            if not p.startswith(oid + "/"):
                continue
            full = os.path.join(HERE, p)
            base = os.path.basename(p)
            if base in ("devices.csv", "virtual-machines.csv", "clusters.csv", "assets.csv",
                        "RVTools_tabvInfo.csv", "tillgangar.csv"):
                enc = "cp1252" if oid == "gnosjo" else "utf-8-sig"
                text = open(full, encoding=enc, newline="").read()
                rows = csv.DictReader(io.StringIO(text), delimiter=";" if oid == "gnosjo"
                                      else ",")
                for r in rows:
                    names.add(r.get("name") or r.get("namn") or r.get("VM"))
            elif base.startswith("nmap-"):
                for h in ET.parse(full).getroot().iter("hostname"):
                    names.add(h.get("name"))
            elif base.startswith("lshw-"):
                root = ET.parse(full).getroot()
                node = root if root.tag == "node" else root.find("node")
                names.add(node.get("id"))
            elif base.endswith("tjanster.xml"):
                ns = "{http://www.opengroup.org/xsd/archimate/3.0/}"
                for e in ET.parse(full).getroot().iter(ns + "element"):
                    names.add(e.find(ns + "name").text)
        rel = [p for p in WRITTEN if p.startswith(oid + "/") and
               os.path.basename(p) in ("relations.csv", "relationer.csv")]
        missing = set()
        for p in rel:
            enc = "cp1252" if oid == "gnosjo" else "utf-8-sig"
            text = open(os.path.join(HERE, p), encoding=enc, newline="").read()
            for r in list(csv.reader(io.StringIO(text), delimiter=";" if oid == "gnosjo"
                                     else ","))[1:]:
                for x in (r[0], r[2]):
                    if x not in names:
                        missing.add(x)
        assert not missing, (oid, sorted(missing)[:10])
    print("checked relations: every source and target is declared in its org's files",
          file=sys.stderr)


if __name__ == "__main__":
    main()
