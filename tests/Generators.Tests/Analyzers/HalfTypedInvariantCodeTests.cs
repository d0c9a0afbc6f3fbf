namespace SymmetryDsl.Generators.Tests.Analyzers;

/// <summary>
/// Invariant code as it looks in an editor while the user types: every prefix of a complete file, cut at many
/// positions, plus hand-written broken inputs. The analyzers must report diagnostics or nothing, never throw (which
/// the compiler would surface as AD0001).
/// </summary>
public class HalfTypedInvariantCodeTests
{
    private const string Complete = """
        using System;
        using System.Linq;
        using SymmetryDsl;
        using SymmetryDsl.Geometry;

        public partial class Cloud
        {
            [Permutation(Group = "p")] public double[] X = [];
            [Permutation(Group = "p")] public double[,] W = new double[0, 0];
            [Translation(Period = 1)] public double Phase;
        }

        public static class Energies
        {
            [Invariant]
            public static double Pair(Cloud c, Cloud d)
            {
                double e = Math.Cos(2 * Math.PI * c.Phase) + Periodic.Wrap(d.Phase, 1);
                for (int i = 0; i < c.X.Length; i++)
                    for (int j = i + 1; j < c.X.Length; j++)
                        e += Math.Abs(c.X[i] - c.X[j]) * c.W[i, 0];
                e += c.X.Aggregate(0.0, (acc, v) => acc + v) + c.X.Zip(d.X, (a, b) => a * b).Sum();
                Func<Cloud, double> f = [Invariant] (Cloud m) => m.X.First() + m.Phase;
                return e + c.X[0] + f(c) + c.X.Select((v, k) => v * k).Sum();
            }
        }
        """;

    private static readonly string[] Broken =
    [
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => c.X[; }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Missing c) => c.X[0]; }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { for (;;) c.X[0]; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { for (int i = 0; i < ; i++) return c.X[i]; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { for (i = 0; i < c.X.Length; i++) return c.X[i]; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { for (int i = 0, j = 1; i < c.X.Length; i++, j++) return c.X[j]; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => c.X.Zip(; }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => c.X.Aggregate((a, b) =>); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => System.Math.Sin(c.Phase * ); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => SymmetryDsl.Geometry.Periodic.Wrap(c.Phase); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => c.Phase / 0; }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => System.Math.Sin(c.Phase / 0.0); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => System.Math.Sin(c.Phase * double.NaN); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => System.Math.Sin(c.Phase * \"a\"); }",
        "using SymmetryDsl; public static class E { [Invariant] double F; }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => SymmetryDsl.Geometry.Periodic.Wrap(c.Phase, \"one\"); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => SymmetryDsl.Geometry.Periodic.Wrap(c.Phase, period: 'a'); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) => System.Math.Sin(c.Phase * true); }",
        "using SymmetryDsl; [Invariant] public static class E { }",
        "using SymmetryDsl; public static class E { [Invariant(3)] public static double F(Cloud c) => 0; }",
        "using SymmetryDsl; public static class E { [Invariant, Invariant] public static double F(Cloud c) => c.X[0]; }",
        "using SymmetryDsl; public static class E { public static double F(Cloud c) => G([Invariant] (x) => x.X[0]); }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { var c2 = c.Canonicalize(; return c2.Phase; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { double p = p; return p + c.Phase; } }",
        "using SymmetryDsl; public static class E { [Invariant] public static double F(Cloud c) { var xs = xs ?? c.X; return xs[0]; } }",
    ];

    private const string CloudType = """
        using SymmetryDsl;
        public partial class Cloud
        {
            [Permutation] public double[] X = [];
            [Translation(Period = 1)] public double Phase;
        }
        """;

    public static IEnumerable<object[]> Prefixes()
    {
        for (var length = 0; length <= Complete.Length; length += 23)
        {
            yield return [length];
        }
    }

    public static IEnumerable<object[]> BrokenInputs() => Broken.Select((_, i) => new object[] { i });

    [Fact]
    public void CompleteFileReportsItsPositionalReads()
    {
        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(Complete));

        Assert.Empty(exceptions);
        Assert.Equal(4, diagnostics.Count(d => d.Id == "SYM100"));
        Assert.Equal(1, diagnostics.Count(d => d.Id == "SYM101"));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void PrefixDoesNotThrow(int length)
    {
        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(Complete[..length]));

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void BrokenInputDoesNotThrow(int index)
    {
        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(Broken[index], CloudType));

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
