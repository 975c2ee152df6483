#!/usr/bin/env bash
# The install step of the gateway-audit GitHub Action: puts `gateway-audit` on PATH as a .NET global tool.
#   TOOL_SOURCE set:   dotnet tool install --global GatewayAudit.Cli [--version TOOL_VERSION] --add-source TOOL_SOURCE
#                      (a NuGet feed URL or a folder holding GatewayAudit.Cli.*.nupkg)
#   TOOL_SOURCE empty: pack the CLI from this action's own checkout (ACTION_PATH) and install that package; on Linux
#                      x64 (GitHub's hosted runners) packed ReadyToRun, which starts a cold scan with a third less CPU
set -euo pipefail

args=(tool install --global GatewayAudit.Cli)
[[ -n "${TOOL_VERSION:-}" ]] && args+=(--version "$TOOL_VERSION")
if [[ -z "${TOOL_SOURCE:-}" ]]; then
  TOOL_SOURCE=$(mktemp -d)
  pack=(pack "${ACTION_PATH:?}/src/GatewayAudit.Cli" -c Release -o "$TOOL_SOURCE" --nologo -v q)
  [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] && pack+=(-p:ReadyToRunTool=true)
  dotnet "${pack[@]}"
fi
dotnet "${args[@]}" --add-source "$TOOL_SOURCE"
echo "$HOME/.dotnet/tools" >> "${GITHUB_PATH:-/dev/null}"
