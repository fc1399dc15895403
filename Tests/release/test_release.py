"""The release as someone without Swift gets it: scripts/release.sh's tarball and .deb, tried in clean Debian 12
roots made by debootstrap, the Almelo site built by the tarball's binary, and the same bytes from two runs."""
import contextlib
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import tarfile
import tempfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DIST = REPO / "dist"
# The clean root is made once and kept here between runs; each test works on a copy of it.
ROOTS = REPO / ".build" / "debian-root"
RUNTIME = re.compile(r"^(linux-vdso|ld-linux-x86-64|libc|libm|libpthread|libdl|librt|libutil|libstdc\+\+|libgcc_s)\.so")


def version():
    text = (REPO / "Sources" / "BakenCore" / "Version.swift").read_text()
    return re.search(r'static let current = "([^"]+)"', text).group(1)


def run(command, **options):
    result = subprocess.run(command, capture_output=True, text=True, **options)
    assert result.returncode == 0, f"{command} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def release():
    """Runs scripts/release.sh twice: the second run must give the same SHA256SUMS."""
    run(["scripts/release.sh"], cwd=REPO)
    first = (DIST / "SHA256SUMS").read_text()
    run(["scripts/release.sh"], cwd=REPO)
    second = (DIST / "SHA256SUMS").read_text()
    v = version()
    return {
        "version": v,
        "tarball": DIST / f"baken-{v}-linux-x86_64.tar.gz",
        "deb": DIST / f"baken_{v}_amd64.deb",
        "sums": (first, second),
    }


def debian_mirror():
    """The Debian mirror this machine's apt is set up with (deb822 .sources or one-line sources.list)."""
    candidates = sorted(pathlib.Path("/etc/apt/sources.list.d").glob("*.sources")) + [pathlib.Path("/etc/apt/sources.list")]
    for path in candidates:
        if not path.exists():
            continue
        text = path.read_text()
        for stanza in re.split(r"\n\s*\n", text):
            fields = dict(re.findall(r"^(\w[\w-]*):\s*(.+)$", stanza, re.M))
            if fields.get("Types", "").split()[:1] == ["deb"] and "bookworm" in fields.get("Suites", "").split():
                return fields["URIs"].split()[0]
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "deb" and parts[2] == "bookworm":
                return parts[1]
    pytest.fail("no Debian bookworm mirror in /etc/apt: the clean root is made from the machine's own mirror")


@pytest.fixture(scope="session")
def clean_root():
    """A minimal Debian 12 (debootstrap --variant=minbase), made once and cached in .build/debian-root/."""
    base = ROOTS / "bookworm-minbase"
    if not (base / "usr" / "bin" / "apt-get").exists():
        shutil.rmtree(base, ignore_errors=True)
        ROOTS.mkdir(parents=True, exist_ok=True)
        run(["debootstrap", "--variant=minbase", "bookworm", str(base), debian_mirror()])
    return base


