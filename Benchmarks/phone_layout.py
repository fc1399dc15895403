#!/usr/bin/env python3
"""Where each page's heading and first text land on a phone, and whether any page scrolls sideways.

For one page of each layout in each language (the first the build wrote), in headless Chromium behind
nginx: the bottom of the h1 and the top of the first text under it at 390 × 844, against the height of
the window's page area, and the page's width at 320 px (WCAG's reflow width).

    Benchmarks/phone_layout.py [OUTPUT_FOLDER]   (default: public/, built with scripts/build-site.sh)
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "browser"))

from phone import measure_page, open_browser, representative_pages  # noqa: E402
from conftest import nginx_serving  # noqa: E402


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "public").resolve()
    if not root.is_dir():
        sys.exit(f"{root} is not a built site: run scripts/build-site.sh first")
    driver = open_browser()
    try:
        with nginx_serving(root) as server:
            print(f"{'page':44} {'layout':24} {'h1 end':>6} {'text':>5} {'half':>5} {'320 px':>7}")
            for language, layout, url in representative_pages(root):
                m = measure_page(driver, server, url)
                print(f"{url:44} {layout:24} {m['h1_bottom']:6.0f} {m['text_top']:5.0f} {m['half']:5.0f} {m['width_320']:7.0f}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
