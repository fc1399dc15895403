#!/usr/bin/env python3
"""Baken's search next to Pagefind 1.5, in one run: bytes and requests per query, index size and files, build time,
and the share of expected pages in the top 3 for the queries in quality.tsv. Run through scripts/bench-search.sh.

Transfers are measured, not estimated: a local server logs every request that headless Chromium makes while the real
search UI of each engine answers a query (Baken's search page; Pagefind's JavaScript API loading the five results its
UI shows first). Bytes are the files' sizes as served without compression, and as a host that gzips text would send them.
"""
import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

# The fixed queries of the transfer benchmark: the first opens the index, the others show what later queries add.
QUERIES = {
    "nl": ["intimidatie", "veiligheid", "toestemming", "grensoverschrijdend gedrag", "vertrouwenspersoon", "melden", "omstand"],
    "en": ["harassment", "safety", "consent", "bystander intervention", "confidant", "reporting", "boundar"],
}
SEARCH_PAGES = {"nl": "zoeken", "en": "search", "ar": "search"}


class LoggingServer:
    """A static file server that remembers every path it was asked for."""

    def __init__(self, root):
        self.root = Path(root)
        self.paths = []
        log = self.paths

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                log.append(unquote(urlparse(self.path).path))
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def take(self):
        taken = list(self.paths)
        self.paths.clear()
        return taken

    def close(self):
        self.httpd.shutdown()


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


_gzip_sizes = {}


def sizes(root, paths):
    """(raw bytes, gzipped bytes) of the files behind `paths`; directories are served as their index.html."""
    raw = packed = 0
    for path in paths:
        file = Path(root) / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        data = file.read_bytes()
        raw += len(data)
        if file not in _gzip_sizes:
            _gzip_sizes[file] = min(len(data), len(gzip.compress(data, 6, mtime=0)))
        packed += _gzip_sizes[file]
    return raw, packed


def is_code(path):
    return is_script(path) or (path.startswith("/pagefind/") and path.endswith(".pagefind"))


def is_script(path):
    """The engine's JavaScript: Baken's search.js, Pagefind's pagefind.js and its worker."""
    return re.search(r"/js/search(\.[0-9a-f]+)?\.js$", path) is not None or (path.startswith("/pagefind/") and path.endswith(".js"))


def folder_size(folder):
    files = [f for f in Path(folder).rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), len(files)


