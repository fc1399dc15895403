"""Site search as a reader uses it: typing, reading results, following one; over http and from file://."""
import shutil
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import chromium_binary, requested_urls, screenshot


def results(browser, at_least=1):
    """The result links once at least `at_least` are shown."""
    WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, ".search-result__title a")) >= at_least)
    return browser.find_elements(By.CSS_SELECTOR, ".search-result__title a")


def status(browser):
    return browser.find_element(By.CSS_SELECTOR, "[data-search-status]")


def click(browser, element):
    """Clicks after scrolling the element to the middle of the window, clear of the sticky help strip."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def follow(link):
    """Follows a result as a keyboard user does: a link that wraps over lines has no single point to click."""
    link.send_keys(Keys.ENTER)


def settled(browser, query):
    """The result links once the results for `query` (as typed so far) are shown."""
    WebDriverWait(browser, 10).until(lambda b: query in status(b).text)
    return results(browser)


def type_slowly(element, text):
    for character in text:
        element.send_keys(character)


def test_typing_shows_results_and_one_leads_to_its_heading(browser, server):
    browser.get(server + "/zoeken/")
    field = browser.find_element(By.ID, "search-q")
    label = browser.find_element(By.CSS_SELECTOR, "label[for='search-q']")
    assert label.text.strip()
    type_slowly(field, "fluit je zelf")
    links = settled(browser, "fluit je zelf")
    assert "resultaten" in status(browser).text or "resultaat" in status(browser).text
    assert "fluit je zelf" in parse_qs(urlparse(browser.current_url).query)["q"][0]
    follow(links[0])
    WebDriverWait(browser, 10).until(lambda b: urlparse(b.current_url).path == "/normen/nafluiten/")
    fragment = urlparse(browser.current_url).fragment
    assert fragment == "fluit-je-zelf-weleens"
    assert browser.find_element(By.ID, fragment).tag_name == "h2"


def test_prefixes_and_typos_find_results_while_typing(browser, server):
    browser.get(server + "/zoeken/")
    field = browser.find_element(By.ID, "search-q")
    type_slowly(field, "intim")
    first = results(browser)[0].get_attribute("href")
    field.clear()
    type_slowly(field, "intimdatie")
    WebDriverWait(browser, 10).until(lambda b: "intimdatie" in status(b).text)
    assert results(browser)[0].get_attribute("href") == first
    assert browser.find_elements(By.CSS_SELECTOR, ".search-result mark")


def test_a_search_can_be_linked_and_bookmarked(browser, server):
    browser.get(server + "/zoeken/?q=nafluiten")
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "nafluiten"
    assert urlparse(results(browser)[0].get_attribute("href")).path == "/normen/nafluiten/"
    switch = browser.find_element(By.CSS_SELECTOR, ".languages a[hreflang='en']")
    assert urlparse(switch.get_attribute("href")).path == "/en/search/"
    assert "q=nafluiten" in urlparse(switch.get_attribute("href")).query
    for width in (390, 1280):
        screenshot(browser, "search-nl", width)
    browser.set_window_size(390, 844)


def test_the_header_search_box_leads_to_the_search_page(browser, server):
    # The box is in the header of wide screens; phones have a button to the search page (test_phone.py).
    browser.set_window_size(1280, 800)
    try:
        browser.get(server + "/normen/")
        box = browser.find_element(By.ID, "site-search-q")
        box.send_keys("omstanders", Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda b: urlparse(b.current_url).path == "/zoeken/")
        assert results(browser)
    finally:
        browser.set_window_size(390, 844)


def test_keyboard_moves_from_the_box_to_the_results(browser, server):
    browser.get(server + "/zoeken/?q=melden")
    links = results(browser, 2)
    field = browser.find_element(By.ID, "search-q")
    # A keyboard user arrives in the box by Tab; focusing it directly avoids a click landing on a neighbour.
    browser.execute_script("arguments[0].focus()", field)
    field.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[0]
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[1]
    browser.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
    assert browser.switch_to.active_element == field


def test_results_are_announced_in_a_live_region(browser, server):
    browser.get(server + "/en/search/?q=bystander")
    results(browser)
    region = status(browser)
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    assert "bystander" in region.text
    assert browser.find_element(By.ID, "search-q").get_attribute("aria-describedby") == region.get_attribute("id")


def test_no_result_in_english_shows_dutch_results_labelled(browser, server):
    browser.get(server + "/en/search/?q=nafluiten")
    links = results(browser)
    assert "Nederlands" in status(browser).text
    assert browser.find_element(By.CSS_SELECTOR, "[data-search-results]").get_attribute("lang") == "nl"
    assert urlparse(links[0].get_attribute("href")).path == "/normen/nafluiten/"


def test_arabic_search_reads_right_to_left(browser, server):
    browser.get(server + "/ar/search/?q=التحرش")
    links = results(browser)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", links[0]) == "rtl"
    for width in (390, 1280):
        screenshot(browser, "search-ar", width)
    browser.set_window_size(390, 844)


def test_filters_keep_one_kind_of_page(browser, server):
    browser.get(server + "/zoeken/?q=straat&type=norm")
    links = results(browser)
    assert all(urlparse(link.get_attribute("href")).path.startswith("/normen/") for link in links)


def test_search_requests_stay_on_the_site(browser, server):
    requested_urls(browser)
    browser.get(server + "/zoeken/?q=hulp")
    results(browser)
    host = urlparse(server).netloc
    urls = requested_urls(browser)
    assert any("/search-index/nl/" in url for url in urls)
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "about", "blob"):
            continue
        assert parsed.netloc == host, f"search loaded {url}"


def test_search_works_from_file_urls(browser, built_site):
    page = (built_site / "zoeken" / "index.html").as_uri()
    browser.get(page + "?q=nafluiten")
    links = results(browser)
    target = links[0].get_attribute("href")
    assert target.startswith("file://") and unquote(urlparse(target).path).endswith("/normen/nafluiten/index.html")
    field = browser.find_element(By.ID, "search-q")
    field.clear()
    type_slowly(field, "fluit je zelf")
    WebDriverWait(browser, 10).until(lambda b: "#fluit-je-zelf-weleens" in settled(b, "fluit je zelf")[0].get_attribute("href"))
    follow(results(browser)[0])
    WebDriverWait(browser, 10).until(lambda b: urlparse(b.current_url).fragment == "fluit-je-zelf-weleens")
    assert browser.find_element(By.ID, "fluit-je-zelf-weleens")


@pytest.fixture(scope="module")
def browser_without_javascript():
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def test_without_javascript_the_page_says_so_and_offers_the_sections(browser_without_javascript, server):
    browser = browser_without_javascript
    browser.get(server + "/zoeken/?q=nafluiten")
    notice = browser.find_element(By.CSS_SELECTOR, "[data-search-nojs]")
    assert notice.is_displayed()
    assert "JavaScript" in notice.text
    sections = [urlparse(a.get_attribute("href")).path for a in notice.find_elements(By.TAG_NAME, "a")]
    assert "/normen/" in sections and "/" in sections
