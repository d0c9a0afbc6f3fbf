using BenchmarkDotNet.Attributes;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Benchmarks;

/// <summary>Dense linear assignment on n × n costs drawn from U[0, 1), against OR-Tools on the same matrix.</summary>
[Config(typeof(SolverBenchmarkConfig))]
public class LinearAssignmentBenchmarks
{
    private double[] _costs = [];
    private int[] _rowToColumn = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkInputs.AssignmentSizes;

    [GlobalSetup]
    public void Setup()
    {
        _costs = BenchmarkInputs.UniformCosts(N);
        _rowToColumn = new int[N];
    }

    [Benchmark(Baseline = true, Description = "SymmetryDsl")]
    public double SymmetryDsl() => LinearAssignment.Solve(_costs, N, N, _rowToColumn);

    /// <summary>OR-Tools including its graph construction (n² AddArcWithCost calls), which is how it consumes a dense matrix.</summary>
    [Benchmark(Description = "OR-Tools")]
    public double OrTools() => OrToolsAssignment.Solve(_costs, N);
}
