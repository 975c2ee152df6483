#!/usr/bin/env bash
# Re-extracts the recorded deployment files of the regression corpus out of fetched mirrors.
#
#   bench/config-corpus/extract.sh MIRROR_GIT_DIR [CORPUS_DIR]
#   bench/config-corpus/extract.sh --all MIRROR_ROOT [CORPUS_DIR]
#
# MIRROR_GIT_DIR is a bare git dir as the session's fetch tool leaves it, e.g.
# /work/.mirror/Helmi+oss-llmops-stack/repo (the "owner+name" folder names the repository). With --all, every
# "owner+name/repo" under MIRROR_ROOT is used. For each deployment of deployments.yaml whose `repo` is that
# repository, the recorded `paths` are written from the recorded `commit` into CORPUS_DIR/<id>/<path>
# (default CORPUS_DIR: /work/corpus). The mirror must hold that commit (fetch keeps history).
# The corpus folder stays outside any repository: nothing extracted is ever committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
manifest="$here/deployments.yaml"

extract_one() {
  local gitdir="$1" corpus="$2"
  local folder repo
  folder="$(basename "$(dirname "$gitdir")")"
  repo="${folder/+//}"
  python3 - "$manifest" "$repo" <<'PY' | while IFS=$'\t' read -r id commit path; do
import sys, yaml
manifest, repo = sys.argv[1], sys.argv[2]
for d in yaml.safe_load(open(manifest))["deployments"]:
    if d["repo"].lower() == repo.lower():
        for p in d["paths"]:
            print(f"{d['id']}\t{d['commit']}\t{p}")
PY
    mkdir -p "$corpus/$id/$(dirname "$path")"
    git --git-dir="$gitdir" show "$commit:$path" > "$corpus/$id/$path"
    echo "$id/$path"
  done
}

if [[ "${1:-}" == "--all" ]]; then
  root="${2:?mirror root}"; corpus="${3:-/work/corpus}"
  for g in "$root"/*+*/repo; do extract_one "$g" "$corpus"; done
else
  extract_one "${1:?mirror git dir}" "${2:-/work/corpus}"
fi