@contextlib.contextmanager
def debian(clean_root):
    """A fresh copy of the clean root with /proc mounted, as every real system has it; unmounted and removed after."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="root-", dir=ROOTS))
    root = work / "root"
    run(["cp", "-a", str(clean_root), str(root)])
    shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
    run(["mount", "-t", "proc", "proc", str(root / "proc")])
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root / "proc")], check=False)
        shutil.rmtree(work, ignore_errors=True)


def chroot(root, script, user=None):
    command = ["chroot"] + ([f"--userspec={user}"] if user else []) + [str(root), "/bin/sh", "-c", script]
    return run(command, env={"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "HOME": "/tmp", "LANG": "C.UTF-8"})


def assert_new_site_works(root, baken):
    """baken init, check and build --strict in the clean root, and a home page and a search index in the output."""
    assert chroot(root, f"cd /tmp && {baken} --version", user="nobody:nogroup").stdout.strip() == version()
    chroot(root, f"{baken} init /site")
    checked = chroot(root, f"{baken} check --site /site")
    assert "0 errors" in checked.stdout
    built = chroot(root, f"{baken} build --site /site --strict")
    assert "Built " in built.stdout
    public = root / "site" / "public"
    home = (public / "index.html").read_text()
    assert '<html lang="nl"' in home and "<h1" in home
    index = public / "search-index" / "nl" / "index.js"
    assert index.exists() and index.read_text().startswith('bakenSearch("nl/index"'), "no search index in the output"
    # The help contacts of the new site are on its help page.
    assert any("tel:112" in page.read_text() for page in public.glob("**/*.html"))
    # Anyone may build from any folder.
    chroot(root, f"mkdir -p /tmp/site2 && cp -r /site/content /site/site.yml /site/data /tmp/site2/ && chown -R nobody:nogroup /tmp/site2")
    chroot(root, f"cd /tmp/site2 && {baken} build --strict", user="nobody:nogroup")


def test_two_runs_give_the_same_release(release):
    first, second = release["sums"]
    assert first == second
    names = sorted(line.split()[1] for line in first.splitlines())
    assert names == sorted([release["tarball"].name, release["deb"].name])
    for line in first.splitlines():
        digest, name = line.split()
        assert hashlib.sha256((DIST / name).read_bytes()).hexdigest() == digest


def test_tarball_layout_and_links(release, tmp_path):
    v = release["version"]
    with tarfile.open(release["tarball"]) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path)
    top = f"baken-{v}"
    assert all(name == top or name.startswith(top + "/") for name in names)
    for needed in ("bin/baken", "LICENSE", "README", "share/baken/themes/baken/layouts/base.mustache", "share/baken/themes/baken/starter/site.yml"):
        assert f"{top}/{needed}" in names, needed
    binary = tmp_path / top / "bin" / "baken"
    ldd = run(["ldd", str(binary)], env={}).stdout
    for line in ldd.splitlines():
        name = os.path.basename(line.split()[0])
        if RUNTIME.match(name):
            continue
        assert "=>" in line, f"not found: {line.strip()}"
        found = pathlib.Path(os.path.normpath(line.split("=>")[1].split("(")[0].strip()))
        assert found.parent == tmp_path / top / "lib", f"not bundled: {line.strip()}"
    for bundled in ("libcmark-gfm.so", "libcmark-gfm-extensions.so", "libbrotlienc.so", "libdeflate.so", "libstemmer.so", "libqrencode.so"):
        assert any(name.startswith(f"{top}/lib/{bundled}") for name in names), bundled


def test_deb_passes_lintian(release):
    result = subprocess.run(["lintian", "--allow-root", "--fail-on", "error", str(release["deb"])], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert result.returncode == 0 and not errors, result.stdout + result.stderr
    fields = run(["dpkg-deb", "--field", str(release["deb"])]).stdout
    depends = re.search(r"^Depends: (.+)$", fields, re.M).group(1)
    for package in ("libcmark-gfm0.29.0.gfm.6", "libcmark-gfm-extensions0.29.0.gfm.6", "libbrotli1", "libdeflate0", "libstemmer0d", "libqrencode4", "zlib1g"):
        assert package in depends
    assert "-dev" not in depends and "swift" not in depends.lower()
    contents = run(["dpkg-deb", "--contents", str(release["deb"])]).stdout
    assert "./usr/bin/baken" in contents and "./usr/share/baken/themes/baken/layouts/base.mustache" in contents


def test_tarball_in_a_clean_debian(release, clean_root):
    v = release["version"]
    with debian(clean_root) as root:
        with tarfile.open(release["tarball"]) as archive:
            archive.extractall(root / "opt")
        baken = f"/opt/baken-{v}/bin/baken"
        # Only the C and C++ runtime and the bundled libraries, all found.
        ldd = chroot(root, f"ldd {baken}").stdout
        assert "not found" not in ldd, ldd
        assert_new_site_works(root, baken)


def test_deb_in_a_clean_debian(release, clean_root):
    with debian(clean_root) as root:
        shutil.copy(release["deb"], root / "tmp")
        chroot(root, f"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/{release['deb'].name}")
        assert "not found" not in chroot(root, "ldd /usr/bin/baken").stdout
        assert_new_site_works(root, "baken")


def tree_digest(folder):
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_tarball_builds_almelo_like_swift_build(release, tmp_path):
    with tarfile.open(release["tarball"]) as archive:
        archive.extractall(tmp_path)
    released = tmp_path / f"baken-{release['version']}" / "bin" / "baken"
    developed = REPO / ".build" / "debug" / "baken"
    if not developed.exists():
        run(["swift", "build", "--product", "baken"], cwd=REPO)
    outputs = {}
    for name, binary in (("released", released), ("developed", developed)):
        outputs[name] = tmp_path / name
        run([str(binary), "build", "--site", str(REPO), "--output", str(outputs[name]), "--no-cache", "--quiet"])
    released_files, developed_files = tree_digest(outputs["released"]), tree_digest(outputs["developed"])
    assert len(released_files) > 100
    differing = sorted(path for path in released_files.keys() | developed_files.keys() if released_files.get(path) != developed_files.get(path))
    assert not differing, f"{len(differing)} files differ, such as {differing[:5]}"
