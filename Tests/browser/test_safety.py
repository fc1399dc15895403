"""Safety features in a real browser: quick exit, help-contact cards, the reporting page, and a site
that loads nothing from anyone else.

The quick-exit tests must leave the page without contacting the real neutral site. They use a copy
of the Almelo site whose safety.exitURL points at a stand-in page on a local HTTPS server (the
engine accepts only https:// exit addresses), with Chromium told to accept its self-signed
certificate. No test makes a request to another host.
"""
import functools
import http.server
import json
import pathlib
import re
import shutil
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.request
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, QuietHandler, baken_binary, copy_almelo_sources, requested_urls

EXIT_PATH = "/neutral/"


def words(language):
    """The theme's words in one language, from its flat i18n file."""
    text = (REPO / "themes" / "baken" / "i18n" / f"{language}.yml").read_text(encoding="utf-8")
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(r'^([a-z0-9_]+): (".*")$', text, re.M)}


def site_setting(name):
    match = re.search(rf"^\s+{name}: (\S+)$", (REPO / "site.yml").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


# ---------------------------------------------------------------- fixtures


class StandIn(http.server.BaseHTTPRequestHandler):
    """The neutral site, played by a local page. `mode` "no-content" answers 204, which cancels the navigation."""
    mode = "page"
    paths = []

    def do_GET(self):
        StandIn.paths.append(self.path)
        if self.path.startswith("/csp-probe"):
            body = b"<!doctype html><meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\"><title>probe</title><script>1</script>"
        elif StandIn.mode == "no-content":
            self.send_response(204)
            self.end_headers()
            return
        else:
            body = b"<!doctype html><title>Neutral</title><h1>Neutral</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(httpd):
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def exit_target(browser):
    """https://127.0.0.1:PORT/neutral/ with a throwaway self-signed certificate."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="baken-exit-"))
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    serve(httpd)
    browser.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": True})
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    browser.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": False})
    httpd.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def exit_site(exit_target):
    """A copy of the Almelo site that leaves to the stand-in, has no report form, and has a page with a video."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="baken-safety-"))
    site = folder / "site"
    copy_almelo_sources(site)
    config = (site / "site.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(\s+exitURL:).*$", rf"\1 {exit_target}{EXIT_PATH}", config, flags=re.M)
    config = re.sub(r"^\s+reportForm:.*\n", "", config, flags=re.M)
    (site / "site.yml").write_text(config, encoding="utf-8")
    (site / "static" / "video").mkdir(parents=True, exist_ok=True)
    (site / "static" / "video" / "clip.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n", encoding="utf-8")
    (site / "content" / "nl" / "video-test.md").write_text(
        "---\ntitle: Video\n---\n\n{{< video src=\"video/clip.mp4\" captions=\"video/clip.vtt\" title=\"Een film\" >}}\n",
        encoding="utf-8")
    output = folder / "public"
    subprocess.run([str(baken_binary()), "build", "--site", str(site), "--output", str(output)], check=True, capture_output=True)
    httpd = serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output))))
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def page(browser):
    """Leaves the shared browser as the other tests expect it."""
    StandIn.mode = "page"
    yield browser
    StandIn.mode = "page"
    browser.set_window_size(390, 844)


def wait_for(driver, condition, seconds=5):
    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))


def press_shift(driver, times=1):
    for _ in range(times):
        ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()


def status_text(driver):
    return driver.execute_script("return document.querySelector('[data-quick-exit-status]').textContent")


SETTLE = """
    const done = arguments[arguments.length - 1];
    let last = null, same = 0;
    (function check() {
      const y = scrollY;
      same = y === last ? same + 1 : 0;
      last = y;
      if (same >= 3) done(); else requestAnimationFrame(check);
    })();"""


def tab(driver, backwards=False):
    """Presses Tab, then waits until smooth scrolling has stopped."""
    if backwards:
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    else:
        ActionChains(driver).send_keys(Keys.TAB).perform()
    driver.execute_async_script(SETTLE)


