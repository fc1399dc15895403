"""Campaign materials of the Almelo site, built with --pdf: every poster PDF has its format's page size and one page,
its QR code scans to an address the build answers, and the same sources print to the same bytes."""
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest

from conftest import REPO, baken_binary

# Format → page size in points (1 mm = 72 / 25.4 pt).
SIZES = {"a4": (210, 297), "a3": (297, 420), "a5-card": (148, 210), "sticker-100": (100, 100)}
ORIGIN = "https://veilig.almelo.nl"


@pytest.fixture(scope="module")
def pdf_site():
    output = pathlib.Path(tempfile.mkdtemp(prefix="baken-materials-")) / "public"
    subprocess.run([str(baken_binary()), "build", "--site", str(REPO), "--output", str(output), "--strict", "--pdf", "--quiet"], check=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


def posters(site):
    return sorted(site.rglob("poster-*.pdf"))


def page_for(site, address):
    """The file the build wrote for an address on the site, following a redirect page once."""
    assert address.startswith(ORIGIN + "/"), address
    path = site / address[len(ORIGIN) + 1:] / "index.html"
    assert path.exists(), f"{address} leads to no page of the build"
    text = path.read_text(encoding="utf-8")
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text)
    return page_for(site, refresh.group(1)) if refresh else path


def test_every_poster_pdf_has_its_page_size_and_one_page(pdf_site):
    found = posters(pdf_site)
    # Dutch and English: nightlife (3 formats), sport, street, school (2 each), the sticker; Arabic: nightlife and sticker.
    assert len(found) == 2 * (3 + 2 + 2 + 2 + 1) + (3 + 1)
    for pdf in found:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), f"{pdf}: {info}"
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        expected = SIZES[pdf.stem.removeprefix("poster-")]
        assert abs(width - expected[0] * 72 / 25.4) <= 1 and abs(height - expected[1] * 72 / 25.4) <= 1, f"{pdf}: {width} x {height} pt"


def test_every_qr_code_scans_to_a_page_of_the_build(pdf_site, tmp_path):
    for pdf in posters(pdf_site):
        image = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(image)], check=True)
        scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(image) + ".png"], capture_output=True, text=True)
        assert scanned.returncode == 0, f"{pdf}: no QR code found"
        address = scanned.stdout.strip()
        record = (pdf_site / "qr-codes.json").read_text(encoding="utf-8")
        assert f'"{address}"' in record, f"{pdf}: {address} is not in qr-codes.json"
        assert page_for(pdf_site, address).exists()


def test_the_materials_page_offers_each_format_with_its_size(pdf_site):
    page = (pdf_site / "materialen" / "index.html").read_text(encoding="utf-8")
    for setting in ("Uitgaan", "Sport", "Op straat", "School"):
        assert f">{setting}</h2>" in page
    assert re.search(r'<a href="/materialen/ben-je-oke-uitgaan/poster-a4.pdf" download>Poster A4: PDF, \d+ KB</a> <span class="material__size">210 × 297 mm</span>', page)
    assert '<img src="/materialen/sticker-hulp/poster-sticker-100.png" width="600" alt="">' in page


def test_pages_get_a_picture_for_sharing_except_those_with_the_quick_exit(pdf_site, built_site):
    home = (pdf_site / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<meta property="og:image" content="https://veilig.almelo.nl/(og/[0-9a-f]{16}\.png)">', home)
    assert image, "the home page has no og:image"
    info = subprocess.run(["file", str(pdf_site / image.group(1))], capture_output=True, text=True, check=True).stdout
    assert "PNG image data, 1200 x 630" in info
    assert "og:image" not in (pdf_site / "hulp" / "index.html").read_text(encoding="utf-8")
    assert "og:image" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_the_same_posters_print_to_the_same_bytes(tmp_path):
    site = tmp_path / "site"
    (site / "content" / "nl" / "materialen").mkdir(parents=True)
    shutil.copytree(REPO / "themes", site / "themes")
    (site / "site.yml").write_text("title: Test\nbaseURL: https://example.nl/\ntheme: baken\nlanguages:\n  - code: nl\n    name: Nederlands\n")
    (site / "content" / "nl" / "_index.md").write_text("---\ntitle: Home\n---\nWelkom.\n")
    (site / "content" / "nl" / "hulp.md").write_text("---\ntitle: Hulp\n---\nBel 112.\n")
    (site / "content" / "nl" / "materialen" / "hulp.md").write_text(
        "---\ntitle: Sticker\ntype: poster\ndate: 2026-12-07\nheadline: Hulp nodig?\ntext: Je staat er niet alleen voor.\n"
        "target: ../hulp.md\nsetting: nightlife\nformats: [a4, sticker-100]\nshort: hulp\n---\nPlak hem op de spiegel.\n")
    outputs = []
    for run in ("a", "b"):
        output = tmp_path / run
        subprocess.run([str(baken_binary()), "build", "--site", str(site), "--output", str(output), "--pdf", "--quiet", "--no-cache"], check=True)
        outputs.append({p.relative_to(output): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()})
    made = [str(p) for p in outputs[0] if p.suffix in (".pdf", ".png") and not str(p).startswith("og/")]
    assert set(made) == {"materialen/hulp/poster-a4.pdf", "materialen/hulp/poster-sticker-100.pdf", "materialen/hulp/poster-a4.png"}
    assert len([p for p in outputs[0] if str(p).startswith("og/") and p.suffix == ".png"]) == 3
    for path in outputs[0]:
        assert outputs[0][path] == outputs[1][path], f"{path} differs between two builds"
