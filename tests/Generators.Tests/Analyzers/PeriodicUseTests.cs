using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.InvarianceAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class PeriodicUseTests
{
    private const string Model = """
        using System;
        using System.Linq;
        using SymmetryDsl;
        using SymmetryDsl.Geometry;

        public partial class Oscillator
        {
            public const double Period = 2.5;

            [Translation(Period = 2 * Math.PI)] public double Phase;
            [Translation(Period = Period)] public double Position { get; set; }
            [Translation(Period = 1)] public double[] Angles = [];
            public double Amplitude;
        }

        [Translation(Period = 1)]
        public partial class Torus
        {
            public double U;
            public double V;
        }

        """;

    private static string InMethod(string body) => Model + $$"""
        public static class Energy
        {
            [Invariant]
            public static double Value(Oscillator o, Oscillator p, Torus t, int k, double frequency)
            {
                double sum = 0;
                {{body}}
                return sum;
            }
        }
        """;

    [Theory]
    [InlineData("sum = {|SYM101:o.Phase|};")]
    [InlineData("sum = 2 * {|SYM101:o.Phase|} + 1;")]
    [InlineData("sum = Math.Exp({|SYM101:o.Phase|});")]
    [InlineData("if ({|SYM101:o.Phase|} > 1) sum = 1;")]
    [InlineData("sum = Math.Sin({|SYM101:o.Position|});")]
    [InlineData("sum = Math.Cos(0.5 * {|SYM101:o.Phase|});")]
    [InlineData("sum = Math.Sin(frequency * {|SYM101:o.Phase|});")]
    [InlineData("sum = Math.Sin({|SYM101:o.Phase|} * {|SYM101:o.Phase|});")]
    [InlineData("sum = Math.Sin(2 * Math.PI * {|SYM101:o.Position|} / 2.0);")]
    [InlineData("sum = Periodic.Wrap({|SYM101:o.Position|}, 1.0);")]
    [InlineData("sum = Periodic.Wrap(0.5 * {|SYM101:o.Position|}, Oscillator.Period);")]
    [InlineData("sum = {|SYM101:o.Angles[0]|} * 3;")]
    [InlineData("foreach (var a in o.Angles) sum += {|SYM101:a|};")]
    [InlineData("sum = {|SYM101:o.Angles.Sum()|};")]
    [InlineData("sum = o.Angles.Sum(a => {|SYM101:a|} * {|SYM101:a|});")]
    [InlineData("double phase = o.Phase; sum = {|SYM101:phase|} * phase;")]
    [InlineData("sum = {|SYM101:t.U|} + {|SYM101:t.V|};")]
    [InlineData("sum += {|SYM101:o.Phase|};")]
    public async Task NonPeriodicUseIsReported(string body)
    {
        // A value used twice in one expression is reported once per occurrence.
        await Verify.VerifyAsync(InMethod(body.Replace("{|SYM101:phase|} * phase", "{|SYM101:phase|} * {|SYM101:phase|}")));
    }

    [Theory]
    [InlineData("sum = Math.Sin(o.Phase) + Math.Cos(3 * o.Phase) + Math.Cos(-o.Phase + 1.5);")]
    [InlineData("sum = Math.Cos(2 * Math.PI * o.Position / Oscillator.Period) + Math.Sin(2 * Math.PI * k * o.Position / 2.5);")]
    [InlineData("for (int m = 1; m <= 3; m++) sum += Math.Cos(m * o.Phase) / m;")]
    [InlineData("sum = Math.Cos(o.Phase - p.Phase) + Math.Sin(2 * (o.Phase - p.Phase));")]
    [InlineData("sum = Math.Cos(2 * Math.PI * (t.U - t.V)) + Math.Sin(2 * Math.PI * t.U);")]
    [InlineData("sum = Periodic.Wrap(o.Position, Oscillator.Period) + Periodic.Wrap(o.Phase + 1, 2 * Math.PI);")]
    [InlineData("sum = Periodic.Distance(o.Phase, p.Phase, 2 * Math.PI) + Math.Abs(Periodic.Difference(o.Position, 0.3, 2.5));")]
    [InlineData("sum = Periodic.SquaredDistance(o.Angles, p.Angles, 1.0) + o.Angles.Length;")]
    [InlineData("foreach (var a in o.Angles) sum += Math.Cos(2 * Math.PI * a);")]
    [InlineData("sum = o.Angles.Sum(a => Math.Sin(2 * Math.PI * a)) + o.Angles.Count();")]
    [InlineData("for (int j = 0; j < o.Angles.Length; j++) sum += Math.Cos(2 * Math.PI * (o.Angles[j] - p.Angles[j]));")]
    [InlineData("double phase = o.Phase; sum = Math.Sin(phase) * Math.Cos(phase);")]
    [InlineData("var c = o.Canonicalize(); sum = c.Phase * c.Position + o.Canonicalize().Angles[0];")]
    [InlineData("sum = o.Amplitude * o.Amplitude + Oscillator.OrbitDistance(o, p);")]
    [InlineData("o.Phase = 0.5; o.Position += 1;")]
    public async Task PeriodicUseIsSilent(string body)
    {
        await Verify.VerifyAsync(InMethod(body));
    }

    [Fact]
    public async Task PeriodicParticlesAreCheckedBothWays()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using SymmetryDsl;

            public partial class Ring
            {
                [Permutation, Translation(Period = 1)] public double[] Phases = [];
            }

            [Translation(Period = 1)]
            public partial class Lattice
            {
                [Permutation] public List<double> Sites = [];
                [Permutation] public double[,] Rows = new double[0, 0];
            }

            public static class Energy
            {
                [Invariant]
                public static double Value(Ring r, Lattice l)
                {
                    double e = 0;
                    for (int i = 0; i < r.Phases.Length; i++) e += Math.Cos(2 * Math.PI * r.Phases[i]);
                    for (int i = 0; i < l.Sites.Count; i++) e += Math.Sin(2 * Math.PI * l.Sites[i]);
                    for (int i = 0; i < l.Rows.GetLength(0); i++) e += Math.Cos(2 * Math.PI * (l.Rows[i, 0] - l.Rows[i, 1]));
                    e += {|SYM101:r.Phases.Sum()|} + Math.Cos(2 * Math.PI * {|SYM100:r.Phases[0]|});
                    foreach (var site in l.Sites) e += {|SYM101:site|};
                    for (int i = 0; i < l.Rows.GetLength(0); i++) e += {|SYM101:l.Rows[i, 1]|};
                    return e;
                }
            }
            """);
    }

    [Fact]
    public async Task MessageNamesMemberPeriodAndUse()
    {
        await Verify.VerifyAsync(
            Model + """
            public static class Energy
            {
                [Invariant] public static double Grow(Oscillator o) => Math.Exp({|#0:o.Phase|});
            }
            """,
            Verify.Diagnostic("SYM101").WithLocation(0).WithArguments("Grow", "Phase", "2π", "as an argument of 'Exp'"));
    }

    [Fact]
    public async Task ParticlePhaseInNestedModelIsChecked()
    {
        await Verify.VerifyAsync("""
            using System;
            using SymmetryDsl;

            public partial class Neuron
            {
                [Translation(Period = 2 * Math.PI)] public double Bias;
                public double Weight;
            }

            public partial class Network
            {
                [Permutation] public Neuron[] Neurons = [];
            }

            public static class Output
            {
                [Invariant]
                public static double Value(Network net, double x)
                {
                    double y = 0;
                    foreach (var n in net.Neurons) y += n.Weight * Math.Sin(x + n.Bias);
                    foreach (var n in net.Neurons) y += n.Weight * Math.Tanh(x + {|SYM101:n.Bias|});
                    return y;
                }
            }
            """);
    }
}
