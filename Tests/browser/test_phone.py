"""The Almelo site on a phone: the page's own heading on the first screen, no sideways scrolling at 320 px,
a header whose menu folds into one control (also without JavaScript), and a quick exit that stays in reach.
Every number is measured in Chromium with getBoundingClientRect; Benchmarks/phone_layout.py prints them."""
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from phone import LANGUAGES, SITE_LANGUAGES, PHONE, REFLOW_WIDTH, WIDTH, measure_page
from test_accessibility import pages_of

# The h1 ends in the top half of the phone's screen; the first paragraph under it starts on the first screen,
# with room for at least one line of it.
HALF_SCREEN = PHONE[1] / 2
ONE_LINE = 24


def site_pages(site, language):
    return [url for url in pages_of(site, language) if not url.startswith("/packs/")]


@pytest.fixture
def phone(browser):
    browser.set_window_size(*PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.set_window_size(*PHONE)


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_every_page_starts_on_the_first_screen_and_never_scrolls_sideways(phone, server, built_site, language):
    urls = site_pages(built_site, language) + [("/" if language == "nl" else f"/{language}/") + "bestaat-niet/"]
    late, wide = [], []
    for url in urls:
        m = measure_page(phone, server, url)
        if m["h1_bottom"] > HALF_SCREEN:
            late.append(f"{url}: the h1 ends at {m['h1_bottom']:.0f} px, below {HALF_SCREEN:.0f}")
        if m["text_top"] is None or m["text_top"] + ONE_LINE > m["height"]:
            late.append(f"{url}: the first paragraph starts at {m['text_top']} px, the screen ends at {m['height']}")
        if m["width_320"] > m["viewport_320"]:
            wide.append(f"{url}: {m['width_320']} px wide in a {m['viewport_320']} px window")
    assert len(urls) > 20
    assert not late, "\n".join(late)
    assert not wide, "scrolls sideways at 320 px:\n" + "\n".join(wide)


@pytest.mark.parametrize("url", ["/zoeken/?q=melden", "/en/search/?q=report", "/ar/search/?q=%D8%A8%D9%84%D8%A7%D8%BA"])
def test_search_results_fit_at_320(phone, server, url):
    phone.set_window_size(REFLOW_WIDTH, PHONE[1])
    phone.get(server + url)
    phone.find_elements(By.CSS_SELECTOR, ".search-result")
    assert phone.execute_script(WIDTH) <= phone.execute_script("return document.documentElement.clientWidth")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_markdown_construct_fits_at_320(phone, markdown_server, markdown_site, language):
    for url in pages_of(markdown_site, language):
        m = measure_page(phone, markdown_server, url)
        assert m["width_320"] <= m["viewport_320"], f"{url} is {m['width_320']} px wide at 320 px"


def menu_links(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".site-nav .main-menu a, .site-nav .audience-menu a")


def shown(driver, elements):
    """Whether each element is rendered with a size (the browser's own answer, folds included)."""
    return driver.execute_script(
        "return arguments[0].map(e => e.checkVisibility() && e.getBoundingClientRect().width > 0)", elements)


def tab_until(driver, condition, limit=60):
    """Presses Tab until `condition(active element)` holds; the elements passed on the way."""
    seen = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        seen.append(active)
        if condition(active):
            return seen
    raise AssertionError("Tab never reached the element")


@pytest.mark.parametrize("path", ["/", "/en/help/", "/ar/norms/catcalling/"])
def test_the_menu_folds_into_one_control_that_opens_by_keyboard(phone, server, path):
    phone.get(server + path)
    links = menu_links(phone)
    assert len(links) >= 10 and not any(shown(phone, links))
    toggle = phone.find_element(By.CSS_SELECTOR, ".site-nav > summary")
    assert toggle.is_displayed() and toggle.aria_role in ("button", "DisclosureTriangle")
    assert toggle.accessible_name.strip()
    tab_until(phone, lambda active: active == toggle)
    ActionChains(phone).send_keys(Keys.ENTER).perform()
    assert phone.find_element(By.CSS_SELECTOR, ".site-nav").get_attribute("open") is not None
    hrefs = {link.get_attribute("href") for link in links}
    assert all(shown(phone, links))
    reached = tab_until(phone, lambda active: active.get_attribute("href") == links[-1].get_attribute("href"))
    assert hrefs <= {element.get_attribute("href") for element in reached}
    # The quick exit and 112 stay where they were, above the menu.
    call = phone.find_element(By.CSS_SELECTOR, ".help-strip__call")
    assert call.is_displayed() and call.rect["y"] < toggle.rect["y"]
    ActionChains(phone).send_keys(Keys.ESCAPE).perform()
    assert phone.find_element(By.CSS_SELECTOR, ".site-nav").get_attribute("open") is None
    assert phone.switch_to.active_element == toggle


def test_the_menu_opens_without_javascript(phone, server):
    phone.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    phone.get(server + "/hulp/")
    assert phone.execute_script("return document.querySelectorAll('script[src]').length") > 0
    links = menu_links(phone)
    assert not any(shown(phone, links))
    # Where the reader sees the word "Menu": the bar's start lies under the search and language buttons.
    phone.find_element(By.CSS_SELECTOR, ".site-nav__icon").click()
    assert all(shown(phone, links))
    target = links[0].get_attribute("href")
    links[0].click()
    WebDriverWait(phone, 10).until(lambda d: d.current_url == target)


def test_on_a_wide_screen_the_menu_is_always_there(phone, server):
    phone.set_window_size(1280, 800)
    phone.get(server + "/normen/")
    assert not phone.find_element(By.CSS_SELECTOR, ".site-nav > summary").is_displayed()
    assert all(shown(phone, menu_links(phone)))


def test_a_missing_translation_does_not_change_the_header(phone, server):
    heights = {}
    for width in (PHONE[0], 1280):
        phone.set_window_size(width, 800)
        for path in ("/scholen/wat-is-oke/", "/normen/nafluiten/"):
            phone.get(server + path)
            heights[width, path] = phone.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
    assert heights[PHONE[0], "/scholen/wat-is-oke/"] == heights[PHONE[0], "/normen/nafluiten/"]
    assert heights[1280, "/scholen/wat-is-oke/"] == heights[1280, "/normen/nafluiten/"]
    # On a wide screen the header's top is one row: the search box beside the site's name.
    phone.get(server + "/scholen/wat-is-oke/")
    title, search = (phone.find_element(By.CSS_SELECTOR, selector).rect for selector in (".site-title", ".site-search__input"))
    assert abs((title["y"] + title["height"] / 2) - (search["y"] + search["height"] / 2)) < 12


def test_the_language_switcher_shows_the_current_language_and_opens_the_others(phone, server):
    phone.get(server + "/ar/norms/catcalling/")
    toggle = phone.find_element(By.CSS_SELECTOR, ".languages > summary")
    assert "العربية" in toggle.text
    others = phone.find_elements(By.CSS_SELECTOR, ".languages a:not([aria-current])")
    assert len(others) == len(SITE_LANGUAGES) - 1 and not any(shown(phone, others))
    toggle.click()
    assert all(shown(phone, others))
    # The list lies over the page: opening it moves nothing.
    assert phone.execute_script("return document.querySelector('main').getBoundingClientRect().top") == pytest.approx(
        phone.execute_script("document.querySelector('.languages').open = false; return document.querySelector('main').getBoundingClientRect().top"))


def test_the_search_button_leads_to_the_search_page(phone, server):
    phone.get(server + "/normen/")
    button = phone.find_element(By.CSS_SELECTOR, ".site-search__button")
    assert button.rect["width"] >= 44 and button.rect["height"] >= 44
    button.click()
    WebDriverWait(phone, 10).until(lambda d: urlparse(d.current_url).path == "/zoeken/")


def test_a_lesson_step_table_sizes_its_columns_to_their_content(phone, server):
    phone.set_window_size(1280, 800)
    phone.get(server + "/scholen/wat-is-oke/")
    widths = phone.execute_script("""
        const table = [...document.querySelectorAll('.prose table')].find(t => t.querySelector('th').textContent.trim() === 'Stap');
        return [...table.querySelectorAll('th')].map(th => th.getBoundingClientRect().width);""")
    step, minutes, text = widths
    assert minutes < text / 4 and step < text / 2


@pytest.mark.parametrize("path", ["/hulp/", "/en/help/", "/ar/help/", "/melden/", "/voor-wie/lhbtiq/"])
def test_the_quick_exit_stays_in_reach_on_a_phone(phone, server, path):
    phone.get(server + path)
    bar = phone.find_element(By.CSS_SELECTOR, ".quick-exit")
    assert bar.rect["height"] <= 60, f"the quick-exit bar takes {bar.rect['height']} px: more than one row"
    phone.execute_script("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
    assert phone.execute_script("return scrollY") > 500
    box = phone.execute_script("const r = document.querySelector('.quick-exit__button').getBoundingClientRect(); return [r.top, r.bottom, r.width, r.height, innerHeight]")
    top, bottom, width, height, screen = box
    assert 0 <= top and bottom <= screen
    assert width >= 44 and height >= 44


@pytest.mark.parametrize("path, target", [("/hulp/", "contact-csg"), ("/en/help/", "contact-csg"), ("/ar/help/", "contact-csg")])
def test_the_quick_exit_never_covers_the_text_a_link_leads_to(phone, server, path, target):
    phone.get(server + path + "#" + target)
    phone.execute_async_script("const done = arguments[0]; setTimeout(done, 600)")
    top, bar = phone.execute_script(
        "return [document.getElementById(arguments[0]).getBoundingClientRect().top, document.querySelector('.quick-exit').getBoundingClientRect().bottom]", target)
    assert top >= bar - 1