def wait(driver, script, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script(script):
            return
        time.sleep(0.02)
    raise TimeoutError(script)


def baken_query(driver, query):
    driver.execute_script(
        "const f = document.querySelector('form[data-search]'); f.querySelector('input[name=q]').value = arguments[0];"
        "f.requestSubmit();", query)
    wait(driver, "const r = document.querySelector('[data-search-results]'); return !r.hasAttribute('aria-busy') &&"
                 " document.querySelector('[data-search-status]').textContent.includes(arguments[0])".replace("arguments[0]", json.dumps(query.strip())))
    return driver.execute_script(
        "return [...document.querySelectorAll('.search-result__title a')].map(a => new URL(a.href).pathname)")


PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title></head><body><script type="module">
let pagefind = null;
window.query = async (q, count) => {{
  pagefind = pagefind || await import("/pagefind/pagefind.js");
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, count).map((r) => r.data()));
  return data.map((d) => new URL(d.url, location.href).pathname);
}};
window.ready = true;
</script></body></html>
"""


def pagefind_query(driver, query, count=5):
    return driver.execute_async_script("const done = arguments[arguments.length - 1]; query(arguments[0], arguments[1]).then(done, (e) => done(String(e)))", query, count)


def open_pagefind(driver, server, language):
    (Path(server.root) / f"pagefind-bench-{language}.html").write_text(PAGEFIND_PAGE.format(lang=language))
    driver.get(f"{server.base}/pagefind-bench-{language}.html")
    wait(driver, "return window.ready === true")


def run_pagefind(site):
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site)]
    start, before = time.time(), os.times()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds, after = time.time() - start, os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if result.returncode != 0:
        sys.exit("pagefind failed:\n" + result.stdout + result.stderr)
    version = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"], capture_output=True, text=True).stdout.strip()
    return (seconds, cpu), version


def build_baken(binary, site, output):
    start = time.time()
    result = subprocess.run([str(binary), "build", "--no-cache", "--site", str(site), "--output", str(output)], capture_output=True, text=True)
    seconds = time.time() - start
    if result.returncode != 0:
        sys.exit("baken build failed:\n" + result.stdout + result.stderr)
    found = re.search(r"search index built in ([0-9.]+) s \(([0-9.]+) s of processor time\)", result.stdout)
    return seconds, (float(found.group(1)), float(found.group(2))) if found else (None, None)


def transfers(server, languages):
    """Per engine and language: the requests and bytes of each query of QUERIES, in one page session of a fresh browser."""
    rows = []
    for language in languages:
        for engine in ("Baken", "Pagefind"):
            driver = browser()
            try:
                server.take()
                if engine == "Baken":
                    driver.get(f"{server.base}/{language}/{SEARCH_PAGES[language]}/")
                    wait(driver, "return document.readyState === 'complete'")
                    code = [p for p in server.take() if is_code(p)]
                else:
                    open_pagefind(driver, server, language)
                    code = [p for p in server.take() if is_code(p)]
                for number, query in enumerate(QUERIES[language]):
                    found = baken_query(driver, query) if engine == "Baken" else pagefind_query(driver, query)
                    paths = server.take() + (code if number == 0 else [])
                    rows.append((engine, language, number, query, paths, len(found) if isinstance(found, list) else found))
            finally:
                driver.quit()
    return rows


def quality(binary, work, languages_seen):
    """Builds the Almelo site, indexes it with Pagefind too, and checks each query of quality.tsv in both."""
    output = work / "almelo"
    build_baken(binary, REPO, output)
    run_pagefind(output)
    cases = []
    for line in (HERE / "quality.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            language, kind, query, page = line.split("\t")
            cases.append((language, kind, query, page))
    server = LoggingServer(output)
    driver = browser()
    results = []
    try:
        for language in sorted({c[0] for c in cases}):
            prefix = "" if language == "nl" else f"/{language}"
            open_pagefind(driver, server, language)
            pagefind = {c[2]: pagefind_query(driver, c[2], 3) for c in cases if c[0] == language}
            for (lang, kind, query, page) in [c for c in cases if c[0] == language]:
                driver.get(f"{server.base}{prefix}/{SEARCH_PAGES[language]}/?q={quote(query)}")
                wait(driver, "return document.querySelector('[data-search-status]').textContent !== '' &&"
                             " !document.querySelector('[data-search-results]').hasAttribute('aria-busy')")
                baken = driver.execute_script(
                    "return [...document.querySelectorAll('.search-result__title a')].slice(0, 3).map(a => new URL(a.href).pathname)")
                found_pagefind = pagefind[query] if isinstance(pagefind[query], list) else []
                results.append((lang, kind, query, page, baken, found_pagefind))
    finally:
        driver.quit()
        server.close()
    return results


def kb(n):
    return f"{n / 1024:,.1f} KB"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baken", required=True, help="the baken binary (a release build)")
    parser.add_argument("--generator", default=str(REPO.parent / "shared" / "bench" / "gen-content.py"))
    parser.add_argument("--pages", type=int, default=5000, help="pages per language")
    parser.add_argument("--work", default="/tmp/baken-search-bench", help="where the sites are generated and built")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    site = work / f"site-{args.pages}"
    marker = site / ".generated"
    if not marker.exists():
        shutil.rmtree(site, ignore_errors=True)
        site.mkdir(parents=True)
        subprocess.run([sys.executable, args.generator, "-n", str(args.pages), "-o", str(site)], check=True)
        marker.write_text(str(args.pages))
    shutil.copy(HERE / "site.yml", site / "site.yml")
    (site / "themes").mkdir(exist_ok=True)
    theme = site / "themes" / "baken"
    if theme.is_symlink() or theme.exists():
        theme.unlink()
    theme.symlink_to(REPO / "themes" / "baken")

    output = work / "out"
    shutil.rmtree(output, ignore_errors=True)
    print(f"Building {args.pages:,} pages per language with Baken …", flush=True)
    build_seconds, index_seconds = build_baken(args.baken, site, output)
    print("Indexing the same output with Pagefind …", flush=True)
    pagefind_seconds, pagefind_version = run_pagefind(output)

    baken_bytes, baken_files = folder_size(output / "search-index")
    # The theme's search script, under its content-hashed name (js/search.1a2b3c4d.js).
    script = next(p for p in sorted((output / "js").iterdir()) if re.fullmatch(r"search(\.[0-9a-f]+)?\.js", p.name))
    baken_bytes += script.stat().st_size
    baken_files += 1
    pagefind_bytes, pagefind_files = folder_size(output / "pagefind")

    server = LoggingServer(output)
    try:
        rows = transfers(server, ["nl", "en"])
    finally:
        server.close()

    print()
    print(f"# Search on {args.pages:,} generated pages per language (nl, en): Baken and {pagefind_version}")
    print()
    print("| | Baken | Pagefind |")
    print("|---|---:|---:|")
    print(f"| index build time | {index_seconds[0]:.1f} s (whole site build {build_seconds:.0f} s) | {pagefind_seconds[0]:.1f} s |")
    print(f"| index build processor time | {index_seconds[1]:.1f} s | {pagefind_seconds[1]:.1f} s |")
    print(f"| index size | {baken_bytes / 1e6:.1f} MB | {pagefind_bytes / 1e6:.1f} MB |")
    print(f"| index files | {baken_files:,} | {pagefind_files:,} |")
    print()
    print("Per query: requests, then bytes as served (uncompressed): 'index' is the index files, 'no JS' adds Pagefind's")
    print("WebAssembly (everything but the engines' JavaScript, as the issue's 160 KB for Pagefind), 'total' adds the JavaScript;")
    print("'gzip' is the total as a host that compresses text sends it. Query 1 of each language starts in a fresh browser.")
    print()
    print("| engine | lang | # | query | requests | index | no JS | total | gzip | results |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
    totals = {}
    for engine, language, number, query, paths, found in rows:
        index_raw, _ = sizes(output, [p for p in paths if not is_code(p)])
        plain_raw, _ = sizes(output, [p for p in paths if not is_script(p)])
        total_raw, total_gzip = sizes(output, paths)
        print(f"| {engine} | {language} | {number + 1} | {query} | {len(paths)} | {kb(index_raw)} | {kb(plain_raw)} | {kb(total_raw)} | {kb(total_gzip)} | {found} |")
        key = (engine, "first" if number == 0 else "next")
        t = totals.setdefault(key, [0, 0, 0, 0, 0, 0])
        for i, value in enumerate((1, len(paths), index_raw, plain_raw, total_raw, total_gzip)):
            t[i] += value
    print()
    print("| engine | queries | mean requests | mean index | mean no JS | mean total | mean gzip |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for engine in ("Baken", "Pagefind"):
        for kind in ("first", "next"):
            n, requests, index_raw, plain_raw, total_raw, total_gzip = totals[(engine, kind)]
            print(f"| {engine} | {kind} | {requests / n:.1f} | {kb(index_raw / n)} | {kb(plain_raw / n)} | {kb(total_raw / n)} | {kb(total_gzip / n)} |")
    first = {engine: totals[(engine, "first")] for engine in ("Baken", "Pagefind")}
    print()
    print(f"First query, Baken / Pagefind: index {first['Baken'][2] / first['Pagefind'][2]:.0%}, "
          f"no JS {first['Baken'][3] / first['Pagefind'][3]:.0%}, total {first['Baken'][4] / first['Pagefind'][4]:.0%}, "
          f"gzip {first['Baken'][5] / first['Pagefind'][5]:.0%}. "
          f"Build time {index_seconds[0] / pagefind_seconds[0]:.0%} (processor time {index_seconds[1] / pagefind_seconds[1]:.0%}), "
          f"size {baken_bytes / pagefind_bytes:.0%}, files {baken_files / pagefind_files:.1%}.")

    if args.skip_quality:
        return
    print()
    print("# Quality: the expected page in the top 3, Almelo site (Benchmarks/search/quality.tsv)")
    print()
    results = quality(args.baken, work, None)
    kinds = {}
    for language, kind, query, page, baken, pagefind in results:
        row = kinds.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += page in baken
        row[2] += page in pagefind
    print("| kind | queries | Baken top 3 | Pagefind top 3 |")
    print("|---|---:|---:|---:|")
    for kind, (n, b, p) in kinds.items():
        print(f"| {kind} | {n} | {b} | {p} |")
    n = len(results)
    b = sum(r[3] in r[4] for r in results)
    p = sum(r[3] in r[5] for r in results)
    print(f"| all | {n} | {b} ({b / n:.0%}) | {p} ({p / n:.0%}) |")
    print()
    print("Missed (query → expected; what each engine showed):")
    for language, kind, query, page, baken, pagefind in results:
        if page not in baken or page not in pagefind:
            print(f"- {language} {kind} '{query}' → {page}; Baken {'ok' if page in baken else baken}; Pagefind {'ok' if page in pagefind else pagefind}")


if __name__ == "__main__":
    main()
