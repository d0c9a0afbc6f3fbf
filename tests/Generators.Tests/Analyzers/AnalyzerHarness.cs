using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SymmetryDsl.Generators.Analyzers;

namespace SymmetryDsl.Generators.Tests.Analyzers;

/// <summary>Runs the generator and every analyzer over a compilation directly, recording analyzer exceptions.</summary>
internal static class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new InvarianceAnalyzer(), new InvariantTargetAnalyzer(), new PartialModelAnalyzer(),
            new PrimaryConstructorParameterAnalyzer(), new BackingFieldTargetAnalyzer(), new PositionalTranslationAnalyzer()];

    /// <summary>Returns the analyzer diagnostics and the exceptions the analyzers threw.</summary>
    public static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions) Analyze(
        Compilation compilation, IReadOnlyDictionary<string, ReportDiagnostic>? severities = null)
    {
        var output = GeneratorHarness.Run((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)compilation).Output;
        if (severities is not null)
        {
            output = output.WithOptions(output.Options.WithSpecificDiagnosticOptions(severities));
        }

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = output.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        // Concurrent analysis reports in any order, so tests see the diagnostics in source order.
        var ordered = diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return (ordered, exceptions);
    }
}
