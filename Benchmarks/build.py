#!/usr/bin/env python3
"""Baken against Hugo on the same generated site, side by side in one run.

Generates the synthetic bilingual site of ../shared/bench at each size, builds it with Baken (release)
and with Hugo (Debian's package, the minimal layout in ../shared/bench/hugo) alternately, and prints
medians of wall time and peak memory, the ratios, the floor (cmark-gfm's CLI over the same Markdown plus
copying the output), and how time grows with size.

    Benchmarks/build.py [--sizes 1000,5000,10000] [--runs 3] [--work /dev/shm/baken-bench] [--binary BINARY] [--baseline BINARY]

--binary measures that Baken binary instead of building this checkout's; --baseline runs a second Baken binary (such as one built from the commit before a change) in the same
alternation, and prints its time and memory next to this checkout's.
"""
import argparse
import math
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "bench"

SITE_YML = """title: Bench campagne
baseURL: https://example.org/
defaultLanguage: nl
defaultLanguageInSubdir: true
theme: baken
languages:
  - code: nl
    name: Nederlands
    title: Samen over grenzen
  - code: en
    name: English
    title: Together about boundaries
"""


def timed(command, cwd=None):
    """Wall seconds, peak resident memory (MB) and processor seconds (user + system) of one run, from GNU time;
    and what the command printed."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = (int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1)) for kind in ("User", "System"))
    return hours * 3600 + minutes * 60 + seconds, rss / 1024, cpu, result.stdout


def baken_split(printed):
    """Processor seconds of Baken's .gz/.br copies and of its search index, from `build --verbose`."""
    copies = re.search(r"of which ([\d.]+) s made the .gz and .br copies", printed)
    search = re.search(r"search index built in [\d.]+ s \(([\d.]+) s of processor time\)", printed)
    return (float(copies.group(1)) if copies else 0.0), (float(search.group(1)) if search else 0.0)


def baken_site(size, work):
    """The generated content of `size` pages per language (made once, in about a minute for 5,000) and a
    Baken site over it in `baken/`; returns the folder that holds both."""
    folder = work / str(size)
    if not (folder / "content").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        subprocess.run([sys.executable, str(SHARED / "gen-content.py"), "-n", str(size), "-o", str(folder)], check=True, stdout=subprocess.DEVNULL)
    baken = folder / "baken"
    if not baken.exists():
        baken.mkdir()
        (baken / "site.yml").write_text(SITE_YML)
        (baken / "content").symlink_to(folder / "content")
        (baken / "themes").symlink_to(REPO / "themes")
    return folder


def prepare(size, work):
    folder = baken_site(size, work)
    hugo = folder / "hugo"
    if not hugo.exists():
        shutil.copytree(SHARED / "hugo", hugo)
        (hugo / "content").symlink_to(folder / "content")
    return folder


