#!/usr/bin/env bash
# Exercism's test-runner interface for the katas:
#   run.sh SLUG INPUT_DIR OUTPUT_DIR
# https://exercism.org/docs/building/tooling/test-runners/interface
#
# SLUG names a chapter: its folder (01-SimpleClassifier), its number (1 or 01), or its name in
# kebab case with or without the number (simple-classifier, 01-simple-classifier). INPUT_DIR holds
# the learner's files: a whole copy of the katas (with exercises/), or one chapter's files (Net.cs,
# Training.cs, ...). It is only read. The chapter is graded with the course's own tests (this
# repository's, passed as --trusted-tests: whatever tests INPUT_DIR holds are not used) and
# OUTPUT_DIR/results.json is written (version 3). The exit code is 0 whenever results.json was
# written, whatever the tests say; 2 for wrong arguments. Nothing here uses the network.
#
# Time: the interface allows 20 s per solution. Building a TorchSharp chapter and running its tests
# takes longer than that on most machines (see docs/grader.md, "Result formats"): use a prebuilt
# grader (KATAS_GRADER) and a warm build cache, and raise the platform's limit where you can.
#
# Environment:
#   KATAS_COURSE               the trusted course (default: the repository this script is in)
#   KATAS_GRADER               the grader's katas.dll (default: the course's artifacts/bin/Katas.Grader/debug/katas.dll,
#                              else `dotnet run --project grader`)
#   KATAS_EXERCISM_TIMEOUT     the chapter's time limit in seconds (default 300)
#   KATAS_EXERCISM_SANDBOX     auto (default: bubblewrap when it works here), on, or off (the container is the sandbox)
#   KATAS_DATA_DIR             the dataset cache (the runner has no network: bake the datasets into the image)
set -uo pipefail

if [ "$#" -ne 3 ]; then
    echo "usage: $0 SLUG INPUT_DIR OUTPUT_DIR" >&2
    exit 2
fi
slug=$1
input=${2%/}
output=${3%/}
course=${KATAS_COURSE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
results="$output/results.json"
mkdir -p "$output"

json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    s=${s//$'\t'/\\t}
    # Any other control character would make the file invalid JSON.
    s=$(printf '%s' "$s" | tr -d '\000-\010\013\014\016-\037')
    printf '"%s"' "$s"
}

# An "error" result: no test could be run, and the message says why.
error_result() {
    printf '{\n  "version": 3,\n  "status": "error",\n  "message": %s,\n  "tests": []\n}\n' "$(json_string "$1")" > "$results"
    exit 0
}

lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }

# SLUG -> chapter folder.
chapter=""
wanted=$(lower "$slug")
for dir in "$course"/exercises/[0-9][0-9]-*/; do
    [ -d "$dir" ] || continue
    id=$(basename "$dir")
    number=${id%%-*}
    name=${id#*-}
    kebab=$(printf '%s' "$name" | sed -E 's/([a-z0-9])([A-Z])/\1-\2/g; s/([A-Z]+)([A-Z][a-z])/\1-\2/g' | tr '[:upper:]' '[:lower:]')
    case "$wanted" in
        "$(lower "$id")" | "$kebab" | "$number-$kebab" | "$number" | "$((10#$number))") chapter=$id; break ;;
    esac
done
if [ -z "$chapter" ]; then
    error_result "No chapter for the exercise '$slug': use a chapter's folder, number or name ($(cd "$course/exercises" 2>/dev/null && ls -d [0-9][0-9]-* 2>/dev/null | tr '\n' ' '| sed 's/ $//'))."
fi
if [ ! -d "$input" ]; then
    error_result "The input folder '$input' does not exist."
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/katas-exercism.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The submission: INPUT_DIR itself when it is a copy of the katas, else a folder holding its files
# as the chapter's (the grader copies only the learner's .cs files from it, over the trusted stubs).
if [ -d "$input/exercises" ]; then
    submission=$input
else
    submission="$work/submission"
    mkdir -p "$submission/exercises/$chapter"
    cp -R "$input/." "$submission/exercises/$chapter/"
    # What makes a folder a course for --repo; the grader takes nothing else from a submission.
    : > "$submission/Katas.sln"
fi

if [ -n "${KATAS_GRADER:-}" ]; then
    grader=(dotnet "$KATAS_GRADER")
elif [ -f "$course/artifacts/bin/Katas.Grader/debug/katas.dll" ]; then
    grader=(dotnet "$course/artifacts/bin/Katas.Grader/debug/katas.dll")
else
    grader=(dotnet run --project "$course/grader" --)
fi

sandbox=()
case "${KATAS_EXERCISM_SANDBOX:-auto}" in
    off) sandbox=(--unsandboxed) ;;
    on) ;;
    *) if ! bwrap --ro-bind / / --dev /dev true >/dev/null 2>&1; then
           echo "run.sh: bubblewrap does not work here: grading without the sandbox (the runner's container isolates it)" >&2
           sandbox=(--unsandboxed)
       fi ;;
esac

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rm -f "$results"
"${grader[@]}" grade --repo "$submission" --chapter "$chapter" --trusted-tests "$course" \
    --timeout "${KATAS_EXERCISM_TIMEOUT:-300}" --format "exercism=$results" "${sandbox[@]}" \
    > "$work/grader.log" 2>&1
code=$?

if [ ! -s "$results" ]; then
    error_result "The grader could not grade $chapter (exit code $code): $(tail -n 20 "$work/grader.log")"
fi
exit 0
