#!/usr/bin/env bash
# Restore (locked), build both tracks, and run the README's two test commands: the quick one
# (dotnet test) and the grader's end-to-end battery (dotnet run --project tests/Katas.Grader.EndToEnd).
# Usage: eng/ci/test.sh RESULTS_DIR [--coverage]
source "$(dirname "$0")/common.sh"
results=${1:?usage: test.sh RESULTS_DIR [--coverage]}
coverage=()
[ "${2:-}" = "--coverage" ] && coverage=(--collect "XPlat Code Coverage")
cd "$repo"
dotnet restore Katas.sln --locked-mode
dotnet build Katas.sln --no-restore -p:KataTrack=exercises
if [ -d solutions ]; then
  dotnet build Katas.sln --no-restore -p:KataTrack=solutions
  # The README's test command (with result files for CI):
  t=$(date +%s)
  dotnet test -p:KataTrack=solutions --no-build --logger trx --results-directory "$results" "${coverage[@]}"
  echo "test.sh: the README's test command took $(( $(date +%s) - t )) s"
  # The README's second command: the grader's end-to-end battery (it builds and grades whole courses).
  t=$(date +%s)
  dotnet run --project tests/Katas.Grader.EndToEnd --no-build -- -noColor -trx "$results/grader-end-to-end.trx"
  echo "test.sh: the grader's end-to-end battery took $(( $(date +%s) - t )) s"
else
  # A student's copy (katas export student): no answers to test against, and no tests/ (the Kit's
  # and the grader's tests stay in the master's CI). The chapters' tests are the student's
  # progress: eng/ci/grade-both-ways.sh reports them through the grader. Here: everything builds.
  echo "test.sh: no solutions/ folder (a course template): restored and built; the grader reports the chapters' tests"
fi
