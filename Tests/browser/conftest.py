"""Builds the Almelo site once, serves it on a local port, and opens headless Chromium on it."""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "Tests" / "browser" / "screenshots"


def baken_binary():
    for candidate in (REPO / ".build" / "debug" / "baken", REPO / ".build" / "release" / "baken"):
        if candidate.exists():
            return candidate
    subprocess.run(["swift", "build", "--product", "baken"], cwd=REPO, check=True)
    return REPO / ".build" / "debug" / "baken"


@pytest.fixture(scope="session")
def built_site():
    output = pathlib.Path(tempfile.mkdtemp(prefix="baken-browser-")) / "public"
    subprocess.run([str(baken_binary()), "build", "--site", str(REPO), "--output", str(output)], check=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("Chromium is not installed: apt-get install chromium chromium-driver")


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def requested_urls(driver):
    """Every URL the page asked for since the last call, from Chromium's network log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def screenshot(driver, name, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height, 600), 6000))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
