namespace SymmetryDsl.Package.Tests;

/// <summary>A consumer whose model types misuse the attributes, one mistake per line.</summary>
internal static class MistakesScenario
{
    public const string FileName = "Models.cs";

    public const string Models = """
        using SymmetryDsl;

        namespace Consumer;

        public class Herd { [Permutation] public double[] Positions { get; set; } = []; }

        public partial class Clock { [Translation(Period = -1)] public double Phase { get; set; } }

        public partial class Labels { [Permutation] public string Names { get; set; } = ""; }
        """;

    /// <summary>Returns the source files: the models and a program that does not use them.</summary>
    public static Dictionary<string, string> SourceFiles() => new()
    {
        [FileName] = Models,
        ["Program.cs"] = "Console.WriteLine(\"mistakes\");\n",
    };

    /// <summary>Returns the 1-based line of <see cref="Models"/> that contains the text.</summary>
    public static int LineOf(string text)
    {
        var lines = Models.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"No line of the mistakes source contains '{text}'.");
        return index + 1;
    }
}
