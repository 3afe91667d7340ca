#!/usr/bin/env bash
# Exercises, here, the scripts the pull-request workflows run on GitHub: list the chapters, grade
# one with trusted tests (this checkout as both trusted copy and submission), merge, build the
# comment body, and refuse an artifact whose pull-request number is not a number.
# Usage: eng/ci/check-pr-path.sh OUT_DIR
source "$(dirname "$0")/common.sh"
out=${1:?usage: check-pr-path.sh OUT_DIR}
rm -rf "$out"; mkdir -p "$out"
chapters=$(bash "$repo/eng/ci/list-chapters.sh")
echo "chapters: $chapters"
[[ "$chapters" =~ ^\[\"[0-9]+-[A-Za-z0-9]+\"(,\"[0-9]+-[A-Za-z0-9]+\")*\]$ ]] || { echo "list-chapters: not a JSON array of chapters" >&2; exit 1; }
first=$(echo "$chapters" | sed -E 's/^\["([^"]+)".*/\1/')
bash "$repo/eng/ci/grade-submission.sh" "$repo" "$repo" "$out/parts/$first.json" "$first"
PR_NUMBER=42 bash "$repo/eng/ci/merge-grades.sh" "$out/parts" "$out/no-gpu" "$out/grade"
bash "$repo/eng/ci/pr-comment.sh" "$out/grade" "$out/comment.md"
grep -q '^<!-- katas-grade -->$' "$out/comment.md"
grep -qE '^Points [0-9]+/[0-9]+' "$out/comment.md"
echo "not-a-number; rm -rf /" > "$out/grade/pr-number"
if bash "$repo/eng/ci/pr-comment.sh" "$out/grade" "$out/comment2.md" 2>/dev/null; then
  echo "pr-comment accepted a pull-request number that is not a number" >&2; exit 1
fi
echo "pull-request path: ok"