def visit_via_link(driver, base, start, target):
    """Opens `start`, then follows a link to `target`, as a reader would."""
    driver.get(base + start)
    driver.execute_script("location.href = arguments[0]", base + target)
    wait_for(driver, lambda d: urlparse(d.current_url).path == target and d.execute_script("return document.readyState") == "complete")


# ------------------------------------------------------------- quick exit


def test_tab_order_starts_with_the_skip_links_then_the_exit_button(page, server):
    page.get(server + "/hulp/")
    order = []
    for _ in range(4):
        ActionChains(page).send_keys(Keys.TAB).perform()
        order.append(page.execute_script(
            "const a = document.activeElement; return [a.className, a.getAttribute('href')]"))
    exit_url = site_setting("exitURL")
    assert order[0] == ["skip-link", "#main"]
    assert order[1] == ["skip-link skip-link--exit", exit_url]
    assert order[2] == ["quick-exit__button", exit_url]
    assert order[3][0] == "quick-exit__about"
    assert urlparse(order[3][1]).path == "/snel-weg/"


def test_exit_links_are_plain_links_that_work_without_javascript(page, server):
    page.get(server + "/hulp/")
    for link in page.find_elements(By.CSS_SELECTOR, "[data-quick-exit-link]"):
        assert link.tag_name == "a"
        assert link.get_attribute("href") == site_setting("exitURL")
        assert set(link.get_attribute("rel").split()) >= {"nofollow", "noreferrer"}
        assert link.get_attribute("onclick") is None


def test_only_sensitive_pages_have_the_button(page, server):
    for path, sensitive in (("/hulp/", True), ("/melden/", True), ("/voor-wie/lhbtiq/", True), ("/ar/help/", True),
                            ("/en/for-whom/", True),
                            ("/normen/", False), ("/", False), ("/scholen/grenzen-op-straat/", False)):
        page.get(server + path)
        assert bool(page.find_elements(By.CSS_SELECTOR, ".quick-exit__button")) == sensitive, path
        assert bool(page.find_elements(By.CSS_SELECTOR, "script[src*='/js/quick-exit.']")) == sensitive, path


def test_the_button_blanks_the_page_first_then_leaves_and_back_skips_the_page(page, exit_site, exit_target):
    visit_via_link(page, exit_site, "/normen/", "/hulp/")
    state = page.execute_script("""
        document.querySelector('.quick-exit__button').click();
        const overlay = document.querySelector('.quick-exit-overlay');
        const box = overlay && overlay.getBoundingClientRect();
        return {
          path: location.pathname,
          blank: document.documentElement.classList.contains('quick-exit-active'),
          main: getComputedStyle(document.querySelector('main')).display,
          header: getComputedStyle(document.querySelector('.site-header')).display,
          covers: !!box && box.width >= innerWidth && box.height >= innerHeight,
          background: overlay && getComputedStyle(overlay).backgroundColor,
          role: overlay && overlay.getAttribute('role'),
        };""")
    # Blanked in the same task as the click, before the browser has left the page.
    assert state["path"] == "/hulp/"
    assert state["blank"] and state["covers"]
    assert state["main"] == "none" and state["header"] == "none"
    assert state["background"] == "rgb(255, 255, 255)"
    assert state["role"] == "alert"
    wait_for(page, lambda d: d.current_url == exit_target + EXIT_PATH)
    page.back()
    wait_for(page, lambda d: urlparse(d.current_url).path == "/normen/")


