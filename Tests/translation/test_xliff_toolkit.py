"""The XLIFF of `baken translations export` read by translate-toolkit, as agencies' tools read it, and a trip through
PO (xliff2po, po2xliff) and back through `baken translations import` that leaves every page as it was."""
import pathlib
import subprocess
import sys
import tempfile

import pytest
from translate.storage import xliff

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "browser"))
from conftest import baken_binary, copy_almelo_sources  # noqa: E402


@pytest.fixture()
def site():
    with tempfile.TemporaryDirectory(prefix="baken-xliff-") as folder:
        root = pathlib.Path(folder) / "site"
        copy_almelo_sources(root)
        yield root


def files(root):
    return {path.relative_to(root): path.read_bytes() for path in (root / "content").rglob("*") if path.is_file()}


def export(root, language):
    out = root.parent / f"{language}.xlf"
    subprocess.run([str(baken_binary()), "translations", "export", "--lang", language, "--out", str(out), "--site", str(root)], check=True)
    return out


def test_translate_toolkit_reads_every_unit(site):
    path = export(site, "en")
    store = xliff.xlifffile.parsefile(str(path))
    written = path.read_text(encoding="utf-8").count("<trans-unit ")
    assert written > 1000
    assert len(store.units) == written
    assert all(unit.source.strip() for unit in store.units)
    ids = [unit.getid() for unit in store.units]
    assert len(set(ids)) == len(ids)
    assert "content/nl/_index.md\x04title" in ids


def test_a_trip_through_po_gives_the_same_pages(site):
    before = files(site)
    path = export(site, "en")
    po = site.parent / "en.po"
    back = site.parent / "back.xlf"
    subprocess.run(["xliff2po", str(path), str(po)], check=True, capture_output=True)
    subprocess.run(["po2xliff", "-t", str(path), str(po), str(back)], check=True, capture_output=True)
    result = subprocess.run([str(baken_binary()), "translations", "import", str(back), "--site", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert files(site) == before

    edited = po.read_text(encoding="utf-8").replace('msgstr "It happens to you"', 'msgstr "It can happen to you"', 1)
    po.write_text(edited, encoding="utf-8")
    subprocess.run(["po2xliff", "-t", str(path), str(po), str(back)], check=True, capture_output=True)
    result = subprocess.run([str(baken_binary()), "translations", "import", str(back), "--site", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote content/en/_index.md\n")
    assert "## It can happen to you\n" in (site / "content" / "en" / "_index.md").read_text(encoding="utf-8")
