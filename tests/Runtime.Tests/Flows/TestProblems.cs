using SymmetryDsl.Flows;

namespace SymmetryDsl.Tests.Flows;

/// <summary>Energies with closed-form gradient flows, and helpers shared by the flow tests.</summary>
internal static class TestProblems
{
    /// <summary>L = (λ/2) Σ xᵢ², so the flow in metric w is xᵢ(t) = xᵢ(0) e^{−λt/wᵢ}.</summary>
    public static CoordinateEnergyAndGradient Quadratic(double lambda) => (x, gradient) =>
    {
        double energy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            gradient[i] = lambda * x[i];
            energy += 0.5 * lambda * x[i] * x[i];
        }

        return energy;
    };

    public static double[] QuadraticSolution(double[] initial, double[] weights, double lambda, double time) =>
        initial.Select((x, i) => x * Math.Exp(-lambda * time / weights[i])).ToArray();

    /// <summary>L = Σ cosh(xᵢ), so dx/dt = −sinh(x)/w and tanh(x(t)/2) = tanh(x(0)/2) e^{−t/w}.</summary>
    public static double CoshEnergyAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double energy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            gradient[i] = Math.Sinh(x[i]);
            energy += Math.Cosh(x[i]);
        }

        return energy;
    }

    public static double[] CoshSolution(double[] initial, double[] weights, double time) =>
        initial.Select((x, i) => 2 * Math.Atanh(Math.Tanh(x / 2) * Math.Exp(-time / weights[i]))).ToArray();

    public static double MaxAbsDifference(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double max = 0;
        for (int i = 0; i < x.Count; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - y[i]));
        }

        return max;
    }

    /// <summary>Returns the least-squares slope of log(error) against log(step).</summary>
    public static double LogLogSlope(IReadOnlyList<double> steps, IReadOnlyList<double> errors)
    {
        var x = steps.Select(s => Math.Log(s)).ToArray();
        var y = errors.Select(e => Math.Log(e)).ToArray();
        double meanX = x.Average();
        double meanY = y.Average();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }

        return covariance / variance;
    }
}
