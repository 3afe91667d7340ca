#!/usr/bin/env bash
# How the accuracy threshold of TrainingTests was chosen: trains the chapter's epoch (solutions)
# once per seed and prints each seed's test accuracy, mean training loss and epoch time.
# Usage: bash exercises/02-MnistCnn/calibrate.sh [first-seed] [last-seed]   (default 0 9)
set -uo pipefail
cd "$(dirname "$0")/../.."
dotnet build exercises/02-MnistCnn -p:KataTrack=solutions -v q -nologo | grep -E " error " || true
for seed in $(seq "${1:-0}" "${2:-9}"); do
  KATAS_SEED=$seed dotnet test exercises/02-MnistCnn -p:KataTrack=solutions --no-build \
    --filter "FullyQualifiedName~One_epoch_of_Adam" --logger "console;verbosity=detailed" 2>&1 \
    | grep -oE "seed [0-9]+: .*" || echo "seed $seed: no result (see dotnet test's output)"
done
