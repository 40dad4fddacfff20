#!/usr/bin/env bash
# Wrap the PyInstaller bundle (dist/fedimove, from build.sh) into an AppImage:
#     packaging/linux/build-appimage.sh   ->   dist/Fedimove-VERSION-x86_64.AppImage
#
# Needs appimagetool: APPIMAGETOOL=/path/to/appimagetool, or it is downloaded from
# APPIMAGETOOL_URL (the release workflow pins it there). Like the portable archive, the AppImage
# uses the desktop's own graphics, font and D-Bus libraries (see README-portable.txt).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
dist=$root/dist
app_id=app.fedimove.Fedimove
machine=$(uname -m)
url=${APPIMAGETOOL_URL:-https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-$machine.AppImage}

[ -x "$dist/fedimove/fedimove" ] || { echo "build-appimage.sh: run build.sh first" >&2; exit 1; }
version=$(PYTHONPATH="$root/app" python3 -c 'from fedimove import __version__; print(__version__)')

tool=${APPIMAGETOOL:-$build/appimagetool}
if [ ! -x "$tool" ]; then
  curl --fail --location --silent --show-error --output "$tool" "$url"
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
