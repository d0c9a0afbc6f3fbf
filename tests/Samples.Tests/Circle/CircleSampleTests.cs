using System.Globalization;
using SymmetryDsl.Flows;
using SymmetryDsl.Geometry;
using SymmetryDsl.Samples.Circle;

namespace SymmetryDsl.Samples.Tests.Circle;

public sealed class CircleSampleTests : IDisposable
{
    private static readonly FlowOptions Options = new() { Method = FlowMethod.RungeKutta4, StepSize = 0.005, EndTime = 0.5 };

    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-circle-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0.05, 3)]
    [InlineData(-0.3, 1)]
    [InlineData(0.9, -5)]
    [InlineData(1.2, 40)]
    public void Flows_ShiftedStart_StaysShiftedAtRoundingLevel(double start, long shift)
    {
        CircleTrajectory trajectory = CircleFlows.Run(start, shift, Options);

        // Rounding in sin(2π(x + k)) grows with |x + k|, so the tolerance scales with it.
        double tolerance = 1e-14 * (1 + Math.Abs(start) + Math.Abs(shift));
        Assert.Equal(101, trajectory.Times.Length);
        Assert.All(trajectory.ShiftErrors(shift), error => Assert.InRange(error, 0.0, tolerance));
        Assert.All(trajectory.ProjectionDistances(), distance => Assert.InRange(distance, 0.0, tolerance));
    }

    [Fact]
    public void Flows_ConvergeToNearestMinimum()
    {
        // F = cos(2πx) has its minima at half-integers, and each start in (j, j + 1) flows to j + 1/2.
        foreach (double start in new[] { -0.3, 0.05, 0.45, 0.9, 1.2 })
        {
            CircleTrajectory trajectory = CircleFlows.Run(start, 2, Options);

            Assert.Equal(Math.Floor(start) + 0.5, trajectory.X[^1], 6);
            Assert.Equal(0.5, trajectory.ProjectedX[^1], 6);
        }
    }

    [Fact]
    public void Flows_ProjectionsAreWrappedStates()
    {
        CircleTrajectory trajectory = CircleFlows.Run(1.2, 3, Options);

        for (int record = 0; record < trajectory.Times.Length; record++)
        {
            Assert.InRange(trajectory.ProjectedX[record], 0.0, 1.0);
            Assert.Equal(Periodic.Wrap(trajectory.X[record], 1.0), trajectory.ProjectedX[record]);
            Assert.Equal(Periodic.Wrap(trajectory.Y[record], 1.0), trajectory.ProjectedY[record]);
        }
    }

    [Fact]
    public void Command_PrintsMaximaAndWritesFiles()
    {
        var result = SampleRunner.Run("circle", "--starts", "0.1", "0.7", "--shift", "4", "--time", "0.2", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.InRange(ReadNumber(result.Stdout, "max |Yₜ − Xₜ − k|"), 0.0, 1e-13);
        Assert.InRange(ReadNumber(result.Stdout, "max circle distance"), 0.0, 1e-13);

        string[] written = SampleRunner.WrittenFiles(result.Stdout);
        foreach (string name in new[] { CirclePlots.LineFileName, CirclePlots.ProjectedFileName })
        {
            string path = Path.Combine(folder, name);
            Assert.Contains(path, written);
            SampleRunner.AssertDecodablePng(path);
        }

        string[][] rows = SampleRunner.ReadCsv(Path.Combine(folder, CircleSample.CsvFileName));
        Assert.Equal(1 + 2 * 81, rows.Length);
    }

    [Theory]
    [InlineData("--time", "0")]
    [InlineData("--time", "-2")]
    [InlineData("--step", "0")]
    [InlineData("--starts", "NaN")]
    [InlineData("--method", "DormandPrince45")]
    [InlineData("--shift", "1.5")]
    public void Command_InvalidOption_PrintsOneLineNamingIt(params string[] arguments)
    {
        var result = SampleRunner.Run(["circle", .. arguments, "--output", folder]);

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

        var result = SampleRunner.Run("circle", "--output", Path.Combine(blocker, "plots"));

        SampleRunner.AssertOneLineError(result, "--output");
        Assert.Equal("", result.Stdout);
    }

    private static double ReadNumber(string stdout, string label)
    {
        string line = stdout.Split('\n').Single(candidate => candidate.StartsWith(label, StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
    }
}
