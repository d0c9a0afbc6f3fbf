#!/usr/bin/env bash
# Runs every benchmark suite and the peer script in the order docs/benchmarks.md records them.
# Single-threaded cases (assignment, W2, flows, generator) run pinned to one core on both sides, so a busy
# second core disturbs neither. The mean-field gradient and numpy's BLAS get both cores. Run as root to raise
# the priority (nice -20); other users get normal priority.
#
# Usage: benchmarks/run-all.sh [OUTPUT_FOLDER] [solvers|network|generator|all]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/results}
part=${2:-all}
mkdir -p "$out"

priority=()
if [ "$(id -u)" = 0 ]; then priority=(nice -n -20); fi
one_core=(taskset -c 1 "${priority[@]}")
both_cores=("${priority[@]}")

# numpy's OpenBLAS reads these; the machine sets them for old OpenBLAS builds, and they slow a current one.
peer_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

dotnet build benchmarks/SymmetryDsl.Benchmarks -c Release >/dev/null
dotnet build benchmarks/SymmetryDsl.Generators.Benchmarks -c Release >/dev/null
dotnet run --project benchmarks/SymmetryDsl.Benchmarks -c Release --no-build -- export-inputs benchmarks/data

if [ "$part" = solvers ] || [ "$part" = all ]; then
"${one_core[@]}" dotnet run --project benchmarks/SymmetryDsl.Benchmarks -c Release --no-build -- \
    --filter '*LinearAssignmentBenchmarks*' '*WassersteinCloudBenchmarks*' '*Wasserstein1DBenchmarks*' '*FlowBenchmarks*' \
    --artifacts "$out/solvers" | tee "$out/solvers.txt"
"${one_core[@]}" "${peer_env[@]}" /usr/bin/python3 benchmarks/compare_peers.py benchmarks/data solvers | tee "$out/peers-solvers.txt"
fi

if [ "$part" = network ] || [ "$part" = all ]; then
"${both_cores[@]}" dotnet run --project benchmarks/SymmetryDsl.Benchmarks -c Release --no-build -- \
    --filter '*MeanFieldGradientBenchmarks*' --artifacts "$out/network" | tee "$out/network.txt"
"${both_cores[@]}" "${peer_env[@]}" /usr/bin/python3 benchmarks/compare_peers.py benchmarks/data network | tee "$out/peers-network.txt"
fi

if [ "$part" = generator ] || [ "$part" = all ]; then
"${one_core[@]}" dotnet run --project benchmarks/SymmetryDsl.Generators.Benchmarks -c Release --no-build -- \
    --filter '*' --artifacts "$out/generator" | tee "$out/generator.txt"
fi
