using BenchmarkDotNet.Attributes;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// One loss-and-gradient evaluation of the mean-field two-layer network on the 442 diabetes rows: forward pass,
/// residuals and both gradients. The peer is numpy's vectorized version in compare_peers.py.
/// </summary>
[Config(typeof(SolverBenchmarkConfig))]
public class MeanFieldGradientBenchmarks
{
    private MeanFieldKernel _kernel = null!;
    private double[] _w = [];
    private double[] _a = [];
    private double[] _gradientW = [];
    private double[] _gradientA = [];

    [ParamsSource(nameof(Sizes))]
    public int Neurons { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkInputs.NetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        RegressionData data = BenchmarkInputs.Diabetes();
        (_w, _a) = BenchmarkInputs.NetworkWeights(Neurons, data.FeatureCount);
        _kernel = new MeanFieldKernel(data, Neurons);
        _gradientW = new double[_w.Length];
        _gradientA = new double[_a.Length];
    }

    [Benchmark(Description = "SymmetryDsl")]
    public double LossAndGradient() => _kernel.LossAndGradient(_w, _a, _gradientW, _gradientA);
}
