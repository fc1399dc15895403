"""The service worker: after one visit, help opens without a connection; a new build is seen at once; from
file:// it does nothing. Each test serves its own copy of the site with nginx on a port of its own, so a
worker never reaches another test, and stops the server to play a phone without signal."""
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, baken_binary, copy_almelo_sources, nginx_serving
from phone import open_browser

HELP = {"nl": "/hulp/", "en": "/en/help/", "ar": "/ar/help/"}
# Pages the first visit does not fetch, in each language.
UNVISITED = {"nl": "/normen/aanraken/", "en": "/en/norms/touching/", "ar": "/ar/norms/touching/"}

# Resolves when the worker is active and controls the page: its first fetches are in its cache by then.
READY = """
const done = arguments[0];
navigator.serviceWorker.ready.then(async () => {
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, {once: true}));
  }
  done(await caches.keys());
}).catch((error) => done('error: ' + error));
"""


def words(language):
    text = (REPO / "themes" / "baken" / "i18n" / f"{language}.yml").read_text(encoding="utf-8")
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(r'^([a-z0-9_]+): (".*")$', text, re.M)}


@pytest.fixture
def site_copy():
    """A copy of the Almelo site's sources and its build, in a temporary folder: (sources, output)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="baken-offline-"))
    site = folder / "site"
    copy_almelo_sources(site)
    output = folder / "public"
    build(site, output)
    yield site, output
    shutil.rmtree(folder, ignore_errors=True)


def build(site, output):
    subprocess.run([str(baken_binary()), "build", "--site", str(site), "--output", str(output), "--strict"], check=True, capture_output=True)


@pytest.fixture
def phone():
    """A browser of its own: what its worker keeps stays out of the other tests."""
    driver = open_browser()
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def first_visit(driver, base):
    driver.get(base + "/")
    keys = driver.execute_async_script(READY)
    assert isinstance(keys, list) and keys, keys
    return keys


def tel_links(driver):
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='tel:']")]


def test_after_one_visit_help_and_opened_pages_open_without_a_connection(phone, site_copy):
    _, output = site_copy
    with nginx_serving(output) as base:
        keys = first_visit(phone, base)
        phone.get(base + "/normen/nafluiten/")
        opened = phone.find_element(By.TAG_NAME, "h1").text
        phone.execute_async_script("const done = arguments[0]; setTimeout(done, 500)")
    version = re.search(r'"version": "([0-9a-f]+)"', (output / "sw.js").read_text()).group(1)
    assert f"baken-{version}" in keys

    # The server is gone, as in a basement bar.
    for language, path in HELP.items():
        phone.get(base + path)
        assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        assert "tel:112" in tel_links(phone) and len(tel_links(phone)) >= 4, path
        assert phone.execute_script("return getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)", "its CSS came too"
    phone.get(base + "/normen/nafluiten/")
    assert phone.find_element(By.TAG_NAME, "h1").text == opened

    for language, path in UNVISITED.items():
        phone.get(base + path)
        assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        assert phone.find_element(By.TAG_NAME, "h1").text == words(language)["offline_title"]
        links = tel_links(phone)
        assert "tel:112" in links and len(links) >= 4
        # The help numbers and nothing else: every link on the page calls.
        assert len(phone.find_elements(By.CSS_SELECTOR, "a")) == len(links)


def test_a_new_build_is_seen_on_the_next_visit_and_old_caches_go(phone, site_copy):
    site, output = site_copy
    with nginx_serving(output) as base:
        old = first_visit(phone, base)
        phone.get(base + "/hulp/")
        assert "Een zin die er eerst niet stond." not in phone.find_element(By.TAG_NAME, "main").text
        page = site / "content" / "nl" / "hulp.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEen zin die er eerst niet stond.\n", encoding="utf-8")
        build(site, output)
        phone.get(base + "/hulp/")
        assert "Een zin die er eerst niet stond." in phone.find_element(By.TAG_NAME, "main").text
        version = re.search(r'"version": "([0-9a-f]+)"', (output / "sw.js").read_text()).group(1)
        assert f"baken-{version}" not in old
        keys = phone.execute_async_script("""
            const [version, done] = arguments;
            (async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              await registration.update();
              for (let i = 0; i < 100; i++) {
                const keys = await caches.keys();
                if (keys.includes('baken-' + version) && keys.every((key) => key.endsWith(version))) return keys;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
              return caches.keys();
            })().then(done, (error) => done('error: ' + error));""", version)
        assert keys and all(key.endswith(version) for key in keys), keys


def test_the_build_writes_the_same_worker_for_the_same_site(site_copy):
    site, output = site_copy
    first = (output / "sw.js").read_bytes()
    again = output.parent / "again"
    build(site, again)
    assert (again / "sw.js").read_bytes() == first
    assert b"unsafe-inline" not in (again / "offline.html").read_bytes()


def test_from_a_file_the_page_starts_no_worker(phone, site_copy):
    _, output = site_copy
    # Counts the attempts to start a worker, from before the page's own scripts run.
    phone.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.workerAttempts = 0;
        if (navigator.serviceWorker) {
          const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
          navigator.serviceWorker.register = (...args) => { window.workerAttempts += 1; return register(...args); };
        }"""})
    # Site pages load their scripts by absolute address, which file:// does not find; a page beside them
    # loads the theme's script as a saved copy of a page would.
    script = next((output / "js").glob("site.*.js")).name
    probe = output / "saved-page.html"
    probe.write_text(f'<!doctype html><html lang="nl"><title>t</title><script src="js/{script}" data-worker="sw.js"></script>', encoding="utf-8")
    phone.get(probe.as_uri())
    phone.execute_async_script("const done = arguments[0]; setTimeout(done, 500)")
    assert phone.execute_script("return [...document.scripts].length") == 1
    assert phone.execute_script("return window.workerAttempts") == 0
    phone.get((output / "hulp" / "index.html").as_uri())
    # Site pages load their files by absolute address, which file:// cannot follow; no script may fail.
    errors = [entry for entry in phone.get_log("browser") if entry["level"] == "SEVERE" and entry["source"] != "network"]
    assert not errors, errors
