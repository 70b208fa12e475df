#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, run `samdrift demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target samdrift -j"$(nproc)"
./build/tools/samdrift demo --out "${1:-samdrift-demo}"
