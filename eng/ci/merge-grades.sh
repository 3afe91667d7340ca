#!/usr/bin/env bash
# Joins the per-chapter results of a pull request's grading into one result and summary, adds the
# CPU/GPU comparison when a GPU result exists, and prints the "Points x/y" line. Every chapter of
# the plan is in the result: one whose job left no result scores 0 of its maximum (katas merge
# --chapters), so a chapter that crashed its runner cannot shrink the maximum.
# Usage: eng/ci/merge-grades.sh PARTS_DIR GPU_DIR OUT_DIR CHAPTERS_JSON
#   CHAPTERS_JSON: the plan job's list, e.g. ["01-SimpleClassifier","02-MnistCnn"].
source "$(dirname "$0")/common.sh"
parts=${1:?parts dir}; gpu=${2:?gpu dir}; out=${3:?out dir}; chapters=${4:?the planned chapters as a JSON array}
mkdir -p "$out"
shopt -s nullglob
files=("$parts"/*.json)
[ ${#files[@]} -gt 0 ] || echo "merge-grades: no chapter results in $parts: every chapter scores 0" >&2
katas merge "${files[@]}" --chapters "$chapters" --repo "$repo" \
  --json "$out/grade.json" --markdown "$out/summary.md" --exercism "$out/exercism"
if [ -f "$gpu/gpu.json" ]; then
  katas report "$out/grade.json" "$gpu/gpu.json" --markdown "$out/cpu-vs-gpu.md"
  { echo; cat "$out/cpu-vs-gpu.md"; } >> "$out/summary.md"
fi
summary "$out/summary.md"
grep -E '^Points [0-9]+/[0-9]+' "$out/summary.md" | tail -n 1 || echo "merge-grades: no Points line in $out/summary.md" >&2
