using SymmetryDsl.Flows;

namespace SymmetryDsl.Tests.Flows;

/// <summary>
/// Checks that the vectorized kernels return exactly what the plain scalar formulas return, in the summation order
/// that the kernels document, so a trajectory does not depend on the machine's vector width.
/// </summary>
public class FlowKernelTests
{
    public static TheoryData<int> Lengths => [0, 1, 3, 4, 5, 7, 8, 13, 1001];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SquaredMetricNormMatchesScalarOrder(int n)
    {
        var random = new Random(n);
        var g = RandomVector(random, n);
        var w = RandomVector(random, n, positive: true);

        var partial = new double[4];
        for (int i = 0; i < n - n % 4; i++)
        {
            partial[i % 4] += g[i] * g[i] * w[i];
        }

        for (int i = n - n % 4; i < n; i++)
        {
            partial[0] += g[i] * g[i] * w[i];
        }

        Assert.Equal((partial[0] + partial[1]) + (partial[2] + partial[3]), FlowKernels.SquaredMetricNorm(g, w));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DormandPrinceErrorMatchesScalarOrder(int n)
    {
        var random = new Random(100 + n);
        var theta = RandomVector(random, n);
        var candidate = RandomVector(random, n);
        var w = RandomVector(random, n, positive: true);
        var k = Enumerable.Range(0, 6).Select(_ => RandomVector(random, n)).ToArray();
        double[] e = [71.0 / 57600, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];
        const double h = 0.3, atol = 1e-6, rtol = 1e-3;

        var partial = new double[4];
        for (int i = 0; i < n; i++)
        {
            double error = h * w[i] * (e[0] * k[0][i] + e[1] * k[1][i] + e[2] * k[2][i] + e[3] * k[3][i]
                + e[4] * k[4][i] + e[5] * k[5][i]);
            double scale = atol + rtol * Math.Max(Math.Abs(theta[i]), Math.Abs(candidate[i]));
            double ratio = error / scale;
            partial[i < n - n % 4 ? i % 4 : 0] += ratio * ratio;
        }

        double expected = n == 0 ? 0 : Math.Sqrt(((partial[0] + partial[1]) + (partial[2] + partial[3])) / n);
        double actual = FlowKernels.DormandPrinceError(theta, candidate, w, h, atol, rtol, k[0], k[1], k[2], k[3], k[4], k[5]);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void CombineMatchesScalarFormula(int n)
    {
        var random = new Random(200 + n);
        var theta = RandomVector(random, n);
        var w = RandomVector(random, n, positive: true);
        var g = Enumerable.Range(0, 5).Select(_ => RandomVector(random, n)).ToArray();
        double[] a = [0.1, -0.7, 1.3, 0.25, -2.5];
        const double h = 0.05;
        var y = new double[n];

        double check = FlowKernels.Combine(y, theta, w, h, a[0], g[0], a[1], g[1], a[2], g[2], a[3], g[3], a[4], g[4]);

        Assert.Equal(0, check);
        for (int i = 0; i < n; i++)
        {
            double sum = a[0] * g[0][i] + a[1] * g[1][i] + a[2] * g[2][i] + a[3] * g[3][i] + a[4] * g[4][i];
            Assert.Equal(theta[i] - h * w[i] * sum, y[i]);
        }
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void CombineFlagsNonFiniteEntry(double bad)
    {
        foreach (int position in new[] { 0, 5, 8, 12 })
        {
            var theta = new double[13];
            var w = Enumerable.Repeat(1.0, 13).ToArray();
            var g = new double[13];
            g[position] = bad;

            double check = FlowKernels.Combine(new double[13], theta, w, 0.1, 1, g);

            Assert.True(double.IsNaN(check), $"entry {position} = {bad} was not flagged");
        }
    }

    private static double[] RandomVector(Random random, int n, bool positive = false) =>
        Enumerable.Range(0, n).Select(_ => positive ? 0.1 + random.NextDouble() : random.NextDouble() * 4 - 2).ToArray();
}
