#!/usr/bin/env bash
# Measures Baken's search next to Pagefind 1.5 in one run: on the generated site with 5,000 pages per language
# (../shared/bench/gen-content.py) bytes and requests per query, index size, files and build time; on the Almelo site
# the share of expected pages in the top 3 (Benchmarks/search/quality.tsv). Options: see Benchmarks/search/bench.py --help.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libbrotli-dev libdeflate-dev libstemmer-dev chromium chromium-driver
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q -r Tests/browser/requirements.txt
python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install -q "pagefind-bin>=1.5,<1.6"
swift build --product baken -c release
python3 Benchmarks/search/bench.py --baken .build/release/baken "$@"
