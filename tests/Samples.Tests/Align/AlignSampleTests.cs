using SymmetryDsl.Flows;
using SymmetryDsl.Samples.Align;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Samples.Tests.Align;

public sealed class AlignSampleTests : IDisposable
{
    private static readonly RegressionData Train = RegressionData.Split(
        RegressionData.ReadCsv(MeanFieldSample.DefaultDataPath), MeanFieldSettings.TestFraction, seed: 0).Train;

    private static readonly FlowOptions Options = new()
    {
        Method = FlowMethod.Euler, StepSize = 0.05, EndTime = 2.0,
    };

    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-align-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(5, 0, 1)]
    [InlineData(6, 3, 8)]
    [InlineData(24, 2, 5)]
    public void Comparison_AlignedDistanceNotLarger(int neurons, int firstSeed, int secondSeed)
    {
        AlignmentComparison comparison = AlignmentComparison.Compute(Train, neurons, firstSeed, secondSeed, Options, 11, ProgressLine.Silent);

        Assert.True(comparison.DistanceAfter <= comparison.DistanceBefore,
            $"aligned {comparison.DistanceAfter} > unaligned {comparison.DistanceBefore}");
        Assert.Equal(comparison.OrbitDistance, comparison.DistanceAfter, 12);
    }

    [Theory]
    [InlineData(4, 0, 1)]
    [InlineData(6, 7, 9)]
    public void Comparison_MatchesBruteForceOverPermutations(int neurons, int firstSeed, int secondSeed)
    {
        AlignmentComparison comparison = AlignmentComparison.Compute(Train, neurons, firstSeed, secondSeed, Options, 3, ProgressLine.Silent);

        double best = double.PositiveInfinity;
        foreach (int[] images in Permutations(neurons))
        {
            var candidate = comparison.First.Apply(new TwoLayerNetwork.GroupElement(new Permutation(images)));
            best = Math.Min(best, TwoLayerNetwork.MetricDistance(candidate, comparison.Second));
        }

        Assert.Equal(best, comparison.DistanceAfter, 12);
    }

    [Fact]
    public void Comparison_PathsShareLossAtEndpoints()
    {
        AlignmentComparison comparison = AlignmentComparison.Compute(Train, 16, 0, 1, Options, 21, ProgressLine.Silent);

        // Relabeling neurons leaves the network function unchanged, so g*·θ₀ has the loss of θ₀.
        Assert.Equal(comparison.PathBefore.TrainMse[0], comparison.PathAfter.TrainMse[0], 12);
        Assert.Equal(comparison.PathBefore.TrainMse[^1], comparison.PathAfter.TrainMse[^1]);
        Assert.Equal(21, comparison.PathBefore.Positions.Length);
        Assert.Equal(0.0, comparison.PathBefore.Positions[0]);
        Assert.Equal(1.0, comparison.PathBefore.Positions[^1]);
        Assert.True(comparison.PathBefore.TrainMse[^1] < new NetworkLoss(Train, 16).MeanSquaredError(
            TwoLayerNetwork.Gaussian(16, Train.FeatureCount, new Random(1))), "training should lower the MSE");
    }

    [Fact]
    public void Barrier_IsMaxRiseAboveChord()
    {
        var path = new LinearPath([0.0, 0.25, 0.5, 0.75, 1.0], [1.0, 1.5, 2.5, 1.5, 2.0]);

        // Chord values 1.25, 1.5, 1.75 at the interior points, so the largest rise is 2.5 − 1.5 at s = 0.5.
        Assert.Equal(1.0, path.Barrier, 14);
        Assert.Equal(0.0, new LinearPath([0.0, 0.5, 1.0], [1.0, 0.5, 1.0]).Barrier);
    }

    [Fact]
    public void Command_PrintsDistancesAndWritesFiles()
    {
        var result = SampleRunner.Run("align", "--neurons", "8", "--seeds", "2", "3", "--time", "1", "--points", "9", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        double before = ReadNumber(result.Stdout, "distance before alignment");
        double after = ReadNumber(result.Stdout, "distance after alignment");
        Assert.True(after <= before, $"aligned {after} > unaligned {before}");
        Assert.Contains("loss barrier before alignment", result.Stdout);
        Assert.Contains("loss barrier after alignment", result.Stdout);

        string plotPath = Path.Combine(folder, AlignPlot.FileName);
        Assert.Contains(plotPath, SampleRunner.WrittenFiles(result.Stdout));
        SampleRunner.AssertDecodablePng(plotPath);
        Assert.Equal(1 + 9, SampleRunner.ReadCsv(Path.Combine(folder, AlignSample.CsvFileName)).Length);
    }

    [Theory]
    [InlineData("--neurons", "0")]
    [InlineData("--seeds", "4", "4")]
    [InlineData("--seeds", "1")]
    [InlineData("--time", "0")]
    [InlineData("--step", "-0.1")]
    [InlineData("--points", "1")]
    [InlineData("--data", "/nonexistent/table.csv")]
    public void Command_InvalidOption_PrintsOneLineNamingIt(params string[] arguments)
    {
        var result = SampleRunner.Run(["align", .. arguments, "--output", folder]);

        SampleRunner.AssertOneLineError(result, arguments[0]);
        Assert.False(Directory.Exists(folder), "nothing should be written for invalid options");
    }

    [Theory]
    [InlineData("--seeds: expected 2 seeds, but got 1 value: 1.", "1")]
    [InlineData("--seeds: expected 2 seeds, but got 3 values: 0 1 2.", "0", "1", "2")]
    public void Command_WrongSeedCount_DescribesValues(string expected, params string[] seeds)
    {
        var result = SampleRunner.Run(["align", "--seeds", .. seeds, "--output", folder]);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, result.ExitCode);
        Assert.Equal(expected, result.Stderr.TrimEnd());
    }

    [Fact]
    public void Command_UnwritableFolder_PrintsOneLineNamingOutput()
    {
        // A regular file where a folder is expected makes directory creation fail, also when running as root.
        Directory.CreateDirectory(folder);
        string blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "not a folder");

        var result = SampleRunner.Run("align", "--neurons", "4", "--time", "0.5", "--output", Path.Combine(blocker, "plots"));

        SampleRunner.AssertOneLineError(result, "--output");
        Assert.Equal("", result.Stdout);
    }

    private static double ReadNumber(string stdout, string label)
    {
        string line = stdout.Split('\n').Single(candidate => candidate.StartsWith(label, StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<int[]> Permutations(int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (int[] smaller in Permutations(count - 1))
        {
            for (int position = 0; position < count; position++)
            {
                var images = new int[count];
                for (int i = 0, j = 0; i < count; i++)
                {
                    images[i] = i == position ? count - 1 : smaller[j++];
                }

                yield return images;
            }
        }
    }
}
