"""A site whose editors typed markup into every field: it must build, stay text, and run no script in Chromium."""
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, baken_binary, nginx_main_config, nginx_serving
from test_served import fetch

# Ends a <title>, a <script> and an attribute; starts a script, an image with a handler and a Mustache tag.
PAYLOAD = """</title></script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'"{{site.title}}{{{page.content}}}&amp;"""


# A link, image or form address that would run code or load a page made of the address itself.
UNSAFE_URL = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data:text)""", re.IGNORECASE)


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def q(text):
    """A YAML scalar for any text: JSON strings are YAML too."""
    return json.dumps(text, ensure_ascii=False)


SITE_YML = f"""title: {q("Site " + PAYLOAD)}
baseURL: https://example.nl/
theme: baken
languages:
  - code: nl
    name: {q("Nederlands " + PAYLOAD)}
  - code: en
    name: English
audiences:
  - id: omstanders
    name: {{nl: {q("Omstanders " + PAYLOAD)}, en: Bystanders}}
menus:
  main:
    - page: norm
    - page: gids
"""

PAGES = {
    "content/nl/_index.md": f"---\ntitle: {q('Home ' + PAYLOAD)}\ndescription: {q(PAYLOAD)}\ntranslationKey: home\n---\nWelkom {PAYLOAD}\n",
    "content/en/_index.md": "---\ntitle: Home\ntranslationKey: home\n---\nWelcome.\n",
    "content/nl/norm.md": f"""---
title: {q('Norm ' + PAYLOAD)}
description: {q(PAYLOAD)}
type: norm
norm: {q(PAYLOAD)}
audiences: [omstanders]
tags: [{q(PAYLOAD)}]
law:
  title: {q(PAYLOAD)}
  url: https://example.nl/wet?a=1&b="2"
---
Tekst.
""",
    "content/nl/gids.md": f"""---
title: {q('Gids ' + PAYLOAD)}
type: guide
safety: {q(PAYLOAD)}
options:
  - action: direct
    title: {q(PAYLOAD)}
    text: {q(PAYLOAD)}
    say: [{q(PAYLOAD)}]
scenarios:
  - setting: street
    title: {q(PAYLOAD)}
    text: {q(PAYLOAD)}
    contact: {q(PAYLOAD)}
aftercare: {q(PAYLOAD)}
aliases: [{q('/oud;{"x"}$host/')}]
---
## {PAYLOAD}

## Tweede

## Derde
""",
    "content/nl/les/index.md": f"""---
title: {q('Les ' + PAYLOAD)}
type: lesson
level: mbo
age: {q(PAYLOAD)}
duration: 50
last_checked: 2026-01-01
edition: {q(PAYLOAD)}
goals: [{q(PAYLOAD)}]
materials: [{q(PAYLOAD)}]
steps:
  - title: {q(PAYLOAD)}
    minutes: 10
    text: {q(PAYLOAD)}
safeguarding:
  contact: {q(PAYLOAD)}
  after_disclosure: {q(PAYLOAD)}
parent_summary: {q(PAYLOAD)}
---
Les.
""",
    "content/nl/links.md": f"""---
