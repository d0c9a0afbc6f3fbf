using System.Globalization;
using System.Text.Json;
using SymmetryDsl.Samples.MeanField;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// Writes every benchmark input as .npy files, and SymmetryDsl's optimal values as values.json, so that
/// compare_peers.py times its peers on the same numbers and checks that they reach the same optimum.
/// </summary>
public static class InputExport
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);

        foreach (int n in BenchmarkInputs.AssignmentSizes)
        {
            double[] costs = BenchmarkInputs.UniformCosts(n);
            NpyWriter.Write(Path.Combine(directory, $"uniform_{n}.npy"), costs, n, n);
            values[$"uniform_{n}"] = LinearAssignment.Solve(costs, n, n).Cost;
        }

        foreach (int n in BenchmarkInputs.CloudSizes)
        {
            foreach (int dimension in BenchmarkInputs.CloudDimensions)
            {
                double[] x = BenchmarkInputs.SourceCloud(n, dimension);
                double[] y = BenchmarkInputs.TargetCloud(n, dimension);
                NpyWriter.Write(Path.Combine(directory, $"cloud_x_{n}_{dimension}.npy"), x, n, dimension);
                NpyWriter.Write(Path.Combine(directory, $"cloud_y_{n}_{dimension}.npy"), y, n, dimension);
                values[$"cloud_{n}_{dimension}"] = Wasserstein.W2Squared(x, y, dimension);
            }
        }

        var (xs, ys) = BenchmarkInputs.OneDimensionalSamples();
        NpyWriter.Write(Path.Combine(directory, "line_x.npy"), xs, xs.Length);
        NpyWriter.Write(Path.Combine(directory, "line_y.npy"), ys, ys.Length);
        values["line"] = Wasserstein.W2Squared(xs, ys);

        RegressionData diabetes = BenchmarkInputs.Diabetes();
        NpyWriter.Write(Path.Combine(directory, "diabetes_x.npy"), diabetes.Features, diabetes.SampleCount, diabetes.FeatureCount);
        NpyWriter.Write(Path.Combine(directory, "diabetes_y.npy"), diabetes.Targets, diabetes.SampleCount);
        foreach (int neurons in BenchmarkInputs.NetworkSizes)
        {
            var (w, a) = BenchmarkInputs.NetworkWeights(neurons, diabetes.FeatureCount);
            NpyWriter.Write(Path.Combine(directory, $"network_w_{neurons}.npy"), w, neurons, diabetes.FeatureCount);
            NpyWriter.Write(Path.Combine(directory, $"network_a_{neurons}.npy"), a, neurons);
            var kernel = new MeanFieldKernel(diabetes, neurons);
            values[$"network_{neurons}"] = kernel.LossAndGradient(w, a, new double[w.Length], new double[a.Length]);
        }

        string json = JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(directory, "values.json"), json);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {values.Count} inputs and values.json to {Path.GetFullPath(directory)}"));
    }
}
