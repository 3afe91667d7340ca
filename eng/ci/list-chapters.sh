#!/usr/bin/env bash
# The chapters of a checkout as a JSON array of folder names, for a GitHub job matrix.
# Usage: eng/ci/list-chapters.sh [REPO]
source "$(dirname "$0")/common.sh"
root=${1:-$repo}
first=1
printf '['
for dir in "$root"/exercises/[0-9]*-*/; do
  ls "$dir"*.csproj >/dev/null 2>&1 || continue
  [ $first = 1 ] || printf ','
  printf '"%s"' "$(basename "$dir")"
  first=0
done
printf ']\n'
