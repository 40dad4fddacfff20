#!/usr/bin/env bash
# Packaging check, run by .ci/run on a fresh Debian as root (apt works, Python 3.11):
#   1. installs the build machine's packages (packaging/linux/host-packages.txt),
#   2. builds the bundle, the portable .tar.gz and the .deb in a clean build venv,
#   3. validates the desktop entry and the AppStream metadata,
#   4. installs the .deb with apt (after removing any earlier install), checks the installed
#      files, that every library resolves, runs the installed `fedimove --self-check`, waits
#      for the installed wizard's window on Xvfb, and asks it for a practice move's pre-flight
#      checks, then has it complete a whole practice move headless (installed_practice_move),
#   5. removes the package and checks nothing is left, runs the portable archive's self-check,
#   6. prints the artefact sizes against their targets (bundle < 200 MB unpacked, .deb < 70 MB).
# Exits non-zero on any failure. Environment:
#   PYTHON=python3            interpreter for the build venv (build/packaging-venv)
#   FEDIMOVE_VERSIONED_DEPENDS=1  install dpkg-dev so Depends carry minimum versions (releases)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv=$root/build/packaging-venv
python=${PYTHON:-python3}
bundle_limit_mb=200
deb_limit_mb=70
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
installed_by_us=0

phase() { echo "== packaging: $* ($(($(date +%s) - started)) s)"; }
fail() { echo "packaging/check.sh: FAILED: $*" >&2; exit 1; }

cleanup() {
  if [ "$installed_by_us" = 1 ] && dpkg -s fedimove >/dev/null 2>&1; then
    apt-get remove --purge -y -qq fedimove >/dev/null || true
  fi
}
trap cleanup EXIT

