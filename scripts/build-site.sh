#!/usr/bin/env bash
# Builds the Almelo site in this repository into public/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libbrotli-dev libdeflate-dev libstemmer-dev
swift build --product baken -c release
.build/release/baken build "$@"
