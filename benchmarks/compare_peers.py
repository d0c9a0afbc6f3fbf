#!/usr/bin/env python3
"""Time the peers of SymmetryDsl's assignment and W2 benchmarks on the inputs the C# suite exports.

Usage (from the repository root):

    dotnet run --project benchmarks/SymmetryDsl.Benchmarks -c Release -- export-inputs benchmarks/data
    /usr/bin/python3 benchmarks/compare_peers.py benchmarks/data [solvers|network|all]

The optional second argument picks the cases: the single-threaded solver and W2 cases, the mean-field gradient
(which uses numpy's multithreaded BLAS), or both (the default).

Needs Debian's python3-scipy and python3-pot (and libopenblas0-pthread for numpy's BLAS). The script is a side
tool for docs/benchmarks.md and is never part of the test suite. It prints one line per case with the median
time over its repeats and checks that every peer reaches the optimum that SymmetryDsl reported in values.json.
"""

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import ot
import scipy
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist

ASSIGNMENT_SIZES = [100, 1000, 4000]
CLOUD_SIZES = [1000, 4000]
CLOUD_DIMENSIONS = [2, 10]
NETWORK_SIZES = [1024, 10_000]


def median_seconds(function, repeats, warm_up=True):
    """Run function once to warm up (unless warm_up is false), then `repeats` times. Return the median wall time and the last value."""
    value = function() if warm_up else None
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def repeats_for(n):
    return 7 if n <= 1000 else 3


def check(case, peer, value, expected):
    relative = abs(value - expected) / max(1.0, abs(expected))
    status = "ok" if relative < 1e-9 else f"DIFFERS by {relative:.2e} (relative)"
    return f"{case:<22} {peer:<28}", status


def main(directory, selection):
    data = Path(directory)
    expected = json.loads((data / "values.json").read_text())
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, POT {ot.__version__}")
    try:
        import threadpoolctl

        for pool in threadpoolctl.threadpool_info():
            print(f"BLAS: {pool['internal_api']} {pool['version']} ({pool['filepath']}), {pool['num_threads']} threads")
    except ImportError:
        print("BLAS: threadpoolctl not installed")

    rows = []

    def record(case, peer, seconds, value):
        label, status = check(case, peer, value, expected[case])
        rows.append((case, peer, seconds))
        print(f"{label} median {seconds * 1e3:12.3f} ms   {status}", flush=True)

    run_solvers = selection in ("solvers", "all")
    run_network = selection in ("network", "all")

    for n in ASSIGNMENT_SIZES if run_solvers else []:
        costs = np.load(data / f"uniform_{n}.npy")

        def scipy_lsa():
            rows_, columns = linear_sum_assignment(costs)
            return costs[rows_, columns].sum()

        seconds, value = median_seconds(scipy_lsa, repeats_for(n))
        record(f"uniform_{n}", "scipy linear_sum_assignment", seconds, value)

    for n in CLOUD_SIZES if run_solvers else []:
        for d in CLOUD_DIMENSIONS:
            x = np.load(data / f"cloud_x_{n}_{d}.npy")
            y = np.load(data / f"cloud_y_{n}_{d}.npy")
            case = f"cloud_{n}_{d}"
            weights = np.full(n, 1.0 / n)

            def scipy_cdist_lsa():
                costs = cdist(x, y, "sqeuclidean")
                rows_, columns = linear_sum_assignment(costs)
                return costs[rows_, columns].mean()

            # POT's default numItermax (100000) stops the network simplex early at these sizes and returns a
            # non-optimal value with only a warning, so the cap is raised far above what the solve needs.
            def pot_emd2():
                costs = cdist(x, y, "sqeuclidean")
                return ot.emd2(weights, weights, costs, numItermax=100_000_000)

            # scipy's solver takes minutes on the n = 4000 clouds here, so that case is timed once, without warm-up.
            if n > 1000:
                seconds, value = median_seconds(scipy_cdist_lsa, 1, warm_up=False)
            else:
                seconds, value = median_seconds(scipy_cdist_lsa, repeats_for(n))
            record(case, "scipy cdist + lsa", seconds, value)
            seconds, value = median_seconds(pot_emd2, repeats_for(n))
            record(case, "POT emd2 (cdist included)", seconds, value)

    line_x = np.load(data / "line_x.npy")
    line_y = np.load(data / "line_y.npy")

    def numpy_sort():
        return np.mean((np.sort(line_x) - np.sort(line_y)) ** 2)

    if run_solvers:
        seconds, value = median_seconds(numpy_sort, 7)
        record("line", "numpy sort", seconds, value)

    features = np.load(data / "diabetes_x.npy")
    targets = np.load(data / "diabetes_y.npy")
    m = len(targets)
    for neurons in NETWORK_SIZES if run_network else []:
        w = np.load(data / f"network_w_{neurons}.npy")
        a = np.load(data / f"network_a_{neurons}.npy")

        # The same arithmetic as MeanFieldKernel.LossAndGradient, vectorized the way numpy code is written.
        def numpy_gradient():
            activations = np.tanh(features @ w.T)
            residuals = activations @ a / neurons - targets
            gradient_a = activations.T @ residuals / (neurons * m)
            weighted = (1.0 - activations * activations) * residuals[:, None]
            gradient_w = (weighted.T @ features) * (a[:, None] / (neurons * m))
            return 0.5 * np.mean(residuals * residuals), gradient_a, gradient_w

        seconds, (loss, _, _) = median_seconds(numpy_gradient, 7)
        record(f"network_{neurons}", "numpy", seconds, loss)

    (data / f"peers-{selection}.json").write_text(json.dumps([{"case": c, "peer": p, "median_seconds": s} for c, p, s in rows], indent=2))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] not in ("solvers", "network", "all")):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "all")