def floor(folder):
    """cmark-gfm's CLI over every Markdown file, plus copying the Baken output folder."""
    files = sorted(str(p) for p in (folder / "content").rglob("*.md"))
    start = time.perf_counter()
    for i in range(0, len(files), 500):
        subprocess.run(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"] + files[i:i + 500],
                       check=True, stdout=subprocess.DEVNULL)
    render = time.perf_counter() - start
    copy_target = folder / "copy"
    shutil.rmtree(copy_target, ignore_errors=True)
    start = time.perf_counter()
    shutil.copytree(folder / "out-baken", copy_target)
    copy = time.perf_counter() - start
    shutil.rmtree(copy_target, ignore_errors=True)
    return render, copy


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/baken-bench" if os.path.isdir("/dev/shm") else "/tmp/baken-bench")
    parser.add_argument("--binary", help="the Baken binary to measure (default: this checkout's, built with swift build -c release)")
    parser.add_argument("--baseline", help="another Baken binary to run alternately, for a before-and-after comparison")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    if args.binary:
        baken = args.binary
    else:
        subprocess.run(["swift", "build", "-c", "release", "--product", "baken"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        baken = str(REPO / ".build" / "release" / "baken")
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"Baken (release) against Hugo {hugo_version}, {args.runs} runs each, alternating; output in {work}")
    print(f"{os.cpu_count()} cores; medians\n")

    rows, cpu, baseline = [], [], []
    for size in sizes:
        folder = prepare(size, work)
        results = {"baken": [], "hugo": [], "baseline": []}
        for run in range(args.runs):
            # --no-cache: every run is a full build (a second run would otherwise find nothing changed).
            bakens = [("baken", baken, "out-baken")] + ([("baseline", args.baseline, "out-baseline")] if args.baseline else [])
            # With a baseline, the two Bakens take turns at running first, so that neither always follows Hugo.
            if run % 2:
                bakens.reverse()
            for number, (which, binary, output) in enumerate(bakens):
                results[which].append(timed([binary, "build", "--no-cache", "--verbose", "--site", str(folder / "baken"), "--output", str(folder / output)]))
                if number == 0:
                    results["hugo"].append(timed(["hugo", "--quiet", "--source", str(folder / "hugo"), "--destination", str(folder / "out-hugo")]))
        if args.baseline:
            baseline.append((size, *(statistics.median(r[i] for r in results[which]) for which in ("baseline", "baken") for i in (0, 1, 2))))
        render, copy = floor(folder)
        b_time = statistics.median(r[0] for r in results["baken"])
        b_mem = statistics.median(r[1] for r in results["baken"])
        h_time = statistics.median(r[0] for r in results["hugo"])
        h_mem = statistics.median(r[1] for r in results["hugo"])
        pages = sum(1 for _ in (folder / "out-baken").rglob("*.html"))
        rows.append((size, pages, b_time, b_mem, h_time, h_mem, render + copy))
        splits = [baken_split(r[3]) for r in results["baken"]]
        cpu.append((size, statistics.median(r[2] for r in results["baken"]), statistics.median(s[0] for s in splits),
                    statistics.median(s[1] for s in splits), statistics.median(r[2] for r in results["hugo"]), h_time))

    print(f"{'pages/lang':>10} {'html':>7} {'baken s':>8} {'baken MB':>9} {'hugo s':>7} {'hugo MB':>8} {'time ×':>7} {'mem ×':>6} {'floor s':>8} {'÷floor':>7}")
    for size, pages, b_time, b_mem, h_time, h_mem, fl in rows:
        print(f"{size:>10} {pages:>7} {b_time:>8.2f} {b_mem:>9.0f} {h_time:>7.2f} {h_mem:>8.0f} {b_time / h_time:>7.2f} {b_mem / h_mem:>6.2f} {fl:>8.2f} {b_time / fl:>7.2f}")
    # Where Baken's processor time goes: the .gz/.br copies and the search index are work Hugo's build does not do.
    # On 2 cores, a piece of work of P processor seconds takes at least P / 2 s of wall time.
    cores = os.cpu_count() or 1
    print(f"\n{'pages/lang':>10} {'baken cpu s':>12} {'copies s':>9} {'search s':>9} {'rest s':>7} {'hugo cpu s':>11} {'copies alone ÷ hugo wall':>25}")
    for size, total, copies, search, hugo_cpu, h_time in cpu:
        print(f"{size:>10} {total:>12.2f} {copies:>9.2f} {search:>9.2f} {total - copies - search:>7.2f} {hugo_cpu:>11.2f} {copies / cores / h_time:>25.2f}")
    if baseline:
        # Processor time is the steadier figure on a busy machine.
        print(f"\n{'pages/lang':>10} {'baseline s':>11} {'MB':>5} {'cpu s':>6} {'this s':>7} {'MB':>5} {'cpu s':>6} {'time ×':>7} {'mem ×':>6} {'cpu ×':>6}   (this ÷ {args.baseline})")
        for size, base_time, base_mem, base_cpu, this_time, this_mem, this_cpu in baseline:
            print(f"{size:>10} {base_time:>11.2f} {base_mem:>5.0f} {base_cpu:>6.2f} {this_time:>7.2f} {this_mem:>5.0f} {this_cpu:>6.2f} "
                  f"{this_time / base_time:>7.2f} {this_mem / base_mem:>6.2f} {this_cpu / base_cpu:>6.2f}")
    if len(rows) >= 2:
        (s0, _, t0, *_), (s1, _, t1, *_) = rows[0], rows[-1]
        print(f"\ngrowth of Baken's time from {s0} to {s1} pages per language: exponent {math.log(t1 / t0) / math.log(s1 / s0):.2f} (1.00 is linear)")
        (s0, _, _, _, h0, *_), (s1, _, _, _, h1, *_) = rows[0], rows[-1]
        print(f"growth of Hugo's time: exponent {math.log(h1 / h0) / math.log(s1 / s0):.2f}")


if __name__ == "__main__":
    main()
