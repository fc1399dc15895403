#!/usr/bin/env python3
"""What a first visit to each page of a built site transfers, compressed: the page and every CSS, JS,
image and font it loads from the site. Uses the .br copies Baken writes (gzip where there is none).

    Benchmarks/page_weight.py [OUTPUT_FOLDER]   (default: public/, built with scripts/build-site.sh)
"""
import gzip
import html.parser
import pathlib
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


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "public")
    if not root.is_dir():
        sys.exit(f"{root} is not a built site: run scripts/build-site.sh first")
    rows = []
    for page in sorted(root.rglob("*.html")):
        parser = Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        total = compressed_size(page)
        for url in parser.urls:
            if url and url.startswith("/") and not url.startswith("//"):
                target = root / url.lstrip("/").split("?")[0].split("#")[0]
                if target.is_file():
                    total += compressed_size(target)
        rows.append((total, str(page.relative_to(root))))
    rows.sort(reverse=True)
    over = [r for r in rows if r[0] > LIMIT]
    print(f"{len(rows)} pages; first visit, compressed, page + CSS + JS + images + fonts it loads")
    print(f"heaviest: {rows[0][0] / 1024:.1f} KB; median {sorted(r[0] for r in rows)[len(rows) // 2] / 1024:.1f} KB; over 30 KB: {len(over)}")
    print("\nheaviest ten:")
    for size, name in rows[:10]:
        print(f"  {size / 1024:6.1f} KB  {name}")


if __name__ == "__main__":
    main()
