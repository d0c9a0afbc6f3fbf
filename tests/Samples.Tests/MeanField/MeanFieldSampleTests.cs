using SymmetryDsl.Flows;
using SymmetryDsl.Samples.MeanField;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Samples.Tests.MeanField;

public sealed class MeanFieldSampleTests : IDisposable
{
    private static readonly List<double[]> Table = RegressionData.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv"));

    // Two small widths and three seeds run in well under a second and still give pairs of seeds and a slope.
    private static readonly MeanFieldSettings Tiny = new([6, 12], Seeds: 3, EndTime: 2.0, StepSize: 0.05, FlowMethod.Euler, SplitSeed: 0);

    private static readonly Lazy<MeanFieldReport> TinyReport = new(() => MeanFieldExperiment.Run(Tiny, Table, ProgressLine.Silent));

    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-mean-field-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Experiment_TrainingLossDecreases()
    {
        foreach (TrainingRun run in TinyReport.Value.Widths.SelectMany(width => width.Runs))
        {
            Assert.Equal(FlowStatus.ReachedEndTime, run.Status);
            Assert.Equal(MeanFieldSettings.RecordIntervals + 1, run.Times.Length);
            for (int record = 1; record < run.TrainMse.Length; record++)
            {
                Assert.True(run.TrainMse[record] < run.TrainMse[record - 1],
                    $"n = {run.Neurons}, seed {run.Seed}: MSE rose from {run.TrainMse[record - 1]} to {run.TrainMse[record]} at t = {run.Times[record]}");
            }
        }
    }

    [Fact]
    public void Experiment_TestMseMatchesFinalNetwork()
    {
        MeanFieldReport report = TinyReport.Value;
        TrainingRun run = report.Widths[0].Runs[1];

        double direct = DirectMeanSquaredError(run.Final, report.Split.Test);

        Assert.Equal(direct, run.TestMse[^1], 12);
    }

    [Fact]
    public void Experiment_EquivarianceAtRoundingLevel()
    {
        EquivarianceResult equivariance = TinyReport.Value.Equivariance;

        Assert.Equal(Tiny.NeuronCounts[^1], equivariance.Neurons);
        Assert.False(equivariance.Permutation.IsIdentity);
        Assert.Equal(MeanFieldSettings.RecordIntervals + 1, equivariance.Times.Length);
        Assert.All(equivariance.OrbitDistances, distance => Assert.InRange(distance, 0.0, 1e-12));
        Assert.All(equivariance.PermutedDistances, distance => Assert.InRange(distance, 0.0, 1e-12));
    }

    [Theory]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void Experiment_EquivarianceForEveryMethod(FlowMethod method)
    {
        MeanFieldSettings settings = Tiny with { NeuronCounts = [10], Seeds = 2, Method = method };

        EquivarianceResult equivariance = MeanFieldExperiment.Run(settings, Table, ProgressLine.Silent).Equivariance;

        // The adaptive runs record at their own step times, so fewer records than the fixed-step runs may pair up.
        Assert.True(equivariance.Times.Length >= 10, $"only {equivariance.Times.Length} records were compared");
        Assert.All(equivariance.OrbitDistances, distance => Assert.InRange(distance, 0.0, 1e-11));
    }

    [Fact]
    public void Experiment_NeuronW2MatchesPointCloudW2()
    {
        WidthSummary width = TinyReport.Value.Widths[1];
        var distances = new List<double>();
        for (int first = 0; first < width.Runs.Count; first++)
        {
            for (int second = first + 1; second < width.Runs.Count; second++)
            {
                distances.Add(Wasserstein.W2(NeuronCloud(width.Runs[first].Final), NeuronCloud(width.Runs[second].Final)));
            }
        }

        Assert.Equal(distances.Average(), width.NeuronW2, 10);
    }

