"""Every example of the GFM spec built as a page of a Baken site, and compared with cmark-gfm's own rendering.

The spec's text comes from a published package at test time (marko 2.2.4's sdist ships tests/spec/gfm.txt),
cached in .build/gfm-spec/; the repository keeps no copy. Each example either builds, or is rejected with a
file:line message for a reason in REJECTIONS. Each built example equals what the cmark-gfm command line (Debian's
package cmark-gfm) writes with Baken's extensions and options, once the changes in BAKEN_CHANGES are reversed:
those are the changes docs/content.md lists, one line each. A new difference fails the test.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "browser"))
from conftest import baken_binary  # noqa: E402  (the browser tests' way to find or build baken)
CACHE = REPO / ".build" / "gfm-spec"
MARKO = "marko==2.2.4"
SDIST = CACHE / "marko-2.2.4.tar.gz"
SPEC_IN_SDIST = "marko-2.2.4/tests/spec/gfm.txt"

# What Baken's MarkdownDocument asks of cmark-gfm (Sources/BakenMarkdown/MarkdownDocument.swift). Debian's
# cmark-gfm 0.29.0.gfm.6 command line has no --footnotes: footnotes only change how `[^` is read, and no example
# has one (the test checks), so the spec's examples render the same with and without it.
CMARK_GFM = ["cmark-gfm", "--to", "html", "--smart", "--validate-utf8",
             "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "tagfilter"]

# The footnote back link's words in the test site's language (its theme's i18n/nl.yml).
BACK_LABEL = "Terug naar de tekst"

# Baken's documented changes to cmark-gfm's HTML (docs/content.md, "What Baken changes in cmark-gfm's HTML"), in
# its order, each reversed: (its name there, pattern in Baken's HTML, what cmark-gfm writes). A change that cannot
# occur on this site has no pattern, and says why.
BAKEN_CHANGES = [
    ("heading ids", re.compile(r'<h([1-6]) id="[^"]*">\n(.*?)\n?</h\1>', re.S), r"<h\1>\2</h\1>"),
    ('rel="noreferrer"', re.compile(r' rel="noreferrer"'), ""),
    ("task items in a label", re.compile(r'<label class="task"><input type="checkbox" disabled=""( checked="")?> (.*?)</label>', re.S), r'<input type="checkbox"\1 disabled="" /> \2'),
    ("alignment as a class", re.compile(r'<(th|td) class="align-(left|center|right)">'), r'<\1 align="\2">'),
    ("translated footnote back-link", re.compile(re.escape(f'aria-label="{BACK_LABEL}"')), 'aria-label="Back to content"'),
    ("link addresses", None, "a link to a file beside the page is rejected here when the file does not exist, and no example has one that does"),
    ("quotation marks per language", None, "the site is Dutch, whose marks are cmark-gfm's own"),
    ("shortcodes", None, "no example has a paragraph that is only {{< … >}}"),
    ("raw HTML", None, "Baken's own rule, not cmark-gfm's: an example with raw HTML is compared with no omitted-HTML comment "
                       "left; Tests/BakenMarkdownTests/RawHTMLTests.swift checks the rule tag by tag"),
    ("callouts", None, "no example has a quote that starts with [!KIND] or a line of :::"),
]

OMITTED = "<!-- raw HTML omitted -->"

# Why the build may reject an example, each with the message it gives at the example's file:line.
REJECTIONS = {
    "a link to a file that does not exist": re.compile(r"link to '.*' leads nowhere"),
    "an image from another host": re.compile(r"<img src> loads .* from another host"),
}

THEME = {
    "themes/t/layouts/page.mustache": "<!DOCTYPE html>\n<html lang=\"{{lang.code}}\"><head><title>{{page.title}}</title></head>\n"
                                      "<body><!--spec-->{{{page.content}}}<!--/spec--></body></html>\n",
    "themes/t/i18n/nl.yml": f"footnote_back: \"{BACK_LABEL}\"\n",
}

SITE_YML = "title: GFM\nbaseURL: https://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n"

FENCE = "`" * 32 + " example"


def spec_text():
    """gfm.txt from marko's sdist, downloaded once into .build/gfm-spec/."""
    if not SDIST.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", MARKO, "-d", str(CACHE)], check=True)
    with tarfile.open(SDIST) as sdist:
        return sdist.extractfile(SPEC_IN_SDIST).read().decode("utf-8")


def examples(text):
    """(number, Markdown) of every example, numbered from 1 in the order of the spec; → stands for a tab."""
    found, lines, state, markdown = [], text.split("\n"), None, []
    for line in lines:
        if state is None and line.startswith(FENCE):
            state, markdown = "markdown", []
        elif state == "markdown" and line == ".":
            state = "html"
            found.append((len(found) + 1, "\n".join(markdown).replace("→", "\t") + "\n" if markdown else ""))
        elif state == "markdown":
            markdown.append(line)
        elif state == "html" and line == "`" * 32:
            state = None
    return found


def page_file(number):
    return f"content/nl/spec/example-{number:03}.md"


def reverse(html):
    for _, pattern, replacement in BAKEN_CHANGES:
        if pattern:
            html = pattern.sub(replacement, html)
    return html


