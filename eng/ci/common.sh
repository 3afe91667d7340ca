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

# Appends a file to the GitHub job summary when running on GitHub.
summary() { if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$1" >> "$GITHUB_STEP_SUMMARY"; fi; }
