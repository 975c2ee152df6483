#!/usr/bin/env bash
# Public-code recall run (not a test, not in Audit.sln). Unpacks each fetched repository into /work/code-corpus/NAME
# (never into this checkout: their code is not committed) and scans it with the built CLI, writing one JSON report
# per repository under /work/code-corpus/results/. Judge the results by hand against what a reviewer would list and
# record them in bench/CODE-CORPUS.md.
#
#   1. fetch each repository first (the agent tool: fetch github:OWNER/NAME), which leaves a git dir under /work/.mirror
#   2. dotnet build src/GatewayAudit.Cli -c Release
#   3. UNPACK_ONLY=1 bench/code-corpus/run.sh, then read each repository and write down what a reviewer would list
#   4. bench/code-corpus/run.sh            (repositories listed in repos.txt, one OWNER/NAME per line)
#      REPOS=heldout.txt bench/code-corpus/run.sh   (another list beside this script, e.g. the held-out set)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${CODE_CORPUS:-/work/code-corpus}"
cli="$root/src/GatewayAudit.Cli/bin/Release/net10.0/gateway-audit.dll"
[ -f "$cli" ] || cli="$root/src/GatewayAudit.Cli/bin/Debug/net10.0/gateway-audit.dll"
mkdir -p "$corpus/results"
while read -r repo; do
  [ -z "$repo" ] || [ "${repo#\#}" != "$repo" ] && continue
  name="${repo//\//+}"
  git_dir="/work/.mirror/$name/repo"
  [ -d "$git_dir" ] || { echo "skip $repo: not fetched"; continue; }
  commit="$(git --git-dir="$git_dir" rev-parse --short HEAD)"
  # Unpacked before at the same commit (marker beside the folder): scan it again as it is.
  if [ "$(cat "$corpus/results/$name.commit" 2>/dev/null)" != "$commit" ]; then
  rm -rf "${corpus:?}/$name" && mkdir -p "$corpus/$name"
  # The mirror may leave out its largest blobs (binaries, data); unpack blob by blob and skip the absent ones.
  git --git-dir="$git_dir" ls-tree -r -z HEAD | while IFS= read -r -d '' entry; do
    meta="${entry%%$'\t'*}"; path="${entry#*$'\t'}"; set -- $meta
    [ "$2" = blob ] && git --git-dir="$git_dir" cat-file -e "$3" 2>/dev/null || continue
    mkdir -p "$corpus/$name/$(dirname "$path")"
    git --git-dir="$git_dir" cat-file blob "$3" > "$corpus/$name/$path"
  done
  echo "$commit" > "$corpus/results/$name.commit"
  fi
  # UNPACK_ONLY=1: unpack only, so the expected parties are written down from the source before any report is read.
  [ "${UNPACK_ONLY:-0}" = 1 ] && { echo "$repo@$commit unpacked"; continue; }
  set +e
  (cd "$corpus" && dotnet "$cli" scan "$name" --format json --output "results/$name.json" 2> "results/$name.err" < /dev/null)
  code=$?
  set -e
  echo "$repo@$commit exit=$code"
done < "$(dirname "$0")/${REPOS:-repos.txt}"
