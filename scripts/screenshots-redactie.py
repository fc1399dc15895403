#!/usr/bin/env python3
"""Takes the screenshots of docs/redactie.md from the real program.

Copies the Almelo site into a temporary folder, starts `baken serve` on it and
opens headless Chromium (selenium) on the preview:

  voorbeeld-computer.png   a norm page at desktop width (1280 x 800)
  voorbeeld-telefoon.png   the same page at phone width (390 x 844)
  nieuwe-pagina.png        a page made with `baken new page`, still a draft
  fout-in-de-browser.png   a broken link saved into a page: the error over the page

Then it stops the server and removes the temporary folder. Run it again after a
change to the theme:

  python3 scripts/screenshots-redactie.py

Needs Python 3, selenium, Chromium and chromedriver (Debian: chromium,
chromium-driver, python3-selenium). With Pillow installed the PNGs are stored
with a palette, which makes them several times smaller.
"""
import argparse
import io
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[1]
# The browser tests' way to find (or build) the binary.
sys.path.insert(0, str(REPO / "Tests" / "browser"))
from conftest import baken_binary  # noqa: E402
OUTPUT = REPO / "docs" / "images" / "redactie"
SITE_PARTS = ("content", "data", "themes", "static", "layouts", "i18n", "site.yml")

PAGE = "/normen/nafluiten/"
PAGE_FILE = "content/nl/normen/nafluiten.md"
BROKEN_LINK = "\nLees [meer over nafluiten](bestaat-niet.md).\n"

NEW_PAGE = "nl/over-de-campagne.md"
NEW_PAGE_ADDRESS = "/over-de-campagne/"
# The same example as in docs/redactie.md, section "Een pagina schrijven".
NEW_PAGE_TEXT = """---
title: Over de campagne
description: Waarom Almelo deze campagne voert, en wie erachter zit.
type: page
weight: 70
last_checked: 2026-12-07
draft: true
---

Almelo wil dat iedereen zich veilig voelt op straat. Daarom voert de gemeente
deze campagne.

## Wie zit erachter?

De gemeente werkt samen met scholen, sportclubs en de horeca. Lees meer over
[de aanpak van Almelo](aanpak.md).
"""


def copy_site(target):
    """The parts of the Almelo site that a build reads; not its output, cache or git history."""
    for name in SITE_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up after {seconds} s waiting for {what}")
        time.sleep(0.2)


def chromium():
    options = webdriver.ChromeOptions()
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            options.binary_location = path
            break
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--window-size=1280,800"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def viewport(driver, width, height, phone=False):
    """An exact viewport; a phone also gets touch and a device pixel ratio of 1, so the PNG stays small."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": phone})


def save(driver, name):
    png = driver.get_screenshot_as_png()
    try:
        from PIL import Image
        image = Image.open(io.BytesIO(png)).convert("RGB")
        buffer = io.BytesIO()
        image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
        png = buffer.getvalue()
    except ImportError:
        pass
    path = OUTPUT / name
    path.write_bytes(png)
    print(f"{path.relative_to(REPO)}: {len(png) // 1024} KB")


def open_page(driver, url):
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    # Let the live-reload script connect, and web fonts settle.
    time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=1399, help="the port for baken serve (default: 1399)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site folder, and say where it is")
    arguments = parser.parse_args()

    base = f"http://127.0.0.1:{arguments.port}"
    if answers(base + "/"):
        sys.exit(f"Something already answers at {base}/: stop it, or choose another --port.")

    baken = baken_binary()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="baken-redactie-"))
    site = folder / "site"
    site.mkdir()
    copy_site(site)
    log = open(folder / "serve.log", "w")
    server = subprocess.Popen([str(baken), "serve", "--site", str(site), "--port", str(arguments.port),
                               "--output", str(folder / "preview")], stdout=log, stderr=subprocess.STDOUT)
    driver = None
    try:
        wait_until(lambda: server.poll() is None and answers(base + "/") or server.poll() is not None, 120,
                   "baken serve to answer")
        if server.poll() is not None:
            raise RuntimeError(f"baken serve stopped; see {folder / 'serve.log'}")
        driver = chromium()

        viewport(driver, 1280, 800)
        open_page(driver, base + PAGE)
        save(driver, "voorbeeld-computer.png")

        viewport(driver, 390, 844, phone=True)
        open_page(driver, base + PAGE)
        save(driver, "voorbeeld-telefoon.png")

        # A new page, as the guide writes it: `baken new page`, then the example text.
        subprocess.run([str(baken), "new", "page", NEW_PAGE, "--site", str(site)], check=True,
                       stdout=subprocess.DEVNULL)
        (site / "content" / NEW_PAGE).write_text(NEW_PAGE_TEXT)
        wait_until(lambda: answers(base + NEW_PAGE_ADDRESS), 60, "the new page")
        viewport(driver, 1280, 800)
        open_page(driver, base + NEW_PAGE_ADDRESS)
        WebDriverWait(driver, 30).until(
            lambda d: "Over de campagne" in d.find_element(By.TAG_NAME, "h1").text)
        save(driver, "nieuwe-pagina.png")

        # A mistake: a link to a page that does not exist. The preview keeps the
        # last good page and shows the error over it.
        open_page(driver, base + PAGE)
        page_file = site / PAGE_FILE
        original = page_file.read_text()
        page_file.write_text(original + BROKEN_LINK)
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "baken-error-overlay"))
        time.sleep(0.3)
        save(driver, "fout-in-de-browser.png")

        # Fixed and saved: the error goes away again.
        page_file.write_text(original)
        WebDriverWait(driver, 30).until(lambda d: not d.find_elements(By.ID, "baken-error-overlay"))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        if arguments.keep:
            print(f"The temporary site is in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