    [Fact]
    public void Experiment_SpreadAndSlopesFollowFinalLosses()
    {
        MeanFieldReport report = TinyReport.Value;
        double[] finals = report.Widths[0].Runs.Select(run => run.TrainMse[^1]).ToArray();
        double mean = finals.Average();
        double deviation = Math.Sqrt(finals.Sum(value => (value - mean) * (value - mean)) / (finals.Length - 1));

        // With two widths the least-squares line passes through both points.
        double expectedSlope = Math.Log(report.Widths[1].FinalTrainMse.Deviation / deviation) / Math.Log(12.0 / 6.0);

        Assert.Equal(mean, report.Widths[0].FinalTrainMse.Mean, 14);
        Assert.Equal(deviation, report.Widths[0].FinalTrainMse.Deviation, 14);
        Assert.Equal(expectedSlope, report.Slopes!.LossSpread, 10);
    }

    [Fact]
    public void Experiment_IsReproducible()
    {
        MeanFieldReport again = MeanFieldExperiment.Run(Tiny, Table, ProgressLine.Silent);

        for (int width = 0; width < again.Widths.Count; width++)
        {
            for (int seed = 0; seed < Tiny.Seeds; seed++)
            {
                Assert.Equal(TinyReport.Value.Widths[width].Runs[seed].TrainMse, again.Widths[width].Runs[seed].TrainMse);
                Assert.Equal(TinyReport.Value.Widths[width].Runs[seed].TestMse, again.Widths[width].Runs[seed].TestMse);
            }
        }
    }

    [Fact]
    public void Gradient_MatchesCentralDifferencesInFlatLayout()
    {
        RegressionData data = TinyReport.Value.Split.Train;
        TwoLayerNetwork network = TwoLayerNetwork.Gaussian(5, data.FeatureCount, new Random(11));
        var loss = new NetworkLoss(data, network.Neurons);
        var gradient = new double[network.ParameterCount];
        loss.LossAndGradient(network, gradient);

        var coordinates = new double[network.ParameterCount];
        network.CopyTo(coordinates);
        const double h = 1e-6;
        for (int k = 0; k < coordinates.Length; k++)
        {
            double original = coordinates[k];
            coordinates[k] = original + h;
            network.CopyFrom(coordinates);
            double plus = loss.Loss(network);
            coordinates[k] = original - h;
            network.CopyFrom(coordinates);
            double minus = loss.Loss(network);
            coordinates[k] = original;
            network.CopyFrom(coordinates);

            Assert.Equal((plus - minus) / (2 * h), gradient[k], 1e-8);
        }
    }

