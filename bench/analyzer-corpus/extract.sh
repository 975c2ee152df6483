#!/usr/bin/env bash
# Reads the *.cs and *.csproj files of each fetched snapshot listed in repos.tsv out of its git directory into
# /work/analyzer-corpus/<name> (outside the repository: nothing of them is ever committed). Only those blobs are
# read, so snapshots whose large binaries are absent still extract.
set -euo pipefail
mirror=${MIRROR:-/work/.mirror}
out=${CORPUS:-/work/analyzer-corpus}
here=$(cd "$(dirname "$0")" && pwd)
grep -v '^#' "$here/repos.tsv" | while IFS=$'\t' read -r repo commit adapter; do
  [ -z "$repo" ] && continue
  git_dir="$mirror/${repo/\//+}/repo"
  name=${repo#*/}
  rm -rf "${out:?}/$name"; mkdir -p "$out/$name"
  git --git-dir="$git_dir" ls-tree -r "$commit" | awk -F'\t' '$2 ~ /\.(cs|csproj)$/ { split($1, m, " "); print m[3] "\t" $2 }' |
    while IFS=$'\t' read -r blob path; do
      mkdir -p "$out/$name/$(dirname "$path")"
      git --git-dir="$git_dir" cat-file blob "$blob" > "$out/$name/$path" 2>/dev/null || rm -f "$out/$name/$path"
    done
  echo "$name: $(find "$out/$name" -name '*.cs' | wc -l) .cs, $(find "$out/$name" -name '*.csproj' | wc -l) .csproj"
done
