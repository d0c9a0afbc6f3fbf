using SymmetryDsl.Flows;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// Gradient flow steps for ∇L = θ written as plain scalar loops, the peer that <see cref="FlowBenchmarks"/> measures
/// the integrator against. Each method does the integrator's passes: one per stage, one for the new state with its
/// finiteness check, the gradient copies, the adaptive error norm, and the gradient norm in the metric.
/// </summary>
internal sealed class HandWrittenFlow
{
    private readonly FlowMethod method;
    private readonly double h;
    private readonly double[] inverseWeights;
    private readonly double[] stagePoint;
    private readonly double[][] k;
    private double[] theta;
    private double[] next;

    public HandWrittenFlow(FlowMethod method, double[] initial, double[] weights, double stepSize)
    {
        this.method = method;
        h = stepSize;
        int n = initial.Length;
        inverseWeights = weights.Select(w => 1 / w).ToArray();
        theta = (double[])initial.Clone();
        next = new double[n];
        stagePoint = new double[n];
        k = Enumerable.Range(0, 7).Select(_ => new double[n]).ToArray();
        Array.Copy(theta, k[0], n);
    }

    /// <summary>Advances one step and returns the new gradient norm.</summary>
    public double Step()
    {
        switch (method)
        {
            case FlowMethod.Euler:
                Euler();
                break;
            case FlowMethod.Heun:
                Heun();
                break;
            case FlowMethod.RungeKutta4:
                RungeKutta4();
                break;
            default:
                DormandPrince45();
                break;
        }

        (theta, next) = (next, theta);
        double norm = 0;
        var g = k[0];
        for (int i = 0; i < g.Length; i++)
        {
            norm += g[i] * g[i] * inverseWeights[i];
        }

        return Math.Sqrt(norm);
    }

    private void Euler()
    {
        var k1 = k[0];
        double check = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            next[i] = theta[i] - h * inverseWeights[i] * k1[i];
            check += next[i] - next[i];
        }

        Finish(check, 0, k1);
    }

    private void Heun()
    {
        var (k1, k2) = (k[0], k[1]);
        for (int i = 0; i < theta.Length; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * k1[i];
        }

        Array.Copy(stagePoint, k2, k2.Length);
        double check = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            next[i] = theta[i] - h * inverseWeights[i] * (0.5 * k1[i] + 0.5 * k2[i]);
            check += next[i] - next[i];
        }

        Finish(check, 1, k1);
    }

    private void RungeKutta4()
    {
        var (k1, k2, k3, k4) = (k[0], k[1], k[2], k[3]);
        Stage(0.5, k1, k2);
        Stage(0.5, k2, k3);
        Stage(1, k3, k4);
        double check = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            next[i] = theta[i] - h * inverseWeights[i] * (1.0 / 6 * k1[i] + 1.0 / 3 * k2[i] + 1.0 / 3 * k3[i] + 1.0 / 6 * k4[i]);
            check += next[i] - next[i];
        }

        Finish(check, 4, k1);
    }

    private void DormandPrince45()
    {
        var (k1, k2, k3, k4, k5, k6, k7) = (k[0], k[1], k[2], k[3], k[4], k[5], k[6]);
        int n = theta.Length;
        for (int i = 0; i < n; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * (0.2 * k1[i]);
        }

        Array.Copy(stagePoint, k2, n);
        for (int i = 0; i < n; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * (3.0 / 40 * k1[i] + 9.0 / 40 * k2[i]);
        }

        Array.Copy(stagePoint, k3, n);
        for (int i = 0; i < n; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * (44.0 / 45 * k1[i] - 56.0 / 15 * k2[i] + 32.0 / 9 * k3[i]);
        }

        Array.Copy(stagePoint, k4, n);
        for (int i = 0; i < n; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * (19372.0 / 6561 * k1[i] - 25360.0 / 2187 * k2[i]
                + 64448.0 / 6561 * k3[i] - 212.0 / 729 * k4[i]);
        }

        Array.Copy(stagePoint, k5, n);
        for (int i = 0; i < n; i++)
        {
            stagePoint[i] = theta[i] - h * inverseWeights[i] * (9017.0 / 3168 * k1[i] - 355.0 / 33 * k2[i]
                + 46732.0 / 5247 * k3[i] + 49.0 / 176 * k4[i] - 5103.0 / 18656 * k5[i]);
        }

        Array.Copy(stagePoint, k6, n);
        double check = 0;
        for (int i = 0; i < n; i++)
        {
            next[i] = theta[i] - h * inverseWeights[i] * (35.0 / 384 * k1[i] + 500.0 / 1113 * k3[i] + 125.0 / 192 * k4[i]
                - 2187.0 / 6784 * k5[i] + 11.0 / 84 * k6[i]);
            check += next[i] - next[i];
        }

        Array.Copy(next, k7, n);
        double error = 0;
        for (int i = 0; i < n; i++)
        {
            double e = h * inverseWeights[i] * (71.0 / 57600 * k1[i] - 71.0 / 16695 * k3[i] + 71.0 / 1920 * k4[i]
                - 17253.0 / 339200 * k5[i] + 22.0 / 525 * k6[i] - 1.0 / 40 * k7[i]);
            double scale = 1 + Math.Max(Math.Abs(theta[i]), Math.Abs(next[i]));
            error += e / scale * (e / scale);
        }

        if (!double.IsFinite(check) || !(Math.Sqrt(error / n) <= 1))
        {
            throw new InvalidOperationException("The benchmark step was rejected; the tolerances are meant to accept every step.");
        }

        (k[0], k[6]) = (k7, k1);
    }

    private void Stage(double a, ReadOnlySpan<double> previous, Span<double> destination)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            stagePoint[i] = theta[i] - a * h * inverseWeights[i] * previous[i];
        }

        stagePoint.CopyTo(destination);
    }

    /// <summary>Evaluates the gradient at the new state into a free stage buffer and makes it the first stage.</summary>
    private void Finish(double check, int freeStage, double[] k1)
    {
        if (!double.IsFinite(check))
        {
            throw new InvalidOperationException("The benchmark state left the finite range.");
        }

        int target = freeStage == 0 ? 1 : freeStage;
        Array.Copy(next, k[target], next.Length);
        (k[0], k[target]) = (k[target], k1);
    }
}
