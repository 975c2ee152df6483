#!/usr/bin/env bash
# Packs, checks and (optionally) pushes one release of gateway-audit: the four packages users install, together.
#
#   bash tools/release/release.sh VERSION [OUT_DIR]          pack and check only (OUT_DIR defaults to artifacts/)
#   PUSH_SOURCE=URL NUGET_API_KEY=KEY bash tools/release/release.sh VERSION
#                                                            ... then push to that feed
#
# The packages (README, "Native AOT"):
#   GatewayAudit.Analyzers       the Roslyn analyzer (GW001-GW004)
#   GatewayAudit.Cli.linux-x64   the tool as a Native AOT executable
#   GatewayAudit.Cli.any         the tool framework-dependent, for every other platform
#   GatewayAudit.Cli             the pointer package `dotnet tool install GatewayAudit.Cli` resolves first
# Before anything is pushed, the AOT executable must pass bench/startup/aot-check.sh (every golden byte for byte,
# every other path equal to the JIT build) and the tool installed from OUT_DIR alone must be the AOT build and must
# print the golden report of a bundled example. Pushed in this order: the analyzer, the two RID packages, the pointer
# last, each with --skip-duplicate. A pointer whose RID package is missing fails every linux-x64 install ("is not
# found"), so the pointer goes up only once both are there, and a rerun after a failed push completes the release.
#
#   AOT_CHECK   the bash script that checks the AOT executable (default bench/startup/aot-check.sh; tests stand it in)
# The API key is passed to `dotnet nuget push` only; this script never prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

version=${1:-}
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release: VERSION must be a semantic version such as 0.2.0 or 0.2.0-rc.1 (got '${version}')" >&2
  echo "usage: bash tools/release/release.sh VERSION [OUT_DIR]" >&2
  exit 2
fi
out=${2:-$root/artifacts}
if [[ -e $out && -n $(ls -A "$out" 2>/dev/null) ]]; then
  echo "release: $out is not empty; give an empty or new folder, so no package of another version goes out with this one" >&2
  exit 2
fi
if [[ -n ${PUSH_SOURCE:-} && -z ${NUGET_API_KEY:-} ]]; then
  echo "release: PUSH_SOURCE is set but NUGET_API_KEY is not" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

step() { printf '\n== %s\n' "$*"; }
common=(-c Release -o "$out" --nologo -p:Version="$version")
cli=src/GatewayAudit.Cli

step "pack GatewayAudit.Analyzers $version"
dotnet pack analyzers/GatewayAudit.Analyzers "${common[@]}"
step "pack GatewayAudit.Cli $version (pointer)"
dotnet pack "$cli" "${common[@]}" -p:AotTool=true
step "pack GatewayAudit.Cli.linux-x64 $version (Native AOT)"
dotnet pack "$cli" "${common[@]}" -p:AotTool=true -r linux-x64
step "pack GatewayAudit.Cli.any $version (framework-dependent)"
dotnet pack "$cli" "${common[@]}" -p:AotTool=true -r any -p:PublishAot=false

packages=(GatewayAudit.Analyzers GatewayAudit.Cli.linux-x64 GatewayAudit.Cli.any GatewayAudit.Cli)
for id in "${packages[@]}"; do
  if [[ ! -f $out/$id.$version.nupkg ]]; then
    echo "release: $id.$version.nupkg is missing from $out (found: $(cd "$out" && ls -- *.nupkg 2>/dev/null | tr '\n' ' '))" >&2
    exit 1
  fi
done

step "check the Native AOT executable against the goldens and the JIT build"
bash "${AOT_CHECK:-bench/startup/aot-check.sh}" "$cli/bin/Release/net10.0/linux-x64/publish/gateway-audit" || {
  echo "release: the AOT executable differs from the JIT build (above); nothing was pushed" >&2
  exit 1
}

step "install $version from $out alone and scan a bundled example"
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
dotnet tool install GatewayAudit.Cli --version "$version" --tool-path "$tools" --source "$out"
if [[ ! -d $tools/.store/gatewayaudit.cli/$version/gatewayaudit.cli.linux-x64 ]]; then
  echo "release: the installed tool is not the Native AOT build (no gatewayaudit.cli.linux-x64 in the tool store)" >&2
  exit 1
fi
golden=tests/GatewayAudit.Cli.Tests/golden/minimal-single-provider.md
if ! "$tools/gateway-audit" scan examples/minimal-single-provider --format md | cmp -s - "$golden"; then
  echo "release: the installed tool's report of examples/minimal-single-provider differs from $golden; nothing was pushed" >&2
  exit 1
fi
echo "ok: the installed tool is the AOT build and prints the golden report"

if [[ -z ${PUSH_SOURCE:-} ]]; then
  step "packed and checked, not pushed (set PUSH_SOURCE and NUGET_API_KEY to push)"
  ls -l "$out"
  exit 0
fi
for id in "${packages[@]}"; do
  step "push $id.$version"
  dotnet nuget push "$out/$id.$version.nupkg" --source "$PUSH_SOURCE" --api-key "$NUGET_API_KEY" --skip-duplicate
done
step "released $version to $PUSH_SOURCE"
