#!/usr/bin/env python3
"""Room sizes of the source tree: median .cc length, the largest files and the functions over
80 lines (a function is a definition whose body opens and closes at column 0, as clang-format
writes them). Usage: python3 scripts/room_sizes.py [--limit 80]"""
import os, re, statistics, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FOLDERS = ["core", "importers", "planners", "reports", "tools"]
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 80
START = re.compile(r"^[A-Za-z_].*\)\s*(const)?\s*(override)?\s*(noexcept)?\s*(->.*)?\{\s*$")

files, long_functions = [], []
for folder in FOLDERS:
    for dirpath, _, names in os.walk(os.path.join(ROOT, folder)):
        for name in names:
            if not name.endswith(".cc"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ROOT)
            lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
            files.append((len(lines), rel))
            start = None
            for i, line in enumerate(lines):
                if start is None and START.match(line) and not line.startswith(("namespace", "struct", "class", "enum")):
                    start = i
                    # the signature may begin on earlier lines
                    j = i
                    while j > 0 and lines[j - 1] and not lines[j - 1].startswith(("}", "//", "#")) and lines[j - 1].strip().endswith((",", "(")):
                        j -= 1
                    sig_start = j
                elif start is not None and line.startswith("}"):
                    length = i - sig_start + 1
                    if length > limit:
                        name_m = re.search(r"([A-Za-z_:~]+)\s*\(", lines[sig_start] + lines[start])
                        long_functions.append((length, rel, name_m.group(1) if name_m else "?"))
                    start = None

sizes = sorted(n for n, _ in files)
print(f"{len(files)} .cc files, median {statistics.median(sizes):.0f} lines")
print("over 600 lines:", ", ".join(f"{r} ({n})" for n, r in sorted(files, reverse=True) if n > 600) or "none")
print("over 400 lines:", sum(1 for n in sizes if n > 400))
print(f"functions over {limit} lines: {len(long_functions)}")
for n, rel, name in sorted(long_functions, reverse=True):
    print(f"  {n:4d}  {rel}  {name}")
