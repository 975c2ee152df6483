#!/usr/bin/env bash
# Checks a Native AOT build of gateway-audit against the goldens and the JIT build, path by path (bench/STARTUP.md).
# Not part of `dotnet test`: the JIT tests cannot see a member the AOT compiler trimmed, so this runs the binary itself.
#
#   bash bench/startup/aot-check.sh /tmp/aot/gateway-audit [REFERENCE]
#
# 1. Every golden report of the bundled examples (tests/GatewayAudit.Cli.Tests/golden/EXAMPLE.FORMAT, as
#    GoldenReportTests writes them) and the organisation merge golden: the binary's stdout byte for byte.
# 2. Paths without a golden (SARIF, diff md/json, baseline write, policies list/validate/test, explain, catalog
#    list/check, C# sources, a Dockerfile's exec form, user --catalog/--policies/--settings good and bad): stdout,
#    stderr and exit code equal to REFERENCE, the framework-dependent build (default: `dotnet` on the Release build's
#    gateway-audit.dll; built first if missing).
# 3. On Linux with strace: the executable asks for its rehydrated data and each range the GC commits at once
#    (Aot/prefault.c): MADV_POPULATE_WRITE after every MADV_DODUMP of a scan. Skipped without strace, or when the
#    binary was built with -p:AotPrefaultData=false or -p:AotPrefaultHeap=false (set PREFAULT=off).
# Prints one line per check and exits 1 when any differs.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin=${1:?usage: aot-check.sh AOT_BINARY [REFERENCE_COMMAND]}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
if [ -n "${2:-}" ]; then
  ref=$2
else
  dll=$root/src/GatewayAudit.Cli/bin/Release/net10.0/gateway-audit.dll
  [ -f "$dll" ] || dotnet build "$root/src/GatewayAudit.Cli" -c Release -v q >&2 || exit 2
  ref="dotnet $dll"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failed=1; }

