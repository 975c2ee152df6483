#!/usr/bin/env bash
# Runs the analyzer over each extracted codebase (extract.sh) with the adapter from repos.tsv declared the way a user
# would after reading GW000, one compilation per csproj, test projects marked as MSBuild would mark them. Extra
# arguments go to the harness (e.g. --option gateway_audit.exclude_tests=false). Rows: /tmp/analyzer-corpus.tsv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CORPUS:-/work/analyzer-corpus}
tsv=${TSV:-/tmp/analyzer-corpus.tsv}
dotnet build "$here/harness" -c Release -v q >/dev/null
dll="$here/harness/bin/Release/net10.0/GatewayAudit.AnalyzerCorpus.dll"
: > "$tsv"
grep -v '^#' "$here/repos.tsv" | while IFS=$'\t' read -r repo commit adapter; do
  [ -z "$repo" ] && continue
  args=(--group csproj --tsv "$tsv.part")
  [ "$adapter" != "-" ] && args+=(--option "gateway_audit.adapter_types=$adapter")
  dotnet "$dll" "${args[@]}" "$@" "$corpus/${repo#*/}" | grep -E '^(total|GatewayLeakAnalyzer execution)'
  tail -n +2 "$tsv.part" >> "$tsv"
done
rm -f "$tsv.part"
