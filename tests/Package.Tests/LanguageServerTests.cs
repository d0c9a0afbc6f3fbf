namespace SymmetryDsl.Package.Tests;

/// <summary>Opens consumer projects of the packed package in csharp-ls, a real editor back end, and reads its diagnostics.</summary>
[Collection(PackageCollection.Name)]
public sealed class LanguageServerTests(PackageFixture fixture)
{
    private const string ModelWithTypeError = """
        using SymmetryDsl;

        namespace Consumer;

        public partial class Flock
        {
            [Permutation] public double[] Positions { get; set; } = [];
        }

        public static class Distances
        {
            public static int Rounded(Flock a, Flock b) => Flock.OrbitDistance(a, b);
        }
        """;

    private const string ModelNotPartial = """
        using SymmetryDsl;

        namespace Consumer;

        public class Herd
        {
            [Permutation] public double[] Positions { get; set; } = [];
        }
        """;

    private const string InvariantReadByPosition = """
        using SymmetryDsl;

        namespace Consumer;

        public partial class Cloud
        {
            [Permutation] public double[] Particles { get; set; } = [];
        }

        public static class Energies
        {
            [Invariant]
            public static double First(Cloud cloud) => cloud.Particles[0];
        }
        """;

    [LanguageServerFact]
    public async Task EditorSeesGeneratedMembers()
    {
        var project = CreateRestoredProject("EditorGenerated", "Flock.cs", ModelWithTypeError);
        await using var session = await EditorSession.OpenAsync(fixture.LanguageServer, project, "Flock.cs", fixture.Feed.ConsumerEnvironment);

        // CS0266 (double to int) shows that the editor ran the packaged generator and resolved OrbitDistance, which returns double.
        var diagnostics = await session.WaitForDiagnosticAsync("CS0266");

        var conversion = diagnostics.Single(item => EditorSession.Code(item) == "CS0266");
        Assert.Equal(LineOf(ModelWithTypeError, "Flock.OrbitDistance"), EditorSession.StartLine(conversion));
        Assert.DoesNotContain(diagnostics, item => EditorSession.Code(item) is "CS0117" or "CS0246" or "CS0103");
    }

    [LanguageServerFact]
    public async Task EditorReportsAnalyzerDiagnostic()
    {
        var project = CreateRestoredProject("EditorInvariant", "Cloud.cs", InvariantReadByPosition);
        await using var session = await EditorSession.OpenAsync(fixture.LanguageServer, project, "Cloud.cs", fixture.Feed.ConsumerEnvironment);

        var diagnostics = await session.WaitForDiagnosticAsync("SYM100");

        var readByPosition = diagnostics.Single(item => EditorSession.Code(item) == "SYM100");
        Assert.Equal(LineOf(InvariantReadByPosition, "cloud.Particles[0]"), EditorSession.StartLine(readByPosition));
    }

    // NOTE: csharp-ls 0.28.0 pulls document diagnostics from the semantic model and DiagnosticAnalyzers only, not from
    // source generators, so SYM001 (reported by the generator) never reaches it. Its code actions come only from
    // Roslyn's built-in fixers, so a package's make-partial fix is not offered either.
    [LanguageServerFact(Skip = "Pending: csharp-ls 0.28.0 shows no source-generator diagnostics such as SYM001 and offers only Roslyn's built-in code fixes.")]
    public async Task EditorReportsSym001WithFix()
    {
        var project = CreateRestoredProject("EditorNotPartial", "Herd.cs", ModelNotPartial);
        await using var session = await EditorSession.OpenAsync(fixture.LanguageServer, project, "Herd.cs", fixture.Feed.ConsumerEnvironment);

        var diagnostics = await session.WaitForDiagnosticAsync("SYM001");

        var notPartial = diagnostics.Single(item => EditorSession.Code(item) == "SYM001");
        Assert.Equal(LineOf(ModelNotPartial, "class Herd"), EditorSession.StartLine(notPartial));
        var actions = await session.CodeActionsAsync(notPartial!["range"]!, diagnostics);
        Assert.Contains(actions, action => action?["title"]?.ToString().Contains("partial", StringComparison.OrdinalIgnoreCase) == true);
    }

    private ConsumerProject CreateRestoredProject(string name, string fileName, string source)
    {
        var project = ConsumerProject.Create(fixture.Feed, name, new Dictionary<string, string>
        {
            [fileName] = source,
            ["Program.cs"] = "Console.WriteLine(\"editor\");\n",
        });
        var restore = project.Restore();
        Assert.True(restore.ExitCode == 0, restore.ToString());
        return project;
    }

    /// <summary>Returns the 0-based line of the source that contains the text, as LSP positions count lines.</summary>
    private static int LineOf(string source, string text) =>
        Array.FindIndex(source.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));
}
