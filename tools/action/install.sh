#!/usr/bin/env bash
# The install step of the gateway-audit GitHub Action: puts `gateway-audit` on PATH as a .NET tool.
#
#   TOOL_SOURCE set:   dotnet tool install GatewayAudit.Cli [--version TOOL_VERSION] --add-source TOOL_SOURCE
#                      (a NuGet feed URL or a folder holding the packages). NuGet picks the build for the runner: from
#                      a feed holding the Native AOT packages (the pointer GatewayAudit.Cli, GatewayAudit.Cli.linux-x64
#                      and GatewayAudit.Cli.any: README, "Native AOT"), a linux-x64 runner gets the AOT executable
#                      (a cold scan ~1.5 x a hello world, bench/STARTUP.md) and any other runner the framework-dependent
#                      `any` package; from a feed holding the plain package, every runner gets that.
#                      --add-source keeps the runner's configured sources (and their credentials), so an empty
#                      TOOL_VERSION takes the highest version any of them has: pin TOOL_VERSION.
#   TOOL_SOURCE empty: pack the CLI from this action's own checkout (ACTION_PATH) and install that package from that
#                      folder alone (--source: no other feed can answer for the name). On Linux x64 it is packed
#                      ReadyToRun (a cold scan takes a third less CPU than JIT), not Native AOT: the AOT compile takes
#                      20-40 minutes on a 2-core runner, on every job, against 1-3 minutes for the ReadyToRun pack.
#   TOOL_PATH          install into this folder instead of the user's global tools folder (tests; optional)
#   RUNNER_OS, RUNNER_ARCH   set by GitHub (Linux, X64); uname is asked when they are not set
# The folder holding the command goes to GITHUB_PATH; the log says which build was installed.
set -euo pipefail

args=(tool install GatewayAudit.Cli)
if [[ -n "${TOOL_PATH:-}" ]]; then
  args+=(--tool-path "$TOOL_PATH")
  tools=$TOOL_PATH
else
  args+=(--global)
  tools=$HOME/.dotnet/tools
fi
[[ -n "${TOOL_VERSION:-}" ]] && args+=(--version "$TOOL_VERSION")

if [[ -n "${TOOL_SOURCE:-}" ]]; then
  args+=(--add-source "$TOOL_SOURCE")
else
  feed=$(mktemp -d)
  pack=(pack "${ACTION_PATH:?}/src/GatewayAudit.Cli" -c Release -o "$feed" --nologo -v q)
  case "${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}" in
    Linux-X64 | Linux-x86_64) pack+=(-p:ReadyToRunTool=true) ;;
  esac
  dotnet "${pack[@]}"
  args+=(--source "$feed")
fi
dotnet "${args[@]}"

# Which build NuGet chose, read from the tool store: a RID package (GatewayAudit.Cli.linux-x64 is the Native AOT
# build, GatewayAudit.Cli.any the framework-dependent fallback), or one package laid out for linux-x64 (ReadyToRun).
store=$tools/.store/gatewayaudit.cli
build="framework-dependent (GatewayAudit.Cli)"
for dir in "$store"/*/gatewayaudit.cli.* "$store"/*/gatewayaudit.cli/*/tools/*/linux-x64; do
  [[ -d "$dir" ]] || continue
  case "$dir" in
    */tools/*/linux-x64) build="ReadyToRun for linux-x64 (GatewayAudit.Cli)" ;;
    */gatewayaudit.cli.any) build="framework-dependent (GatewayAudit.Cli.any: no Native AOT package for this platform)" ;;
    *) build="Native AOT (GatewayAudit.Cli.${dir##*/gatewayaudit.cli.})" ;;
  esac
done
echo "gateway-audit action: installed $build into $tools"
echo "$tools" >> "${GITHUB_PATH:-/dev/null}"
