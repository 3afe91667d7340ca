#!/usr/bin/env bash
# The benchmark at quick sizes: every workload runs on the solutions' code (the numbers mean
# nothing; docs/performance.md has the real ones). Usage: eng/ci/bench-quick.sh RESULTS_DIR
source "$(dirname "$0")/common.sh"
results=${1:?usage: bench-quick.sh RESULTS_DIR}
cd "$repo"
if [ ! -d bench ]; then echo "bench-quick.sh: no bench/ (a course template): nothing to run"; exit 0; fi
mkdir -p "$results"
# One project at a time: the bench's graph holds Kit twice (the chapters reference it with
# KataTrack=solutions, the bench without), and two nodes copying the same Katas.Kit.dll race
# ("MSB3248 ... being used by another process", seen once in .ci/run).
dotnet build bench/Katas.Bench -m:1 -nologo -v:q
dotnet run --project bench/Katas.Bench --no-build -- --quick --json "$results/bench-quick.json" --markdown "$results/bench-quick.md"
summary "$results/bench-quick.md"
# The learner's loop: `katas watch 1` on a fresh copy of the course, two saves, each timed to the
# first failing test's message (a whole build of the copy first: about a minute).
dotnet run --project bench/Katas.Bench --no-build -- --loop 2 --json "$results/loop.json"
