#!/usr/bin/env python3
"""What a first visit to each page of a built site transfers, compressed: the page and every CSS, JS,
image and font it loads from the site. Uses the .br copies Baken writes (gzip where there is none).
When the site has a service worker (sw.js), also what a phone fetches on its first visit to each home page
with the worker: the page and its files, the worker, and what the worker keeps for use without a connection.

    Benchmarks/page_weight.py [OUTPUT_FOLDER]   (default: public/, built with scripts/build-site.sh)
"""
import gzip
import html.parser
import json
import pathlib
import re
import sys

LIMIT = 30 * 1024


class Loads(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() or tag == "link" and (attrs.get("rel") or "") == "icon":
            self.urls.append(attrs.get("href"))
        elif tag in ("script", "img", "source", "video", "audio") and attrs.get("src"):
            self.urls.append(attrs.get("src"))


def compressed_size(path: pathlib.Path) -> int:
    for suffix in (".br", ".gz"):
        copy = path.with_name(path.name + suffix)
        if copy.exists():
            return copy.stat().st_size
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def loads_of(root: pathlib.Path, page: pathlib.Path) -> set:
    """The site's files a page loads, as paths in the output folder."""
    parser = Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    found = set()
    for url in parser.urls:
        if url and url.startswith("/") and not url.startswith("//"):
            target = root / url.lstrip("/").split("?")[0].split("#")[0]
            if target.is_file():
                found.add(target)
    return found


def output_file(root: pathlib.Path, url: str) -> pathlib.Path:
    path = root / url.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def first_visits_with_worker(root: pathlib.Path):
    """(home page, bytes of the page and its files, of the worker, of what the worker fetches besides) per language."""
    worker = root / "sw.js"
    if not worker.is_file():
        return []
    settings = json.loads(re.search(r"const BUILD = (\{.*?\});\n", worker.read_text(encoding="utf-8"), re.S).group(1))
    precached = {output_file(root, url) for url in settings["precache"]}
    rows = []
    for home in sorted(settings["offline"]):
        page = output_file(root, home)
        visit = {page} | loads_of(root, page)
        rows.append((home, sum(map(compressed_size, visit)), compressed_size(worker),
                     sum(compressed_size(path) for path in precached - visit if path.is_file())))
    return rows


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "public")
    if not root.is_dir():
        sys.exit(f"{root} is not a built site: run scripts/build-site.sh first")
    rows = []
    for page in sorted(root.rglob("*.html")):
        total = compressed_size(page) + sum(map(compressed_size, loads_of(root, page)))
        rows.append((total, str(page.relative_to(root))))
    rows.sort(reverse=True)
    over = [r for r in rows if r[0] > LIMIT]
    print(f"{len(rows)} pages; first visit, compressed, page + CSS + JS + images + fonts it loads")
    print(f"heaviest: {rows[0][0] / 1024:.1f} KB; median {sorted(r[0] for r in rows)[len(rows) // 2] / 1024:.1f} KB; over 30 KB: {len(over)}")
    print("\nheaviest ten:")
    for size, name in rows[:10]:
        print(f"  {size / 1024:6.1f} KB  {name}")
    visits = first_visits_with_worker(root)
    if visits:
        print("\nfirst visit on a phone with the service worker: page and files + worker + what it keeps for offline")
        for home, page, worker, kept in visits:
            print(f"  {home:6} {(page + worker + kept) / 1024:6.1f} KB = {page / 1024:.1f} + {worker / 1024:.1f} + {kept / 1024:.1f} KB")


if __name__ == "__main__":
    main()
