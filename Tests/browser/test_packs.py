"""Lesson packs in headless Chromium.

A pack is unzipped and opened from file:// as a teacher would: every page must render with the theme's look,
link to its neighbours, and make no network request at all. The "for schools" page filters its modules by
level and duration with CSS alone.
"""
import functools
import http.server
import json
import pathlib
import subprocess
import threading
import zipfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAPER = "rgb(255, 250, 244)"  # --paper in baken.css: the stylesheet was applied


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The Almelo site, built by the debug baken that scripts/test.sh has just built."""
    output = tmp_path_factory.mktemp("packs") / "public"
    baken = ROOT / ".build" / "debug" / "baken"
    subprocess.run([str(baken), "build", "--site", str(ROOT), "--output", str(output)], check=True, capture_output=True)
    return output


@pytest.fixture(scope="module")
def pack(site, tmp_path_factory):
    """The pack of 'Wat is oké?', unzipped."""
    folder = tmp_path_factory.mktemp("wat-is-oke")
    with zipfile.ZipFile(site / "packs" / "wat-is-oke-nl.zip") as archive:
        assert archive.testzip() is None
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def server(site):
    """The built site over HTTP on loopback, for pages whose addresses start with /."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                     "--allow-file-access-from-files",
                     # Any host name fails to resolve: a request to another host is seen in the log, never sent.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def requested(driver):
    """The URLs the browser asked for since the last call, from the DevTools network log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


DOCUMENTS = ["index.html", "teacher-guide.html", "lesson.html", "worksheets/werkblad.html", "parents.html",
             "print.html", "license.html"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_pack_page_renders_from_file_with_no_network_request(browser, pack, document):
    requested(browser)
    browser.get((pack / document).as_uri())
    assert browser.find_element(By.CSS_SELECTOR, "h1").text
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") == PAPER
    assert browser.execute_script("return document.styleSheets.length") == 2
    urls = requested(browser)
    assert urls, "the log saw no request at all"
    # file: is the pack's own folder and data: is inside the stylesheet; anything else would go over a network.
    assert [url for url in urls if not url.startswith(("file://", "data:"))] == []


def test_pack_pages_link_to_each_other(browser, pack):
    browser.get((pack / "index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "Werkblad").click()
    assert browser.current_url == (pack / "worksheets" / "werkblad.html").as_uri()
    browser.find_element(By.LINK_TEXT, "Lerarenhandleiding").click()
    assert browser.current_url == (pack / "teacher-guide.html").as_uri()
    assert "Als een leerling iets vertelt" in browser.find_element(By.CSS_SELECTOR, ".safeguarding").text


def test_print_everything_starts_each_part_on_a_new_a4_page(browser, pack):
    browser.get((pack / "print.html").as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        breaks = browser.execute_script(
            "return [...document.querySelectorAll('.pack-part')].map(p => getComputedStyle(p).breakBefore)")
        assert breaks[0] == "auto"
        assert breaks[1:] and all(value == "page" for value in breaks[1:])
        assert browser.execute_script("return getComputedStyle(document.querySelector('.pack-nav')).display") == "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_schools_page_filters_by_level_and_duration_without_script(browser, server):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        filters_without_script(browser, server)
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def filters_without_script(browser, server):
    browser.get(server + "/scholen/")
    assert not browser.execute_script("return [...document.scripts].some(s => s.src && !s.src.includes('/js/site.'))")

    def click(selector):
        label = browser.find_element(By.CSS_SELECTOR, selector)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", label)
        label.click()

    def shown():
        return [module.get_attribute("data-level") for module in
                browser.find_elements(By.CSS_SELECTOR, ".catalogue__module") if module.is_displayed()]

    assert sorted(shown()) == ["mbo", "po-7-8", "vo-onderbouw"]
    click("label[for=catalogue-level-mbo]")
    assert shown() == ["mbo"]
    levels = [item.text for item in browser.find_elements(By.CSS_SELECTOR, ".catalogue__level") if item.is_displayed()]
    assert len(levels) == 1 and "Mbo" in levels[0]
    click("label[for=catalogue-level-all]")
    click("label[for=catalogue-duration-period]")
    assert sorted(shown()) == ["po-7-8", "vo-onderbouw"]
    screenshots = ROOT / "Tests" / "browser" / "screenshots"
    screenshots.mkdir(exist_ok=True)
    browser.execute_script("document.querySelector('.catalogue').scrollIntoView({behavior: 'instant'})")
    browser.set_window_size(1280, 1400)
    browser.save_screenshot(str(screenshots / "schools-catalogue.png"))


def test_lesson_page_links_its_downloads(browser, server):
    browser.get(server + "/scholen/wat-is-oke/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".download__link")]
    assert links == [server + "/packs/wat-is-oke-nl.zip", server + "/packs/wat-is-oke-nl.imscc"]
    data = json.loads(browser.find_element(By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent"))
    assert data["@type"] == "LearningResource" and data["timeRequired"] == "PT50M"
