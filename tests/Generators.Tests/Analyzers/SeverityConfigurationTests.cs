using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class SeverityConfigurationTests
{
    private const string Source = """
        using System.Linq;
        using SymmetryDsl;

        public partial class Cloud { [Permutation] public double[] X = []; }

        public static class Energy
        {
            [Invariant] public static double Head(Cloud c) => c.X[0];
            [Invariant] public static double Call(Cloud c) => External(c.X);
            private static double External(double[] values) => values.Sum();
        }
        """;

    [Fact]
    public void UndecidedIsOffByDefault()
    {
        var (diagnostics, _) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(Source));

        Assert.False(DiagnosticDescriptors.InvarianceUndecided.IsEnabledByDefault);
        Assert.Single(diagnostics, d => d.Id == "SYM100");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SYM103");
    }

    [Fact]
    public void UndecidedCanBeEnabled()
    {
        var (diagnostics, _) = AnalyzerHarness.Analyze(
            GeneratorHarness.Compile(Source),
            new Dictionary<string, ReportDiagnostic> { ["SYM103"] = ReportDiagnostic.Info });

        var undecided = Assert.Single(diagnostics, d => d.Id == "SYM103");
        Assert.Equal(DiagnosticSeverity.Info, undecided.Severity);
        Assert.Contains("'External'", undecided.GetMessage());
    }

    [Fact]
    public void PositionalReadCanBeMadeAnError()
    {
        var (diagnostics, _) = AnalyzerHarness.Analyze(
            GeneratorHarness.Compile(Source),
            new Dictionary<string, ReportDiagnostic> { ["SYM100"] = ReportDiagnostic.Error });

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "SYM100").Severity);
    }

    [Fact]
    public void EveryDiagnosticHasHelpPageAndReleaseEntry()
    {
        var ids = Enumerable.Range(1, 12).Select(n => $"SYM{n:000}").Concat(Enumerable.Range(100, 4).Select(n => $"SYM{n}"));
        var root = FindRepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Generators", "AnalyzerReleases.Unshipped.md"));

        foreach (var id in ids)
        {
            var descriptor = DiagnosticDescriptors.Find(id);
            Assert.NotNull(descriptor);
            Assert.Equal(id, descriptor.Id);
            Assert.Equal($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(root, descriptor.HelpLinkUri)), descriptor.HelpLinkUri);
            Assert.Contains($"{id} | {descriptor.Category} | ", releases, StringComparison.Ordinal);
        }

        Assert.Null(DiagnosticDescriptors.Find("SYM013"));
    }

    internal static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SymmetryDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SymmetryDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
