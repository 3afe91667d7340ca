#!/usr/bin/env bash
# Which pull request a "Submission" run belongs to, asked of GitHub, never of an artifact: the open
# pull request whose head is HEAD_OWNER:HEAD_BRANCH and whose head commit is HEAD_SHA (all three from
# the workflow_run event, set by GitHub). None (the branch moved on, the pull request was closed) or
# more than one: nothing is graded. Writes pr=N (or nothing) and found=true|false to $GITHUB_OUTPUT
# (stdout outside GitHub). The branch name is the student's: it is only ever passed as data.
# Usage: HEAD_SHA=... HEAD_OWNER=... HEAD_BRANCH=... GITHUB_REPOSITORY=owner/repo eng/ci/find-pr.sh
source "$(dirname "$0")/common.sh"
: "${GITHUB_REPOSITORY:?}" "${HEAD_OWNER:?}" "${HEAD_BRANCH:?}"
sha=${HEAD_SHA:?}
output=${GITHUB_OUTPUT:-/dev/stdout}
[[ "$sha" =~ ^[0-9a-f]{40}$ ]] || { echo "find-pr: '$sha' is not a commit SHA" >&2; exit 1; }
# -X GET: with -f fields, gh would otherwise send a POST.
numbers=$(gh api -X GET "repos/$GITHUB_REPOSITORY/pulls" -f state=open -f "head=$HEAD_OWNER:$HEAD_BRANCH" -f per_page=100 \
  --paginate --jq ".[] | select(.head.sha == \"$sha\") | .number")
count=$(printf '%s' "$numbers" | grep -c . || true)
if [ "$count" != 1 ]; then
  echo "find-pr: $count open pull request(s) have head ${sha:0:12} (${HEAD_OWNER}:…): nothing to grade"
  echo "found=false" >> "$output"
  exit 0
fi
[[ "$numbers" =~ ^[0-9]{1,9}$ ]] || { echo "find-pr: GitHub answered '$numbers', not a pull-request number" >&2; exit 1; }
echo "find-pr: pull request #$numbers, head ${sha:0:12}"
{ echo "pr=$numbers"; echo "found=true"; } >> "$output"
