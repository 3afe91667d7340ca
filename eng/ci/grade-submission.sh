#!/usr/bin/env bash
# Grades a submission with the TRUSTED checkout's grader and tests: nothing of the submission but
# its chapters' own .cs files is built or run (the grader's --trusted-tests mode), each chapter in
# the grader's bubblewrap sandbox.
# Usage: eng/ci/grade-submission.sh TRUSTED SUBMISSION OUT.json [CHAPTER] [DEVICE]
source "$(dirname "$0")/common.sh"
trusted=$(cd "${1:?trusted checkout}" && pwd)
submission=$(cd "${2:?submission checkout}" && pwd)
out=${3:?result file}
chapter=${4:-}
device=${5:-cpu}
# The submission's code runs only in the sandbox: the grader refuses to grade it otherwise.
bash "$trusted/eng/ci/install-sandbox.sh"
args=(grade --repo "$submission" --trusted-tests "$trusted" --device "$device" --json "$out" --markdown "${out%.json}.md")
[ -n "$chapter" ] && args+=(--chapter "$chapter")
katas_in "$trusted" "${args[@]}"
