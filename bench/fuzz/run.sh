#!/usr/bin/env bash
# Fuzzes the whole scan for a fixed budget (default 300 s): real-shaped configs, compose, Helm, Kubernetes, Portkey
# and OpenRouter JSON, .env, baseline and DPA files, mutated (byte flips, truncation, duplication, indentation,
# YAML indicators, huge numbers, deep nesting). Not part of `dotnet test` (the suite runs the same harness for a few
# seconds). Each failure's CsCheck seed and input land in bench/fuzz/failures/; turn each into a regression test.
#   bench/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -v q bench/GatewayAudit.Fuzz
dotnet run -c Release --no-build --project bench/GatewayAudit.Fuzz -- "${1:-300}" bench/fuzz/failures
