"""Every id on a page is its own: a heading named like the skip link's target, the table of contents, the search box or
a footnote gets another id, and each link reaches the element it was made for, in Chromium."""
import pathlib
import shutil

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import build_fixture_site, nginx_serving

DUPLICATE_IDS = """
const seen = new Map();
for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) || 0) + 1);
return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
"""

# The element the address's #fragment names, what it is, and whether the reader sees it: the window has scrolled
# (smoothly, so the position is read until it stays put) and the element is what is drawn at its own place.
TARGET = """
const done = arguments[arguments.length - 1];
const target = document.querySelector(':target');
if (!target) { done(null); return; }
let last = null, same = 0;
const look = () => {
  const box = target.getBoundingClientRect();
  same = box.top === last ? same + 1 : 0;
  last = box.top;
  if (same < 8) { setTimeout(look, 50); return; }
  const x = Math.min(box.left + 5, innerWidth - 1), y = box.top + Math.min(box.height / 2, 10);
  const drawn = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
  done({tag: target.tagName, id: target.id, text: target.textContent.trim().slice(0, 40),
        visible: !!drawn && (drawn === target || target.contains(drawn) || drawn.contains(target)),
        footnote: !!target.closest('section.footnotes')});
};
look();
"""


@pytest.fixture(scope="module")
def ids_server():
    output = build_fixture_site("ids")
    with nginx_serving(output) as url:
        yield url, output
    shutil.rmtree(output.parent.parent, ignore_errors=True)


def html_pages(folder):
    return sorted(path for path in pathlib.Path(folder).rglob("*.html"))


def follow(browser, link):
    """Activates a link from the keyboard, as a reader would, and returns where its target is. The jump is made
    at once instead of smoothly, so that a busy machine cannot catch the window still on its way."""
    browser.execute_script("document.documentElement.style.scrollBehavior = 'auto'; arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    return browser.execute_async_script(TARGET)


@pytest.mark.parametrize("path, toc_title", [("/botsingen/", "Op deze pagina"), ("/en/collisions/", "On this page")])
def test_colliding_headings_get_their_own_ids_and_every_link_its_own_target(browser, ids_server, path, toc_title):
    url, _ = ids_server
    browser.set_window_size(390, 844)
    browser.get(url + path)
    assert browser.execute_script(DUPLICATE_IDS) == []
    headings = browser.execute_script("return [...document.querySelectorAll('main h2[id]')].map(h => [h.id, h.textContent.trim()])")
    assert ["toc-title", toc_title] == headings[0]
    assert ["main-1", "Main"] in headings and ["fn-1-1", "fn 1"] in headings and ["toc-title-1", "toc title"] in headings
    assert ["site-search-q-1", "Site search q"] in headings and ["fnref-1-1", "fnref 1"] in headings and ["main-2", "Main"] in headings

    skip = browser.find_element(By.CSS_SELECTOR, "a.skip-link")
    target = follow(browser, skip)
    assert (target["tag"], target["id"], target["visible"]) == ("MAIN", "main", True)

    browser.get(url + path)
    reference = browser.find_element(By.CSS_SELECTOR, "a[data-footnote-ref]")
    target = follow(browser, reference)
    assert (target["tag"], target["id"], target["footnote"]) == ("LI", "fn-1", True)
    assert target["visible"], "the footnote is in the window"
    back = browser.find_element(By.CSS_SELECTOR, "li#fn-1 a[data-footnote-backref]")
    target = follow(browser, back)
    assert (target["tag"], target["id"], target["visible"]) == ("A", "fnref-1", True)

    for text, expected in [("Main", "main-1"), ("fn 1", "fn-1-1"), ("toc title", "toc-title-1"), ("Site search q", "site-search-q-1"), ("fnref 1", "fnref-1-1")]:
        browser.get(url + path)
        link = browser.find_element(By.XPATH, f"//nav[contains(@class, 'toc')]//a[normalize-space()='{text}']")
        target = follow(browser, link)
        assert (target["tag"], target["id"], target["text"]) == ("H2", expected, text)
        assert target["visible"], f"the table of contents' {text} shows its heading"

    # The search box's label names the box in the header's search form, not the heading (on a phone the box may be
    # folded away, so the label is not clicked).
    browser.get(url + path)
    control = browser.execute_script("""
        const control = document.querySelector("label[for='site-search-q']").control;
        return control && [control.tagName, control.id, !!control.closest('form[role=search]')];
    """)
    assert control == ["INPUT", "site-search-q", True]


def test_every_page_of_the_almelo_site_has_unique_ids(browser, server, built_site):
    pages = html_pages(built_site)
    assert len(pages) > 100
    found = {}
    for page in pages:
        address = "/" + str(page.relative_to(built_site)).removesuffix("index.html")
        browser.get(server + address)
        duplicates = browser.execute_script(DUPLICATE_IDS)
        if duplicates:
            found[address] = duplicates
    assert found == {}
