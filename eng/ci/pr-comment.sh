#!/usr/bin/env bash
# Builds the pull-request comment from a grading summary, and (with --post) posts it, replacing the
# previous one. Runs in the workflow_run workflow, which never checks out the pull request's code:
# its inputs are the artifact's files, treated as untrusted data.
# Usage: eng/ci/pr-comment.sh RESULTS_DIR BODY_FILE [--post]
#   RESULTS_DIR holds summary.md and pr-number (from the grading run's artifact).
#   --post needs GH_TOKEN and GITHUB_REPOSITORY.
source "$(dirname "$0")/common.sh"
dir=${1:?results dir}; body=${2:?body file}; post=${3:-}
marker='<!-- katas-grade -->'
pr=$(tr -d '[:space:]' < "$dir/pr-number")
if ! [[ "$pr" =~ ^[0-9]{1,9}$ ]]; then echo "pr-comment: '$pr' is not a pull-request number" >&2; exit 1; fi
{
  echo "$marker"
  # At most 60 000 characters: GitHub refuses comments over 65 536.
  head -c 60000 "$dir/summary.md"
  echo
  echo "<sub>Graded by the katas grader with the base branch's tests.</sub>"
} > "$body"
points=$(grep -oE '^Points [0-9]+/[0-9]+' "$dir/summary.md" | tail -n 1 || true)
echo "pr-comment: pull request #$pr, ${points:-no score}"
[ "$post" = "--post" ] || exit 0
: "${GH_TOKEN:?GH_TOKEN is needed to post}" "${GITHUB_REPOSITORY:?}"
existing=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | tail -n 1)
if [ -n "$existing" ]; then
  gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F body=@"$body" >/dev/null
else
  gh api -X POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F body=@"$body" >/dev/null
fi
