#!/usr/bin/env bash
# Lighthouse's accessibility and SEO scores for the sample site's home page and a
# technician profile, in Debian's Chromium. Not part of CTest (slow): run it by hand.
#
#   tests/browser/lighthouse.sh TECHPAGES_BINARY [THEME] [REPORT_DIR]
#
# THEME: a visual theme (default: default). REPORT_DIR (default: ./lighthouse-report)
# receives one JSON and one HTML report per page. Lighthouse is npm's `lighthouse`,
# pinned with the browser tests' other packages in package-lock.json and installed
# with them (npm ci --ignore-scripts: no browser download).
# Exit status 1 if a score is under ${MIN_SCORE:-1} (100).
set -euo pipefail
techpages="$(realpath "$1")"
theme="${2:-default}"
report="$(realpath -m "${3:-lighthouse-report}")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
min_score="${MIN_SCORE:-1}"
lighthouse="$here/node_modules/.bin/lighthouse"

if [ ! -x "$lighthouse" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error
fi
version="$(node -p "require('$here/node_modules/lighthouse/package.json').version")"
if [ ! -x "$chromium" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port/"
"$techpages" build --content "$root/content" --out "$work/site" --theme "$theme" --base-url "$base" >/dev/null
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf -o /dev/null "$base" && break; sleep 0.1; done
curl -sf -o /dev/null "$base" || { echo "lighthouse.sh: the site server on port $port did not start" >&2; exit 1; }

profile="$(cd "$work/site" && find institutions -path '*/profiles/*/index.html' | sort | head -n 1)"
pages=("" "${profile%index.html}")
mkdir -p "$report"
status=0
for page in "${pages[@]}"; do
  name="$(echo "${page:-home}" | tr '/' '_' | sed 's/_$//')"
  CHROME_PATH="$chromium" "$lighthouse" "$base$page" \
    --only-categories=accessibility,seo --output=json --output=html --output-path="$report/$theme-$name" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  node - "$report/$theme-$name.report.json" "$min_score" "/$page" <<'EOF' || status=1
const [file, min, page] = process.argv.slice(2);
const r = JSON.parse(require('fs').readFileSync(file, 'utf8'));
if (r.runtimeError) { console.log(`${page}: Lighthouse failed: ${r.runtimeError.code} ${r.runtimeError.message}`); process.exit(1); }
let ok = true;
for (const [id, c] of Object.entries(r.categories)) {
  const score = Math.round(c.score * 100);
  console.log(`${page}  ${id}: ${score}`);
  for (const ref of c.auditRefs) {
    const a = r.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`    ${a.id}: ${a.title}`);
  }
  if (c.score < Number(min)) ok = false;
}
process.exit(ok ? 0 : 1);
EOF
done
echo "Lighthouse $version reports: $report"
exit "$status"
