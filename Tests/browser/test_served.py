"""The built site behind a real nginx, configured only by the nginx.conf snippet Baken writes."""
import http.client
from urllib.parse import urlparse

import pytest


def fetch(server, path, method="GET"):
    """One request with no redirect followed: (status, headers with lower-case names, body)."""
    address = urlparse(server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request(method, path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def stylesheet(built_site):
    """The theme's stylesheet under its content-hashed name, such as /css/baken.1a2b3c4d.css."""
    return "/" + str(next(built_site.glob("css/baken.*.css")).relative_to(built_site))


@pytest.mark.parametrize("path,content_type", [
    ("/", "text/html; charset=utf-8"),
    ("/normen/nafluiten/", "text/html; charset=utf-8"),
    ("/en/norms/catcalling/", "text/html; charset=utf-8"),
    ("/ar/", "text/html; charset=utf-8"),
    ("STYLESHEET", "text/css; charset=utf-8"),
    ("/favicon.svg", "image/svg+xml; charset=utf-8"),
    ("/index.xml", "application/atom+xml; charset=utf-8"),
    ("/en/index.xml", "application/atom+xml; charset=utf-8"),
    ("/sitemap.xml", "text/xml; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
])
def test_status_and_content_type(server, built_site, path, content_type):
    path = stylesheet(built_site) if path == "STYLESHEET" else path
    status, headers, body = fetch(server, path)
    assert status == 200, path
    assert headers["content-type"] == content_type
    assert body


def test_contact_cards_are_served_as_vcard(server, built_site):
    if not (built_site / "contacts.vcf").exists():
        pytest.skip("the site has no help contacts with a phone number")
    status, headers, body = fetch(server, "/contacts.vcf")
    assert status == 200
    assert headers["content-type"] == "text/vcard; charset=utf-8"
    assert body.startswith(b"BEGIN:VCARD")


def test_security_headers_match_the_policy_baken_wrote(server, built_site):
    policy = next(line.split(":", 1)[1].strip() for line in (built_site / "_headers").read_text().splitlines()
                  if line.strip().startswith("Content-Security-Policy:"))
    for path in ("/", "/hulp/", stylesheet(built_site), "/bestaat-niet/", "/meldpunt/"):
        _, headers, _ = fetch(server, path)
        assert headers["content-security-policy"] == policy, path
        assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "nginx/" not in headers.get("server", ""), "the server's version is hidden"
    _, headers, _ = fetch(server, stylesheet(built_site))
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("path,lang,title", [
    ("/bestaat-niet/", "nl", "Deze pagina bestaat niet"),
    ("/normen/bestaat-niet", "nl", "Deze pagina bestaat niet"),
    ("/en/does-not-exist/", "en", "This page does not exist"),
    ("/ar/does-not-exist/", "ar", "هذه الصفحة غير موجودة"),
])
def test_missing_pages_answer_404_in_their_language(server, path, lang, title):
    status, headers, body = fetch(server, path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    assert f'<html lang="{lang}"' in html
    assert title in html


@pytest.mark.parametrize("path", ["/nginx.conf", "/_headers", "/.baken-cache/x", "/normen/.hidden"])
def test_host_files_and_hidden_files_are_not_served(server, path):
    status, _, _ = fetch(server, path)
    assert status == 404


@pytest.mark.parametrize("path", ["/meldpunt/", "/meldpunt"])
def test_alias_redirects_to_the_page(server, path):
    status, headers, _ = fetch(server, path)
    assert status == 301
    assert headers["location"] == "/melden/"
    status, _, body = fetch(server, headers["location"])
    assert status == 200 and b"<h1" in body


def test_folder_without_slash_redirects_on_the_same_host(server):
    status, headers, _ = fetch(server, "/normen")
    assert status == 301
    assert headers["location"] == "/normen/"


def test_alias_is_followed_in_the_browser(browser, server):
    browser.get(server + "/meldpunt/")
    assert urlparse(browser.current_url).path == "/melden/"
