#!/usr/bin/env bash
# GitHub Classroom (.github/workflows/classroom.yml of a course template): grades a student's push
# with the TRUSTED checkout's grader, tests and build files (only the student's own .cs files are
# taken from the push), each chapter in the grader's bubblewrap sandbox, and reports the score the
# way Classroom reads it: `katas grade --format classroom` prints the notice annotations
# "Autograding complete" (Points x/y) and "Autograding report" ({"totalPoints":x,"maxPoints":y})
# and writes the step output `result` (the classroom-resources graders' JSON, base64). The job
# summary gets the Markdown report; OUT_DIR keeps grade.json and summary.md.
# Usage: eng/ci/classroom-grade.sh TRUSTED SUBMISSION OUT_DIR [CHAPTER...]
source "$(dirname "$0")/common.sh"
trusted=$(cd "${1:?trusted checkout}" && pwd)
submission=$(cd "${2:?submission checkout}" && pwd)
out=${3:?out dir}
shift 3
mkdir -p "$out"
out=$(cd "$out" && pwd)
# The submission's code runs only in the sandbox: the grader refuses to grade it otherwise.
bash "$trusted/eng/ci/install-sandbox.sh"
args=(grade --repo "$submission" --trusted-tests "$trusted" --device cpu
      --format classroom --format "json=$out/grade.json" --format "markdown=$out/summary.md")
for chapter in "$@"; do args+=(--chapter "$chapter"); done
katas_in "$trusted" "${args[@]}"
summary "$out/summary.md"
