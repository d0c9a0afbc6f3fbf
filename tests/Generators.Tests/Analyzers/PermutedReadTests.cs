using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.InvarianceAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class PermutedReadTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using SymmetryDsl;

        public partial class Cloud
        {
            [Permutation] public double[] X { get; set; } = [];
            [Permutation] public List<double> Y { get; set; } = [];
            [Permutation(Group = "hidden")] public double[,] W = new double[0, 0];
            [Permutation(Group = "hidden")] public double[] A = [];
            public double[] Offsets = [];
        }

        """;

    private static string InMethod(string body) => Model + $$"""
        public static class Energy
        {
            [Invariant]
            public static double Value(Cloud c, Cloud d, int k, double[] weights)
            {
                double sum = 0;
                {{body}}
                return sum;
            }
        }
        """;

    [Theory]
    [InlineData("sum = {|SYM100:c.X[0]|};")]
    [InlineData("sum = {|SYM100:c.Y[1]|};")]
    [InlineData("sum = {|SYM100:c.X[^1]|};")]
    [InlineData("sum = {|SYM100:c.X[k]|};")]
    [InlineData("sum = {|SYM100:c.W[0, 1]|};")]
    [InlineData("sum = {|SYM100:c.X.First()|};")]
    [InlineData("sum = {|SYM100:c.X.FirstOrDefault()|};")]
    [InlineData("sum = {|SYM100:c.X.Last()|};")]
    [InlineData("sum = {|SYM100:c.X.ElementAt(2)|};")]
    [InlineData("sum = {|SYM100:c.X.Take(3)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.Skip(1)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.TakeWhile(v => v > 0)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.SkipWhile(v => v > 0)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.Y.AsEnumerable().Reverse()|}.First();")]
    [InlineData("sum = {|SYM100:c.X.Select((v, i) => v * i)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.Where((v, i) => i % 2 == 0)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.Zip(c.Offsets, (a, b) => a * b)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.Zip(d.X, (a, b) => a - b)|}.Sum();")]
    [InlineData("sum = {|SYM100:c.X.Aggregate((a, b) => a - b)|};")]
    [InlineData("sum = {|SYM100:c.X.Aggregate(0.0, (acc, v) => acc * 2 + v)|};")]
    [InlineData("sum = {|SYM100:c.X.Select(v => v * v).ToArray()[0]|};")]
    [InlineData("sum = {|SYM100:c.Y.IndexOf(1.0)|};")]
    [InlineData("var xs = c.X; sum = {|SYM100:xs[0]|};")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += {|SYM100:i|} * c.X[i];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) if ({|SYM100:i|} == 0) sum += c.X[i];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += c.X[i] * weights[{|SYM100:i|}];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += c.X[i] * c.Offsets[{|SYM100:i|}];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += c.X[i] - {|SYM100:d.X[i]|};")]
    [InlineData("for (int i = 0; i < c.A.Length; i++) sum += c.A[i] * {|SYM100:c.X[i]|};")]
    [InlineData("for (int i = 1; i < c.X.Length; i++) sum += {|SYM100:c.X[i]|};")]
    [InlineData("for (int i = 0; i < k; i++) sum += {|SYM100:c.X[i]|};")]
    [InlineData("for (int i = 0; i < c.X.Length; i += 2) sum += {|SYM100:c.X[i]|};")]
    [InlineData("for (int i = 0; i < c.X.Length - 1; i++) sum += {|SYM100:c.X[i + 1]|} - {|SYM100:c.X[i]|};")]
    [InlineData("for (int i = 0; i < c.A.Length; i++) sum += c.W[i, {|SYM100:i|}];")]
    [InlineData("for (int i = c.X.Length - 1; i > 0; i--) sum += {|SYM100:c.X[i]|};")]
    [InlineData("sum = {|SYM100:c.X.AsSpan().IndexOf(1.0)|};")]
    [InlineData("foreach (var x in {|SYM100:c.X.AsSpan(1)|}) sum += x;")]
    [InlineData("sum = Enumerable.Range(0, c.X.Length).Sum(i => {|SYM100:i|} * c.X[i]);")]
    [InlineData("sum = Enumerable.Range(1, c.X.Length - 1).Sum(i => {|SYM100:c.X[i]|});")]
    [InlineData("var w = new double[] { 1, 2, 3 }; for (int i = 0; i < c.X.Length; i++) sum += c.X[i] * w[{|SYM100:i|}];")]
    [InlineData("int j = 0; while (j < c.X.Length) { sum += {|SYM100:c.X[j]|}; j++; }")]
    public async Task PositionalReadIsReported(string body)
    {
        await Verify.VerifyAsync(InMethod(body));
    }

    [Theory]
    [InlineData("foreach (var x in c.X) sum += x * x;")]
    [InlineData("foreach (var y in c.Y) sum += Math.Exp(-y);")]
    [InlineData("sum = c.X.Sum() + c.X.Average() + c.X.Max() + c.X.Min() + c.X.Count() + c.X.Length + c.Y.Count;")]
    [InlineData("sum = c.X.Any(v => v > 1) && c.X.All(v => v < 5) ? 1 : 0;")]
    [InlineData("sum = c.X.Select(v => v * v).Sum() + c.X.Where(v => v > 0).Sum();")]
    [InlineData("sum = c.X.OrderBy(v => v).First() + c.X.OrderByDescending(v => v).ElementAt(1);")]
    [InlineData("var sorted = c.X.Order().ToArray(); sum = sorted[sorted.Length / 2];")]
    [InlineData("sum = c.X.Aggregate(0.0, (acc, v) => acc + v * v) + c.X.Aggregate(1.0, (acc, v) => acc * v);")]
    [InlineData("sum = c.X.Aggregate(double.MinValue, (acc, v) => Math.Max(acc, v));")]
    [InlineData("sum = c.A.Zip(c.A, (p, q) => p * q).Sum();")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += c.X[i] * c.X[i];")]
    [InlineData("for (int i = 0; i < c.Y.Count; i++) sum += c.Y[i];")]
    [InlineData("int n = c.X.Length; for (int i = 0; i < n; i++) sum += c.X[i];")]
    [InlineData("for (int i = c.X.Length - 1; i >= 0; i--) sum += c.X[i] * c.X[i];")]
    [InlineData("foreach (var x in c.X.AsSpan()) sum += x;")]
    [InlineData("sum = Enumerable.Range(0, c.A.Length).Sum(i => c.A[i] * c.W[i, 0]);")]
    [InlineData("for (int i = 0; i < c.A.Length; i++) for (int j = 0; j < c.W.GetLength(1); j++) sum += c.A[i] * c.W[i, j];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) for (int j = i + 1; j < c.X.Length; j++) sum += Math.Abs(c.X[i] - c.X[j]);")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) for (int j = 0; j < c.X.Length; j++) { if (i == j) continue; sum += 1 / Math.Abs(c.X[i] - c.X[j]); }")]
    [InlineData("var xs = c.X; for (int i = 0; i < xs.Length; i++) sum += xs[i];")]
    [InlineData("var h = new double[c.A.Length]; for (int i = 0; i < c.A.Length; i++) h[i] = Math.Tanh(c.W[i, 0]); for (int i = 0; i < c.A.Length; i++) sum += c.A[i] * h[i];")]
    [InlineData("for (int i = 0; i < c.X.Length; i++) sum += c.X[i] - d.X.Average();")]
    [InlineData("sum = c.Offsets[0] + weights[k];")]
    [InlineData("c.X = new double[3]; sum = c.X == null ? 0 : 1;")]
    [InlineData("sum = SymmetryDsl.Transport.Wasserstein.W2(c.X, d.X);")]
    [InlineData("sum = Helper.Mean(c.X);")]
    public async Task OrderFreeReadIsSilent(string body)
    {
        await Verify.VerifyAsync(InMethod(body) + """

            public static class Helper
            {
                [Invariant] public static double Mean(double[] values) => values.Average();
            }
            """);
    }

    [Fact]
    public async Task CodeOutsideInvariantIsSilent()
    {
        await Verify.VerifyAsync(Model + """
            public static class Energy
            {
                public static double First(Cloud c) => c.X[0] + c.X.First();
            }
            """);
    }

    [Fact]
    public async Task InvariantLambdaIsChecked()
    {
        await Verify.VerifyAsync(Model + """
            public delegate double Objective(Cloud c);

            public static class Energy
            {
                public static double Run([Invariant] Func<Cloud, double> f, Cloud c) => f(c);

                public static void Use(Cloud c)
                {
                    Func<Cloud, double> marked = [Invariant] (Cloud m) => {|SYM100:m.X[0]|};
                    Run(m => {|SYM100:m.X.Last()|}, c);
                    Run(m => m.X.Sum(), c);
                    Func<Cloud, double> unmarked = m => m.X[0];
                }
            }
            """);
    }

    [Fact]
    public async Task LocalFunctionAndNestedLambdaAreChecked()
    {
        await Verify.VerifyAsync(Model + """
            public static class Energy
            {
                public static double Outer(Cloud c)
                {
                    return Inner(c);

                    [Invariant]
                    static double Inner(Cloud m)
                    {
                        Func<int, double> at = i => {|SYM100:m.X[i]|};
                        return at(0);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NestedModelParticlesUseTheirOwnIndex()
    {
        await Verify.VerifyAsync("""
            using SymmetryDsl;

            public partial class Neuron
            {
                [Translation(Period = 1)] public double Phase;
                public double[] Weights = [];
                public double Output;
            }

            public partial class Network
            {
                [Permutation] public Neuron[] Neurons = [];
            }

            public static class Loss
            {
                [Invariant]
                public static double Value(Network net, double[] input)
                {
                    double y = 0;
                    for (int i = 0; i < net.Neurons.Length; i++)
                    {
                        double z = 0;
                        for (int k = 0; k < input.Length; k++) z += net.Neurons[i].Weights[k] * input[k];
                        y += net.Neurons[i].Output * System.Math.Tanh(z);
                    }

                    return y + {|SYM100:net.Neurons[0]|}.Output;
                }
            }
            """);
    }

    [Fact]
    public async Task MessageNamesFunctionMemberAndReason()
    {
        await Verify.VerifyAsync(
            Model + """
            public static class Energy
            {
                [Invariant] public static double Head(Cloud c) => {|#0:c.X.First()|};
            }
            """,
            Verify.Diagnostic("SYM100").WithLocation(0).WithArguments("Head", "X", "'First'"));
    }

    [Fact]
    public async Task UndecidedUseIsOptIn()
    {
        const string source = Model + """
            public static class Energy
            {
                [Invariant] public static double Call(Cloud c) => External({|#0:c.X|});
                private static double External(double[] values) => values[0];
            }
            """;

        await Verify.VerifyAsync(source);

        var enabled = new AnalyzerTest<SymmetryDsl.Generators.Analyzers.InvarianceAnalyzer>(source, enableUndecided: true);
        enabled.ExpectedDiagnostics.Add(Verify.Diagnostic("SYM103").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithArguments("Call", "this use of 'X'", "it is passed to 'External', which the analyzer cannot see into"));
        await enabled.RunAsync();
    }

    [Fact]
    public async Task UnmarkedMethodGroupIsUndecided()
    {
        const string source = Model + """
            public static class Energy
            {
                public static double Minimize([Invariant] Func<Cloud, double> objective, Cloud c) => objective(c);

                [Invariant] public static double Marked(Cloud c) => c.X.Sum();
                public static double Unmarked(Cloud c) => c.X[0];

                public static double Use(Cloud c) => Minimize(Marked, c) + Minimize({|#0:Unmarked|}, c);
            }
            """;

        var enabled = new AnalyzerTest<SymmetryDsl.Generators.Analyzers.InvarianceAnalyzer>(source, enableUndecided: true);
        enabled.ExpectedDiagnostics.Add(Verify.Diagnostic("SYM103").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithArguments("objective", "method 'Unmarked'", "'Unmarked' is not declared [Invariant], so its body is not analyzed"));
        await enabled.RunAsync();
    }

    [Fact]
    public async Task PragmaSuppressesDiagnostic()
    {
        await Verify.VerifyAsync(Model + """
            public static class Energy
            {
            #pragma warning disable SYM100
                [Invariant] public static double First(Cloud c) => c.X[0];
            #pragma warning restore SYM100
            }
            """);
    }
}