def test_with_the_service_worker_back_after_the_exit_skips_the_page(page, exit_site, exit_target):
    # The worker keeps help pages for use without a connection; it must not bring the page back after an exit.
    page.get(exit_site + "/")
    assert page.execute_async_script("""
        const done = arguments[0];
        navigator.serviceWorker.ready.then(async () => {
          if (!navigator.serviceWorker.controller) {
            await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, {once: true}));
          }
          done((await caches.keys()).length);
        }).catch(() => done(0));""") > 0
    page.get(exit_site + "/normen/")
    before = page.find_element(By.TAG_NAME, "h1").text
    visit_via_link(page, exit_site, "/normen/", "/hulp/")
    assert page.execute_script("return !!navigator.serviceWorker.controller")
    assert page.find_element(By.TAG_NAME, "h1").text != before
    page.execute_script("document.querySelector('.quick-exit__button').click()")
    wait_for(page, lambda d: d.current_url == exit_target + EXIT_PATH)
    page.back()
    wait_for(page, lambda d: urlparse(d.current_url).path == "/normen/" and d.execute_script("return document.readyState") == "complete")
    assert page.find_element(By.TAG_NAME, "h1").text == before


def test_the_second_skip_link_leaves_by_keyboard(page, exit_site, exit_target):
    visit_via_link(page, exit_site, "/normen/", "/melden/")
    ActionChains(page).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    assert "skip-link--exit" in page.execute_script("return document.activeElement.className")
    ActionChains(page).send_keys(Keys.ENTER).perform()
    wait_for(page, lambda d: d.current_url == exit_target + EXIT_PATH)
    page.back()
    wait_for(page, lambda d: urlparse(d.current_url).path == "/normen/")


def test_shift_three_times_leaves_and_each_press_is_announced(page, exit_site, exit_target):
    nl = words("nl")
    visit_via_link(page, exit_site, "/normen/", "/voor-wie/lhbtiq/")
    press_shift(page)
    assert status_text(page) == nl["quick_exit_press_two"]
    press_shift(page)
    assert status_text(page) == nl["quick_exit_press_one"]
    assert page.execute_script("return document.querySelector('[data-quick-exit-status]').getAttribute('role')") == "status"
    press_shift(page)
    wait_for(page, lambda d: d.current_url == exit_target + EXIT_PATH)
    page.back()
    wait_for(page, lambda d: urlparse(d.current_url).path == "/normen/")


def test_shift_counts_only_on_its_own_and_expires(page, exit_site):
    nl = words("nl")
    page.get(exit_site + "/hulp/")
    page.execute_script("document.querySelector('[data-quick-exit]').setAttribute('data-timeout', '400')")
    # Any other key starts over.
    press_shift(page, 2)
    ActionChains(page).send_keys("a").perform()
    assert status_text(page) == ""
    press_shift(page)
    assert status_text(page) == nl["quick_exit_press_two"]
    # The timer runs out.
    time.sleep(0.7)
    assert status_text(page) == nl["quick_exit_expired"]
    # Shift used to type a capital does not count.
    for _ in range(3):
        ActionChains(page).key_down(Keys.SHIFT).send_keys("a").key_up(Keys.SHIFT).perform()
    time.sleep(0.2)
    assert urlparse(page.current_url).path == "/hulp/"
    assert status_text(page) in ("", nl["quick_exit_expired"])


def test_shift_messages_are_translated(page, exit_site):
    ar = words("ar")
    page.get(exit_site + "/ar/help/")
    press_shift(page)
    assert status_text(page) == ar["quick_exit_press_two"]
    ActionChains(page).send_keys(Keys.ESCAPE).perform()
    assert status_text(page) == ""


