#!/usr/bin/env python3
"""Where each page's heading and first text land on a phone, and whether any page scrolls sideways.

For one page of each layout in each language (the first the build wrote), in headless Chromium behind
nginx: the bottom of the h1 and the top of the first text under it at 390 × 844, against the height of
the window's page area, and the page's width at 320 px (WCAG's reflow width).

    Benchmarks/phone_layout.py [OUTPUT_FOLDER]   (default: public/, built with scripts/build-site.sh)
    Benchmarks/phone_layout.py OUTPUT_FOLDER --screenshots docs/screenshots
        also saves the first screen of one page per layout at 390 × 844 and 1280 × 800 (in Dutch, and the
        Arabic home page), as small PNGs for the documentation
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "browser"))

from phone import PHONE, measure_page, open_browser, representative_pages  # noqa: E402
from conftest import nginx_serving  # noqa: E402

# The page of each layout shown in docs/themes.md, and the name of its screenshots.
SCREENSHOTS = [
    ("home", "/"), ("home-ar", "/ar/"), ("section", "/normen/"), ("norm", "/normen/nafluiten/"),
    ("guide", "/omstanders/wat-kun-je-doen/"), ("lesson", "/scholen/wat-is-oke/"), ("audience", "/voor-wie/lhbtiq/"),
    ("news", "/nieuws/2026-campagne-ben-je-oke/"), ("report", "/melden/"), ("help", "/hulp/"), ("search", "/zoeken/?q=melden"),
    ("404", "/bestaat-niet/"), ("offline", "/offline.html"), ("menu-open", "/hulp/"),
]


def save_screenshots(driver, server, folder):
    """The first screen of each page in SCREENSHOTS, at phone and desktop size, in 64 colours to stay small."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for name, url in SCREENSHOTS:
        for width, height in (PHONE, (1280, 800)):
            if name == "menu-open" and width != PHONE[0]:
                continue
            driver.set_window_size(width, height)
            driver.get(server + url)
            if name == "menu-open":
                driver.execute_script("document.querySelector('.site-nav').open = true")
            path = folder / f"{name}-{width}.png"
            driver.save_screenshot(str(path))
            Image.open(path).convert("RGB").quantize(64).save(path, optimize=True)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "public").resolve()
    if not root.is_dir():
        sys.exit(f"{root} is not a built site: run scripts/build-site.sh first")
    driver = open_browser()
    try:
        with nginx_serving(root) as server:
            print(f"{'page':44} {'layout':24} {'h1 end':>6} {'text':>5} {'half':>5} {'320 px':>7}")
            for language, layout, url in representative_pages(root):
                m = measure_page(driver, server, url)
                print(f"{url:44} {layout:24} {m['h1_bottom']:6.0f} {m['text_top']:5.0f} {m['half']:5.0f} {m['width_320']:7.0f}")
            if "--screenshots" in sys.argv:
                save_screenshots(driver, server, pathlib.Path(sys.argv[sys.argv.index("--screenshots") + 1]))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
