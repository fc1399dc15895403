#!/usr/bin/env bash
# Builds Baken's release into dist/: a tarball that runs on Linux with nothing else installed, a .deb for
# Debian 12, and SHA256SUMS for both. The same commit gives the same bytes: every date is the commit's
# (SOURCE_DATE_EPOCH), entries are sorted, owners and modes fixed.
# Usage: scripts/release.sh        (the version comes from Sources/BakenCore/Version.swift)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/needs.sh
needs pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libbrotli-dev libdeflate-dev libstemmer-dev libqrencode-dev patchelf binutils dpkg-dev help2man

version=$(sed -n 's/.*static let current = "\([^"]*\)".*/\1/p' Sources/BakenCore/Version.swift)
[ -n "$version" ] || { echo "no version found in Sources/BakenCore/Version.swift" >&2; exit 1; }
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
export TZ=UTC LC_ALL=C.UTF-8
tarball="baken-${version}-linux-x86_64.tar.gz"
deb="baken_${version}_amd64.deb"
# Whoever made the release commit answers for the package.
maintainer=$(git log -1 --format='%an <%ae>')

# The Swift runtime and Foundation go into the binary; the C libraries stay shared.
swift build -c release --static-swift-stdlib --product baken --scratch-path .build-release
binary=.build-release/release/baken

work=.build-release/package
rm -rf "$work" && mkdir -p "$work" dist
rm -f "dist/$tarball" "dist/$deb" dist/SHA256SUMS

# Libraries every Linux system has: the C and C++ runtime. Everything else the binary loads is bundled.
runtime='^(linux-vdso|ld-linux-x86-64|libc|libm|libpthread|libdl|librt|libutil|libstdc\+\+|libgcc_s)\.so'
mapfile -t bundled < <(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $1 " " $3}' | grep -Ev "$runtime" | sort)

# Files of the default theme as committed (no editor leftovers).
copy_theme() {
    local into="$1"
    git ls-files -z themes/baken | while IFS= read -r -d '' file; do
        install -D -m 644 "$file" "$into/${file#themes/}"
    done
}

