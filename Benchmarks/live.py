#!/usr/bin/env python3
"""How long `baken serve` takes to show an edit, on the generated site of ../shared/bench.

Generates the bilingual site (as Benchmarks/build.py does; about a minute for 5,000 pages per language),
starts the release `baken serve` on it with its output in the work folder, waits for the first build,
then edits the body of one page at a time: a new word in its first paragraph, each time another page.
For each edit it measures, from the moment the Markdown file is written,

  page       until the page's HTML in the output folder holds the new word (polled every 0.5 ms);
  follow-up  until serve reports the files made from all pages written (search index, feeds, sitemap,
             _headers), the line it logs when that second step is done.

and prints median, p90 and max of both, and what serve itself logs of the first step. The edited files get their old text back at the end; with
--verify, the served folder is then compared with a clean build's, byte for byte.

    Benchmarks/live.py [--pages 5000] [--edits 30] [--work /dev/shm/baken-bench] [--verify]
"""
import argparse
import filecmp
import math
import os
import pathlib
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from build import REPO, baken_site  # noqa: E402

FOLLOW_UP = "search and site files:"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """`baken serve` in the background, its log lines in a queue with the time each was read."""

    def __init__(self, baken, site, output, port):
        self.process = subprocess.Popen([baken, "serve", "--site", str(site), "--output", str(output), "--port", str(port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))
        self.lines.put((time.perf_counter(), None))

    def wait_for(self, *texts, timeout):
        """The time the first line holding one of `texts` was read, and the line."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                at, line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                sys.exit(f"serve said none of {texts} within {timeout} s")
            if line is None:
                sys.exit(f"serve stopped (exit {self.process.wait()}) before any of {texts}")
            if any(text in line for text in texts):
                return at, line
            if "error" in line.lower() or "failed" in line.lower():
                print(f"  serve: {line}", file=sys.stderr)

    def settle(self, quiet=3):
        """Waits until the last change's follow-up is written and nothing more comes for `quiet` seconds."""
        waiting = True
        while True:
            if waiting:
                self.wait_for(FOLLOW_UP, "(whole site)", timeout=600)
            try:
                _, line = self.lines.get(timeout=quiet)
            except queue.Empty:
                return
            waiting = line is not None and FOLLOW_UP not in line and "(whole site)" not in line

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def output_page(source, content):
    """content/nl/normen/x.md → nl/normen/x/index.html (the default language in its subfolder too)."""
    relative = source.relative_to(content).with_suffix("")
    return pathlib.Path(*relative.parts) / "index.html"


def pages_to_edit(content, count):
    """`count` pages spread over both languages and every section; never a home or section page."""
    pages = sorted(p for p in content.rglob("*.md") if p.name != "_index.md")
    step = max(1, len(pages) // count)
    return [pages[(i * step + i % 7) % len(pages)] for i in range(count)]


def with_word(text, word):
    """The page with `word` at the start of the first paragraph of its body."""
    lines = text.split("\n")
    body = lines.index("---", 1) + 1
    first = next(i for i in range(body, len(lines)) if lines[i][:1].isalpha())
    lines[first] = word + " " + lines[first]
    return "\n".join(lines)


def percentile(values, share):
    """Nearest rank: the value that `share` of the values are at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def same_folders(a, b):
    """Paths that differ between two folders, or are in one only."""
    differences = []
    compare = filecmp.dircmp(a, b)
    stack = [(compare, "")]
    while stack:
        node, prefix = stack.pop()
        differences += [prefix + name for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        differences += [prefix + name for name in mismatch + errors]
        stack += [(sub, prefix + name + "/") for name, sub in node.subdirs.items()]
    return sorted(differences)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000, help="pages per language (default 5000)")
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--work", default="/dev/shm/baken-bench" if os.path.isdir("/dev/shm") else "/tmp/baken-bench")
    parser.add_argument("--baken", help="a baken binary to measure instead of this checkout's release build")
    parser.add_argument("--verify", action="store_true", help="compare the served folder with a clean build at the end")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    if args.baken:
        baken = args.baken
    else:
        subprocess.run(["swift", "build", "-c", "release", "--product", "baken"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        baken = str(REPO / ".build" / "release" / "baken")
    folder = baken_site(args.pages, work)
    site, content = folder / "baken", folder / "content"
    output = folder / "live-output"
    shutil.rmtree(output, ignore_errors=True)

    edits = pages_to_edit(content, args.edits)
    originals = {path: path.read_text() for path in edits}
    serve = Serve(baken, site, output, free_port())
    page_times, follow_times = [], []
    # What serve logs of each first step: its own time, and the time since the watcher saw the change.
    served = []
    differences = []
    try:
        start = time.perf_counter()
        ready, _ = serve.wait_for("Serving", timeout=1800)
        print(f"{args.pages} pages per language, {os.cpu_count()} cores; first build {ready - start:.1f} s; {len(edits)} edits, one page each")
        for number, source in enumerate(edits):
            time.sleep(0.2)
            word = f"bakenlive{number}x{int(time.time() * 1000) % 100000}"
            target = output / output_page(source, content)
            if not target.exists():
                sys.exit(f"no {target} for {source}")
            text = with_word(originals[source], word)
            began = time.perf_counter()
            source.write_text(text)
            while word not in target.read_text(errors="replace"):
                if time.perf_counter() - began > 120:
                    sys.exit(f"{target} did not get the edit within 120 s")
                time.sleep(0.0005)
            page_times.append((time.perf_counter() - began) * 1000)
            done, line = serve.wait_for("after the change", timeout=600)
            own = re.search(r"written in (\d+) ms, (\d+) ms after the change", line)
            served.append((int(own.group(1)), int(own.group(2))))
            note = " (the whole site was built again)" if "(whole site)" in line else ""
            if not note:
                done, _ = serve.wait_for(FOLLOW_UP, timeout=600)
            follow_times.append((done - began) * 1000)
            print(f"  {source.relative_to(content)}: page {page_times[-1]:.0f} ms, follow-up {follow_times[-1]:.0f} ms{note}", flush=True)

        for path, text in originals.items():
            path.write_text(text)
        print(f"\n{'ms':>10} {'median':>8} {'p90':>8} {'max':>8}")
        for name, values in (("page", page_times), ("follow-up", follow_times)):
            print(f"{name:>10} {statistics.median(values):>8.0f} {percentile(values, 0.9):>8.0f} {max(values):>8.0f}")
        print(f"\nserve's own log, medians: the page step took {statistics.median(s[0] for s in served):.0f} ms, "
              f"written {statistics.median(s[1] for s in served):.0f} ms after the watcher saw the change")

        if args.verify:
            serve.settle()
            clean = folder / "clean-output"
            shutil.rmtree(clean, ignore_errors=True)
            subprocess.run([baken, "build", "--site", str(site), "--output", str(clean), "--drafts", "--no-cache", "--quiet"], check=True)
            differences = same_folders(output, clean)
            shutil.rmtree(clean, ignore_errors=True)
            print("\nserved folder against a clean build: " + (f"{len(differences)} files differ: {', '.join(differences[:10])}" if differences else "the same, byte for byte"))
    finally:
        for path, text in originals.items():
            path.write_text(text)
        serve.stop()
    if differences:
        sys.exit(1)

if __name__ == "__main__":
    main()
