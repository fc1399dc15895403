"""Builds the Almelo site once, serves it with a real nginx on a loopback port, and opens headless Chromium on it."""
import contextlib
import http.server
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time

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
    subprocess.run([str(baken_binary()), "build", "--site", str(REPO), "--output", str(output), "--strict"], check=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


def copy_almelo_sources(site):
    """The Almelo site's sources (content, data, themes and site.yml) in the folder `site`, to change and build."""
    site.mkdir(parents=True)
    for name in ("content", "data", "themes", "static", "layouts", "i18n"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, site / name)
    shutil.copy(REPO / "site.yml", site / "site.yml")


def build_fixture_site(name):
    """A site from Tests/browser/sites/NAME with the repository's themes, built with --strict into a temporary folder."""
    root = pathlib.Path(tempfile.mkdtemp(prefix=f"baken-{name}-")) / name
    shutil.copytree(REPO / "Tests" / "browser" / "sites" / name, root)
    shutil.copytree(REPO / "themes", root / "themes")
    subprocess.run([str(baken_binary()), "build", "--site", str(root), "--strict"], check=True)
    return root / "public"


@pytest.fixture(scope="session")
def markdown_site():
    """Every Markdown construct on the real theme, in Dutch, English and Arabic."""
    output = build_fixture_site("markdown")
    yield output
    shutil.rmtree(output.parent.parent, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server for test pages that are not the site (nginx serves the site)."""

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_main_config(site, workdir, port):
    """A whole nginx configuration around the snippet Baken writes, as a host would include it."""
    temp_paths = "\n".join(f"  {name}_temp_path {workdir / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, nginx would hand requests to 'nobody', who may not read the private temporary folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}daemon off;
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp_paths}
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    root {site};
    include {site / "nginx.conf"};
  }}
}}
"""


@contextlib.contextmanager
def nginx_serving(site):
    """The folder behind nginx (Debian's package), configured by the site's own nginx.conf; yields its address."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.fail("nginx is not installed: apt-get install nginx")
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="baken-nginx-"))
    port = free_port()
    config = workdir / "nginx.conf"
    config.write_text(nginx_main_config(site, workdir, port))
    arguments = ["-p", str(workdir), "-c", str(config), "-e", str(workdir / "error.log")]
    check = subprocess.run([nginx, "-t", *arguments], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx rejects the configuration:\n{check.stderr}"
    process = subprocess.Popen([nginx, *arguments])
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log = (workdir / "error.log").read_text() if (workdir / "error.log").exists() else ""
                pytest.fail(f"nginx did not start:\n{log}")
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def server(built_site):
    with nginx_serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def markdown_server(markdown_site):
    with nginx_serving(markdown_site) as url:
        yield url


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