# --- 1. Goldens ---------------------------------------------------------------------------------------------------
golden=tests/GatewayAudit.Cli.Tests/golden
for file in "$golden"/*.*; do
  name=$(basename "$file"); example=${name%.*}; format=${name##*.}
  [ -d "examples/$example" ] || continue
  "$bin" scan "examples/$example" --format "$format" >"$work/out" 2>"$work/err"; code=$?
  if [ "$code" = 0 ] && cmp -s "$work/out" "$file"; then pass "golden $name"; else fail "golden $name (exit $code; $(head -c 300 "$work/err"))"; fi
done

repos=tests/GatewayAudit.Cli.Tests/Organisation/repositories
mkdir -p "$work/org"
for repo in ledger payments search support; do
  (cd "$repos" && "$bin" scan "$repo" --format json --output "$work/org/$repo.json") >/dev/null 2>"$work/err" || fail "scan $repo for merge: $(head -c 300 "$work/err")"
done
(cd "$work/org" && "$bin" merge ledger.json payments.json search.json support.json) >"$work/out" 2>"$work/err"; code=$?
if [ "$code" = 0 ] && cmp -s "$work/out" "$golden/organisation.merge.md"; then pass "golden organisation.merge.md"; else fail "golden organisation.merge.md (exit $code; $(head -c 300 "$work/err"))"; fi

# --- 2. The same as the framework-dependent build ----------------------------------------------------------------
# Fixtures: a good and a bad user catalog, rule folder and settings file, and a Dockerfile in exec form.
mkdir -p "$work/fx/catalog-good" "$work/fx/catalog-bad" "$work/fx/rules-good" "$work/fx/rules-bad" "$work/fx/docker"
cp policies/catalog/openai.yaml "$work/fx/catalog-good/openai.yaml"
sed 's/^kind: .*/kind: telepathy/' policies/catalog/openai.yaml >"$work/fx/catalog-bad/openai.yaml"
rule=$(ls policies/rules/*.yaml | head -n 1)
sed 's/^id: \(.*\)/id: \1-copy/' "$rule" >"$work/fx/rules-good/copy.yaml"
sed -e 's/^id: \(.*\)/id: \1-copy/' -e 's/^severity: .*/severity: blocker/' "$rule" >"$work/fx/rules-bad/copy.yaml"
printf 'maxRetentionDays: 30\nrequireZdr: true\n' >"$work/fx/settings-good.yaml"
printf 'maxRetentionDayz: 30\nmaxCacheTtlSeconds: -1\nrequireZdr: maybe\n' >"$work/fx/settings-bad.yaml"
cp examples/minimal-single-provider/* "$work/fx/docker/"
printf 'FROM ghcr.io/berriai/litellm:main-stable\nCOPY config.yaml /app/config.yaml\nENTRYPOINT ["litellm", "--config", "/app/config.yaml"]\nCMD ["--port", "4000"]\n' >"$work/fx/docker/Dockerfile"

same() { # label, then the arguments
  local label=$1; shift
  "$bin" "$@" >"$work/aot.out" 2>"$work/aot.err"; local a=$?
  $ref "$@" >"$work/ref.out" 2>"$work/ref.err"; local r=$?
  if [ "$a" = "$r" ] && cmp -s "$work/aot.out" "$work/ref.out" && cmp -s "$work/aot.err" "$work/ref.err"; then
    pass "$label (exit $a)"
  else
    fail "$label (exit $a, reference $r)"
    diff <(cat "$work/aot.out" "$work/aot.err") <(cat "$work/ref.out" "$work/ref.err") | head -n 20
  fi
}
ex=examples/litellm-langfuse-postgres-redis
same "scan --format sarif" scan "$ex" --format sarif
same "scan C# sources (Roslyn) --format json" scan examples/analyzer-consumer --format json
same "scan Dockerfile exec form --format json" scan "$work/fx/docker" --format json
same "diff md" diff "$golden/minimal-single-provider.json" "$golden/eu-multi-provider.json"
same "diff --format json" diff "$golden/minimal-single-provider.json" "$golden/eu-multi-provider.json" --format json
"$bin" baseline write "$ex" --output "$work/aot-baseline.yaml" --reason "accepted at review" --until 2027-05-31 >/dev/null 2>&1; a=$?
$ref baseline write "$ex" --output "$work/ref-baseline.yaml" --reason "accepted at review" --until 2027-05-31 >/dev/null 2>&1; r=$?
if [ "$a" = "$r" ] && cmp -s "$work/aot-baseline.yaml" "$work/ref-baseline.yaml"; then pass "baseline write (exit $a)"; else fail "baseline write (exit $a, reference $r)"; fi
same "scan --baseline" scan "$ex" --baseline "$work/aot-baseline.yaml" --format sarif
same "policies list" policies list
same "policies validate" policies validate
same "policies test" policies test
same "explain" explain provider-without-zdr
same "explain (unknown id)" explain provider-without-zrd
same "catalog list" catalog list
same "catalog check" catalog check --as-of 2026-11-30
same "scan --catalog (good)" scan "$ex" --catalog "$work/fx/catalog-good" --format json
same "scan --catalog (bad)" scan "$ex" --catalog "$work/fx/catalog-bad"
same "scan --policies (good)" scan "$ex" --policies "$work/fx/rules-good" --format json
same "scan --policies (bad)" scan "$ex" --policies "$work/fx/rules-bad"
same "policies validate (bad)" policies validate "$work/fx/rules-bad"
same "scan --settings (good)" scan "$ex" --settings "$work/fx/settings-good.yaml" --format json
same "scan --settings (bad)" scan "$ex" --settings "$work/fx/settings-bad.yaml"

# --- 3. Pages asked of the kernel at once (Aot/prefault.c) -------------------------------------------------------
if [ "${PREFAULT:-on}" != off ] && [ "$(uname -s)" = Linux ] && command -v strace >/dev/null; then
  strace -f -e trace=madvise -o "$work/madvise" "$bin" scan "$ex" --format json >/dev/null 2>&1
  committed=$(grep -c 'MADV_DODUMP) = 0' "$work/madvise"); populated=$(grep -c 'MADV_POPULATE_WRITE' "$work/madvise")
  # One call for the data tail, then one after each commit of the heap.
  if [ "$committed" -gt 0 ] && [ "$populated" -gt "$committed" ]; then pass "prefault: data tail and $committed heap commits populated"
  else fail "prefault: $populated populate calls for $committed heap commits (built with AotPrefaultData/AotPrefaultHeap=false? PREFAULT=off)"; fi
fi

if [ "$failed" = 0 ]; then echo "aot-check: every path equal"; else echo "aot-check: differences above"; fi
exit "$failed"
