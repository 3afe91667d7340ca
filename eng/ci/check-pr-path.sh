#!/usr/bin/env bash
# Plays, here, the pull requests the grading workflow (.github/workflows/grade.yml) must withstand,
# through the same eng/ci scripts its steps run, with a fake `gh` (eng/ci/testing/gh) standing in
# for GitHub:
#   1. a hostile submission: edited workflow, CI scripts, build files and tests; graded with the
#      trusted checkout, it scores what its code earns (nothing: the stubs) and the edits are reported;
#   2. a missing chapter: the plan had two, one result came back: the other scores 0 of its maximum;
#   3. an honest pull request gets its comment and its check (and the same comment on a re-run),
#      though the artifact names another pull request and a student wrote a comment with the marker;
#   4. a stale grade (the pull request moved on) is not posted; a head SHA or a branch name that
#      belongs to no open pull request finds nothing, and a branch name is never run as code;
#   5. a huge failure report is cut to what GitHub accepts; a summary without a Points line gets
#      the check "no score" (under bash -eo pipefail, as GitHub runs steps).
# Usage: eng/ci/check-pr-path.sh OUT_DIR
source "$(dirname "$0")/common.sh"
for tool in jq iconv; do
  command -v "$tool" >/dev/null || { echo "check-pr-path: needs $tool (Debian/Ubuntu: apt-get install $tool; GitHub's runners have it)" >&2; exit 1; }
