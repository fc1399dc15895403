"""A build killed at any moment leaves the complete old site or the complete new one in public/, never a mix."""
import hashlib
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO, baken_binary

KILLS = 8
WORDS = ("grens", "straat", "melden", "veilig", "omstander", "helpen", "zeggen", "kijken", "samen", "avond",
         "boundary", "street", "report", "safe", "bystander", "help", "say", "look", "together", "evening")


def site_yml(title):
    return f"""title: {title}
baseURL: https://example.nl/
theme: baken
defaultLanguageInSubdir: true
languages:
  - code: nl
    name: Nederlands
  - code: en
    name: English
"""


def manifest(folder):
    """Every file of a folder with its SHA-256: equal manifests are equal folders."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def write_pages(root, pages_per_language, seed=7):
    """A deterministic two-language site of pages long enough that a build takes a while: sections of pages with
    headings, paragraphs, lists and links to each other."""
    rng = random.Random(seed)
    for language in ("nl", "en"):
        base = root / "content" / language
        base.mkdir(parents=True)
        (base / "_index.md").write_text(f"---\ntitle: Home {language}\ntranslationKey: home\n---\nWelkom.\n")
        for number in range(pages_per_language):
            section = base / f"deel-{number % 10}"
            if not section.exists():
                section.mkdir()
                (section / "_index.md").write_text(f"---\ntitle: Deel {number % 10}\ntranslationKey: deel-{number % 10}\n---\n")
            body = []
            for heading in range(4):
                body.append(f"## Kop {heading} van pagina {number}\n")
                for _ in range(3):
                    body.append(" ".join(rng.choice(WORDS) for _ in range(60)) + ".\n")
                body.append("\n".join(f"- {rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(4)) + "\n")
            body.append(f"Lees ook [pagina {(number + 1) % pages_per_language}](../deel-{(number + 1) % 10}/pagina-{(number + 1) % pages_per_language}.md).\n")
            (section / f"pagina-{number}.md").write_text(
                f"---\ntitle: Pagina {number}\ntranslationKey: p{number}\ndescription: Over {rng.choice(WORDS)}\n---\n" + "\n".join(body))


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("large-site")
    write_pages(root, 300)
    shutil.copytree(REPO / "themes", root / "themes")
    return root


def start_build(binary, root, output):
    return subprocess.Popen([str(binary), "build", "--site", str(root), "--output", str(output)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def is_writing(root, process):
    """The build's own half-written folder is there beside public/ (killed builds may have left others)."""
    return (root / f".public.baken-new-{process.pid}").exists()


def wait_for_staging(root, process):
    """Until the build has started writing (or has ended)."""
    while not is_writing(root, process) and process.poll() is None:
        time.sleep(0.002)


def build(root, output):
    return subprocess.run([str(baken_binary()), "build", "--site", str(root), "--output", str(output)], capture_output=True, text=True)


def test_killed_builds_leave_the_old_or_the_new_site(large_site, tmp_path):
    root = large_site
    binary = baken_binary()
    public = root / "public"
    # Version A straight into public/, timing when writing starts: the half-written folder appears beside public/.
    (root / "site.yml").write_text(site_yml("Versie A"))
    started = time.monotonic()
    process = start_build(binary, root, public)
    wait_for_staging(root, process)
    writing_starts = time.monotonic() - started
    assert process.wait() == 0
    duration = time.monotonic() - started
    writing = max(duration - writing_starts, 0.05)
    # Version B elsewhere, to know its files.
    (root / "site.yml").write_text(site_yml("Versie B"))
    done = build(root, tmp_path / "b")
    assert done.returncode == 0, done.stderr
    manifests = {"Versie A": manifest(public), "Versie B": manifest(tmp_path / "b")}
    assert len(manifests["Versie A"]) > 600
    changed = [path for path in manifests["Versie A"] if manifests["Versie A"][path] != manifests["Versie B"].get(path)]
    assert len(changed) > 600, "every page differs between the two versions"

    current = "Versie A"
    rng = random.Random(7)
    killed_midway = finished = killed_while_writing = 0
    for attempt in range(KILLS):
        target = "Versie B" if current == "Versie A" else "Versie A"
        (root / "site.yml").write_text(site_yml(target))
        process = start_build(binary, root, public)
        if attempt % 2 == 0:
            time.sleep(rng.uniform(0, duration))
        else:
            # While files are written and swapped in: the moment that matters.
            wait_for_staging(root, process)
            time.sleep(rng.uniform(0, writing * 1.2))
        writing_now = is_writing(root, process)
        process.send_signal(signal.SIGKILL)
        code = process.wait()
        state = manifest(public)
        assert state in (manifests[current], manifests[target]), \
            f"after SIGKILL (exit {code}) public/ is neither version: {len(state)} files"
        if state == manifests[target]:
            current = target
        if code == -signal.SIGKILL:
            killed_midway += 1
            killed_while_writing += writing_now
        else:
            finished += 1
    assert killed_midway >= KILLS // 2, f"only {killed_midway} of {KILLS} builds were killed before their end"
    assert killed_while_writing >= 1, f"only {killed_while_writing} builds were killed while writing"

    # The next build clears the half-written folders that the killed builds left beside public/.
    (root / "site.yml").write_text(site_yml("Versie A"))
    assert build(root, public).returncode == 0
    assert manifest(public) == manifests["Versie A"]
    leftovers = [name for name in os.listdir(root) if name.startswith(".public.baken-")]
    assert not leftovers, leftovers
    print(f"\n{killed_midway} builds killed midway ({killed_while_writing} while writing), {finished} finished first; public/ was whole every time")