title: Links
description: {q(PAYLOAD)}
---
[script](javascript:window.__pwned=3) [SCRIPT](JavaScript:window.__pwned=4) [entity](java&#x73;cript:window.__pwned=5)
[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD02PC9zY3JpcHQ+) [vb](vbscript:msgbox)
![image](javascript:window.__pwned=7) <javascript:window.__pwned=8>

<script>window.__pwned=9</script>

<a href="javascript:window.__pwned=10">raw</a>

{{{{< contacts >}}}}
""",
    # The payload's <img src=x> in a page's text is raw HTML, which keeps an image with its address and drops its
    # handler: the address leads to these files, so the image is a harmless picture.
    "content/nl/x": "x",
    "content/nl/les/x": "x",
    "data/contacts.yml": f"""- id: hostile
  organisation: {q(PAYLOAD)}
  about: {{nl: {q(PAYLOAD)}}}
  phone: 0800-0188
  website: https://example.nl/?q="x"&y=<z>
  hours: 24/7
  urgency: emergency
  last_verified: 2099-01-01
""",
    "layouts/shortcodes/contacts.mustache": """<ul class="contacts">{{#contacts}}<li data-name="{{organisation}}"><a href="{{website}}">{{organisation}}</a> {{about}}</li>{{/contacts}}</ul>
<script type="application/ld+json">{{{contactsJSONLD}}}</script>
""",
}


@pytest.fixture(scope="module")
def hostile_site():
    root = pathlib.Path(tempfile.mkdtemp(prefix="baken-hostile-"))
    shutil.copytree(REPO / "themes", root / "themes")
    (root / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for path, text in PAGES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    build = subprocess.run([str(baken_binary()), "build", "--site", str(root)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    yield root / "public"
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    with nginx_serving(hostile_site) as url:
        yield url


def test_markup_in_fields_stays_text_in_the_files(hostile_site):
    for path in hostile_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
        assert not UNSAFE_URL.search(html), f"{path}: {UNSAFE_URL.search(html).group(0)}"
        assert html.count("<title>") == 1 and html.count("</title>") == 1, path


def test_unsafe_link_schemes_are_dropped(hostile_site):
    html = (hostile_site / "links" / "index.html").read_text(encoding="utf-8")
    assert '<a href="">script</a>' in html
    assert '<a href="">SCRIPT</a>' in html
    assert '<a href="">entity</a>' in html
    assert '<a href="">data</a>' in html
    assert '<img src="" alt="image"' in html
    # Raw HTML follows Baken's rule: the script goes with its content, the link keeps its text without the address.
    assert "__pwned=9" not in html
    assert "<p><a>raw</a></p>" in html


@pytest.mark.parametrize("path", ["/", "/norm/", "/gids/", "/les/", "/links/", "/404.html"])
def test_hostile_pages_run_no_script_in_chromium(browser, hostile_server, path):
    browser.get_log("browser")
    browser.get(hostile_server + path)
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "img[src='x'], img[onerror], [onerror]")
    assert all(image.get_attribute("onerror") is None for image in browser.find_elements(By.TAG_NAME, "img"))
    # Every inline script is data, and it parses.
    for script in browser.find_elements(By.CSS_SELECTOR, "script:not([src])"):
        assert script.get_attribute("type") == "application/ld+json"
        data = json.loads(script.get_attribute("textContent"))
        assert any(PAYLOAD in text for text in strings_in(data)), "the payload comes back whole from the JSON"
    title = browser.execute_script("return document.title")
    assert "</title>" in title or path == "/404.html"
    if path != "/404.html" and path != "/links/":
        heading = browser.find_element(By.TAG_NAME, "h1").get_attribute("textContent")
        assert PAYLOAD in heading, "the title is shown as the text the editor typed"
    for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert not link.get_attribute("href").lower().startswith(("javascript:", "data:", "vbscript:"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def test_hostile_alias_redirects_and_contact_cards_are_vcards(hostile_server):
    status, headers, _ = fetch(hostile_server, "/oud;%7B%22x%22%7D$host/")
    assert status == 301 and headers["location"] == "/gids/"
    status, headers, body = fetch(hostile_server, "/contacts.vcf")
    assert status == 200
    assert headers["content-type"] == "text/vcard; charset=utf-8"
    assert body.startswith(b"BEGIN:VCARD")


def test_hostile_alias_cannot_add_nginx_directives(hostile_site, tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not pathlib.Path(nginx).exists():
        pytest.fail("nginx is not installed: apt-get install nginx")
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_main_config(hostile_site, tmp_path, 8))
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    snippet = (hostile_site / "nginx.conf").read_text(encoding="utf-8")
    assert 'location = "/oud;{\\"x\\"}$host/" { return 301 "/gids/"; }' in snippet
