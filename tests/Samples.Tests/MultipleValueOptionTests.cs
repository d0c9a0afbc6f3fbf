using System.CommandLine;
using System.Text.RegularExpressions;
using SymmetryDsl.Samples.Align;
using SymmetryDsl.Samples.Circle;
using SymmetryDsl.Samples.MeanField;
using SymmetryDsl.Samples.Pair;

namespace SymmetryDsl.Samples.Tests;

/// <summary>Checks that the help of each option with several values shows how to pass them, and that the shown forms parse.</summary>
public class MultipleValueOptionTests
{
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
