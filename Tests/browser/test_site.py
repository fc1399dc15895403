"""The Almelo site as a person uses it: in a real browser, served by nginx."""
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By

from conftest import requested_urls, screenshot

PAGES = [
    ("home", "/"),
    ("norm", "/normen/nafluiten/"),
    ("norms", "/normen/"),
    ("guide", "/omstanders/wat-kun-je-doen/"),
    ("lesson", "/scholen/grenzen-op-straat/"),
    ("audience", "/voor-wie/vrouwen-en-meiden/"),
    ("report", "/melden/"),
    ("help", "/hulp/"),
    ("en-home", "/en/"),
    ("ar-home", "/ar/"),
    ("ar-guide", "/ar/bystanders/what-you-can-do/"),
    ("404", "/404.html"),
    ("page", "/privacy/"),
    ("worksheet", "/scholen/wat-is-oke/werkblad/"),
    ("en-lesson", "/en/schools/what-is-okay/"),
    ("ar-norm", "/ar/norms/catcalling/"),
    ("ar-404", "/ar/does-not-exist/"),
]


def test_language_switcher_leads_to_the_translated_page(browser, server):
    browser.get(server + "/normen/nafluiten/")
    browser.find_element(By.CSS_SELECTOR, ".languages > summary").click()
    link = browser.find_element(By.CSS_SELECTOR, "a[hreflang='en']")
    link.click()
    assert urlparse(browser.current_url).path == "/en/norms/catcalling/"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() != ""


def test_switcher_without_translation_leads_home_with_a_note(browser, server):
    browser.get(server + "/scholen/grenzen-op-straat/")
    link = browser.find_element(By.CSS_SELECTOR, "a[hreflang='ar']")
    assert "/ar/" == urlparse(link.get_attribute("href")).path
    assert link.find_elements(By.CSS_SELECTOR, ".languages__note")
    browser.find_element(By.CSS_SELECTOR, ".languages > summary").click()
    link.click()
    assert urlparse(browser.current_url).path == "/ar/"


def test_arabic_reads_right_to_left(browser, server):
    browser.get(server + "/ar/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", heading) == "rtl"
    # The text starts at the right: the heading's right edge lines up with the content's right edge.
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", heading)
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert width - box[1] < box[0] + 1


@pytest.mark.parametrize("name,path", PAGES)
def test_no_request_leaves_the_site(browser, server, name, path):
    requested_urls(browser)
    browser.get(server + path)
    host = urlparse(server).netloc
    for url in requested_urls(browser):
        parsed = urlparse(url)
        if parsed.scheme in ("data", "about", "blob"):
            continue
        assert parsed.netloc == host, f"{path} loaded {url}"
    assert browser.find_element(By.TAG_NAME, "h1").text.strip()
    for width in (390, 1280):
        screenshot(browser, name, width)
    browser.set_window_size(390, 844)


def test_skip_link_is_first_and_leads_to_main(browser, server):
    browser.get(server + "/hulp/")
    first = browser.execute_script("return document.querySelector('body a')")
    assert first.get_attribute("href").endswith("#main")
    assert browser.find_element(By.ID, "main").tag_name == "main"


def test_every_page_names_112_in_the_same_place(browser, server):
    for path in ("/", "/normen/", "/en/", "/ar/"):
        browser.get(server + path)
        call = browser.find_element(By.CSS_SELECTOR, "a[href='tel:112']")
        assert call.is_displayed()
