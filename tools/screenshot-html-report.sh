#!/usr/bin/env bash
# Renders a bundled example's HTML report in a real headless browser and saves PNG screenshots (the page top, the
# findings, the annex, the drawn data-flow diagram, a sorted and filtered table, a narrow window, the page without
# script), so a person can look at what a reader sees rather than only the HTML source.
#
#   tools/screenshot-html-report.sh [EXAMPLE] [OUT_DIR]
#       EXAMPLE  a folder under examples/ (default: litellm-langfuse-postgres-redis)
#       OUT_DIR  where the report and PNGs go (default: artifacts/screenshots; artifacts/ is git-ignored)
#
# Needs Debian's Chromium (`apt-get install chromium`, /usr/bin/chromium, or CHROMIUM=/path) and Node.js with npm;
# playwright-core is installed from the npm registry into artifacts/browser on first use (it drives the installed
# Chromium and downloads no browser of its own). Not part of .ci/run: the browser is a large install by hand, and
# what CI must hold (one self-contained file, escaping, the SVG's layout) is covered by unit tests. Every request
# the page makes outside its own file is refused and reported, and the script exits 1 on any such request, on a
# script error or on a dialog (an injected alert()).
set -euo pipefail
cd "$(dirname "$0")/.."
example="${1:-litellm-langfuse-postgres-redis}"
out="${2:-artifacts/screenshots}"
if [[ -z "${CHROMIUM:-}" ]] && [[ ! -x /usr/bin/chromium ]]; then
  echo "chromium not found: apt-get install chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 2
fi
mkdir -p "$out" artifacts/browser
if [[ ! -d artifacts/browser/node_modules/playwright-core ]]; then
  (cd artifacts/browser && [[ -f package.json ]] || echo '{"private":true}' > package.json
   cd artifacts/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund playwright-core@1 >/dev/null)
fi
report="$out/$example.html"
dotnet run --project src/GatewayAudit.Cli -v q -- scan "examples/$example" --format html --output "$report"
node tools/screenshot-html-report.mjs "$report" "$out"
