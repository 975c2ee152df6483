#!/usr/bin/env bash
# Startup bench (issue 10, section 1): a cold single-stack scan of a bundled example against a hello-world .NET
# console, both started the same way (`dotnet X.dll`, framework-dependent, Release), in N alternating runs of one
# session so machine load hits both alike. Prints each run, the medians and their ratio, and the load average
# before and after. Not a test: nothing here asserts a time.
#
#   bash bench/startup/run.sh                 # N=10, examples/minimal-single-provider
#   N=20 EXAMPLE=examples/eu-multi-provider bash bench/startup/run.sh
#   FORMAT=json bash bench/startup/run.sh      # the scan writes this report format (default md)
#   GATEWAY_AUDIT_PHASES=1 dotnet <tool>/gateway-audit.dll scan EXAMPLE >/dev/null   # CPU time per phase, on stderr
#   R2R=1 bash bench/startup/run.sh           # also a ReadyToRun build of the tool (needs the linux-x64 runtime pack)
#   KNOBS=1 bash bench/startup/run.sh         # also the runtime knobs on the ReadyToRun build (implies R2R=1):
#                                             # TieredPGO off, quick JIT for loops off, tiered compilation off, R2R code ignored
#   KNOBS=1 KNOB_COLUMNS="r2r-pgo-off" bash bench/startup/run.sh   # only some of them
#   AOT=1 bash bench/startup/run.sh           # also a Native AOT build (publishes it: 20-40 minutes on the shared machine)
#   AOT_BIN=/tmp/aot/gateway-audit bash bench/startup/run.sh   # ... or an AOT binary published before
#   BASE_TOOL=/tmp/before bash bench/startup/run.sh   # also a tool published before (a folder with gateway-audit.dll,
#                                             # e.g. main's ReadyToRun build), for before/after in one alternating run
set -euo pipefail

N=${N:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EXAMPLE=${EXAMPLE:-examples/minimal-single-provider}
SCAN="scan $EXAMPLE --format ${FORMAT:-md}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet publish "$ROOT/src/GatewayAudit.Cli" -c Release -o "$WORK/tool" --nologo -v q >/dev/null
columns=(tool)
[[ "${KNOBS:-0}" == 1 ]] && R2R=1
if [[ "${R2R:-0}" == 1 ]]; then
  dotnet publish "$ROOT/src/GatewayAudit.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/tool-r2r" --nologo -v q >/dev/null
  columns+=(tool-r2r)
fi
if [[ "${AOT:-0}" == 1 && -z "${AOT_BIN:-}" ]]; then
  # Warnings are not errors here, so a new AOT warning still gives a binary to measure (the fifth round had none: bench/STARTUP.md).
  dotnet publish "$ROOT/src/GatewayAudit.Cli" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
    -o "$WORK/tool-aot" --nologo -v q >/dev/null
  AOT_BIN="$WORK/tool-aot/gateway-audit"
fi
[[ -n "${AOT_BIN:-}" ]] && columns+=(tool-aot)
[[ -n "${BASE_TOOL:-}" ]] && columns+=(base)
if [[ "${KNOBS:-0}" == 1 ]]; then
  # Each knob is the environment form of a runtimeconfig.json setting the project could ship
  # (<TieredPGO>, <TieredCompilationQuickJitForLoops>, <TieredCompilation>); DOTNET_ReadyToRun=0 runs the R2R build as if JIT-only.
  read -r -a knobs <<< "${KNOB_COLUMNS:-r2r-pgo-off r2r-qjfl-off r2r-tc-off r2r-ignored jit-pgo-off}"
  columns+=("${knobs[@]}")
fi

# The baseline: what `dotnet new console` gives, published the same way.
mkdir -p "$WORK/hello"
cat > "$WORK/hello/hello.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
</Project>
PROJ
echo 'Console.WriteLine("Hello, World!");' > "$WORK/hello/Program.cs"
dotnet publish "$WORK/hello/hello.csproj" -c Release -o "$WORK/hello/out" --nologo -v q >/dev/null
columns+=(hello)

command_for() {
  case "$1" in
    tool) echo "dotnet $WORK/tool/gateway-audit.dll $SCAN" ;;
    tool-r2r) echo "dotnet $WORK/tool-r2r/gateway-audit.dll $SCAN" ;;
    r2r-pgo-off) echo "env DOTNET_TieredPGO=0 dotnet $WORK/tool-r2r/gateway-audit.dll $SCAN" ;;
    r2r-qjfl-off) echo "env DOTNET_TC_QuickJitForLoops=0 dotnet $WORK/tool-r2r/gateway-audit.dll $SCAN" ;;
    r2r-tc-off) echo "env DOTNET_TieredCompilation=0 dotnet $WORK/tool-r2r/gateway-audit.dll $SCAN" ;;
    r2r-ignored) echo "env DOTNET_ReadyToRun=0 dotnet $WORK/tool-r2r/gateway-audit.dll $SCAN" ;;
    jit-pgo-off) echo "env DOTNET_TieredPGO=0 dotnet $WORK/tool/gateway-audit.dll $SCAN" ;;
    tool-aot) echo "$AOT_BIN $SCAN" ;;
    base) echo "dotnet $BASE_TOOL/gateway-audit.dll $SCAN" ;;
    hello) echo "dotnet $WORK/hello/out/hello.dll" ;;
  esac
}

# One untimed run each, so the first timed run does not also pay for the disk cache.
cd "$ROOT"
for column in "${columns[@]}"; do $(command_for "$column") >/dev/null 2>&1 || true; done

# Wall time, and CPU time (user + system, from /usr/bin/time when it is installed): on a loaded shared machine the
# CPU time a process needs moves far less than the time it waits for a core.
declare -A times cpus
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "%U %S" -o "$WORK/cpu")
for ((i = 1; i <= N; i++)); do
  line="run $i:"
  for column in "${columns[@]}"; do
    start=$(date +%s%N)
    "${timer[@]}" $(command_for "$column") >/dev/null 2>&1 || true
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    times[$column]+="$ms "
    line+=" $column ${ms} ms"
    if [[ ${#timer[@]} -gt 0 ]]; then
      cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/cpu")
      cpus[$column]+="$cpu "
      line+=" (cpu ${cpu})"
    fi
  done
  echo "$line"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
hello=$(echo "${times[hello]}" | median)
echo "medians over $N alternating runs ($SCAN):"
for column in "${columns[@]}"; do
  m=$(echo "${times[$column]}" | median)
  echo "  $column: $m ms ($(awk -v a="$m" -v b="$hello" 'BEGIN {printf "%.2f", a / b}') x hello)"
done
if [[ ${#timer[@]} -gt 0 ]]; then
  hello_cpu=$(echo "${cpus[hello]}" | median)
  echo "CPU time (user + system) medians:"
  for column in "${columns[@]}"; do
    m=$(echo "${cpus[$column]}" | median)
    echo "  $column: $m ms ($(awk -v a="$m" -v b="$hello_cpu" 'BEGIN {printf "%.2f", a / b}') x hello)"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
