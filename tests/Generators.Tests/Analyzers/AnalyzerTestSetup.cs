using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SymmetryDsl.Generators.Tests.Analyzers;

/// <summary>
/// Test settings shared by the analyzer and code fix tests: .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (so nothing is downloaded), the runtime assembly, and the quotient generator, so the
/// sources may call generated members such as <c>Canonicalize()</c>.
/// </summary>
internal static class AnalyzerTestSetup
{
    // An empty reference set: the framework references come from Basic.Reference.Assemblies instead of a package.
    public static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PermutationAttribute).Assembly.Location));
    }
}

/// <summary>Runs one analyzer over sources with markup and compares the diagnostics, spans included.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source, bool enableUndecided = false)
    {
        TestCode = source;
        ReferenceAssemblies = AnalyzerTestSetup.NoPackages;
        AnalyzerTestSetup.Configure(TestState);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        if (!enableUndecided)
        {
            // The testing library enables rules that are off by default; SYM103 is opt-in, so keep it off here.
            DisabledDiagnostics.Add("SYM103");
        }
        else
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.SYM103.severity = suggestion\n"));
        }
    }

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(QuotientGenerator)];

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>Runs an analyzer and a code fix, and compares the fixed source, one fix at a time and with Fix All.</summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = AnalyzerTestSetup.NoPackages;
        AnalyzerTestSetup.Configure(TestState);
        AnalyzerTestSetup.Configure(FixedState);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(QuotientGenerator)];

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);
}
