#!/usr/bin/env bash
# Builds the pull-request comment from a grading summary (post-grade.sh posts it). The summary is
# untrusted data: it is only copied, cut to what GitHub accepts, and searched for "Points x/y".
# Usage: eng/ci/pr-comment.sh SUMMARY_MD BODY_FILE
source "$(dirname "$0")/common.sh"
summary_md=${1:?summary.md}; body=${2:?body file}
points=$(points_in "$summary_md")
{
  echo "$marker"
  # The score first: a long report is cut at the end, where the summary's own Points line is.
  echo "**${points:-No score: the grading did not finish. See the logs of the run.}**"
  echo
  # GitHub refuses comments over 65,536 characters; 60,000 bytes leaves room for the lines around.
  truncated "$summary_md" 60000
  echo
  echo "<sub>Graded by the katas grader with the default branch's tests and workflow.</sub>"
} > "$body"
echo "pr-comment: ${points:-no score} ($(wc -c < "$body") bytes)"
