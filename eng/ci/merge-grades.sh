#!/usr/bin/env bash
# Joins the per-chapter results of a pull request's grading into one result and summary, adds the
# CPU/GPU comparison when a GPU result exists, and prints the "Points x/y" line.
# Usage: eng/ci/merge-grades.sh PARTS_DIR GPU_DIR OUT_DIR   (PR_NUMBER in the environment)
source "$(dirname "$0")/common.sh"
parts=${1:?parts dir}; gpu=${2:?gpu dir}; out=${3:?out dir}
mkdir -p "$out"
shopt -s nullglob
files=("$parts"/*.json)
[ ${#files[@]} -gt 0 ] || { echo "merge-grades: no chapter results in $parts" >&2; exit 1; }
katas merge "${files[@]}" --json "$out/grade.json" --markdown "$out/summary.md" --exercism "$out/exercism"
if [ -f "$gpu/gpu.json" ]; then
  katas report "$out/grade.json" "$gpu/gpu.json" --markdown "$out/cpu-vs-gpu.md"
  { echo; cat "$out/cpu-vs-gpu.md"; } >> "$out/summary.md"
fi
echo "${PR_NUMBER:-0}" > "$out/pr-number"
summary "$out/summary.md"
grep -E '^Points [0-9]+/[0-9]+' "$out/summary.md" | tail -n 1
