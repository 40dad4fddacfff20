#!/usr/bin/env bash
# Wrap the PyInstaller bundle (dist/fedimove, from build.sh) into an AppImage:
#     packaging/linux/build-appimage.sh   ->   dist/Fedimove-VERSION-x86_64.AppImage
#
# Needs appimagetool: APPIMAGETOOL=/path/to/appimagetool, or the pinned release 1.9.1 is
# downloaded and its SHA-256 checked (APPIMAGETOOL_URL and APPIMAGETOOL_SHA256 override both;
# a machine other than x86_64 must name the checksum of its build). Like the portable archive, the AppImage
# uses the desktop's own graphics, font and D-Bus libraries (see README-portable.txt).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
dist=$root/dist
app_id=app.fedimove.Fedimove
machine=$(uname -m)
url=${APPIMAGETOOL_URL:-https://github.com/AppImage/appimagetool/releases/download/1.9.1/appimagetool-$machine.AppImage}
pinned_x86_64=ed4ce84f0d9caff66f50bcca6ff6f35aae54ce8135408b3fa33abfc3cb384eb0
if [ "$machine" = x86_64 ] && [ -z "${APPIMAGETOOL_URL:-}" ]; then
  sha256=${APPIMAGETOOL_SHA256:-$pinned_x86_64}
else
  sha256=${APPIMAGETOOL_SHA256:-}
fi

[ -x "$dist/fedimove/fedimove" ] || { echo "build-appimage.sh: run build.sh first" >&2; exit 1; }
version=$(PYTHONPATH="$root/app" python3 -c 'from fedimove import __version__; print(__version__)')

tool=${APPIMAGETOOL:-$build/appimagetool}
if [ ! -x "$tool" ]; then
  [ -n "$sha256" ] || { echo "build-appimage.sh: set APPIMAGETOOL_SHA256 for $url" >&2; exit 1; }
  curl --fail --location --silent --show-error --output "$tool.part" "$url"
  # A tool that runs with our files must be the one we pinned, not whatever the URL serves.
  echo "$sha256  $tool.part" | sha256sum --check --quiet - \
    || { rm -f "$tool.part"; echo "build-appimage.sh: appimagetool checksum mismatch" >&2; exit 1; }
  mv "$tool.part" "$tool"
  chmod +x "$tool"
fi

appdir=$build/Fedimove.AppDir
rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo" \
  "$appdir/usr/share/icons"
cp -a "$dist/fedimove" "$appdir/usr/lib/fedimove"
cp -r "$build/icons/hicolor" "$appdir/usr/share/icons/"
install -m644 "$root/resources/linux/$app_id.desktop" "$appdir/usr/share/applications/"
install -m644 "$root/resources/linux/$app_id.metainfo.xml" "$appdir/usr/share/metainfo/"
# appimagetool wants the desktop entry and the icon at the top of the AppDir too.
install -m644 "$root/resources/linux/$app_id.desktop" "$appdir/$app_id.desktop"
install -m644 "$build/icons/hicolor/256x256/apps/$app_id.png" "$appdir/$app_id.png"
cat >"$appdir/AppRun" <<'EOF'
#!/bin/sh
# Start the bundled fedimove with the AppImage's arguments (no arguments: the wizard).
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/fedimove/fedimove" "$@"
EOF
chmod +x "$appdir/AppRun"

# --appimage-extract-and-run: CI runners and containers often have no FUSE. The metainfo is
# validated by check.sh already; --no-appstream keeps this step offline.
ARCH=$machine "$tool" --appimage-extract-and-run --no-appstream "$appdir" \
  "$dist/Fedimove-$version-$machine.AppImage"
echo "-- done: dist/Fedimove-$version-$machine.AppImage"
