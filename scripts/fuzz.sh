#!/usr/bin/env bash
# Fuzzes front matter, Markdown and link rewriting with libFuzzer for a bounded time (not part of CI).
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer options]   (default: 300 seconds; FUZZ_JOBS=N processes, default one per core)
# New inputs that reach new code are merged into Tests/fuzz/corpus; a crash is written to .build/fuzz/crash-*.
set -euo pipefail
# The Swift runtime's own crash handler and ASan's get in each other's way.
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
seconds="${1:-300}"
shift || true
repo="$PWD"

# SwiftPM names the entry point baken_fuzz_main; with BAKEN_FUZZ it hands over to libFuzzer's driver.
swift build --package-path Tests/fuzz --scratch-path .build/fuzz-build -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DBAKEN_FUZZ
fuzzer="$repo/.build/fuzz-build/debug/baken-fuzz"
options=(-dict="$repo/Tests/fuzz/markdown.dict" -max_len=4096)
mkdir -p .build/fuzz/new
cd .build/fuzz
rm -f fuzz-*.log crash-* timeout-* oom-* leak-*
jobs="${FUZZ_JOBS:-$(nproc)}"
# The jobs write what they find to .build/fuzz/new and their logs to .build/fuzz/fuzz-N.log.
"$fuzzer" new "$repo/Tests/fuzz/corpus" "${options[@]}" -timeout=10 -rss_limit_mb=4096 -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="$PWD/" -jobs="$jobs" -workers="$jobs" "$@" > last-run.log 2>&1 || true
# Only inputs that add coverage join the corpus, so it stays small.
"$fuzzer" -set_cover_merge=1 "$repo/Tests/fuzz/corpus" new "${options[@]}" > merge.log 2>&1
grep -h "MERGE-OUTER: [0-9]* new files" merge.log || true
# Each job's statistics are in its own log (and copied into last-run.log): count them once.
shopt -s nullglob
logs=(fuzz-*.log)
[ ${#logs[@]} -gt 0 ] || logs=(last-run.log)
executions=$(awk '/stat::number_of_executed_units/ {sum += $2} END {print sum + 0}' "${logs[@]}")
crashes=$(find . -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
echo "Fuzzed for ${seconds} s with ${jobs} job(s): ${executions} executions, ${crashes} crashes; the corpus has $(ls "$repo/Tests/fuzz/corpus" | wc -l) inputs"
[ "$crashes" -eq 0 ] || { find "$PWD" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \); exit 1; }
