#!/usr/bin/env bash
# The GPU lane: build with the CUDA backend (TorchBackend=cuda in the environment), run the
# GPU-only tests, and grade the solutions track on CUDA and on the CPU, side by side.
# Usage: eng/ci/grade-gpu.sh RESULTS_DIR
source "$(dirname "$0")/common.sh"
out=${1:?usage: grade-gpu.sh RESULTS_DIR}
mkdir -p "$out"
cd "$repo"
export TorchBackend=${TorchBackend:-cuda}
status=0
katas grade --track solutions --device cuda --json "$out/cuda.json" --markdown "$out/cuda.md" || status=$?
katas grade --track solutions --device cpu --json "$out/cpu.json" || status=$?
katas report "$out/cpu.json" "$out/cuda.json" --markdown "$out/cpu-vs-cuda.md" || status=$?
summary "$out/cpu-vs-cuda.md"
# A GPU lane where CUDA did not work is a failure, not a pile of skipped tests.
grep -q '"cudaAvailable": true' "$out/cuda.json" || { echo "::error::CUDA is not available on the GPU runner"; status=1; }
exit $status
