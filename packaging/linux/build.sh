#!/usr/bin/env bash
# Build the Linux artefacts into dist/:
#   dist/fedimove/                              the PyInstaller bundle (onedir)
#   dist/fedimove-VERSION-linux-MACHINE.tar.gz  portable: unpack anywhere, run ./fedimove
#   dist/fedimove_VERSION_ARCH.deb              installs to /opt/fedimove, /usr/bin/fedimove
#
#     PYTHON=/path/to/venv/bin/python packaging/linux/build.sh [--skip-bundle]
#
# PYTHON must have Fedimove's dependencies and PyInstaller (`pip install ".[packaging]"`);
# default: .venv/bin/python. --skip-bundle reuses an existing dist/fedimove.
# FEDIMOVE_MAINTAINER overrides the .deb's Maintainer field.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
build=$root/build
dist=$root/dist
app_id=app.fedimove.Fedimove
maintainer=${FEDIMOVE_MAINTAINER:-The Fedimove developers <maintainers@fedimove.invalid>}

version=$(PYTHONPATH="$root/app" "$python" -c 'from fedimove import __version__; print(__version__)')
arch=$(dpkg --print-architecture)
machine=$(uname -m)

log() { echo "-- $*"; }

build_bundle() {
  log "icons"
  "$python" "$root/packaging/render_icons.py" "$build/icons" >/dev/null
  log "PyInstaller bundle (dist/fedimove)"
  rm -rf "$dist/fedimove"
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$build/pyinstaller" \
    "$root/packaging/pyinstaller/fedimove.spec" 2> >(grep -v "required via ctypes not found" >&2)
  [ -x "$dist/fedimove/fedimove" ] || { echo "build.sh: no executable in dist/fedimove" >&2; exit 1; }
}

# Desktop integration files under PREFIX/share: desktop entry, AppStream metainfo, icons.
install_share() {
  local share=$1/share
  install -Dm644 "$root/resources/linux/$app_id.desktop" "$share/applications/$app_id.desktop"
  install -Dm644 "$root/resources/linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
  mkdir -p "$share/icons"
  cp -r "$build/icons/hicolor" "$share/icons/"
}

build_tarball() {
  local name=fedimove-$version-linux-$machine
  local stage=$build/tarball/$name
  log "portable archive (dist/$name.tar.gz)"
  rm -rf "$build/tarball"
  mkdir -p "$stage"
  cp -a "$dist/fedimove/." "$stage/"
  install_share "$stage"
  install -m644 "$root/packaging/linux/README-portable.txt" "$stage/README.txt"
  tar --sort=name --owner=0 --group=0 --numeric-owner -C "$build/tarball" -czf "$dist/$name.tar.gz" "$name"
}

write_control() {
  local stage=$1 depends installed_size
  depends=$("$root/packaging/linux/find-depends.sh" "$dist/fedimove")
  installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
  cat >"$stage/DEBIAN/control" <<EOF
Package: fedimove
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Suggests: gnome-keyring
Section: net
Priority: optional
Description: move your Fediverse account without losing your followers
 Fedimove moves a Mastodon, GoToSocial or other Fediverse account to another
 server: it copies follows, lists, bookmarks, blocks and mutes, keeps an
 encrypted backup, triggers the Move and tracks every follower until each one
 has arrived or has a clear reason why not.
 .
 This package bundles its own Python and Qt under /opt/fedimove.
EOF
}

build_deb() {
  local stage=$build/deb/fedimove_${version}_$arch
  log "Debian package (dist/fedimove_${version}_$arch.deb)"
  rm -rf "$build/deb"
  mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/DEBIAN" "$stage/usr/share/doc/fedimove"
  cp -a "$dist/fedimove" "$stage/opt/fedimove"
  ln -s /opt/fedimove/fedimove "$stage/usr/bin/fedimove"
  install_share "$stage/usr"
  install -m644 "$root/packaging/linux/copyright" "$stage/usr/share/doc/fedimove/copyright"
  chmod -R u+rwX,go+rX,go-w "$stage"
  write_control "$stage"
  (cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
    xargs -0 md5sum >DEBIAN/md5sums)
  chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
  dpkg-deb --root-owner-group -Zxz --build "$stage" "$dist/fedimove_${version}_$arch.deb" >/dev/null
}

main() {
  mkdir -p "$build" "$dist"
  if [ "${1:-}" = "--skip-bundle" ]; then
    [ -x "$dist/fedimove/fedimove" ] || { echo "build.sh: no bundle to reuse" >&2; exit 1; }
    [ -d "$build/icons/hicolor" ] || "$python" "$root/packaging/render_icons.py" "$build/icons" >/dev/null
  else
    build_bundle
  fi
  build_tarball
  build_deb
  log "done: $(cd "$dist" && ls -1 fedimove-"$version"-*.tar.gz fedimove_"$version"_*.deb | paste -sd' ')"
}

main "$@"