def test_coming_back_to_a_blanked_page_shows_it_again(page, exit_site):
    # The stand-in answers 204 No Content: the browser stays on the blanked page, as it would
    # if the neutral site did not load. pageshow (as on a back/forward-cache restore) must undo the blank.
    StandIn.mode = "no-content"
    page.get(exit_site + "/hulp/")
    title = page.title
    page.execute_script("document.querySelector('.quick-exit__button').click()")
    time.sleep(0.5)
    assert urlparse(page.current_url).path == "/hulp/"
    assert page.execute_script("return document.documentElement.classList.contains('quick-exit-active')")
    page.execute_script("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert not page.execute_script("return document.documentElement.classList.contains('quick-exit-active')")
    assert not page.find_elements(By.CSS_SELECTOR, ".quick-exit-overlay")
    assert page.find_element(By.TAG_NAME, "main").is_displayed()
    assert page.title == title


def test_the_button_never_covers_the_focused_element(page, server):
    for path in ("/hulp/", "/ar/report/"):
        page.set_window_size(390, 700)
        page.get(server + path)
        checked = 0
        for step in range(90):
            tab(page)
            found = page.execute_script("""
                const a = document.activeElement, bar = document.querySelector('.quick-exit');
                if (!a || a === document.body) return null;
                if (bar.contains(a) || a.classList.contains('skip-link')) return 'bar';
                const r = a.getBoundingClientRect(), b = bar.getBoundingClientRect();
                return [r.top, r.bottom, b.bottom, a.outerHTML.slice(0, 80)];""")
            if found is None:
                break
            if found == "bar":
                continue
            top, bottom, bar_bottom, html = found
            assert top >= bar_bottom - 1, f"{path}: the bar covers {html} (top {top}, bar ends at {bar_bottom})"
            checked += 1
        # Back up again: the page scrolls up under the bar.
        for step in range(15):
            tab(page, backwards=True)
            found = page.execute_script("""
                const a = document.activeElement, bar = document.querySelector('.quick-exit');
                if (!a || a === document.body || bar.contains(a) || a.classList.contains('skip-link')) return null;
                return [a.getBoundingClientRect().top, bar.getBoundingClientRect().bottom, a.outerHTML.slice(0, 80)];""")
            if found:
                assert found[0] >= found[1] - 1, f"{path}: the bar covers {found[2]} going back"
        assert checked > 20


def test_the_button_sits_at_the_inline_end(page, server):
    page.set_window_size(1280, 900)
    for path, side in (("/hulp/", "right"), ("/ar/help/", "left")):
        page.get(server + path)
        box = page.execute_script("const r = document.querySelector('.quick-exit__button').getBoundingClientRect(); return [r.left, r.right]")
        width = page.execute_script("return document.documentElement.clientWidth")
        if side == "right":
            assert box[0] > width / 2 and width - box[1] < 80
        else:
            assert box[1] < width / 2 and box[0] < 80


def test_the_button_stays_on_screen_and_is_hidden_in_print(page, server):
    page.get(server + "/hulp/")
    page.execute_script("window.scrollTo({top: 2500, behavior: 'instant'})")
    assert page.execute_script("return document.querySelector('.quick-exit').getBoundingClientRect().top") == 0
    assert page.find_element(By.CSS_SELECTOR, ".quick-exit__button").is_displayed()
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in (".quick-exit", ".skip-link--exit"):
            assert page.execute_script(f"return getComputedStyle(document.querySelector('{selector}')).display") == "none"
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_explanation_and_safety_pages_exist_in_every_language_and_are_linked(page, server):
    for path, explain, safely in (("/normen/", "/snel-weg/", "/veilig-browsen/"),
                                  ("/en/", "/en/quick-exit/", "/en/browse-safely/"),
                                  ("/ar/", "/ar/quick-exit/", "/ar/browse-safely/")):
        page.get(server + path)
        footer = [urlparse(a.get_attribute("href")).path for a in page.find_elements(By.CSS_SELECTOR, ".site-footer a")]
        assert explain in footer and safely in footer, path
        page.get(server + explain)
        assert page.find_element(By.TAG_NAME, "h1").text
        # The page that explains the button shows the button, but no link to itself.
        assert page.find_elements(By.CSS_SELECTOR, ".quick-exit__button")
        assert not page.find_elements(By.CSS_SELECTOR, ".quick-exit__about")
        assert [a for a in page.find_elements(By.CSS_SELECTOR, "main a") if urlparse(a.get_attribute("href")).path == safely]


# ------------------------------------------------------------ help contacts


def test_help_page_shows_112_first_then_the_cards(page, server):
    page.get(server + "/hulp/")
    first = page.find_element(By.CSS_SELECTOR, ".contacts > *")
    assert "contact-emergency" in first.get_attribute("class")
    assert first.find_element(By.CSS_SELECTOR, "a[href='tel:112']").is_displayed()
    names = [h.text for h in page.find_elements(By.CSS_SELECTOR, ".contact__name")]
    assert names[:2] == ["Centrum Seksueel Geweld", "Veilig Thuis"]
    assert "Roze in Blauw" in names
    calls = {" ".join(a.text.split()) for a in page.find_elements(By.CSS_SELECTOR, ".contact__call")}
    assert {"Bel 0800-0188", "Bel 0800-2000", "Bel 0900-8844", "Bel 0800-7000"} <= calls
    for link in page.find_elements(By.CSS_SELECTOR, ".contact__call"):
        assert link.get_attribute("href").startswith("tel:")
    csg = " ".join(page.find_element(By.ID, "contact-csg").text.split())
    assert "Gratis" in csg and "Gecontroleerd op 29 november 2026" in csg
    vt = " ".join(page.find_element(By.ID, "contact-veilig-thuis").text.split())
    assert "Anoniem kan" in vt and "Niet op je telefoonrekening" in vt


def test_open_now_badges_show_with_javascript_only(page, server, built_site):
    assert re.search(r'<span class="contact__status" data-hours="always" hidden>', (built_site / "hulp" / "index.html").read_text())
    page.get(server + "/hulp/")
    badge = page.find_element(By.CSS_SELECTOR, "#contact-csg .contact__status")
    assert badge.is_displayed() and badge.text == words("nl")["contact_open_now"]
    # Politie has no hours in the data: no badge.
    assert not page.find_elements(By.CSS_SELECTOR, "#contact-politie .contact__status")


def test_open_now_uses_amsterdam_time(page, server):
    page.get(server + "/hulp/")
    result = page.execute_script("""
        const o = window.bakenOpenNow;
        return {
          summer: o.amsterdam(new Date(Date.UTC(2026, 6, 1, 10, 0))),
          winter: o.amsterdam(new Date(Date.UTC(2026, 0, 5, 8, 30))),
          sundayNight: o.amsterdam(new Date(Date.UTC(2026, 10, 29, 23, 30))),
          weekdayMorning: o.isOpen('1-5 540-1020', {day: 1, minutes: 570}),
          saturday: o.isOpen('1-5 540-1020', {day: 6, minutes: 570}),
          evening: o.isOpen('1-5 540-1020', {day: 3, minutes: 1020}),
          oneDay: o.isOpen('1-5 540-1020;6-6 600-720', {day: 6, minutes: 660}),
          always: o.isOpen('always', {day: 7, minutes: 0}),
        };""")
    assert result["summer"] == {"day": 3, "minutes": 720}        # 10:00 UTC is 12:00 in summer
    assert result["winter"] == {"day": 1, "minutes": 570}        # 08:30 UTC is 09:30 in winter
    assert result["sundayNight"] == {"day": 1, "minutes": 30}    # Sunday 23:30 UTC is Monday 00:30
    assert result["weekdayMorning"] and result["oneDay"] and result["always"]
    assert not result["saturday"] and not result["evening"]


def test_contact_points_and_vcards(page, server):
    page.get(server + "/hulp/")
    data = json.loads(page.find_element(By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent"))
    points = data["contactPoint"]
    assert all(p["@type"] == "ContactPoint" for p in points)
    assert len(points) == 5
    links = [a.get_attribute("href") for a in page.find_elements(By.CSS_SELECTOR, ".contacts-save__link")]
    assert [urlparse(l).path for l in links] == ["/contacts.vcf", "/contacts-discreet.vcf"]
    full = urllib.request.urlopen(links[0]).read().decode()
    discreet = urllib.request.urlopen(links[1]).read().decode()
    assert full.count("BEGIN:VCARD") == discreet.count("BEGIN:VCARD") == 5
    assert "FN:Veilig Thuis" in full
    assert "Veilig Thuis" not in discreet and "Seksueel" not in discreet


def test_filtered_contacts_keep_112_for_an_audience(page, server):
    page.get(server + "/en/help/")
    assert page.find_element(By.CSS_SELECTOR, ".contact-emergency a").get_attribute("href") == "tel:112"
    assert page.find_element(By.CSS_SELECTOR, "#contact-csg .contact__about").text.startswith("The Sexual Assault Centre")


# ---------------------------------------------------------------- reporting


def test_report_page_order(page, server):
    page.get(server + "/melden/")
    order = page.execute_script("""
        const top = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().top + scrollY : null; };
        return [top('.report-danger'), top('.article__body'), top('.report-form'), top('.report-lhbtiq')];""")
    assert None not in order and order == sorted(order)
    danger = page.find_element(By.CSS_SELECTOR, ".report-danger")
    assert danger.find_element(By.CSS_SELECTOR, "a[href='tel:112']").is_displayed()
    form = page.find_element(By.CSS_SELECTOR, ".report-form__link")
    assert form.get_attribute("href") == site_setting("reportForm")
    assert "noreferrer" in form.get_attribute("rel")
    assert "Roze in Blauw" in page.find_element(By.CSS_SELECTOR, ".report-lhbtiq").text
    rib = page.find_element(By.CSS_SELECTOR, ".report-lhbtiq__link")
    assert urlparse(rib.get_attribute("href")).path == "/hulp/" and rib.get_attribute("href").endswith("#contact-roze-in-blauw")


def test_report_form_block_is_left_out_without_a_form(page, exit_site):
    page.get(exit_site + "/melden/")
    assert not page.find_elements(By.CSS_SELECTOR, ".report-form")
    assert page.find_elements(By.CSS_SELECTOR, ".report-lhbtiq")


# -------------------------------------------------------------------- video


def test_video_loads_nothing_until_played_and_has_captions(page, exit_site):
    requested_urls(page)
    page.get(exit_site + "/video-test/")
    video = page.find_element(By.CSS_SELECTOR, "figure.video video")
    assert video.get_attribute("preload") == "none" and video.get_attribute("controls") is not None
    track = video.find_element(By.CSS_SELECTOR, "track")
    assert track.get_attribute("kind") == "captions" and urlparse(track.get_attribute("src")).path == "/video/clip.vtt"
    assert not [u for u in requested_urls(page) if u.endswith(".mp4")]


# ------------------------------------------------- nothing leaves the site


def test_the_console_check_sees_csp_violations(page, exit_target):
    page.get_log("browser")
    page.get(exit_target + "/csp-probe")
    assert any("Content Security Policy" in entry["message"] for entry in page.get_log("browser"))


def all_pages(built_site):
    for file in sorted(built_site.rglob("*.html")):
        path = "/" + file.relative_to(built_site).as_posix()
        yield path[: -len("index.html")] if path.endswith("/index.html") else path


def test_no_page_breaks_the_csp_or_asks_another_host(page, server, built_site):
    host = urlparse(server).netloc
    problems = []
    pages = list(all_pages(built_site))
    assert len(pages) > 100
    for path in pages:
        page.get_log("browser")
        requested_urls(page)
        page.get(server + path)
        for entry in page.get_log("browser"):
            if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]:
                problems.append(f"{path}: {entry['message']}")
        for url in requested_urls(page):
            parsed = urlparse(url)
            if parsed.scheme not in ("data", "about", "blob") and parsed.netloc != host:
                problems.append(f"{path} asked {url}")
    assert not problems, "\n".join(problems)
