"""axe-core, the accessibility engine the field uses, over every page of the Almelo site in a real Chromium."""
import importlib.util
import json
import pathlib

import pytest

# WCAG 2.2 A and AA, as axe tags them (2.2 added only AA rules that axe can test).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGES = ["nl", "en", "ar"]
# The Almelo site has more languages than the Markdown fixture site.
SITE_LANGUAGES = ["nl", "en", "ar", "tr", "pl", "uk"]
# Every layout of the theme must be among the pages scanned, in each language that has such a page.
EXPECTED_BODY_CLASSES = {
    "nl": {"kind-home", "kind-section", "type-norm", "type-guide", "type-lesson", "type-audience", "type-page", "type-news"},
    "en": {"kind-home", "kind-section", "type-norm", "type-guide", "type-lesson", "type-audience", "type-page", "type-news"},
    "ar": {"kind-home", "kind-section", "type-norm", "type-guide", "type-audience", "type-page", "type-news"},
    "tr": {"kind-home", "kind-section", "type-norm", "type-guide", "type-audience", "type-page"},
    "pl": {"kind-home", "kind-section", "type-norm", "type-guide", "type-audience", "type-page"},
    "uk": {"kind-home", "kind-section", "type-norm", "type-guide", "type-audience", "type-page"},
}


def axe_source():
    """The axe.min.js that axe-playwright-python ships (only the file is used: Playwright itself is not needed)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        pytest.fail("axe-core is missing: python3 -m pip install --no-deps -r Tests/browser/requirements-nodeps.txt")
    return (pathlib.Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def pages_of(site, language):
    """Addresses of every page the build wrote in a language, redirects for old addresses left out."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        first = relative.split("/")[0]
        in_language = first == language if language != "nl" else first not in SITE_LANGUAGES[1:]
        if not in_language or 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        urls.append("/" + relative.removesuffix("index.html"))
    return urls


def run_axe(browser, source):
    browser.execute_script(source)
    result = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
           .then(r => done(JSON.stringify({violations: r.violations, bodyClass: document.body.className})))
           .catch(e => done(JSON.stringify({error: String(e)})));
        """,
        WCAG_TAGS,
    )
    return json.loads(result)


def describe(url, violation):
    nodes = "\n".join(f"      {' '.join(node['target'])}: {node['html'][:160]}" for node in violation["nodes"][:5])
    return f"  {url}: {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}"


def scan(browser, server, urls, width):
    """axe over each address at one window width: (violations described, body classes seen, first address per body class)."""
    source = axe_source()
    browser.set_script_timeout(120)
    browser.set_window_size(width, 900)
    problems, firsts = [], {}
    try:
        for url in urls:
            browser.get(server + url)
            result = run_axe(browser, source)
            assert "error" not in result, f"{url}: axe failed: {result['error']}"
            firsts.setdefault(result["bodyClass"], url)
            problems += [describe(f"{url} at {width} px", violation) for violation in result["violations"]]
    finally:
        browser.set_window_size(390, 844)
    classes = {name for body in firsts for name in body.split()}
    return problems, classes, sorted(firsts.values())


def not_found(language):
    return ("/" if language == "nl" else f"/{language}/") + "bestaat-niet/"


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_every_page_passes_axe_wcag22_aa(browser, server, built_site, language):
    problems, classes, representatives = scan(browser, server, pages_of(built_site, language) + [not_found(language)], 1280)
    # At phone width, one page of each layout: tables scroll, menus wrap, targets shrink.
    problems += scan(browser, server, representatives, 390)[0]
    assert not problems, f"{len(problems)} axe violations in {language}:\n" + "\n".join(problems)
    missing = EXPECTED_BODY_CLASSES[language] - classes
    assert not missing, f"no page of these layouts was scanned in {language}: {sorted(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_markdown_construct_passes_axe(browser, markdown_server, markdown_site, language):
    urls = pages_of(markdown_site, language)
    assert any("markdown" in url for url in urls)
    problems = scan(browser, markdown_server, urls, 1280)[0] + scan(browser, markdown_server, urls, 390)[0]
    assert not problems, f"{len(problems)} axe violations in {language}:\n" + "\n".join(problems)
