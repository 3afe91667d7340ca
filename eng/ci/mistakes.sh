#!/usr/bin/env bash
# The mistakes catalogue (tests/Katas.Mistakes/catalogue): every plausible learner mistake kept
# there is applied to a copy of its chapter's solution, built, and must be rejected by its named
# test with its words in the message. Fails when one survives, is caught without its words, or
# when an entry no longer applies. Usage: eng/ci/mistakes.sh RESULTS_DIR [CHAPTER ...]
source "$(dirname "$0")/common.sh"
results=${1:?usage: mistakes.sh RESULTS_DIR [CHAPTER ...]}
shift
cd "$repo"
if [ ! -d tests/Katas.Mistakes ]; then echo "mistakes.sh: no tests/Katas.Mistakes (a course template): nothing to run"; exit 0; fi
mkdir -p "$results"
dotnet build tests/Katas.Mistakes -nologo -v:q >/dev/null
ok=0
dotnet artifacts/bin/Katas.Mistakes/debug/katas-mistakes.dll "$@" | tee "$results/mistakes.log" || ok=$?
# The kill count per chapter (the table the runner prints) for the job summary.
grep '^|' "$results/mistakes.log" > "$results/mistakes.md" || true
summary "$results/mistakes.md"
exit $ok
