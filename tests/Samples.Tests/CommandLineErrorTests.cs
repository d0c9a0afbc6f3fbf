namespace SymmetryDsl.Samples.Tests;

public class CommandLineErrorTests
{
    [Theory]
    [InlineData("as an integer", "circle", "--shift", "1.5")]
    [InlineData("as a number", "pair", "--x", "a", "b")]
    public void ParseErrorNamesTypeInWords(string expected, params string[] arguments)
    {
        var (exitCode, _, stderr) = SampleRunner.Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
