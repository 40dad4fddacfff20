#!/usr/bin/env bash
# Sign, package and notarize the macOS app (run on macOS after the PyInstaller build):
#     packaging/macos/build-dmg.sh   ->   dist/fedimove-VERSION-macos-ARCH.dmg
#
# Signing and notarization run only when their secrets are in the environment; without them the
# result is an unsigned .dmg (Gatekeeper then asks the user to allow it in System Settings).
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: Name (TEAMID)", in an unlocked keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   an app-specific password for notarytool
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dist=$root/dist
app=$dist/Fedimove.app
version=$(PYTHONPATH="$root/app" python3 -c 'from fedimove import __version__; print(__version__)')
dmg=$dist/fedimove-$version-macos-$(uname -m).dmg
identity=${MACOS_SIGNING_IDENTITY:-}

[ -d "$app" ] || { echo "build-dmg.sh: no $app; run PyInstaller first" >&2; exit 1; }

sign() {
  codesign --force --timestamp --options runtime \
    --entitlements "$root/packaging/macos/entitlements.plist" --sign "$identity" "$@"
}

if [ -n "$identity" ]; then
  echo "-- signing with $identity"
  # Inside out: every nested Mach-O file first (Qt's frameworks have no file extension, so ask
  # `file`), then the executables, then the bundle itself.
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
  done < <(find "$app/Contents/Frameworks" "$app/Contents/Resources" -type f -print0)
  sign "$app/Contents/MacOS/fedimove" "$app/Contents/MacOS/fedimove-gui"
  sign "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "-- MACOS_SIGNING_IDENTITY not set: the app and the .dmg stay unsigned"
fi

echo "-- disk image $(basename "$dmg")"
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"  # drag-to-install target
rm -f "$dmg"
hdiutil create -volname Fedimove -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
rm -rf "$stage"

if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
fi

if [ -n "$identity" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] &&
  [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  echo "-- notarizing (this waits for Apple)"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
else
  echo "-- notarization skipped (needs the signing identity and APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)"
fi
echo "-- done: $dmg"
