using System.Buffers.Binary;
using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;
using SymmetryDsl.Samples.Pair;

namespace SymmetryDsl.Samples.Tests;

public sealed class PairSampleTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-pair-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0.3, 2.0, 1.7, -0.4)]
    [InlineData(0.0, 1.0, 0.1, 1.2)]
    [InlineData(-3.5, 4.25, 4.0, -3.0)]
    [InlineData(1.0, 1.0, 2.0, 5.0)]
    public void Pair_ChosenPoints_PrintsDistancesAndProjections(double x1, double x2, double y1, double y2)
    {
        string output = Path.Combine(folder, "plots");

        (int exitCode, string stdout, string stderr) = RunSample(
            "pair", "--x", Invariant(x1), Invariant(x2), "--y", Invariant(y1), Invariant(y2), "--output", output);

        double identity = Math.Sqrt(0.5 * ((x1 - y1) * (x1 - y1) + (x2 - y2) * (x2 - y2)));
        double swapped = Math.Sqrt(0.5 * ((x2 - y1) * (x2 - y1) + (x1 - y2) * (x1 - y2)));
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Equal(identity, ReadNumber(stdout, "identity pairing distance"), 6e-7);
        Assert.Equal(swapped, ReadNumber(stdout, "swapped pairing distance"), 6e-7);
        Assert.Equal(Math.Min(identity, swapped), ReadNumber(stdout, "quotient distance"), 6e-7);
        Assert.Equal(swapped < identity ? "swapped [1, 0]" : "identity [0, 1]", ReadValue(stdout, "best pairing"));
        Assert.Equal(FormatPoint(Math.Min(x1, x2), Math.Max(x1, x2)), ReadValue(stdout, "projection of x"));
        Assert.Equal(FormatPoint(Math.Min(y1, y2), Math.Max(y1, y2)), ReadValue(stdout, "projection of y"));
    }

    [Fact]
    public void Pair_WritesDecodablePng()
    {
        string output = Path.Combine(folder, "nested", "plots");

        (int exitCode, string stdout, _) = RunSample("pair", "--x", "0.2", "1.5", "--y", "1.1", "0.1", "--output", output);

        string expectedPath = Path.Combine(Path.GetFullPath(output), "pair.png");
        Assert.Equal(0, exitCode);
        Assert.Equal(expectedPath, LastLine(stdout));
        Assert.True(File.Exists(expectedPath));

        byte[] bytes = File.ReadAllBytes(expectedPath);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        int height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.True(width >= 600, $"width {width}");
        Assert.True(height >= 600, $"height {height}");

        using SKBitmap bitmap = SKBitmap.Decode(expectedPath);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    [Theory]
    [InlineData(0.2, 1.5, 1.1, 0.1)]
    [InlineData(-3.5, 4.25, 4.0, -3.0)]
    [InlineData(1.0, 1.0, 2.0, 5.0)]
    public void PairPlot_SegmentIsSqrt2TimesDistance(double x1, double x2, double y1, double y2)
    {
        Plot plot = PairPlot.Create(PairComparison.Compute([x1, x2], [y1, y2]));

        // The title states the relation, and each pairing segment's legend gives its d with 6 decimals.
        Assert.Contains(PairPlot.SegmentLengthNote, plot.Axes.Title.Label.Text);
        LinePlot[] segments = plot.GetPlottables<LinePlot>()
            .Where(line => line.LegendText.Contains("pairing", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(2, segments.Length);
        foreach (LinePlot segment in segments)
        {
            double length = Math.Sqrt(
                Math.Pow(segment.End.X - segment.Start.X, 2) + Math.Pow(segment.End.Y - segment.Start.Y, 2));
            string legendDistance = segment.LegendText[(segment.LegendText.LastIndexOf("d = ", StringComparison.Ordinal) + 4)..];
            Assert.Equal(length / Math.Sqrt(2), double.Parse(legendDistance, CultureInfo.InvariantCulture), 6e-7);
        }
    }

    [Fact]
    public void Pair_NoOptions_WritesIntoDefaultFolder()
    {
        // NOTE: the current directory is process-wide. Tests in other classes that use relative paths would race with
        // this one, because xunit runs test classes in parallel.
        Directory.CreateDirectory(folder);
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            (int exitCode, string stdout, _) = RunSample("pair");

            string expectedPath = Path.Combine(Path.GetFullPath(folder), "output", "pair", "pair.png");
            Assert.Equal(0, exitCode);
            Assert.Equal(expectedPath, LastLine(stdout));
            Assert.True(File.Exists(expectedPath));

            // The defaults make the swap the better pairing.
            Assert.Equal("swapped [1, 0]", ReadValue(stdout, "best pairing"));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Theory]
    [InlineData("--x", "1", "2", "3")]
    [InlineData("--x", "1")]
    [InlineData("--y", "1", "NaN")]
    [InlineData("--y", "Infinity", "0")]
    [InlineData("--x", "1e999", "0")]
    [InlineData("--x", "abc", "0")]
    public void Pair_InvalidPoint_PrintsOneLineNamingOption(params string[] arguments)
    {
        string output = Path.Combine(folder, "plots");

        (int exitCode, string stdout, string stderr) = RunSample(["pair", .. arguments, "--output", output]);

        Assert.NotEqual(0, exitCode);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(arguments[0], stderr);
        Assert.False(Directory.Exists(output), "no plot should be written for invalid options");
        Assert.DoesNotContain("Wrote:", stdout);
    }

    [Theory]
    [InlineData("--x: expected 2 coordinates x₁ x₂, but got 1 value: 1.", "--x", "1")]
    [InlineData("--y: expected 2 coordinates y₁ y₂, but got 3 values: 1 2.5 -3.", "--y", "1", "2.5", "-3")]
    [InlineData("--x: expected 2 coordinates x₁ x₂, but got 3 values: 1 2 3.", "--x", "1", "--x", "2", "3")]
    [InlineData("--y: every coordinate must be finite, but y₂ is NaN.", "--y", "1", "NaN")]
    [InlineData("--x: every coordinate must be finite, but x₁ is Infinity.", "--x", "1e999", "0")]
    public void Pair_InvalidPoint_DescribesValues(string expected, params string[] arguments)
    {
        (int exitCode, _, string stderr) = RunSample(["pair", .. arguments, "--output", Path.Combine(folder, "plots")]);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    [Fact]
    public void Pair_UnwritableFolder_PrintsOneLineNamingOutput()
    {
        // A regular file where a folder is expected makes directory creation fail, also when running as root.
        Directory.CreateDirectory(folder);
        string blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "not a folder");

        (int exitCode, string stdout, string stderr) = RunSample("pair", "--output", Path.Combine(blocker, "plots"));

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("--output", stderr);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunSample(params string[] arguments)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int exitCode = SampleCommandLine.Run(arguments, stdout, stderr);

        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    // The sample prints "label ...: value" lines; the value follows the first colon after the label.
    private static string ReadValue(string stdout, string label)
    {
        string line = stdout.Split('\n').Single(candidate => candidate.StartsWith(label, StringComparison.Ordinal));
        string value = line[(line.IndexOf(':', label.Length) + 1)..].Trim();
        return value;
    }

    private static double ReadNumber(string stdout, string label) =>
        double.Parse(ReadValue(stdout, label).Split(' ')[0], CultureInfo.InvariantCulture);

    private static string LastLine(string stdout) => stdout.TrimEnd().Split('\n')[^1].Trim();

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatPoint(double first, double second) =>
        $"({first.ToString("0.######", CultureInfo.InvariantCulture)}, {second.ToString("0.######", CultureInfo.InvariantCulture)})";
}
