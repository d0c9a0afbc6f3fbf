using Microsoft.CodeAnalysis.Testing;
using SymmetryDsl.Generators.Analyzers;
using SymmetryDsl.Generators.CodeFixes;

namespace SymmetryDsl.Generators.Tests.Analyzers;

// Each test has several diagnostics in one document, so the testing library checks the fix one diagnostic at a
// time and with Fix All in document, project and solution scope against the same fixed source.
public class CodeFixTests
{
    [Fact]
    public async Task PartialFixMarksTypeAndContainers()
    {
        var test = new CodeFixTest<PartialModelAnalyzer, MakePartialCodeFix>(
            """
            using SymmetryDsl;

            public static class {|#0:Outer|}
            {
                internal sealed class {|SYM001:Model|}
                {
                    [Permutation] public double[] X = [];
                }

                public record {|SYM001:Other|}
                {
                    [Translation(Period = 1)] public double Phase { get; set; }
                }
            }

            struct {|SYM001:Point|}
            {
                [Translation(Period = 1)] public double U;
            }
            """,
            """
            using SymmetryDsl;

            public static partial class Outer
            {
                internal sealed partial class Model
                {
                    [Permutation] public double[] X = [];
                }

                public partial record Other
                {
                    [Translation(Period = 1)] public double Phase { get; set; }
                }
            }

            partial struct Point
            {
                [Translation(Period = 1)] public double U;
            }
            """);

        // The container is reported once for each model type inside it.
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("SYM001").WithLocation(0).WithArguments("Model", "Outer"));
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("SYM001").WithLocation(0).WithArguments("Other", "Outer"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WrapFixWrapsEachPeriodicUse()
    {
        var test = new CodeFixTest<InvarianceAnalyzer, WrapPeriodicCodeFix>(
            """
            using System;
            using SymmetryDsl;

            public partial class Oscillator
            {
                [Translation(Period = 2 * Math.PI)] public double Phase;
                [Translation(Period = 1)] public double[] Angles = [];
            }

            public static class Energy
            {
                [Invariant]
                public static double Value(Oscillator o)
                {
                    double e = Math.Exp({|SYM101:o.Phase|}) + 0.5 * {|SYM101:o.Phase|};
                    foreach (var a in o.Angles) e += {|SYM101:a|} * {|SYM101:a|};
                    return e + {|SYM101:o.Angles[0]|};
                }
            }
            """,
            """
            using System;
            using SymmetryDsl;
            using SymmetryDsl.Geometry;

            public partial class Oscillator
            {
                [Translation(Period = 2 * Math.PI)] public double Phase;
                [Translation(Period = 1)] public double[] Angles = [];
            }

            public static class Energy
            {
                [Invariant]
                public static double Value(Oscillator o)
                {
                    double e = Math.Exp(Periodic.Wrap(o.Phase, 2 * Math.PI)) + 0.5 * Periodic.Wrap(o.Phase, 2 * Math.PI);
                    foreach (var a in o.Angles) e += Periodic.Wrap(a, 1.0) * Periodic.Wrap(a, 1.0);
                    return e + Periodic.Wrap(o.Angles[0], 1.0);
                }
            }
            """);

        await test.RunAsync();
    }

    [Fact]
    public async Task SumFixReplacesSummingLoops()
    {
        var test = new CodeFixTest<InvarianceAnalyzer, SumLoopCodeFix>(
            """
            using System;
            using SymmetryDsl;

            public partial class Cloud
            {
                [Permutation] public double[] X = [];
            }

            public static class Energy
            {
                [Invariant]
                public static double Total(Cloud c, int n)
                {
                    double total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        total += {|SYM100:c.X[i]|};
                    }

                    for (int i = 1; i < c.X.Length; i++) total += Math.Exp(-{|SYM100:c.X[i]|});
                    return total;
                }
            }
            """,
            """
            using System;
            using System.Linq;
            using SymmetryDsl;

            public partial class Cloud
            {
                [Permutation] public double[] X = [];
            }

            public static class Energy
            {
                [Invariant]
                public static double Total(Cloud c, int n)
                {
                    double total = 0;
                    total += c.X.Sum();

                    total += c.X.Sum(particle => Math.Exp(-particle));
                    return total;
                }
            }
            """);

        await test.RunAsync();
    }

    [Fact]
    public async Task SumFixSkipsPositionWeightedLoop()
    {
        // The loop variable also weights the term, so no Sum gives the same order-free reading and no fix is offered.
        const string source = """
            using SymmetryDsl;

            public partial class Cloud
            {
                [Permutation] public double[] X = [];
            }

            public static class Energy
            {
                [Invariant]
                public static double Moment(Cloud c, int n)
                {
                    double total = 0;
                    for (int i = 0; i < n; i++) total += i * {|SYM100:c.X[i]|};
                    return total;
                }
            }
            """;
        var test = new CodeFixTest<InvarianceAnalyzer, SumLoopCodeFix>(source, source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;

        await test.RunAsync();
    }
}