done
out=${1:?usage: check-pr-path.sh OUT_DIR}
out=$(mkdir -p "$out" && cd "$out" && pwd)
rm -rf "${out:?}"/*
cases=0
ok() { cases=$((cases + 1)); echo "  ok: $*"; }
fail() { echo "check-pr-path: FAILED: $*" >&2; exit 1; }

chapters=$(bash "$repo/eng/ci/list-chapters.sh")
echo "chapters: $chapters"
[[ "$chapters" =~ ^\[\"[0-9]+-[A-Za-z0-9]+\"(,\"[0-9]+-[A-Za-z0-9]+\")*\]$ ]] || fail "list-chapters: not a JSON array of chapters"
first=$(jq -r '.[0]' <<< "$chapters"); second=$(jq -r '.[1] // empty' <<< "$chapters")
max_of() { jq --arg c "$1" '[.tests[$c][]] | add' "$repo/grader/tests-manifest.json"; }

echo "1. a hostile submission, graded with the trusted checkout"
sub=$out/submission
mkdir -p "$sub/exercises" "$sub/.github/workflows" "$sub/eng/ci" "$sub/grader"
cp -R "$repo/exercises/$first" "$sub/exercises/"
cp "$repo/grader/tests-manifest.json" "$sub/grader/"   # a fork has the course's manifest
rm -rf "$sub/exercises/$first"/{bin,obj}
printf 'name: Grade\non: pull_request\njobs:\n  forge:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "Points 999/999"\n' \
  > "$sub/.github/workflows/grade.yml"
printf '#!/usr/bin/env bash\necho "Points 999/999"\n' | tee "$sub/eng/ci/merge-grades.sh" > "$sub/eng/ci/grade-submission.sh"
printf '<Project>\n  <Target Name="Forge" BeforeTargets="Build"><Error Text="the submission'"'"'s build file ran" /></Target>\n</Project>\n' \
  > "$sub/Directory.Build.props"
test_file=$(cd "$sub" && ls exercises/"$first"/Tests/*Tests.cs | head -n 1)
printf 'namespace Forged;\npublic class Everything { [Fact, Points(100)] public void Passes() { } }\n' > "$sub/$test_file"
bash "$repo/eng/ci/grade-submission.sh" "$repo" "$sub" "$out/parts/$first.json" "$first" > "$out/hostile-grade.log" 2>&1 \
  || { tail -n 30 "$out/hostile-grade.log"; fail "grading the hostile submission"; }
result=$out/parts/$first.json
[ "$(jq '.run.sandboxed' "$result")" = true ] || fail "the submission was not graded in the sandbox: $(jq -r '.run.sandboxNote' "$result")"
[ "$(jq '.score.points' "$result")" = 0 ] || fail "the hostile submission scored $(jq -c .score "$result"): its own tests or build files were used"
[ "$(jq '.score.maxPoints' "$result")" = "$(max_of "$first")" ] || fail "the maximum is not the manifest's $(max_of "$first")"
[ "$(jq '[.chapters[0].tests[] | select(.status != "not-implemented")] | length' "$result")" = 0 ] \
  || fail "a test of the stubs did not end 'not implemented': $(jq -c '[.chapters[0].tests[] | .status] | unique' "$result")"
jq -e --arg f "$test_file" '.tamper.changed | index($f)' "$result" >/dev/null || fail "the edited test file $test_file is not reported"
jq -e '.tamper.changed | index("Directory.Build.props")' "$result" >/dev/null || fail "the edited Directory.Build.props is not reported"
ok "edited grade.yml, CI scripts, Directory.Build.props and $test_file: 0/$(max_of "$first") (the stubs' score), the edits reported, graded in the sandbox"

echo "2. a missing chapter"
plan="[\"$first\",\"$second\"]"
bash "$repo/eng/ci/merge-grades.sh" "$out/parts" "$out/no-gpu" "$out/grade" "$plan" > "$out/merge.log" 2>&1 \
  || { cat "$out/merge.log"; fail "merge-grades"; }
want="Points 0/$(( $(max_of "$first") + $(max_of "$second") ))"
[ "$(points_in "$out/grade/summary.md")" = "$want" ] || fail "merged: '$(points_in "$out/grade/summary.md")', expected '$want'"
grep -q "not graded: its grading job left no result" "$out/grade/summary.md" || fail "the summary does not say why $second has no points"
ok "plan $plan, one result: $want, and the summary says why"

echo "3. GitHub (faked): an honest pull request gets its comment and check"
state=$out/github; mkdir -p "$state"
sha_a=$(printf 'a%.0s' {1..40}); sha_b=$(printf 'b%.0s' {1..40}); sha_c=$(printf 'c%.0s' {1..40})
cat > "$state/pulls.json" <<JSON
[{"number": 3, "state": "open", "head": {"sha": "$sha_a", "ref": "work", "label": "alice:work"}},
 {"number": 7, "state": "open", "head": {"sha": "$sha_b", "ref": "main", "label": "bob:main"}}]
JSON
cat > "$state/comments.json" <<JSON
[{"id": 1001, "issue": 3, "body": "$marker\nPoints 100/100 (a student's comment, made to look like the grade)", "user": {"login": "alice", "type": "User"}},
 {"id": 1002, "issue": 7, "body": "$marker\nthe grade of #7", "user": {"login": "github-actions[bot]", "type": "Bot"}}]
JSON
echo '[]' > "$state/checks.json"
export PATH="$repo/eng/ci/testing:$PATH" FAKE_GH_STATE=$state GITHUB_REPOSITORY=course/katas GH_TOKEN=fake
[ "$(command -v gh)" = "$repo/eng/ci/testing/gh" ] || fail "the fake gh is not the one on PATH"
find_pr() { : > "$out/found"; HEAD_SHA=$1 HEAD_OWNER=$2 HEAD_BRANCH=$3 GITHUB_OUTPUT=$out/found bash "$repo/eng/ci/find-pr.sh" >/dev/null; }
find_pr "$sha_a" alice work
grep -qx 'pr=3' "$out/found" && grep -qx 'found=true' "$out/found" || fail "find-pr: $(cat "$out/found")"
echo 7 > "$out/grade/pr-number"   # what the old workflow trusted; ignored now
bash "$repo/eng/ci/post-grade.sh" "$out/grade" 3 "$sha_a" > "$out/post.log" || fail "post-grade: $(cat "$out/post.log")"
bot_comments() { jq --argjson n "$1" '[.[] | select(.issue == $n and .user.login == "github-actions[bot]")]' "$state/comments.json"; }
[ "$(bot_comments 3 | jq length)" = 1 ] || fail "#3 has $(bot_comments 3 | jq length) grade comments, expected 1"
bot_comments 3 | jq -e --arg m "$marker" --arg p "**$want**" '.[0].body | startswith($m + "\n" + $p)' >/dev/null || fail "#3's comment: $(bot_comments 3 | jq -r '.[0].body' | head -3)"
jq -e '.[] | select(.id == 1001) | .body | contains("a student'"'"'s comment")' "$state/comments.json" >/dev/null || fail "the student's comment on #3 was edited"
jq -e '.[] | select(.id == 1002) | .body | endswith("the grade of #7")' "$state/comments.json" >/dev/null || fail "#7's comment was edited: the artifact's pr-number was used"
jq -e --arg s "$sha_a" --arg t "$want" 'length == 1 and .[0].head_sha == $s and .[0]["output[title]"] == $t and .[0].name == "Katas score"' \
  "$state/checks.json" >/dev/null || fail "the check: $(jq -c '.[] | {head_sha, title: .["output[title]"]}' "$state/checks.json")"
ok "find-pr: #3 from its head SHA; one comment and the check '$want' on #3 (a pr-number 7 in the artifact ignored, #7 and the student's marker comment untouched)"
bash "$repo/eng/ci/post-grade.sh" "$out/grade" 3 "$sha_a" > "$out/post2.log" || fail "post-grade again: $(cat "$out/post2.log")"
[ "$(bot_comments 3 | jq length)" = 1 ] && grep -q 'updated comment' "$out/post2.log" || fail "a re-run did not update the bot's comment: $(cat "$out/post2.log")"
ok "a re-run edits the bot's own comment, never adds a second"

echo "4. stale grades and pull requests that are not there"
jq --arg s "$sha_c" 'map(if .number == 3 then .head.sha = $s else . end)' "$state/pulls.json" > "$state/p" && mv "$state/p" "$state/pulls.json"
calls=$(wc -l < "$state/calls.log"); checks=$(jq length "$state/checks.json")
bash "$repo/eng/ci/post-grade.sh" "$out/grade" 3 "$sha_a" > "$out/post3.log" || fail "post-grade (stale): $(cat "$out/post3.log")"
grep -q 'stale, not posted' "$out/post3.log" || fail "a stale grade: $(cat "$out/post3.log")"
! tail -n +"$((calls + 1))" "$state/calls.log" | grep -qE -- '-X (POST|PATCH)' && [ "$(jq length "$state/checks.json")" = "$checks" ] \
  || fail "a stale grade wrote to GitHub: $(tail -n +"$((calls + 1))" "$state/calls.log")"
ok "a grade for ${sha_a:0:7} after #3 moved to ${sha_c:0:7}: nothing posted"
find_pr "$sha_a" alice work; grep -qx 'found=false' "$out/found" || fail "find-pr found a pull request for an old head: $(cat "$out/found")"
find_pr "$sha_b" alice work; grep -qx 'found=false' "$out/found" || fail "find-pr matched #7's head SHA from alice's branch: $(cat "$out/found")"
find_pr "$sha_b" bob 'main$(touch${IFS}'"$out"'/pwned)'; grep -qx 'found=false' "$out/found" && [ ! -e "$out/pwned" ] || fail "a branch name with \$(...) was run or matched"
ok "an old head SHA, another pull request's SHA, and a branch named 'main\$(touch …)' find no pull request (and run nothing)"

echo "5. a huge failure report; a summary without a Points line"
huge=$out/huge; mkdir -p "$huge"
{ echo "## TorchSharp Katas"; for i in $(seq 1 4000); do echo "- **Test $i — fails** (failed): expected 1.0 but was 2.0 ✗ ünïcödé"; done; echo "Points 1/2"; } > "$huge/summary.md"
bash "$repo/eng/ci/post-grade.sh" "$huge" 7 "$sha_b" > "$out/post4.log" 2> "$out/post4.err" || fail "post-grade (huge): $(cat "$out/post4.err")"
jq -e '.[] | select(.id == 1002) | .body | (length <= 65536) and contains("cut here")' "$state/comments.json" >/dev/null || fail "#7's comment was not cut to size"
jq -e '.[-1] | (.["output[summary]"] | length <= 65535) and .["output[title]"] == "Points 1/2"' "$state/checks.json" >/dev/null || fail "the check of a huge report"
jq -e '.[] | select(.id == 1002) | .body | test("\uFFFD") | not' "$state/comments.json" >/dev/null || fail "a character was cut in half"
ok "a $(wc -c < "$huge/summary.md")-byte report: comment $(jq '.[] | select(.id == 1002) | .body | length' "$state/comments.json") characters, check summary $(jq '.[-1]["output[summary]"] | length' "$state/checks.json"), title 'Points 1/2'"
nopoints=$out/no-points; mkdir -p "$nopoints"
printf '## TorchSharp Katas\n\nThe merge job failed before the table.\n' > "$nopoints/summary.md"
bash -eo pipefail "$repo/eng/ci/post-grade.sh" "$nopoints" 7 "$sha_b" > "$out/post5.log" 2>&1 || fail "post-grade (no Points line): $(cat "$out/post5.log")"
jq -e '.[-1]["output[title]"] == "no score"' "$state/checks.json" >/dev/null || fail "the check of a summary without Points: $(jq -c '.[-1]["output[title]"]' "$state/checks.json")"
ok "no Points line: the check 'no score' is still posted"

echo "pull-request path: ok ($cases cases)"
