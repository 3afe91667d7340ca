# Shared by the scripts in eng/ci (sourced, not run). The workflows and .ci/run call the same
# scripts, so what GitHub runs is what this repository's own CI tests.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The grader of a given checkout (default: this one), built on first use.
katas_in() {
  local root=$1; shift
  local suffix=""
  [ "${TorchBackend:-cpu}" = "cpu" ] || suffix=".${TorchBackend}"
  local dll="$root/artifacts/bin/Katas.Grader${suffix}/debug/katas.dll"
  [ -f "$dll" ] || dotnet build "$root/grader" -nologo -v:q >/dev/null
  dotnet "$dll" "$@"
}
katas() { katas_in "$repo" "$@"; }

# The first MAX bytes of FILE, cut at a whole UTF-8 character, with a note when something was cut.
# GitHub refuses a comment over 65,536 characters, a check-run summary over 65,535 and a job summary
# over 1 MiB; a failing chapter's report can be longer than any of them.
# Usage: truncated FILE MAX_BYTES
truncated() {
  local file=$1 max=$2 note=$'\n\n*… cut here: the report is longer than GitHub accepts. The whole report is in the run\'s `grade` artifact.*\n'
  if [ "$(wc -c < "$file")" -le "$max" ]; then cat "$file"; return; fi
  # iconv -c drops a character cut in half (and exits 1 for it).
  head -c $(( max - ${#note} - 8 )) "$file" | iconv -f UTF-8 -t UTF-8 -c || true
  printf '%s' "$note"
}

# Appends a file (at most 1,000,000 bytes of it) to the GitHub job summary when running on GitHub.
summary() { if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then truncated "$1" 1000000 >> "$GITHUB_STEP_SUMMARY"; fi; }

# The pull-request comment that post-grade.sh keeps up to date starts with this line.
marker='<!-- katas-grade -->'

# The last "Points x/y" line of a summary, or nothing (never a failure: a summary may have none).
points_in() { { grep -oE '^Points [0-9]+/[0-9]+' "$1" || true; } | tail -n 1; }
