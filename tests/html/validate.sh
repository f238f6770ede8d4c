#!/usr/bin/env bash
# Builds the sample site and runs the Nu Html Checker (vnu.jar, from npm's vnu-jar)
# over every page: the test passes only with zero errors.
set -euo pipefail
techpages="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
vnu="$root/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ]; then
  echo "vnu.jar is missing: run scripts/install-test-tools (scripts/test does)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$techpages" build --content "$root/content" --out "$work/site" >/dev/null
pages=$(find "$work/site" -name '*.html' | wc -l)
# --also-check-css: the theme's stylesheet too. Errors only; warnings are advice.
if java -jar "$vnu" --errors-only --skip-non-html --also-check-css "$work/site" 2>"$work/report.txt"; then
  echo "vnu: $pages pages, 0 errors"
else
  cat "$work/report.txt" >&2
  echo "vnu: errors in the built site (above)" >&2
  exit 1
fi
