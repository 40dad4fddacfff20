#!/usr/bin/env bash
# Print the Debian packages a bundle needs from the system, as a Depends value.
#
#     packaging/linux/find-depends.sh dist/fedimove
#
# The bundle carries Python, Qt and the Python packages' libraries; everything else its ELF files
# link (X11/xcb, Wayland, EGL/GL, fontconfig, GLib, D-Bus, OpenSSL, libc...) must come from the
# system. With dpkg-shlibdeps (package dpkg-dev) the result carries minimum versions; without it,
# every library `ldd` resolves outside the bundle is mapped to its package with `dpkg -S`.
# Exits non-zero when a library cannot be found on this machine or belongs to no package.
set -euo pipefail

bundle=$(realpath "${1:?usage: find-depends.sh BUNDLE_DIR}")
internal="$bundle/_internal"
qt_lib="$internal/PySide6/Qt/lib"

elf_files() {
  find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' file; do
      if [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        printf '%s\n' "$file"
      fi
    done
}

with_shlibdeps() {
  local work
  work=$(mktemp -d)
  mkdir "$work/debian"
  # dpkg-shlibdeps wants a source package around it; a two-stanza control file is enough.
  printf 'Source: fedimove\n\nPackage: fedimove\nArchitecture: any\n' >"$work/debian/control"
  (
    cd "$work"
    mapfile -t files < <(elf_files)
    dpkg-shlibdeps -O --ignore-missing-info -l"$internal" -l"$qt_lib" "${files[@]}" 2>/dev/null
  ) | sed -n 's/^shlibs:Depends=//p'
  rm -rf "$work"
}

# Every library the bundle's ELF files resolve outside the bundle, once each ("not found" lines
# are reported before this runs).
system_libraries() {
  sed -n 's/^.* => \(\/[^ ]*\) (.*$/\1/p' "$ldd_output" | grep -v "^$bundle/" | sort -u
}

# usrmerge: a library found under /lib may be registered as /usr/lib, and the reverse.
path_variants() {
  local path=$1
  printf '%s\n' "$path" "$(realpath "$path")" "/usr${path#/usr}" "${path#/usr}"
}

with_ldd() {
  local libraries owned path variant orphan=0
  libraries=$(system_libraries)
  # One pass over dpkg's file lists instead of one slow `dpkg -S` per library.
  owned=$(grep -HFx -f <(while IFS= read -r path; do path_variants "$path"; done <<<"$libraries") \
    /var/lib/dpkg/info/*.list || true)
  while IFS= read -r path; do
    for variant in $(path_variants "$path"); do
      grep -qF ".list:$variant" <<<"$owned" && continue 2
    done
    echo "find-depends: $path belongs to no package" >&2
    orphan=1
  done <<<"$libraries"
  [ "$orphan" -eq 0 ] || return 1
  sed 's|^/var/lib/dpkg/info/||; s|\.list:.*$||; s|:.*$||' <<<"$owned" | sort -u | paste -sd, | sed 's/,/, /g'
}

# One ldd pass over the whole bundle, shared by the checks below ("file: ldd line" per line).
ldd_output=$(mktemp)
trap 'rm -f "$ldd_output"' EXIT
elf_files | while IFS= read -r file; do
  LD_LIBRARY_PATH="$internal:$qt_lib" ldd "$file" 2>/dev/null | sed "s|^|$file: |" || true
done >"$ldd_output"

unresolved=$(grep "not found" "$ldd_output" || true)
if [ -n "$unresolved" ]; then
  echo "find-depends: libraries missing on this machine (install them, then rebuild):" >&2
  echo "$unresolved" | sort -u >&2
  exit 1
fi

if [ "${FIND_DEPENDS_METHOD:-}" != ldd ] && command -v dpkg-shlibdeps >/dev/null; then
  depends=$(with_shlibdeps)
else
  depends=$(with_ldd)
fi
[ -n "$depends" ] || { echo "find-depends: found no dependencies at all" >&2; exit 1; }
echo "$depends"
