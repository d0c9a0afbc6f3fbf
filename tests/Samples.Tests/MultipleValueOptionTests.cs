using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using SymmetryDsl.Samples.Align;
using SymmetryDsl.Samples.Circle;
using SymmetryDsl.Samples.MeanField;
using SymmetryDsl.Samples.Pair;

namespace SymmetryDsl.Samples.Tests;

/// <summary>
/// Checks that the help of each option with several values shows how to pass them and its default as a user types
/// it, that the shown forms parse, and that an absent option takes its default.
/// </summary>
public sealed class MultipleValueOptionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-options-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("mean-field", "--neurons 16 64", "--neurons 16 --neurons 64")]
    [InlineData("circle", "--starts -0.3 0.45", "--starts -0.3 --starts 0.45")]
    [InlineData("pair", "--x 0.2 1.5", "--y 1.1 0.1")]
    [InlineData("align", "--seeds 0 1")]
    public void HelpShowsHowToPassValues(string sample, params string[] examples)
    {
        var result = SampleRunner.Run(sample, "--help");

        // The help builder wraps long descriptions at the console width, so the text is compared without line breaks.
        string help = Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.Equal(0, result.ExitCode);
        foreach (string example in examples)
        {
            Assert.Contains(example, help);
        }
    }

    [Theory]
    [InlineData("mean-field", "--neurons", "16 64 256 1024")]
    [InlineData("circle", "--starts", "-0.3 0.05 0.45 0.9 1.2")]
    [InlineData("pair", "--x", "0.2 1.5")]
    [InlineData("pair", "--y", "1.1 0.1")]
    [InlineData("align", "--seeds", "0 1")]
    public void HelpShowsDefaultAsTyped(string sample, string option, string expectedDefault)
    {
        var result = SampleRunner.Run(sample, "--help");

        // The first "[default: ...]" after the option's usage label ends the option's description.
        string help = Regex.Replace(result.Stdout, @"\s+", " ");
        Match row = Regex.Match(help, $@"{Regex.Escape(option)} <[^>]*> .*?\[default: (?<default>[^\]]*)\]");
        Assert.Equal(0, result.ExitCode);
        Assert.True(row.Success, $"no default shown for {option}");
        Assert.Equal(expectedDefault, row.Groups["default"].Value);
    }

    [Theory]
    [InlineData("mean-field")]
    [InlineData("circle")]
    [InlineData("pair")]
    [InlineData("align")]
    public void HelpShowsNoDefaultJoinedWithPipes(string sample)
    {
        var result = SampleRunner.Run(sample, "--help");

        string help = Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotMatch(@"\[default: [^\]]*\|", help);
    }

    [Fact]
    public void AbsentOptionReturnsCopyOfDefault()
    {
        var option = new MultipleValueOption<int>("--widths", "Widths.", "n", [16, 64]);
        var command = new Command("test") { option.Option };

        int[] first = option.GetValue(command.Parse([]));
        first[0] = -1;
        int[] second = option.GetValue(command.Parse([]));

        Assert.Equal([16, 64], second);
    }

    [Theory]
    [InlineData("--widths", "3")]
    [InlineData("--widths", "3", "--widths", "5", "7")]
    public void GivenOptionReplacesDefault(params string[] arguments)
    {
        var option = new MultipleValueOption<int>("--widths", "Widths.", "n", [16, 64]);
        var command = new Command("test") { option.Option };

        ParseResult parseResult = command.Parse(arguments);

        Assert.Empty(parseResult.Errors);
        int[] expected = arguments.Where(argument => argument != "--widths").Select(int.Parse).ToArray();
        Assert.Equal(expected, option.GetValue(parseResult));
    }

    [Fact]
    public void PairWithoutPointsUsesDefaults()
    {
        var result = SampleRunner.Run("pair", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Two particles on the line: x = (0.2, 1.5), y = (1.1, 0.1).", result.Stdout.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public void CircleWithoutStartsUsesDefaults()
    {
        var result = SampleRunner.Run("circle", "--output", folder);

        // Each table row starts with x₀, right-aligned, followed by " |".
        double[] starts = result.Stdout.Split('\n')
            .Select(line => line.Split('|')[0].Trim())
            .Where(cell => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(cell => double.Parse(cell, CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([-0.3, 0.05, 0.45, 0.9, 1.2], starts);
    }

    [Theory]
    [InlineData("--neurons", "16", "64")]
    [InlineData("--neurons", "16", "--neurons", "64")]
    public void NeuronsAcceptsBothForms(params string[] arguments)
    {
        ParseResult parseResult = MeanFieldSample.CreateCommand().Parse(arguments);

        Assert.Empty(parseResult.Errors);
        int[]? neurons = parseResult.GetValue<int[]>("--neurons");
        Assert.NotNull(neurons);
        Assert.Equal([16, 64], neurons);
    }

    [Theory]
    [InlineData("--starts", "-0.3", "0.45")]
    [InlineData("--starts", "-0.3", "--starts", "0.45")]
    public void StartsAcceptsBothForms(params string[] arguments)
    {
        ParseResult parseResult = CircleSample.CreateCommand().Parse(arguments);

        Assert.Empty(parseResult.Errors);
        double[]? starts = parseResult.GetValue<double[]>("--starts");
        Assert.NotNull(starts);
        Assert.Equal([-0.3, 0.45], starts);
    }

    [Fact]
    public void PairPointsParseFromOneOption()
    {
        ParseResult parseResult = PairSample.CreateCommand().Parse(["--x", "0.2", "1.5", "--y", "1.1", "0.1"]);

        Assert.Empty(parseResult.Errors);
        double[]? x = parseResult.GetValue<double[]>("--x");
        Assert.NotNull(x);
        Assert.Equal([0.2, 1.5], x);
        double[]? y = parseResult.GetValue<double[]>("--y");
        Assert.NotNull(y);
        Assert.Equal([1.1, 0.1], y);
    }

    [Fact]
    public void AlignSeedsParseFromOneOption()
    {
        ParseResult parseResult = AlignSample.CreateCommand().Parse(["--seeds", "0", "1"]);

        Assert.Empty(parseResult.Errors);
        int[]? seeds = parseResult.GetValue<int[]>("--seeds");
        Assert.NotNull(seeds);
        Assert.Equal([0, 1], seeds);
    }
}
