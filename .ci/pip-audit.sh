#!/usr/bin/env bash
# Known-vulnerability audit of the dependencies installed in .venv (issue 10), with pip-audit
# kept in its own tool environment so its own dependencies are not audited with the app's.
#
# pip-audit asks PyPI's (or OSV's) advisory database over the network. When that database
# cannot be reached -- or answers for none of the packages, as a mirror without advisories
# does -- this script says so plainly and exits 0, unless the audit is required:
#   .ci/pip-audit.sh --require      (or FEDIMOVE_REQUIRE_AUDIT=1)
# in which case "could not audit" is a failure (exit 3). Vulnerabilities found: exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

require="${FEDIMOVE_REQUIRE_AUDIT:-0}"
for arg in "$@"; do
  case "$arg" in
    --require) require=1 ;;
    *) echo "usage: $0 [--require]" >&2; exit 2 ;;
  esac
done

app_python=".venv/bin/python"
tool="${PIP_AUDIT_VENV:-${TMPDIR:-/tmp}/fedimove-pip-audit}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

not_audited() {
  echo "== pip-audit: NOT AUDITED -- $1"
  if [ "$require" = "1" ]; then
    echo "== pip-audit: an audit is required (--require / FEDIMOVE_REQUIRE_AUDIT=1): failing"
    exit 3
  fi
  echo "== pip-audit: skipped (pass --require to make this a failure)"
  exit 0
}

[ -x "$app_python" ] || { echo "no $app_python: run 'python3 dev.py test' once first" >&2; exit 2; }
site_packages="$("$app_python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"

if [ ! -x "$tool/bin/pip-audit" ]; then
  python3 -m venv "$tool"
  "$tool/bin/python" -m pip install -q pip-audit >/dev/null 2>&1 \
    || not_audited "pip-audit could not be installed (no route to the package index?)"
fi

echo "== pip-audit over $site_packages"
set +e
"$tool/bin/pip-audit" --path "$site_packages" --progress-spinner off --format json \
  --output "$report" 2>"$report.err"
status=$?
set -e
summary="$("$tool/bin/python" - "$report" <<'PY'
import json, sys
try:
    data = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print("unreadable 0 0 0"); sys.exit()
deps = data.get("dependencies", [])
skipped = sum(1 for d in deps if "skip_reason" in d)
vulns = [(d["name"], d["version"], v["id"]) for d in deps for v in d.get("vulns", [])]
for name, version, vid in vulns:
    print(f"VULN {name} {version} {vid}", file=sys.stderr)
print(f"ok {len(deps)} {skipped} {len(vulns)}")
PY
)"
read -r state total skipped vulns <<<"$summary"
rm -f "$report.err"
if [ "$state" != "ok" ] || [ "$total" = "0" ]; then
  not_audited "pip-audit produced no report (exit $status): the advisory database is unreachable"
fi
if [ "$skipped" = "$total" ]; then
  not_audited "the advisory database answered for none of the $total packages (offline or a mirror without advisories)"
fi
echo "== pip-audit: $total packages, $((total - skipped)) audited, $skipped not found on the index, $vulns known vulnerabilities"
[ "$vulns" = "0" ] || exit 1