# Dates, owners and modes that do not depend on the machine or the moment.
normalise() {
    find "$1" -type d -exec chmod 755 {} +
    find "$1" -type f -exec chmod 644 {} +
    find "$1" -path '*/bin/*' -type f -exec chmod 755 {} +
    find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# --- The tarball: bin/, lib/, share/baken/themes/baken/, LICENSE and README. ---
root="$work/baken-$version"
install -D -m 755 "$binary" "$root/bin/baken"
strip --strip-unneeded "$root/bin/baken"
patchelf --set-rpath '$ORIGIN/../lib' "$root/bin/baken"
mkdir -p "$root/lib" "$root/share/doc/baken"
for entry in "${bundled[@]}"; do
    soname=${entry%% *} path=${entry#* }
    install -m 644 "$(readlink -f "$path")" "$root/lib/$soname"
    # A bundled library finds the others it needs (brotlienc needs brotlicommon) beside itself.
    patchelf --set-rpath '$ORIGIN' "$root/lib/$soname"
    # dpkg may know the file under /lib rather than /usr/lib: look it up by name.
    package=$(dpkg -S "*/$(basename "$(readlink -f "$path")")" | head -n 1 | cut -d: -f1)
    install -m 644 "/usr/share/doc/$package/copyright" "$root/share/doc/baken/copyright.$package"
done
install -m 644 /opt/swift/usr/share/swift/LICENSE.txt "$root/share/doc/baken/copyright.swift-runtime"
copy_theme "$root/share/baken/themes"
install -m 644 LICENSE "$root/LICENSE"
cat > "$root/README" <<TEXT
Baken $version: builds campaign and help websites from Markdown.

  bin/baken init mijn-site      start a new site
  bin/baken serve --site mijn-site    preview it at http://127.0.0.1:1313/
  bin/baken build --site mijn-site    write it to mijn-site/public/

bin/baken runs from any folder; it finds lib/ and share/ beside it. Put bin/ on your PATH, or link
bin/baken into ~/.local/bin. The licences of the bundled libraries are in share/doc/baken/.
TEXT
normalise "$root"
tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$work" -cf - "baken-$version" | gzip -9n > "dist/$tarball"

# --- The .deb: /usr/bin/baken against Debian's own libraries. ---
pkg="$work/deb"
install -D -m 755 "$binary" "$pkg/usr/bin/baken"
strip --strip-unneeded "$pkg/usr/bin/baken"
patchelf --remove-rpath "$pkg/usr/bin/baken"
copy_theme "$pkg/usr/share/baken/themes"
# The tarball's checksum, which `baken init --ci` writes into the workflow that downloads it.
(cd dist && sha256sum "$tarball") > "$pkg/usr/share/baken/release.sha256"
doc="$pkg/usr/share/doc/baken"
mkdir -p "$doc"
cat > "$doc/copyright" <<TEXT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: baken

Files: *
Copyright: 2026 Baken contributors
License: Apache-2.0

Files: usr/bin/baken
Copyright: Apple Inc. and the Swift project authors
Comment: The Swift runtime and Foundation are linked into the binary.
License: Apache-2.0 with Runtime Library Exception
 As an exception, if you use this Software to compile your source code and
 portions of this Software are embedded into the binary product as a result,
 you may redistribute such product without providing attribution as would
 otherwise be required by Sections 4(a), 4(b) and 4(d) of the License.
 .
 On Debian systems, the full text of the Apache License, Version 2.0 can be
 found in the file '/usr/share/common-licenses/Apache-2.0'.

License: Apache-2.0
 On Debian systems, the full text of the Apache License, Version 2.0 can be
 found in the file '/usr/share/common-licenses/Apache-2.0'.
TEXT
{
    echo "baken ($version) stable; urgency=medium"
    echo
    echo "  * Release $version; the changes are in the project's history."
    echo
    echo " -- $maintainer  $(date -u -d "@$SOURCE_DATE_EPOCH" -R)"
} | gzip -9n > "$doc/changelog.gz"
# The manual page is the command's own help.
mkdir -p "$pkg/usr/share/man/man1"
help2man --no-info --name="build campaign and help websites from Markdown" --version-string="$version" "$pkg/usr/bin/baken" \
    | gzip -9n > "$pkg/usr/share/man/man1/baken.1.gz"
# Yams, the YAML reader, is built from its own copy of libyaml; Debian's cannot take its place.
mkdir -p "$pkg/usr/share/lintian/overrides"
cat > "$pkg/usr/share/lintian/overrides/baken" <<TEXT
# Yams (the Swift YAML library) compiles its own copy of libyaml into the binary, with line numbers for every node.
baken: embedded-library libyaml [usr/bin/baken]
TEXT
normalise "$pkg"
glibc=$(objdump -T "$pkg/usr/bin/baken" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1 | cut -d_ -f2)
mkdir -p "$pkg/DEBIAN"
cat > "$pkg/DEBIAN/control" <<TEXT
Package: baken
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --apparent-size "$pkg/usr" | cut -f1)
Depends: libc6 (>= $glibc), libgcc-s1, libstdc++6, libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6, libbrotli1, libdeflate0, libstemmer0d, libqrencode4, zlib1g
Suggests: chromium
Section: web
Priority: optional
Description: static site generator for campaign and help websites
 Baken builds multilingual websites from Markdown: accessible, right to left
 included, with search that needs no server and nothing loaded from another
 host. It makes lesson packs for schools and checks links, alt text and plain
 language before a page goes live.
TEXT
(cd "$pkg" && find usr -type f | sort | xargs md5sum) > "$pkg/DEBIAN/md5sums"
chmod 644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
touch -d "@$SOURCE_DATE_EPOCH" "$pkg/DEBIAN" "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "dist/$deb" >/dev/null

(cd dist && sha256sum "$tarball" "$deb") > dist/SHA256SUMS
echo "Wrote dist/$tarball, dist/$deb and dist/SHA256SUMS (needs glibc $glibc or newer)"
cat dist/SHA256SUMS
