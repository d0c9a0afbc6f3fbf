using BenchmarkDotNet.Attributes;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Benchmarks;

/// <summary>W2² between 10⁶ scalar samples of N(0, 1) and N(1, 1) by sorting; the peer is numpy in compare_peers.py.</summary>
[Config(typeof(SolverBenchmarkConfig))]
public class Wasserstein1DBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkInputs.OneDimensionalSamples();

    [Benchmark(Description = "SymmetryDsl")]
    public double SymmetryDsl() => Wasserstein.W2Squared(_x, _y);
}
