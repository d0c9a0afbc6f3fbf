namespace SymmetryDsl.Samples.Tests;

public class CommandLineErrorTests
{
    [Theory]
    [InlineData("as an integer", "circle", "--shift", "1.5")]
    [InlineData("as a number", "pair", "--x", "a", "b")]
    [InlineData("as a method name", "mean-field", "--method", "Midpoint")]
    public void ParseErrorNamesTypeInWords(string expected, params string[] arguments)
    {
        var (exitCode, _, stderr) = SampleRunner.Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.DoesNotContain("SymmetryDsl.", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("mean-field")]
    [InlineData("circle")]
    [InlineData("pair")]
    [InlineData("align")]
    public void UnknownOptionWithValueGivesOneLine(string sample)
    {
        var (exitCode, stdout, stderr) = SampleRunner.Run(sample, "--bogus", "3");

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'--bogus', '3'", stderr);
    }

    [Fact]
    public void UnknownOptionWithoutSampleGivesOneLine()
    {
        var (exitCode, stdout, stderr) = SampleRunner.Run("--bogus", "3");

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'--bogus', '3'", stderr);
    }

    [Fact]
    public void UnknownSampleGivesOneLine()
    {
        var (exitCode, _, stderr) = SampleRunner.Run("bogus", "--x", "1");

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'bogus', '--x', '1'", stderr);
    }

    [Theory]
    [InlineData("mean-field", "--time", "abc", "5")]
    [InlineData("circle", "--shift", "1.5", "2.5")]
    [InlineData("align", "--points", "x", "7")]
    public void BadValueAndExtraTokenGiveOneLine(params string[] arguments)
    {
        var (exitCode, _, stderr) = SampleRunner.Run(arguments);

        string expectedStart = $"Cannot parse argument '{arguments[2]}' for option '{arguments[1]}'";
        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith(expectedStart, stderr);
        Assert.Contains($"Unrecognized command or argument '{arguments[3]}'.", stderr);
        Assert.EndsWith("Run with --help to list the options.", stderr.TrimEnd());
    }

    [Fact]
    public void TwoBadValuesGiveOneLineNamingBoth()
    {
        var (exitCode, _, stderr) = SampleRunner.Run("mean-field", "--seeds", "x", "--time", "y");

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'--seeds'", stderr);
        Assert.Contains("'--time'", stderr);
    }
}
