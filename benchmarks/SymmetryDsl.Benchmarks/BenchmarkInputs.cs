using MathNet.Numerics.Distributions;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// The inputs shared by the BenchmarkDotNet suites and the peer script: every array is drawn from a fixed
/// seed, so the C# suites and <c>compare_peers.py</c> (which reads the exported .npy files) time the same numbers.
/// </summary>
public static class BenchmarkInputs
{
    public const int OneDimensionalCount = 1_000_000;

    public static readonly int[] AssignmentSizes = [100, 1000, 4000];

    public static readonly int[] CloudSizes = [1000, 4000];

    public static readonly int[] CloudDimensions = [2, 10];

    public static readonly int[] NetworkSizes = [1024, 10_000];

    /// <summary>All 442 rows of the diabetes table, standardized, with the constant bias feature.</summary>
    public static RegressionData Diabetes() =>
        RegressionData.Standardize(RegressionData.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv")));

    /// <summary>Gaussian initialization of a network with n neurons: wᵢ ~ N(0, I/D) and aᵢ ~ N(0, 1).</summary>
    public static (double[] W, double[] A) NetworkWeights(int neurons, int featureCount)
    {
        double[] w = GaussianCloud(neurons, featureCount, 0.0, 5000 + neurons);
        double scale = 1.0 / Math.Sqrt(featureCount);
        for (int k = 0; k < w.Length; k++)
        {
            w[k] *= scale;
        }

        return (w, GaussianCloud(neurons, 1, 0.0, 6000 + neurons));
    }

    /// <summary>Row-major n × n matrix of independent U[0, 1) costs.</summary>
    public static double[] UniformCosts(int n)
    {
        var random = new Random(1000 + n);
        var costs = new double[n * n];
        for (int k = 0; k < costs.Length; k++)
        {
            costs[k] = random.NextDouble();
        }

        return costs;
    }

    /// <summary>Row-major n × d samples of N(mean·1, I), where 1 is the all-ones vector.</summary>
    public static double[] GaussianCloud(int n, int dimension, double mean, int seed)
    {
        var points = new double[n * dimension];
        Normal.Samples(new Random(seed), points, mean, 1.0);
        return points;
    }

    /// <summary>The source cloud X ~ N(0, I) of the W2 benchmark.</summary>
    public static double[] SourceCloud(int n, int dimension) => GaussianCloud(n, dimension, 0.0, 2000 + 10 * n + dimension);

    /// <summary>The target cloud Y ~ N(1, I) of the W2 benchmark.</summary>
    public static double[] TargetCloud(int n, int dimension) => GaussianCloud(n, dimension, 1.0, 3000 + 10 * n + dimension);

    /// <summary>Scalar samples X ~ N(0, 1) and Y ~ N(1, 1) of the 1-D W2 benchmark.</summary>
    public static (double[] X, double[] Y) OneDimensionalSamples() =>
        (GaussianCloud(OneDimensionalCount, 1, 0.0, 4000), GaussianCloud(OneDimensionalCount, 1, 1.0, 4001));
}
