#!/usr/bin/env bash
# The chapters' tests again, on the solutions track, with libtorch's CPU kernels of another CPU family.
#
# libtorch picks its CPU kernels at run time from what the processor offers: oneDNN (convolutions,
# LSTMs), MKL (matrix products) and ATen's own vectorised loops each have AVX2 and AVX-512 (and, on
# recent Xeons, AMX) versions, which round differently in the last digits. A tolerance tuned on one
# CPU can fail on another, and a learner with a right answer must never fail because of their CPU.
# On a CPU with AVX-512 this script caps all three at AVX2, so that one CI machine runs both kernel
# families (the default run is the other one). On a CPU without AVX-512 the default run already is
# the AVX2 family, and the script says so and stops.
# Usage: eng/ci/test-cpu-kernels.sh RESULTS_DIR   (after eng/ci/test.sh has built the solutions track)
source "$(dirname "$0")/common.sh"
results=${1:?usage: test-cpu-kernels.sh RESULTS_DIR}
cd "$repo"

if [ ! -d solutions ]; then
  echo "test-cpu-kernels: no solutions/ folder (a course template): nothing to run"; exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! grep -qw avx512f /proc/cpuinfo; then
  echo "test-cpu-kernels: this CPU has no AVX-512: the default run already used the AVX2 kernels"; exit 0
fi

export ONEDNN_MAX_CPU_ISA=AVX2          # oneDNN: convolutions, pooling, RNN/LSTM
export ATEN_CPU_CAPABILITY=avx2         # ATen's vectorised element-wise and reduction loops
export MKL_ENABLE_INSTRUCTIONS=AVX2     # MKL: matmul, linear
echo "test-cpu-kernels: ONEDNN_MAX_CPU_ISA=$ONEDNN_MAX_CPU_ISA ATEN_CPU_CAPABILITY=$ATEN_CPU_CAPABILITY MKL_ENABLE_INSTRUCTIONS=$MKL_ENABLE_INSTRUCTIONS"
status=0
for project in exercises/*/*.csproj; do
  dotnet test "$project" -p:KataTrack=solutions --no-build --logger trx --results-directory "$results" || status=$?
done
exit $status
