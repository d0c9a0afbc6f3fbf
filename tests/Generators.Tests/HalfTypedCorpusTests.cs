using SymmetryDsl.Generators.Tests.Analyzers;

namespace SymmetryDsl.Generators.Tests;

/// <summary>
/// Code as it looks in an editor while the user types: every prefix of a few complete model files, cut at many
/// positions, plus hand-written broken inputs. The generator and the analyzers must report diagnostics or nothing,
/// never throw (which the compiler would surface only as warning CS8785 or AD0001).
/// </summary>
public class HalfTypedCorpusTests
{
    private const string Complete = """
        using System.Collections.Generic;
        using SymmetryDsl;

        namespace Samples;

        public partial struct Neuron
        {
            public double[] Weights;
            [Translation(Period = 6.283185307179586)] public double Bias;
        }

        [Translation(Period = 1)]
        public partial record Network
        {
            [Permutation(Group = "hidden")] public double[,] W { get; set; } = new double[2, 2];
            [Permutation(Group = "hidden")] public double[] A { get; set; } = [1, 2];
            [Permutation] public List<Neuron> Neurons { get; set; } = [];
            [Permutation, Translation(Period = 2)] public double[][] Torus { get; set; } = [];
            public double Phase;
        }
        """;

    private static readonly string[] Broken =
    [
        "using SymmetryDsl; public partial class { [Permutation] public double[] X; }",
        "using SymmetryDsl; public partial class M { [Permutation] public double[] }",
        "using SymmetryDsl; public partial class M { [Permutation] public Missing[] X = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public List<Missing> X = []; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = )] public double X; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = \"one\")] public double X; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = 1, Period = 2)] public double X; }",
        "using SymmetryDsl; public partial class M { [Translation(1)] public double X; }",
        "using SymmetryDsl; public partial class M { [Permutation(Group = 3)] public double[] X = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public double[] X = [], Y = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public double[] X { get; set; } = [] public double Y; }",
        "using SymmetryDsl; public partial class M { [Permutation] event System.Action? E; }",
        "using SymmetryDsl; public partial class M { [Permutation] public double[] this[int i] => []; }",
        "using SymmetryDsl; public partial interface I { [Permutation] double[] X { get; set; } }",
        "using SymmetryDsl; public partial enum E { [Permutation] A }",
        "using SymmetryDsl; [Translation(Period = 1)] public partial interface I { }",
        "using SymmetryDsl; public partial class M<T> { [Permutation] public T[] X = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public M[] Children = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public double[][][] X = []; }",
        "using SymmetryDsl; public partial class M { [Permutation] public float[,] X = new float[0, 0]; }",
        "using SymmetryDsl; public partial class M { [Permutation] public System.Collections.Generic.List<double[]> X = []; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = 1)] public double? X; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = 1)] public ref double X => throw null!; }",
        "using SymmetryDsl; public partial class M { [Permutation] [Permutation] public double[] X = []; }",
        "using SymmetryDsl; partial class M { [Translation(Period = 1)] double X; } partial class M { [Translation(Period = 2)] double X; }",
        "[SymmetryDsl.Translation(Period = 1)] public partial class",
        "namespace ; public partial class M { [SymmetryDsl.Permutation] public double[] X = []; }",
        "public partial class M { [Permutation] public double[] X = []; }",
        "using Permutation = System.ObsoleteAttribute; public partial class M { [Permutation] public double[] X = []; }",
        "using SymmetryDsl; public partial class M { [Translation(Period = 1e400)] public double X; }",
        "using SymmetryDsl; public class M { [Permutation] public double[] X = []; }",
        "using SymmetryDsl; public class { [Permutation] public double[] X = []; }",
        "using SymmetryDsl; class O { partial class M { [Translation(Period = 1)] double X; } }",
        "using SymmetryDsl; partial class M { [Permutation] double[] X = []; } class M { }",
        "using SymmetryDsl; [Translation(Period = 1)] public struct",
        "using SymmetryDsl; public ref struct R { [Permutation] public double[] X; }",
        "using SymmetryDsl; public record R([property: Permutation] double[] X);",
        "using SymmetryDsl; class O<T> { class M { [Permutation] public T[] X = []; } }",
        "using SymmetryDsl; public partial record R([property: Permutation] double[] );",
        "using SymmetryDsl; public partial record R([property: Permutation] X);",
        "using SymmetryDsl; public partial record R([property: ] double[] X);",
        "using SymmetryDsl; public partial record R([property: Permutation double[] X);",
        "using SymmetryDsl; public partial record ([field: Translation(Period = 1)] double U);",
        "using SymmetryDsl; public partial class C([Translation(Period = ] double p);",
        "using SymmetryDsl; public partial struct S([field: Permutation(Group = 3)] double[] x) { }",
        "using SymmetryDsl; public partial record R([property: Permutation] double[] X, [property: Permutation] double[] X);",
        "using SymmetryDsl; public partial record R([property: Permutation] double[] X) { [Permutation] public double[] X { get; set; } = X; }",
        "using SymmetryDsl; public partial interface I([property: Permutation] double[] X);",
        "using SymmetryDsl; public static class E { extension([Permutation] double[] x) { } }",
        "using SymmetryDsl; public partial record R([property: Permutation] params double[] X, [Translation] ref double Y);",
    ];

    public static IEnumerable<object[]> Prefixes()
    {
        // Cut points every 11 characters give well over 50 inputs that end inside every kind of token.
        for (var length = 0; length <= Complete.Length; length += 11)
        {
            yield return [length];
        }
    }

    public static IEnumerable<object[]> BrokenInputs() => Broken.Select((source, i) => new object[] { i });

    private static void AssertNoCrash(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");

        var (analyzerDiagnostics, exceptions) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(sources));
        Assert.Empty(exceptions);
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void CorpusHasAtLeastFiftyInputs() => Assert.True(Prefixes().Count() + Broken.Length >= 50);

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void PrefixDoesNotCrash(int length) => AssertNoCrash(Complete[..length]);

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void PrefixWithRestInOtherFileDoesNotCrash(int length) =>
        AssertNoCrash(Complete[..length], "namespace Samples; public partial class Extra { }");

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void BrokenInputDoesNotCrash(int index) => AssertNoCrash(Broken[index]);
}
