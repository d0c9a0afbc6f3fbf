using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.InvariantTargetAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class InvariantTargetTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using SymmetryDsl;

        public partial class Cloud
        {
            [Permutation] public double[] X = [];

            [Invariant] public double Spread() => 0;
        }

        """;

    [Fact]
    public async Task MethodWithoutModelIsReported()
    {
        await Verify.VerifyAsync(
            Model + """
            public static class Helpers
            {
                [{|#0:Invariant|}] public static double Square(double x) => x * x;
            }
            """,
            Verify.Diagnostic("SYM102").WithLocation(0).WithArguments("Square"));
    }

    [Fact]
    public async Task EveryTargetKindWithoutModelIsReported()
    {
        await Verify.VerifyAsync(Model + """
            [{|SYM102:Invariant|}] public delegate double Scalar(double x);

            public static class Helpers
            {
                public static double Run([{|SYM102:Invariant|}] Func<double, double> f) => f(1);

                public static double Use()
                {
                    Func<int, double> lambda = [{|SYM102:Invariant|}] (int n) => n;
                    return Local(2) + lambda(1);

                    [{|SYM102:Invariant|}] static double Local(double x) => x;
                }
            }
            """);
    }

    [Fact]
    public async Task TargetsWithModelAreSilent()
    {
        await Verify.VerifyAsync(Model + """
            [Invariant] public delegate double Objective(Cloud c);

            public static class Helpers
            {
                [Invariant] public static double Energy(Cloud c) => 0;
                [Invariant] public static double Pair(double scale, Cloud a, Cloud b) => scale;
                [Invariant] public static double Batch(Cloud[] batch) => batch.Length;
                [Invariant] public static double Many(List<Cloud> batch) => batch.Count;
                [Invariant] public static double Generic<T>(T model) => 0;
                public static double Run([Invariant] Func<Cloud, double> f, Cloud c) => f(c);
                public static Func<Cloud, double> Make() => [Invariant] (Cloud c) => 0;
            }
            """);
    }
}
