#!/usr/bin/env bash
# GitHub Classroom (.github/workflows/classroom.yml of a course template): which repository and
# commit hold the course's trusted tests. Writes repository=... and ref=... to $GITHUB_OUTPUT.
#   KATAS_COURSE_REPOSITORY set: that repository at KATAS_COURSE_REF (required with it: a commit,
#     a tag or a branch of the course repository).
#   otherwise: this repository (THIS_REPOSITORY) at its first commit, the template as the student
#     received it; KATAS_COURSE_REF, if set, names another commit of this repository.
# This script runs from the student's own checkout, as the workflow file itself does: the student
# can change both (docs/grader.md, "GitHub Classroom": what a student can still change).
# Usage: eng/ci/classroom-course.sh SUBMISSION_CHECKOUT
set -euo pipefail
checkout=${1:?usage: classroom-course.sh SUBMISSION_CHECKOUT}
out=${GITHUB_OUTPUT:?GITHUB_OUTPUT: the step output file}
course=${KATAS_COURSE_REPOSITORY:-}
ref=${KATAS_COURSE_REF:-}
fail() { echo "::error title=Autograding::$*"; echo "classroom-course: $*" >&2; exit 1; }
valid_ref() { [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$ ]] && [[ "$1" != *..* ]]; }
if [ -n "$course" ]; then
  [[ "$course" =~ ^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$ ]] || fail "KATAS_COURSE_REPOSITORY '$course' is not OWNER/NAME"
  [ -n "$ref" ] || fail "KATAS_COURSE_REPOSITORY is set, so KATAS_COURSE_REF must name the commit (or tag, or branch) of the course to grade with"
  valid_ref "$ref" || fail "KATAS_COURSE_REF '$ref' is not a commit, tag or branch name"
  repository=$course
  echo "Trusted tests: $course at $ref"
else
  repository=${THIS_REPOSITORY:?THIS_REPOSITORY: owner/name of this repository}
  if [ -z "$ref" ]; then
    # The oldest root commit (a repository made from a template has exactly one).
    ref=$(git -C "$checkout" rev-list --max-parents=0 HEAD | tail -n 1)
    [[ "$ref" =~ ^[0-9a-f]{40}$ ]] || fail "could not find this repository's first commit (is the checkout's fetch-depth 0?)"
    echo "Trusted tests: this repository's first commit $ref (the template as you received it)"
  else
    valid_ref "$ref" || fail "KATAS_COURSE_REF '$ref' is not a commit, tag or branch name"
    echo "Trusted tests: this repository at $ref"
  fi
fi
{ echo "repository=$repository"; echo "ref=$ref"; } >> "$out"