    [Fact]
    public void Command_WritesCsvAndDecodablePngs()
    {
        var result = SampleRunner.Run(
            "mean-field", "--neurons", "4", "8", "--seeds", "2", "--time", "4", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string[] written = SampleRunner.WrittenFiles(result.Stdout);
        string[] expectedPngs = [MeanFieldPlots.LossFileName, MeanFieldPlots.ChaosFileName, MeanFieldPlots.EquivarianceFileName, MeanFieldPlots.NeuronsFileName];
        foreach (string name in expectedPngs)
        {
            string path = Path.Combine(folder, name);
            Assert.Contains(path, written);
            SampleRunner.AssertDecodablePng(path);
        }

        string[][] losses = SampleRunner.ReadCsv(Path.Combine(folder, "mean-field-loss.csv"));
        Assert.Equal(1 + 2 * 2 * (MeanFieldSettings.RecordIntervals + 1), losses.Length);
        Assert.Equal(1 + 2, SampleRunner.ReadCsv(Path.Combine(folder, "mean-field-summary.csv")).Length);
        Assert.Contains("OLS", result.Stdout);
        Assert.Contains("max orbit distance", result.Stdout);
        Assert.DoesNotContain("Skipped", result.Stdout);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("4", "4")]
    public void Command_SingleWidth_SkipsChaosPlot(params string[] widths)
    {
        var result = SampleRunner.Run(["mean-field", "--neurons", .. widths, "--seeds", "2", "--time", "1", "--output", folder]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string[] written = SampleRunner.WrittenFiles(result.Stdout);
        string chaosPath = Path.Combine(folder, MeanFieldPlots.ChaosFileName);
        Assert.DoesNotContain(chaosPath, written);
        Assert.False(File.Exists(chaosPath), "the chaos plot needs two widths");
        Assert.Contains($"Skipped {MeanFieldPlots.ChaosFileName}", result.Stdout);
        Assert.Contains("slope: not fitted", result.Stdout);
        Assert.Equal(7, written.Length);
        Assert.All(written, path => Assert.True(File.Exists(path), $"listed but missing: {path}"));
        foreach (string name in new[] { MeanFieldPlots.LossFileName, MeanFieldPlots.EquivarianceFileName, MeanFieldPlots.NeuronsFileName })
        {
            SampleRunner.AssertDecodablePng(Path.Combine(folder, name));
        }
    }

    [Theory]
    [InlineData("--neurons", "0")]
    [InlineData("--neurons", "16", "-4")]
    [InlineData("--seeds", "1")]
    [InlineData("--time", "0")]
    [InlineData("--time", "-1")]
    [InlineData("--time", "abc")]
    [InlineData("--step", "0")]
    [InlineData("--data", "/nonexistent/diabetes.csv")]
    public void Command_InvalidOption_PrintsOneLineNamingIt(params string[] arguments)
    {
        var result = SampleRunner.Run(["mean-field", .. arguments, "--output", folder]);

        SampleRunner.AssertOneLineError(result, arguments[0]);
        Assert.False(Directory.Exists(folder), "nothing should be written for invalid options");
    }

    [Fact]
    public void Command_UnwritableFolder_PrintsOneLineNamingOutput()
    {
        // A regular file where a folder is expected makes directory creation fail, also when running as root.
        Directory.CreateDirectory(folder);
        string blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "not a folder");

        var result = SampleRunner.Run("mean-field", "--neurons", "4", "--output", Path.Combine(blocker, "plots"));

        SampleRunner.AssertOneLineError(result, "--output");
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("--method", "mean-field", "--method", "Midpoint")]
    [InlineData("bogus", "bogus")]
    [InlineData("--neurons", "mean-field", "--neurons", "x")]
    public void Command_ParseError_PrintsOneLine(string expected, params string[] arguments)
    {
        var result = SampleRunner.Run(arguments);

        SampleRunner.AssertOneLineError(result, expected);
    }

    [Fact]
    public void Command_OptionsWithoutSubcommand_RunMeanField()
    {
        var result = SampleRunner.Run("--seeds", "1");

        SampleRunner.AssertOneLineError(result, "--seeds");
        Assert.Equal(MeanFieldSample.Name, SampleCommandLine.DefaultSample);
    }

    private static double[,] NeuronCloud(TwoLayerNetwork network)
    {
        var cloud = new double[network.Neurons, network.Dimension + 1];
        for (int neuron = 0; neuron < network.Neurons; neuron++)
        {
            for (int input = 0; input < network.Dimension; input++)
            {
                cloud[neuron, input] = network.W[neuron, input];
            }

            cloud[neuron, network.Dimension] = network.A[neuron];
        }

        return cloud;
    }

    private static double DirectMeanSquaredError(TwoLayerNetwork network, RegressionData data)
    {
        double sum = 0.0;
        for (int sample = 0; sample < data.SampleCount; sample++)
        {
            double output = 0.0;
            for (int neuron = 0; neuron < network.Neurons; neuron++)
            {
                double z = 0.0;
                for (int feature = 0; feature < data.FeatureCount; feature++)
                {
                    z += network.W[neuron, feature] * data.Features[sample * data.FeatureCount + feature];
                }

                output += network.A[neuron] * Math.Tanh(z);
            }

            double residual = output / network.Neurons - data.Targets[sample];
            sum += residual * residual;
        }

        return sum / data.SampleCount;
    }
}
