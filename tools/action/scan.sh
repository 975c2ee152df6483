#!/usr/bin/env bash
# The scan step of the gateway-audit GitHub Action (action.yml), kept in a file so it runs the same on a laptop and in
# tests (tests/GatewayAudit.Cli.Tests/ActionScriptTests.cs) as in a workflow. It writes, into OUT_DIR:
#   NAME.json             the scan result (the input of `gateway-audit merge` and `diff`); NAME is INPUT_NAME
#   gateway-audit.sarif   for GitHub code scanning
#   gateway-audit.FORMAT  the report in INPUT_FORMAT when that is md, html, annex or csv
# and exits as `gateway-audit scan` does: 0, 1 (findings at or above INPUT_FAIL_ON) or 2 (bad input: nothing usable).
#
# Inputs (environment, as action.yml passes them):
#   INPUT_PATH      what to scan, relative to the working directory (default .); several paths separated by spaces
#   INPUT_FORMAT    md | html | annex | csv | json | sarif (default md): the human report written beside the JSON and SARIF
#   INPUT_FAIL_ON   none | info | low | medium | high | critical (default none)
#   INPUT_DPA       the signed DPA's sub-processor annex to check against (optional)
#   INPUT_NAME      the JSON result's file name without .json (default gateway-audit); `merge` names the repository after it
#   OUT_DIR         where the files go (default ./gateway-audit-results)
#   GATEWAY_AUDIT   the command to run (default gateway-audit, as `dotnet tool install` puts it on PATH)
# In a workflow, GITHUB_OUTPUT receives json=, sarif=, report= and exit-code=, and GITHUB_STEP_SUMMARY the annex.
#
# Locally:  GATEWAY_AUDIT="dotnet run --project src/GatewayAudit.Cli --" INPUT_PATH=examples/eu-multi-provider bash tools/action/scan.sh
set -uo pipefail

path=${INPUT_PATH:-.}
format=${INPUT_FORMAT:-md}
fail_on=${INPUT_FAIL_ON:-none}
out=${OUT_DIR:-gateway-audit-results}
name=${INPUT_NAME:-gateway-audit}
if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "gateway-audit action: name '$name' may hold only letters, digits, '.', '_' and '-'" >&2
  exit 2
fi
read -r -a tool <<< "${GATEWAY_AUDIT:-gateway-audit}"
read -r -a paths <<< "$path"

case "$format" in md|html|annex|csv|json|sarif) ;; *) echo "gateway-audit action: format '$format' is not one of md, html, annex, csv, json, sarif" >&2; exit 2 ;; esac
mkdir -p "$out" || exit 2

common=("${paths[@]}")
[[ -n "${INPUT_DPA:-}" ]] && common+=(--dpa "$INPUT_DPA")

# The JSON scan carries the gate: its exit code is the step's. SARIF and the report are written whatever it found,
# so a failing gate still uploads what failed it.
"${tool[@]}" scan "${common[@]}" --format json --output "$out/$name.json" --fail-on "$fail_on"
status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
  echo "gateway-audit action: the scan failed (exit $status); no report was written" >&2
  exit "$status"
fi

"${tool[@]}" scan "${common[@]}" --format sarif --output "$out/gateway-audit.sarif" || exit 2
report="$out/gateway-audit.$format"
if [[ "$format" != json && "$format" != sarif ]]; then
  "${tool[@]}" scan "${common[@]}" --format "$format" --output "$report" || exit 2
fi

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  { echo "json=$out/$name.json"; echo "sarif=$out/gateway-audit.sarif"; echo "report=$report"; echo "exit-code=$status"; } >> "$GITHUB_OUTPUT"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  "${tool[@]}" scan "${common[@]}" --format annex >> "$GITHUB_STEP_SUMMARY" 2>/dev/null || true
fi
exit "$status"
