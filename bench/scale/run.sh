#!/usr/bin/env bash
# Scale bench (issue 10, section 2): a generated monorepo of 1,000 and 10,000 gateway configs in five formats plus
# 10,000 unrelated source files (bench/scale/generate.py, written under /tmp, never the checkout). For each size, one
# session measures side by side, alternating run by run so machine load hits all alike:
#   scan       the CLI as a user starts it: `dotnet gateway-audit.dll scan REPO --format json` (Release, framework-dependent)
#   scan-md    the same with the default Markdown report
#   pyyaml     a naive Python loop: yaml.safe_load of every config file, one after another
#   cat        `cat` of the same config bytes
#   base       with BASE=COMMIT: the scan as built from that commit (git archive, never the work tree), so a change is
#              measured before and after in one session
#   scan-pgo0  the scan with DOTNET_TieredPGO=0 (a runtime setting trial)
#   r2r        the scan as `scan`, published ReadyToRun for linux-x64 (what the GitHub Action packs from its checkout)
#   aot        with AOT_BIN=PATH: a Native AOT build of the CLI (an installed tool's `gateway-audit`, or the
#              `publish/gateway-audit` of `dotnet pack -p:AotTool=true -r linux-x64`), the same scan as `scan`; its
#              JSON is compared with scan's byte for byte
# and prints wall time, CPU time (user + system) and peak RSS (GNU time), medians over N runs, and the ratios scan /
# pyyaml (wall and CPU) and scan / cat, with the load average before and after. On a machine shared by many, wall time
# mostly measures the others' load; the CPU ratio is the steadier one. Not a test: nothing here asserts a time.
#
#   bash bench/scale/run.sh                      # N=3, sizes 1000 and 10000
#   N=5 SIZES="1000 2000 5000 10000" bash bench/scale/run.sh
#   N=1 COLUMNS="scan pyyaml cat" TIMEOUT=900 bash bench/scale/run.sh
#   N=1 BASE=main COLUMNS="base scan pyyaml cat" bash bench/scale/run.sh
#   N=1 AOT_BIN=~/.dotnet/tools/gateway-audit COLUMNS="scan r2r aot pyyaml cat" bash bench/scale/run.sh
set -euo pipefail

N=${N:-3}
SIZES=${SIZES:-"1000 10000"}
SOURCES=${SOURCES:-10000}
TIMEOUT=${TIMEOUT:-1800}   # seconds; a scan killed by it shows as that long
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/gateway-audit-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet -- src || echo ' (src changed since)'); $(python3 -c 'import yaml, sys; print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__}")')"
dotnet publish "$ROOT/src/GatewayAudit.Cli" -c Release -o "$WORK/tool" --nologo -v q >/dev/null
if [[ " ${COLUMNS:-} " == *" r2r "* ]]; then
  dotnet publish "$ROOT/src/GatewayAudit.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/tool-r2r" --nologo -v q >/dev/null
fi
if [[ -n ${BASE:-} ]]; then
  mkdir -p "$WORK/base-src"
  git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/base-src"
  dotnet publish "$WORK/base-src/src/GatewayAudit.Cli" -c Release -o "$WORK/base-tool" --nologo -v q >/dev/null
  echo "base: $(git -C "$ROOT" rev-parse --short "$BASE")"
fi

cat > "$WORK/pyyaml_loop.py" <<'PY'
import sys, yaml
for path in open(sys.argv[1], encoding="utf-8").read().split():
    with open(path, encoding="utf-8") as f:
        yaml.safe_load(f)
PY

command_for() {
  local size=$1 column=$2 repo="$WORK/g$1/repo"
  case "$column" in
    scan) echo "timeout $TIMEOUT dotnet $WORK/tool/gateway-audit.dll scan $repo --format json" ;;
    base) echo "timeout $TIMEOUT dotnet $WORK/base-tool/gateway-audit.dll scan $repo --format json" ;;
    scan-pgo0) echo "timeout $TIMEOUT env DOTNET_TieredPGO=0 dotnet $WORK/tool/gateway-audit.dll scan $repo --format json" ;;
    r2r) echo "timeout $TIMEOUT dotnet $WORK/tool-r2r/gateway-audit.dll scan $repo --format json" ;;
    scan-md) echo "timeout $TIMEOUT dotnet $WORK/tool/gateway-audit.dll scan $repo" ;;
    aot) echo "timeout $TIMEOUT ${AOT_BIN:?COLUMNS has aot: set AOT_BIN to a Native AOT gateway-audit} scan $repo --format json" ;;
    pyyaml) echo "python3 $WORK/pyyaml_loop.py $WORK/g$size/configs.txt" ;;
    cat) echo "xargs -a $WORK/g$size/configs.txt cat" ;;
  esac
}