install_host_packages() {
  local packages
  mapfile -t packages < <(sed 's/#.*//; /^\s*$/d' packaging/linux/host-packages.txt)
  [ "${FEDIMOVE_VERSIONED_DEPENDS:-0}" = 1 ] && packages+=(dpkg-dev)
  # PyInstaller needs Python's shared library, which Debian ships apart from the interpreter.
  local version
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if apt-cache show "libpython$version" >/dev/null 2>&1; then
    packages+=("libpython$version")
  fi
  phase "apt: build machine packages"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

# A venv with only what the app ships plus PyInstaller, so test tools cannot leak into the
# bundle; reused while pyproject.toml is unchanged.
prepare_venv() {
  local stamp=$venv/.pyproject-sha256 wanted
  wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return
  fi
  phase "build venv (pip install .[packaging])"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install -q --disable-pip-version-check ".[packaging]"
  echo "$wanted" >"$stamp"
}

validate_metadata() {
  phase "validate desktop entry and AppStream metadata"
  desktop-file-validate resources/linux/app.fedimove.Fedimove.desktop
  appstreamcli validate --no-net resources/linux/app.fedimove.Fedimove.metainfo.xml
}

install_deb() {
  if dpkg -s fedimove >/dev/null 2>&1; then
    phase "removing an earlier fedimove install"
    apt-get remove --purge -y -qq fedimove >/dev/null
  fi
  [ ! -e /opt/fedimove ] || fail "/opt/fedimove exists without the package"
  phase "apt-get install ./$(basename "$deb")"
  installed_by_us=1
  apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
}

check_installed_files() {
  local path
  for path in /usr/bin/fedimove /opt/fedimove/fedimove \
    /usr/share/applications/app.fedimove.Fedimove.desktop \
    /usr/share/metainfo/app.fedimove.Fedimove.metainfo.xml \
    /usr/share/icons/hicolor/256x256/apps/app.fedimove.Fedimove.png \
    /usr/share/icons/hicolor/scalable/apps/app.fedimove.Fedimove.svg; do
    [ -e "$path" ] || fail "the package did not install $path"
  done
  [ "$(command -v fedimove)" = /usr/bin/fedimove ] || fail "fedimove is not /usr/bin/fedimove on PATH"
  fedimove --version | grep -qF "$version" || fail "fedimove --version does not say $version"
  phase "every library of the installed bundle resolves"
  FIND_DEPENDS_METHOD=ldd packaging/linux/find-depends.sh /opt/fedimove >/dev/null ||
    fail "unresolved libraries"
}

# Runs COMMAND --self-check offscreen with a throwaway home, and requires the lines that prove
# the bundle is whole: the X11 plugin loads (its system libraries are there) and keyring sees
# its backends.
self_check() {
  local label=$1 output home
  shift
  home=$(mktemp -d)
  phase "self-check: $label"
  if ! output=$(HOME=$home QT_QPA_PLATFORM=offscreen "$@" --self-check 2>&1); then
    echo "$output"
    fail "self-check of $label"
  fi
  echo "$output"
  rm -rf "$home"
  for line in "ok   Qt xcb plugin" "ok   keyring backends" "ok   practice servers" \
    "ok   resources" "ok   translations"; do
    grep -qF "$line" <<<"$output" || fail "self-check of $label lacks '$line'"
  done
}

# With a Secret Service at hand (CI has gnome-keyring), the frozen keyring must really use it.
keyring_check() {
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    phase "keyring in a D-Bus session: skipped (no dbus-run-session or gnome-keyring-daemon)"
    return
  fi
  phase "keyring in a D-Bus session"
  local home output
  home=$(mktemp -d)
  output=$(HOME=$home QT_QPA_PLATFORM=offscreen dbus-run-session -- bash -c \
    'echo -n check | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
     fedimove --self-check' 2>/dev/null) || true
  rm -rf "$home"
  grep -F " keyring:" <<<"$output"
  grep -qF "ok   keyring: keyring.backends.SecretService" <<<"$output" ||
    fail "the installed app does not use the Secret Service"
}

# The installed wizard opens its window on a real X server (Xvfb, Qt's xcb plugin): waits until
# a top-level window titled "Fedimove" exists, at most 60 s, then closes the app.
installed_gui_starts() {
  if ! command -v xvfb-run >/dev/null || ! command -v xwininfo >/dev/null; then
    phase "the installed wizard opens a window: skipped (no xvfb-run or xwininfo)"
    return
  fi
  phase "the installed wizard opens a window (Xvfb)"
  local home
  home=$(mktemp -d)
  # shellcheck disable=SC2016  # the inner script expands its own variables
  if ! HOME=$home xvfb-run -a bash -c '
    QT_QPA_PLATFORM=xcb fedimove >"$1" 2>&1 &
    app=$!
    for _ in $(seq 1 120); do
      if xwininfo -root -tree | grep -q "\"Fedimove\""; then
        kill "$app"; wait "$app" || true; exit 0
      fi
      kill -0 "$app" 2>/dev/null || exit 1
      sleep 0.5
    done
    kill "$app"; exit 1' _ "$home/gui.log"; then
    cat "$home/gui.log"
    fail "the installed wizard did not open its window"
  fi
  rm -rf "$home"
}

# The installed command line reaches the practice Fediverse (its servers run inside the frozen
# app): the pre-flight checks of a practice move answer, and refuse (exit 2) while no alias is
# set. Proves uvicorn, starlette and the sandbox pages made it into the bundle and work.
installed_practice_check() {
  phase "practice pre-flight check with the installed app"
  local home output code=0
  home=$(mktemp -d)
  output=$(HOME=$home QT_QPA_PLATFORM=offscreen fedimove --practice check \
    anna@old.practice anna@new.practice 2>&1) || code=$?
  rm -rf "$home"
  echo "$output"
  [ "$code" = 0 ] || [ "$code" = 2 ] || fail "fedimove --practice check exited $code"
  grep -qF "[ok  ] new_functional" <<<"$output" || fail "the practice check did not reach the servers"
}

# The installed app completes a whole practice move headless (issue 9, "done when"): sign-ins,
# preview, backup, copy, alias, checks, consent, Move and follower tracking on the in-process
# practice Fediverse; exit 0 only when every follower ends as the scenario predicts.
installed_practice_move() {
  phase "practice move with the installed app (fedimove practice-move, headless)"
  local home code=0
  home=$(mktemp -d)
  (cd "$home" && HOME=$home QT_QPA_PLATFORM=offscreen timeout 180 \
    fedimove practice-move --report "$home/report.html") >"$home/move.log" 2>&1 || code=$?
  cat "$home/move.log"
  [ "$code" = 0 ] || { rm -rf "$home"; fail "fedimove practice-move exited $code"; }
  [ -s "$home/report.html" ] || { rm -rf "$home"; fail "the practice move wrote no report"; }
  rm -rf "$home"
}

check_portable() {
  local unpack
  unpack=$(mktemp -d)
  tar -C "$unpack" -xzf "$tarball"
  self_check "portable archive" "$unpack"/fedimove-*/fedimove
  rm -rf "$unpack"
}

remove_deb() {
  phase "apt-get remove --purge fedimove"
  apt-get remove --purge -y -qq fedimove >/dev/null
  installed_by_us=0
  for path in /opt/fedimove /usr/bin/fedimove /usr/share/applications/app.fedimove.Fedimove.desktop; do
    [ ! -e "$path" ] && [ ! -L "$path" ] || fail "$path is still there after removal"
  done
}

report_sizes() {
  local bundle_bytes deb_bytes tar_bytes
  bundle_bytes=$(du -sb dist/fedimove | cut -f1)
  deb_bytes=$(stat -c %s "$deb")
  tar_bytes=$(stat -c %s "$tarball")
  {
    printf "%-38s %9s  %s\n" artefact "size (MB)" target
    printf "%-38s %9.1f  < %d MB\n" "bundle, unpacked" "$(mb "$bundle_bytes")" "$bundle_limit_mb"
    printf "%-38s %9.1f  < %d MB\n" "$(basename "$deb")" "$(mb "$deb_bytes")" "$deb_limit_mb"
    printf "%-38s %9.1f\n" "$(basename "$tarball")" "$(mb "$tar_bytes")"
  } | tee build/packaging-sizes.txt
  [ "$bundle_bytes" -lt $((bundle_limit_mb * 1000000)) ] || fail "bundle over $bundle_limit_mb MB"
  [ "$deb_bytes" -lt $((deb_limit_mb * 1000000)) ] || fail ".deb over $deb_limit_mb MB"
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }

main() {
  [ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the .deb with apt)"
  install_host_packages
  prepare_venv
  validate_metadata
  phase "build (packaging/linux/build.sh)"
  PYTHON=$venv/bin/python packaging/linux/build.sh
  version=$(PYTHONPATH=app "$venv/bin/python" -c 'from fedimove import __version__; print(__version__)')
  deb=$root/dist/fedimove_${version}_$(dpkg --print-architecture).deb
  tarball=$root/dist/fedimove-$version-linux-$(uname -m).tar.gz
  install_deb
  check_installed_files
  self_check "installed .deb" fedimove
  keyring_check
  installed_gui_starts
  installed_practice_check
  installed_practice_move
  remove_deb
  check_portable
  report_sizes
  phase "all packaging checks passed"
}

main "$@"
