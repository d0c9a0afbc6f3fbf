using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// One process, a few warm-up and measured iterations: the largest cases take seconds per call, and the
/// median over seven iterations is stable enough to compare with a peer measured in the same run.
/// </summary>
public sealed class SolverBenchmarkConfig : ManualConfig
{
    public SolverBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7));
        AddColumn(StatisticColumn.Median);
        HideColumns(Column.Error, Column.StdDev);
    }
}
