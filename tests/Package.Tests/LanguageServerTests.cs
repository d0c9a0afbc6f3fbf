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

    [LanguageServerFact]
    public async Task EditorReportsSym001()
    {
        var project = CreateRestoredProject("EditorNotPartial", "Herd.cs", ModelNotPartial);
        await using var session = await EditorSession.OpenAsync(fixture.LanguageServer, project, "Herd.cs", fixture.Feed.ConsumerEnvironment);

        var diagnostics = await session.WaitForDiagnosticAsync("SYM001");

        var notPartial = diagnostics.Single(item => EditorSession.Code(item) == "SYM001");
        var line = LineOf(ModelNotPartial, "class Herd");
        Assert.Equal(line, EditorSession.StartLine(notPartial));
        Assert.Equal(ModelNotPartial.Split('\n')[line].IndexOf("Herd", StringComparison.Ordinal), notPartial!["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(1, notPartial!["severity"]!.GetValue<int>());
        Assert.Contains("add the 'partial' modifier to 'Herd'", notPartial!["message"]!.ToString(), StringComparison.Ordinal);
    }

    // NOTE: csharp-ls 0.28.0 creates its code fixers by reflection over Roslyn's own Features and Workspaces
    // assemblies and runs them on the compiler diagnostics of the semantic model only, ignoring the request's context
    // (Handlers/CodeAction.fs in razzmatazz/csharp-language-server). Observed with the packed nupkg, which contains
    // analyzers/dotnet/cs/SymmetryDsl.Generators.CodeFixes.dll: a codeAction request on the SYM001 span, with the
    // pulled SYM001 in context.diagnostics, returned only "Generate overrides...", "Extract interface...", "Extract
    // base class..." and "Add 'DebuggerDisplay' attribute". Adding context.only = ["quickfix"] or a data field to the
    // diagnostic, or sending an empty range or the whole declaration line, changed nothing.
    [LanguageServerFact(Skip = "csharp-ls 0.28.0 offers only code fixes from Roslyn's own assemblies, for compiler diagnostics: a codeAction request on SYM001 (with or without context.only = quickfix or a data field) returns four refactorings and no make-partial fix.")]
    public async Task EditorOffersMakePartialFix()
    {
        var project = CreateRestoredProject("EditorNotPartialFix", "Herd.cs", ModelNotPartial);
        await using var session = await EditorSession.OpenAsync(fixture.LanguageServer, project, "Herd.cs", fixture.Feed.ConsumerEnvironment);
        var diagnostics = await session.WaitForDiagnosticAsync("SYM001");
        var notPartial = diagnostics.Single(item => EditorSession.Code(item) == "SYM001");

        var actions = await session.CodeActionsAsync(notPartial!["range"]!, diagnostics);

        Assert.True(
            actions.Any(action => action?["title"]?.ToString() == "Make the type and its containing types partial"),
            $"No make-partial action. Diagnostics sent: {diagnostics.ToJsonString()}\nResponse: {actions.ToJsonString()}");
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
