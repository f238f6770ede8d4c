#!/usr/bin/env bash
# Builds the sample site with each visual theme and checks it in a real browser
# (Debian's Chromium, driven by playwright-core; axe-core for WCAG 2.2 A/AA):
# one page of every kind at 375px and 1280px wide, reflow at 320px, one h1, skip link,
# visible focus, every home-page link by keyboard, nothing hidden without JavaScript,
# the directory filters and search with it, page weight; screenshots and a printed plan.
#
#   tests/browser/run.sh TECHPAGES_BINARY [REPORT_DIR]
#
# REPORT_DIR (default: ./browser-report; build/screenshots under CTest)
# receives the screenshots, the plan printed as PDF and a JSON report per theme.
# Installs what it needs: the npm packages pinned in package-lock.json (no browser
# download: --ignore-scripts) and Debian's chromium package.
set -euo pipefail
techpages="$(realpath "$1")"
report="$(realpath -m "${2:-browser-report}")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
themes=(default high-contrast)

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error
fi

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$report"
passed=0; failed=0
for theme in "${themes[@]}"; do
  # Under a project subpath, as on GitHub Pages: every link must carry it.
  base="http://127.0.0.1/techpages/"
  "$techpages" build --content "$root/content" --out "$work/$theme" --theme "$theme" --base-url "$base" >/dev/null
  if node "$here/a11y.mjs" --site "$work/$theme" --base-url "$base" --screenshots "$report" --label "$theme" \
       --chromium "$chromium"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
# The sample again with four cards to a page, so its long lists are split: the pages
# with a pagination navigation get the same checks.
cp -r "$root/content" "$work/split-content"
printf '\n[pagination]\nper_page = 4\n' >> "$work/split-content/site.toml"
"$techpages" build --content "$work/split-content" --out "$work/split-lists" --base-url "$base" >/dev/null
if node "$here/a11y.mjs" --site "$work/split-lists" --base-url "$base" --screenshots "$report" --label split-lists \
     --chromium "$chromium" --split-lists; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
echo "screenshots, printed plans and reports: $report"
echo "sites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
