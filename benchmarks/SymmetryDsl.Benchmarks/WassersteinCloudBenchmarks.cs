using BenchmarkDotNet.Attributes;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// W2² between Gaussian clouds X ~ N(0, I) and Y ~ N(1, I) in ℝᵈ, cost construction included, against OR-Tools
/// solving the same squared-Euclidean assignment.
/// </summary>
[Config(typeof(SolverBenchmarkConfig))]
public class WassersteinCloudBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];
    private double[] _costs = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [ParamsSource(nameof(Dimensions))]
    public int Dimension { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkInputs.CloudSizes;

    public static IEnumerable<int> Dimensions => BenchmarkInputs.CloudDimensions;

    [GlobalSetup]
    public void Setup()
    {
        _x = BenchmarkInputs.SourceCloud(N, Dimension);
        _y = BenchmarkInputs.TargetCloud(N, Dimension);
        _costs = new double[N * N];
    }

    [Benchmark(Baseline = true, Description = "SymmetryDsl")]
    public double SymmetryDsl() => Wasserstein.W2Squared(_x, _y, Dimension);

    [Benchmark(Description = "OR-Tools")]
    public double OrTools()
    {
        SquaredEuclideanCosts.Fill(_x, _y, Dimension, _costs);
        return OrToolsAssignment.Solve(_costs, N) / N;
    }
}
