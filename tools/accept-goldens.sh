#!/usr/bin/env bash
# Accepts the current output of the bundled examples as the new golden reports: the one way to rewrite
# tests/GatewayAudit.Cli.Tests/golden/. Then READ the diff as a privacy reviewer would before committing.
# Refuses to run in CI (where CI is set), and the golden tests refuse to rewrite there even if the variable leaks.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ]; then
  echo "accept-goldens: CI is set; golden files are never rewritten in CI" >&2
  exit 2
fi
GATEWAY_AUDIT_ACCEPT=1 dotnet test tests/GatewayAudit.Cli.Tests --filter GoldenReportTests "$@"
git --no-pager diff --stat -- tests/GatewayAudit.Cli.Tests/golden/
echo "accept-goldens: review with: git diff tests/GatewayAudit.Cli.Tests/golden/" >&2
