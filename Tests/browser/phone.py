"""How a page lands on a phone, measured in the browser: shared by the phone tests and Benchmarks/phone_layout.py."""
import re
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

LANGUAGES = ["nl", "en", "ar"]
# The Almelo site has more languages than the Markdown fixture site; its pages are checked in each.
SITE_LANGUAGES = ["nl", "en", "ar", "tr", "pl", "uk"]
PHONE = (390, 844)
REFLOW_WIDTH = 320

# The bottom of the h1, the top of the first paragraph after it, and the height of the page area, in CSS pixels.
MEASURE = """
const h1 = document.querySelector('main h1');
const after = [...document.querySelectorAll('main p')].find(p =>
    h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING && p.textContent.trim() && p.getClientRects().length);
return {h1_bottom: h1.getBoundingClientRect().bottom + scrollY,
        text_top: after ? after.getBoundingClientRect().top + scrollY : null,
        text: after ? after.textContent.trim().slice(0, 60) : null,
        height: innerHeight};
"""

WIDTH = "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def open_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = next(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n))
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={PHONE[0]},{PHONE[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def language_of(relative):
    first = relative.split("/")[0]
    return first if first in SITE_LANGUAGES[1:] else "nl"


def representative_pages(site):
    """(language, body class, address) for the first page the build wrote of each layout in each language,
    the search page and the 404 page included; redirects for old addresses left out."""
    seen = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("packs/"):
            continue
        text = path.read_text(encoding="utf-8")
        body = re.search(r'<body class="([^"]*)"', text)
        if not body or 'http-equiv="refresh"' in text:
            continue
        url = "/" + relative.removesuffix("index.html")
        seen.setdefault((language_of(relative), body.group(1)), url)
    return sorted((language, layout, url) for (language, layout), url in seen.items())


def measure_page(driver, server, url):
    """The h1's bottom and the first text's top at 390 × 844, half the page area, and the page's width at 320 px."""
    driver.set_window_size(*PHONE)
    driver.get(server + url)
    result = driver.execute_script(MEASURE)
    result["half"] = result["height"] / 2
    driver.set_window_size(REFLOW_WIDTH, PHONE[1])
    result["width_320"] = driver.execute_script(WIDTH)
    result["viewport_320"] = driver.execute_script("return document.documentElement.clientWidth")
    driver.set_window_size(*PHONE)
    return result
