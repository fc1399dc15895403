#!/usr/bin/env bash
# Runs every test: the Swift tests, then the browser tests against the built Almelo site.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev chromium chromium-driver
python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q -r Tests/browser/requirements.txt

swift build --product baken
swift test 2>&1 | tee .build/swift-test.log | grep -vE "^(◇|↳)| started\.$" || true
grep -qE "^✔ Test run with [0-9]+ tests? in .* passed" .build/swift-test.log || { echo "Swift tests failed"; exit 1; }

node --test Tests/search-js/
python3 -m pytest -q Tests/browser
