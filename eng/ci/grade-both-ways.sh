#!/usr/bin/env bash
# The grader, both ways: the manifest is current, the solutions track scores every point, and every
# exercise test is "not implemented" (red because of its stub). Markdown goes to the job summary.
# Usage: eng/ci/grade-both-ways.sh RESULTS_DIR
source "$(dirname "$0")/common.sh"
out=${1:?usage: grade-both-ways.sh RESULTS_DIR}
mkdir -p "$out"
cd "$repo"
katas manifest --check
status=0
if [ ! -d solutions ]; then
  # A student's copy: report the progress; there is nothing to expect of it.
  katas grade --track exercises --json "$out/exercises.json" --markdown "$out/exercises.md" || status=$?
  summary "$out/exercises.md"
  exit $status
fi
katas grade --track solutions --expect passed --json "$out/solutions.json" --markdown "$out/solutions.md" || status=$?
summary "$out/solutions.md"
katas grade --track exercises --expect not-implemented --json "$out/exercises.json" --markdown "$out/exercises.md" || status=$?
summary "$out/exercises.md"
exit $status