read -r -a columns <<< "${COLUMNS:-scan scan-md pyyaml cat}"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
declare -A wall rss cpu
for size in $SIZES; do
  python3 "$ROOT/bench/scale/generate.py" "$WORK/g$size" "$size" "$SOURCES"
  files=$(find "$WORK/g$size/repo" -type f | wc -l)
  bytes=$(cd "$WORK/g$size/repo" && xargs -a "$WORK/g$size/configs.txt" cat | wc -c)
  echo "size $size: $(wc -l < "$WORK/g$size/configs.txt") config files ($((bytes / 1024)) KiB), $files files in all"
  cd "$WORK/g$size/repo"
  # Warm the disk cache with every file of the tree, so no timed run pays for it alone.
  find . -type f -print0 | xargs -0 cat > /dev/null
  for ((i = 1; i <= N; i++)); do
    line="  run $i:"
    for column in "${columns[@]}"; do
      out=/dev/null
      [[ $column == scan || $column == base || $column == aot ]] && out="$WORK/g$size.$column.json"
      /usr/bin/time -f "%e %M %x %U %S" -o "$WORK/time" $(command_for "$size" "$column") >"$out" 2>"$WORK/err" || true
      read -r seconds kib code user system < <(tail -1 "$WORK/time")
      wall[$size/$column]+="$seconds "
      cpu[$size/$column]+="$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}') "
      rss[$size/$column]+="$kib "
      line+=" $column ${seconds}s (CPU $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.1f", u + s}')s) $((kib / 1024))MiB"
      [[ $code == 0 || $code == 1 ]] || line+=" (exit $code: $(tail -1 "$WORK/err" | cut -c1-120))"
      line+=";"
    done
    echo "$line"
  done
  for column in scan base aot; do
    [[ -s "$WORK/g$size.$column.json" ]] && echo "  JSON report ($column): $(($(wc -c < "$WORK/g$size.$column.json") / 1024)) KiB"
  done
  if [[ -s "$WORK/g$size.scan.json" && -s "$WORK/g$size.base.json" ]]; then
    cmp -s "$WORK/g$size.scan.json" "$WORK/g$size.base.json" && echo "  JSON reports of scan and base: identical" || echo "  JSON reports of scan and base: differ"
  fi
  if [[ -s "$WORK/g$size.scan.json" && -s "$WORK/g$size.aot.json" ]]; then
    cmp -s "$WORK/g$size.scan.json" "$WORK/g$size.aot.json" && echo "  JSON reports of scan and aot: identical" || echo "  JSON reports of scan and aot: differ"
  fi
  rm -f "$WORK/g$size".*.json
  cd "$ROOT"
  rm -rf "$WORK/g$size/repo"
done

echo
echo "| configs | column | wall (median of $N) | CPU user+sys (median) | peak RSS (median) | wall / pyyaml | CPU / pyyaml CPU | wall / cat |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
  py=$(echo "${wall[$size/pyyaml]}" | median)
  ct=$(echo "${wall[$size/cat]}" | median)
  pc=$(echo "${cpu[$size/pyyaml]}" | median)
  for column in "${columns[@]}"; do
    w=$(echo "${wall[$size/$column]}" | median)
    r=$(echo "${rss[$size/$column]}" | median)
    c=$(echo "${cpu[$size/$column]}" | median)
    echo "| $size | $column | ${w} s | ${c} s | $(awk -v k="$r" 'BEGIN {printf "%.0f", k / 1024}') MiB | $(awk -v a="$w" -v b="$py" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="$c" -v b="$pc" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="$w" -v b="$ct" 'BEGIN {printf (b > 0 ? "%.0f" : "n/a"), (b > 0 ? a / b : 0)}') |"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
