#!/usr/bin/env python3
"""Writes a large nmap XML scan as nmap 7 writes it (-sS -sV -O over a /8): every fourth host up,
with a PTR name, a MAC, identified services and OS matches in the nested layout; the rest down.

    python3 bench/make_nmap_scan.py OUT.xml [--mb 100]
"""
import argparse

UP = """<host starttime="1794295200" endtime="1794295235"><status state="up" reason="arp-response" reason_ttl="0"/>
<address addr="{ip}" addrtype="ipv4"/>
<address addr="{mac}" addrtype="mac" vendor="Proxmox Server Solutions GmbH"/>
<hostnames>
<hostname name="host{i}.bench.local" type="PTR"/>
</hostnames>
<ports><extraports state="filtered" count="9997">
<extrareasons reason="no-responses" count="9997"/>
</extraports>
<port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="ssh" product="OpenSSH" version="8.9p1 Ubuntu 3ubuntu0.10" extrainfo="Ubuntu Linux; protocol 2.0" ostype="Linux" method="probed" conf="10"><cpe>cpe:/o:linux:linux_kernel</cpe></service></port>
<port protocol="tcp" portid="443"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="https" product="nginx" version="1.22.1" method="probed" conf="10"><cpe>cpe:/a:igor_sysoev:nginx</cpe></service></port>
<port protocol="tcp" portid="445"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="microsoft-ds" method="table" conf="3"/></port>
</ports>
<os><portused state="open" proto="tcp" portid="22"/>
<osmatch name="Linux 5.0 - 5.14" accuracy="100" line="52808">
<osclass type="general purpose" vendor="Linux" osfamily="Linux" osgen="5.X" accuracy="100"><cpe>cpe:/o:linux:linux_kernel:5</cpe></osclass>
</osmatch>
<osmatch name="Linux 4.15 - 5.8" accuracy="96" line="52790">
<osclass type="general purpose" vendor="Linux" osfamily="Linux" osgen="4.X" accuracy="96"><cpe>cpe:/o:linux:linux_kernel:4</cpe></osclass>
</osmatch>
</os>
<uptime seconds="2295613" lastboot="Sun Nov  8 03:12:40 2026"/>
<distance value="1"/>
<times srtt="564" rttvar="156" to="100000"/>
</host>
"""
DOWN = """<host><status state="down" reason="no-response" reason_ttl="0"/>
<address addr="{ip}" addrtype="ipv4"/>
</host>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--mb", type=int, default=100)
    args = parser.parse_args()
    target = args.mb * 1024 * 1024
    written = 0
    with open(args.out, "w", encoding="utf-8") as f:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n'
                '<nmaprun scanner="nmap" args="nmap -sS -sV -O 10.0.0.0/8" version="7.93" '
                'xmloutputversion="1.05">\n')
        f.write(head)
        written += len(head)
        i = 0
        while written < target:
            ip = f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
            if i % 4:
                text = DOWN.format(ip=ip)
            else:
                mac = f"BC:24:11:{(i >> 16) & 255:02X}:{(i >> 8) & 255:02X}:{i & 255:02X}"
                text = UP.format(ip=ip, mac=mac, i=i)
            f.write(text)
            written += len(text)
            i += 1
        f.write('<runstats><finished time="1794295800" exit="success"/></runstats>\n</nmaprun>\n')


if __name__ == "__main__":
    main()
