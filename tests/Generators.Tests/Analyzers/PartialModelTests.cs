using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.PartialModelAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

// The analyzer tests also run the generator, so a SYM001 that the generator still reported would fail them as an
// unexpected second diagnostic at the same span.
public class PartialModelTests
{
    [Fact]
    public async Task TypeNotPartialIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public class {|#0:Model|}
            {
                [Permutation] public double[] X = [];
            }
            """,
            Verify.Diagnostic("SYM001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("Model", "Model"));
    }

    [Fact]
    public async Task ContainingTypeNotPartialIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public class {|#0:Outer|}
            {
                public partial class Model
                {
                    [Permutation] public double[] X = [];
                }
            }
            """,
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("Model", "Outer"));
    }

    [Fact]
    public async Task EveryNonPartialLevelIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            namespace Physics;

            class {|#0:Outer|}
            {
                partial class Middle
                {
                    struct {|#1:Inner|}
                    {
                        [Translation(Period = 1)] public double U;
                    }
                }
            }
            """,
            Verify.Diagnostic("SYM001").WithLocation(1).WithArguments("Inner", "Inner"),
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("Inner", "Outer"));
    }

    [Fact]
    public async Task ContainerIsReportedOncePerModel()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            static class {|#0:Outer|}
            {
                public partial class First { [Permutation] public double[] X = []; }

                public partial class Second { [Translation(Period = 2)] public double Phase; }

                public class Plain { public double[] X = []; }
            }
            """,
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("First", "Outer"),
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("Second", "Outer"));
    }

    [Fact]
    public async Task EveryWayToMarkModelIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public class {|#0:TypePeriod|}
            {
                public double U;
            }

            public record {|#1:Properties|}
            {
                [Permutation] public double[] X { get; set; } = [];
                [Translation(Period = 1)] public double Phase { get; set; }
            }

            public record struct {|#2:Point|}
            {
                [Translation(Period = 1)] public double U;
            }

            public class {|#3:Generic|}<T>
            {
                [Permutation] public double[] Weights = [];
                public T? Tag;
            }
            """,
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("TypePeriod", "TypePeriod"),
            Verify.Diagnostic("SYM001").WithLocation(1).WithArguments("Properties", "Properties"),
            Verify.Diagnostic("SYM001").WithLocation(2).WithArguments("Point", "Point"),
            Verify.Diagnostic("SYM001").WithLocation(3).WithArguments("Generic", "Generic"));
    }

    [Fact]
    public async Task NonPartialDeclarationOfPartialTypeIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial class Model
            {
                [Permutation] public double[] X = [];
            }

            public class {|#0:Model|}
            {
            }
            """,
            DiagnosticResult.CompilerError("CS0260").WithLocation(0).WithArguments("Model"),
            Verify.Diagnostic("SYM001").WithLocation(0).WithArguments("Model", "Model"));
    }

    [Fact]
    public async Task TypesTheGeneratorSkipsAreNotReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;
            using Obsolete = System.ObsoleteAttribute;

            public partial class Model
            {
                [Permutation] public double[] X = [];
            }

            public class Plain
            {
                public double[] X = [];
            }

            public class Deprecated
            {
                [Obsolete] public double[] X = [];
            }

            public interface IShape
            {
                [Permutation] double[] X { get; set; }
            }

            public ref struct Stack
            {
                [Permutation] public double[] X;
            }

            public record Positional([property: Permutation] double[] X);

            public class BackingField
            {
                [field: Permutation] public double[] X { get; set; } = [];
            }
            """);
    }

    // The analyzer skips the two attribute placements above that the generator does not find, even on a partial type.
    [Theory]
    [InlineData("public partial record Positional([property: Permutation] double[] X);")]
    [InlineData("public partial class BackingField { [field: Permutation] public double[] X { get; set; } = []; }")]
    public void GeneratorMakesNoModelForSkippedPlacements(string declaration)
    {
        var run = GeneratorHarness.Run("using SymmetryDsl;\n" + declaration);

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void GeneratorAndAnalyzerReportOnce()
    {
        var compilation = GeneratorHarness.Compile("""
            using SymmetryDsl;
            public class Outer { public class Model { [Permutation] public double[] X = []; [Translation(Period = 1)] public double P; } }
            """);

        var run = GeneratorHarness.Run(compilation);
        var (analyzerDiagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM001");
        var reported = analyzerDiagnostics.Where(d => d.Id == "SYM001").Select(d => d.GetMessage()).Order().ToList();
        Assert.Equal(2, reported.Count);
        Assert.Contains("add the 'partial' modifier to 'Model'", reported[0]);
        Assert.Contains("add the 'partial' modifier to 'Outer'", reported[1]);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DescriptorLinksHelpPage()
    {
        Assert.Equal("docs/diagnostics/SYM001.md", DiagnosticDescriptors.TypeNotPartial.HelpLinkUri);
        Assert.Equal(DiagnosticSeverity.Error, DiagnosticDescriptors.TypeNotPartial.DefaultSeverity);
    }
}
