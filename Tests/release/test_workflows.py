"""`baken init --ci github|gitlab` writes workflows that the linters accept, and that install Baken safely.

Runs the real `baken` (the environment variable BAKEN, default .build/debug/baken) and the linters of
requirements.txt:

    python3 -m venv .venv && .venv/bin/pip install -r Tests/release/requirements.txt
    .venv/bin/pytest Tests/release
"""

import hashlib
import io
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BAKEN = Path(os.environ.get("BAKEN", REPO / ".build/debug/baken"))
DEFAULT_RELEASE_URL = "https://github.com/baken-ssg/baken/releases/download/v{version}/"
WORKFLOW = {"github": ".github/workflows/baken.yml", "gitlab": ".gitlab-ci.yml"}
SCHEMA = {"github": "vendor.github-workflows", "gitlab": "vendor.gitlab-ci"}


def tool(name):
    """A linter from requirements.txt: beside this Python (a venv's bin/) or on the PATH; missing fails the test."""
    beside = Path(os.sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: pip install -r Tests/release/requirements.txt")
    return found


def run(args, **kwargs):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def baken():
    if not os.access(BAKEN, os.X_OK):
        pytest.fail(f"no baken at {BAKEN}: run swift build, or set BAKEN to the binary to test")
    return BAKEN


@pytest.fixture(scope="session")
def version(baken):
    result = run([baken, "--version"])
    assert result.returncode == 0, result.stderr
    match = re.search(r"\d+\.\d+\.\d+\S*", result.stdout)
    assert match, f"baken --version printed no version: {result.stdout!r}"
    return match.group(0)


def init(baken, folder, *args):
    result = run([baken, "init", folder, *args])
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def install_script(ci, workflow):
    """The shell script that downloads, checks and unpacks Baken, as the workflow runs it."""
    if ci == "github":
        steps = workflow["jobs"]["build"]["steps"]
        (step,) = [s for s in steps if "curl" in s.get("run", "")]
        return step["run"]
    return "\n".join(workflow[".baken"]["before_script"])


def settings(ci, workflow):
    return workflow["env"] if ci == "github" else workflow["variables"]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_placeholders_are_replaced(baken, version, tmp_path, ci):
    sha = hashlib.sha256(b"a tarball").hexdigest()
    site = init(baken, tmp_path / "site", "--ci", ci, "--release-sha256", sha)
    text = (site / WORKFLOW[ci]).read_text()
    assert "@BAKEN_" not in text
    values = settings(ci, yaml.safe_load(text))
    assert values["BAKEN_VERSION"] == version
    assert values["BAKEN_SHA256"] == sha
    assert values["BAKEN_RELEASE_URL"] == DEFAULT_RELEASE_URL


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_unknown_checksum_is_left_empty(baken, version, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    text = (site / WORKFLOW[ci]).read_text()
    assert "@BAKEN_" not in text
    values = settings(ci, yaml.safe_load(text))
    assert values["BAKEN_VERSION"] == version
    # Empty, unless an installed .deb knows the checksum of its own release.
    assert re.fullmatch(r"|[0-9a-f]{64}", values["BAKEN_SHA256"])


@pytest.mark.parametrize("sha", ["", hashlib.sha256(b"a tarball").hexdigest()])
def test_github_workflow_passes_actionlint(baken, tmp_path, sha):
    site = init(baken, tmp_path / "site", "--ci", "github", *(["--release-sha256", sha] if sha else []))
    # actionlint checks the run: scripts with the shellcheck it finds on the PATH.
    shellcheck = Path(tool("shellcheck")).parent
    env = dict(os.environ, PATH=f"{shellcheck}{os.pathsep}{os.environ.get('PATH', '')}")
    result = run([tool("actionlint"), "-no-color", WORKFLOW["github"]], cwd=site, env=env)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_workflow_matches_its_schema(baken, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    result = run([tool("check-jsonschema"), "--builtin-schema", SCHEMA[ci], site / WORKFLOW[ci]])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_install_script_passes_shellcheck(baken, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    script = install_script(ci, yaml.safe_load((site / WORKFLOW[ci]).read_text()))
    shell = "bash" if ci == "github" else "sh"
    result = run([tool("shellcheck"), "--shell", shell, "-"], input=script)
    assert result.returncode == 0, result.stdout


class Release:
    """A fake release folder with a tarball that unpacks to baken-<version>/bin/baken, reached by file://."""

    def __init__(self, root, version):
        self.version = version
        folder = root / "releases" / f"v{version}"
        folder.mkdir(parents=True)
        self.tarball = folder / f"baken-{version}-linux-x86_64.tar.gz"
        program = f"#!/bin/sh\necho {version}\n".encode()
        with tarfile.open(self.tarball, "w:gz") as archive:
            info = tarfile.TarInfo(f"baken-{version}/bin/baken")
            info.size, info.mode = len(program), 0o755
            archive.addfile(info, io.BytesIO(program))
        self.sha256 = hashlib.sha256(self.tarball.read_bytes()).hexdigest()
        self.url = (root / "releases").as_uri() + "/v{version}/"


def run_install(ci, site, tmp_path, release, sha):
    """Runs the workflow's install script as the CI runner would, with the release address pointed at `release`."""
    if not shutil.which("curl"):
        pytest.fail("curl is not installed: the install step needs it")
    workflow = yaml.safe_load((site / WORKFLOW[ci]).read_text())
    values = settings(ci, workflow)
    runner = tmp_path / "runner"
    runner.mkdir()
    env = dict(os.environ, BAKEN_VERSION=values["BAKEN_VERSION"], BAKEN_SHA256=sha, BAKEN_RELEASE_URL=release.url)
    if ci == "github":
        env.update(RUNNER_TEMP=str(runner), GITHUB_PATH=str(runner / "github_path"))
        # GitHub's default shell for run: steps.
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", install_script(ci, workflow)]
    else:
        env.update(TMPDIR=str(runner))
        command = ["sh", "-e", "-c", install_script(ci, workflow)]
    result = run(command, cwd=site, env=env)
    return result, runner


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_install_with_the_right_checksum(baken, version, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    release = Release(tmp_path, version)
    result, runner = run_install(ci, site, tmp_path, release, release.sha256)
    assert result.returncode == 0, result.stdout + result.stderr
    assert version in result.stdout  # the installed baken --version ran
    if ci == "github":
        assert (runner / "github_path").read_text().strip().endswith(f"baken-{version}/bin")


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_install_stops_on_a_wrong_checksum(baken, version, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    release = Release(tmp_path, version)
    result, runner = run_install(ci, site, tmp_path, release, hashlib.sha256(b"another tarball").hexdigest())
    assert result.returncode != 0
    assert "SHA256SUMS" in result.stdout
    assert not list(runner.rglob("bin/baken")), "the tarball was unpacked although its checksum was wrong"
    assert not (runner / "github_path").exists()


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_install_stops_at_once_without_a_checksum(baken, version, tmp_path, ci):
    site = init(baken, tmp_path / "site", "--ci", ci)
    release = Release(tmp_path, version)
    result, runner = run_install(ci, site, tmp_path, release, "")
    assert result.returncode != 0
    assert "BAKEN_SHA256" in result.stdout and "SHA256SUMS" in result.stdout
    assert not list(runner.rglob("*.tar.gz")), "the tarball was downloaded although there is no checksum to check it"


def test_new_site_checks_and_builds_strict(baken, tmp_path):
    site = init(baken, tmp_path / "site")
    check = run([baken, "check", "--site", site])
    assert check.returncode == 0, check.stdout + check.stderr
    build = run([baken, "build", "--site", site, "--strict"])
    output = build.stdout + build.stderr
    if "was last checked" in output:
        pytest.fail("the starter's help contacts are older than contactsMaxAgeDays: check them at the source and "
                    "set last_verified in themes/baken/starter/data/contacts.yml\n" + output)
    assert build.returncode == 0, output
    assert (site / "public/index.html").exists()
