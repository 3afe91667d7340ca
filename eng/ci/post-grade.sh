#!/usr/bin/env bash
# Posts a grade: one comment on the pull request (the bot's own, replaced on every run) and a
# "Katas score" check on the graded commit. Runs in a job that never checks out or runs the pull
# request's code. PR and HEAD_SHA come from find-pr.sh (GitHub's answer), not from the artifact;
# GRADE_DIR's summary.md is untrusted data (copied, cut to size, searched for "Points x/y"), and
# anything else in it (a pr-number file, say) is ignored.
# A grade for a commit that is no longer the pull request's head is stale: nothing is posted (the
# run for the newer commit posts its own).
# Usage: eng/ci/post-grade.sh GRADE_DIR PR HEAD_SHA   (GH_TOKEN, GITHUB_REPOSITORY in the environment)
source "$(dirname "$0")/common.sh"
dir=${1:?grade dir}; pr=${2:?pull-request number}; sha=${3:?head sha}
: "${GH_TOKEN:?GH_TOKEN is needed to post}" "${GITHUB_REPOSITORY:?}"
bot=${KATAS_BOT_LOGIN:-github-actions[bot]}   # who GITHUB_TOKEN posts as
[[ "$pr" =~ ^[0-9]{1,9}$ ]] || { echo "post-grade: '$pr' is not a pull-request number" >&2; exit 1; }
[[ "$sha" =~ ^[0-9a-f]{40}$ ]] || { echo "post-grade: '$sha' is not a commit SHA" >&2; exit 1; }
[ -f "$dir/summary.md" ] || { echo "post-grade: no summary.md in $dir (the merge job failed?)" >&2; exit 1; }

head=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$pr" --jq .head.sha)
if [ "$head" != "$sha" ]; then
  echo "post-grade: pull request #$pr is now at ${head:0:12}, this grade is for ${sha:0:12}: stale, not posted"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$repo/eng/ci/pr-comment.sh" "$dir/summary.md" "$work/comment.md"
# Only a comment the bot wrote is ever edited: a student's comment that starts with the marker is not ours.
existing=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate \
  --jq ".[] | select(.user.login == \"$bot\" and .user.type == \"Bot\" and (.body | startswith(\"$marker\"))) | .id" | tail -n 1)
if [ -n "$existing" ]; then
  [[ "$existing" =~ ^[0-9]+$ ]] || { echo "post-grade: GitHub answered '$existing', not a comment id" >&2; exit 1; }
  gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$work/comment.md" >/dev/null
  echo "post-grade: updated comment $existing on #$pr"
else
  gh api -X POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$work/comment.md" >/dev/null
  echo "post-grade: commented on #$pr"
fi

points=$(points_in "$dir/summary.md")
# A check-run summary holds at most 65,535 characters.
truncated "$dir/summary.md" 60000 > "$work/check.md"
gh api -X POST "repos/$GITHUB_REPOSITORY/check-runs" \
  -f name="Katas score" -f "head_sha=$sha" -f status=completed -f conclusion=neutral \
  -f "output[title]=${points:-no score}" -F "output[summary]=@$work/check.md" >/dev/null
echo "post-grade: check 'Katas score' on ${sha:0:12}: ${points:-no score}"