def cmark_gfm(markdown):
    return subprocess.run(CMARK_GFM, input=markdown.encode(), capture_output=True, check=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def spec_site():
    """Every example as a page; an example the build rejects is taken out and the rest built again."""
    if shutil.which("cmark-gfm") is None:
        pytest.fail("the cmark-gfm command line is not installed: apt-get install cmark-gfm")
    numbered = examples(spec_text())
    root = pathlib.Path(tempfile.mkdtemp(prefix="baken-gfm-spec-"))
    for path, text in THEME.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    (root / "site.yml").write_text(SITE_YML)
    (root / "content/nl").mkdir(parents=True)
    (root / "content/nl/_index.md").write_text("---\ntitle: GFM\n---\n")
    (root / "content/nl/spec").mkdir()
    (root / "content/nl/spec/_index.md").write_text("---\ntitle: Voorbeelden\n---\n")
    for number, markdown in numbered:
        (root / page_file(number)).write_text(f"---\ntitle: Voorbeeld {number}\n---\n{markdown}")
    rejected, unexplained = {}, []
    message = re.compile(r"^content/nl/spec/example-(\d+)\.md:(\d+): (.*)$")
    while True:
        build = subprocess.run([str(baken_binary()), "build", "--site", str(root)], capture_output=True, text=True)
        if build.returncode == 0:
            break
        progress = False
        for line in build.stderr.splitlines() + build.stdout.splitlines():
            # Raw HTML that Baken's rule takes out is a warning, not a reason to reject an example.
            if line.startswith("Build failed") or not line.strip() or ": warning: " in line:
                continue
            found = message.match(line)
            if not found:
                unexplained.append(line)
                continue
            number = int(found.group(1))
            reason = next((name for name, pattern in REJECTIONS.items() if pattern.search(found.group(3))), None)
            if reason is None:
                unexplained.append(line)
            rejected.setdefault(number, []).append((reason, line))
            page = root / page_file(number)
            if page.exists():
                page.unlink()
                progress = True
        if not progress:
            pytest.fail("the build failed for no example:\n" + build.stderr)
    yield numbered, rejected, unexplained, root / "public"
    shutil.rmtree(root, ignore_errors=True)


def test_every_example_builds_or_is_rejected_at_its_line_for_a_listed_reason(spec_site):
    numbered, rejected, unexplained, _ = spec_site
    assert len(numbered) == 672
    assert [number for number, markdown in numbered if "[^" in markdown] == []
    assert unexplained == []
    counts = {}
    for number, reasons in rejected.items():
        for reason, _ in reasons:
            counts[reason] = counts.get(reason, 0) + 1
    print(f"\n{len(numbered)} examples: {len(numbered) - len(rejected)} built, {len(rejected)} rejected ({counts}): {sorted(rejected)}")
    assert set(counts) <= set(REJECTIONS)
    # Example 528: the links inside the image's description are alt text; only the image itself leads nowhere.
    assert [line.split(": ", 1)[1].split(" leads")[0] for _, line in rejected[528]] == ["link to 'uri3'"]


def test_every_built_example_is_cmark_gfms_html_once_bakens_changes_are_reversed(spec_site):
    numbered, rejected, _, public = spec_site
    differences, compared, raw_html, changed = [], 0, 0, {name: 0 for name, _, _ in BAKEN_CHANGES}
    for number, markdown in numbered:
        if number in rejected:
            continue
        page = (public / "spec" / f"example-{number:03}" / "index.html").read_text()
        html = page.split("<!--spec-->", 1)[1].rsplit("<!--/spec-->", 1)[0]
        for name, pattern, _ in BAKEN_CHANGES:
            if pattern and pattern.search(html):
                changed[name] += 1
        expected = cmark_gfm(markdown)
        if OMITTED in expected:
            raw_html += 1
            if OMITTED in html:
                differences.append(f"example {number}: raw HTML left as cmark-gfm's comment:\n{html!r}")
            continue
        compared += 1
        if reverse(html) != expected:
            differences.append(f"example {number}:\n{markdown!r}\nBaken, its changes reversed:\n{reverse(html)!r}\ncmark-gfm:\n{expected!r}")
    print(f"\n{compared} built examples compared, {raw_html} with raw HTML cleaned by Baken's rule; Baken's changes seen in {changed}")
    assert raw_html > 0
    assert differences == [], f"{len(differences)} examples differ:\n\n" + "\n\n".join(differences[:20])
    # The spec has no footnotes (Tests/BakenMarkdownTests covers the back link's words); every other change shows.
    assert [name for name, pattern, _ in BAKEN_CHANGES if pattern and not changed[name]] == ["translated footnote back-link"], changed


def test_the_documented_changes_are_those_of_docs_content_md():
    docs = (REPO / "docs" / "content.md").read_text()
    section = docs.split("### What Baken changes in cmark-gfm's HTML", 1)[1].split("\n#", 1)[0]
    listed = [line[2:].split(":", 1)[0] for line in section.splitlines() if line.startswith("- ")]
    assert listed == [name for name, _, _ in BAKEN_CHANGES]
