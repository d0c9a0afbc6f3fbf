using CsCheck;
using SymmetryDsl.Flows;
using SymmetryDsl.Tests.Flows.Models;

namespace SymmetryDsl.Tests.Flows;

/// <summary>
/// Checks that the flow in the 1/n metric moves every neuron of f(x) = (1/n) Σ aᵢ tanh(⟨wᵢ, x⟩) with the
/// mean-field velocity field v(w, a) = (−(1/m) Σ_α r_α a φ′(⟨w, x^α⟩) x^α, −(1/m) Σ_α r_α φ(⟨w, x^α⟩)), where
/// r_α = f(x^α) − y^α is the residual on sample α.
/// </summary>
public class MeanFieldTests
{
    private static readonly Gen<(int Neurons, int Dimension, int Samples, int Seed)> Shapes =
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 4], Gen.Int[1, 10], Gen.Int);

    [Fact]
    public void MetricGradientIsMinusVelocityField()
    {
        Shapes.Sample(shape =>
        {
            var (loss, network) = Problem(shape);
            var metricGradient = MetricGradient(network, loss);

            for (int i = 0; i < network.Neurons; i++)
            {
                var (vw, va) = Velocity(network, loss, i);
                for (int d = 0; d < network.Dimension; d++)
                {
                    AssertClose(-vw[d], metricGradient[i * network.Dimension + d], 1e-13);
                }

                AssertClose(-va, metricGradient[network.Neurons * network.Dimension + i], 1e-13);
            }
        }, iter: 50, threads: 1);
    }

    [Fact]
    public void GradientMatchesCentralDifferences()
    {
        Shapes.Sample(shape =>
        {
            var (loss, network) = Problem(shape);
            var gradient = new double[network.ParameterCount];
            loss.EnergyAndGradient(network, gradient);

            var coordinates = new double[network.ParameterCount];
            network.CopyTo(coordinates);
            var probe = network.DeepClone();
            const double step = 1e-5;
            for (int k = 0; k < coordinates.Length; k++)
            {
                var shifted = (double[])coordinates.Clone();
                shifted[k] = coordinates[k] + step;
                probe.CopyFrom(shifted);
                double up = loss.Energy(probe);
                shifted[k] = coordinates[k] - step;
                probe.CopyFrom(shifted);
                double down = loss.Energy(probe);

                AssertClose((up - down) / (2 * step), gradient[k], 1e-8);
            }
        }, iter: 30, threads: 1);
    }

    [Fact]
    public void EulerStepMovesNeuronsWithVelocity()
    {
        var (loss, network) = Problem((Neurons: 6, Dimension: 3, Samples: 9, Seed: 12));
        const double h = 1e-3;

        var result = GradientFlow.Run(network, loss.EnergyAndGradient,
            new FlowOptions { Method = FlowMethod.Euler, StepSize = h, EndTime = h });

        var moved = result.FinalState;
        for (int i = 0; i < network.Neurons; i++)
        {
            var (vw, va) = Velocity(network, loss, i);
            for (int d = 0; d < network.Dimension; d++)
            {
                AssertClose(network.W[i, d] + h * vw[d], moved.W[i, d], 1e-15);
            }

            AssertClose(network.A[i] + h * va, moved.A[i], 1e-15);
        }
    }

    [Theory]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.Heun)]
    public void DuplicatedNeuronsFollowSameTrajectory(FlowMethod method)
    {
        // Doubling every neuron leaves the empirical measure, f and the velocity field unchanged, so in the mean-field
        // metric both copies of a neuron move exactly like the neuron of the smaller network.
        var (loss, network) = Problem((Neurons: 4, Dimension: 2, Samples: 8, Seed: 30));
        var doubled = Doubled(network);
        var options = new FlowOptions { Method = method, StepSize = 0.02, EndTime = 2 };

        var small = GradientFlow.Run(network, loss.EnergyAndGradient, options);
        var large = GradientFlow.Run(doubled, loss.EnergyAndGradient, options);

        Assert.Equal(small.Times, large.Times);
        for (int r = 0; r < small.States.Count; r++)
        {
            Assert.Equal(small.Energies[r], large.Energies[r], 1e-13);
            for (int i = 0; i < network.Neurons; i++)
            {
                foreach (int copy in new[] { i, i + network.Neurons })
                {
                    Assert.Equal(small.States[r].A[i], large.States[r].A[copy], 1e-12);
                    for (int d = 0; d < network.Dimension; d++)
                    {
                        Assert.Equal(small.States[r].W[i, d], large.States[r].W[copy, d], 1e-12);
                    }
                }
            }
        }
    }

    private static (MeanFieldLoss Loss, MeanFieldNetwork Network) Problem((int Neurons, int Dimension, int Samples, int Seed) shape)
    {
        var random = new Random(shape.Seed);
        var loss = MeanFieldLoss.Random(shape.Samples, shape.Dimension, random);
        var network = MeanFieldNetwork.Random(shape.Neurons, shape.Dimension, random);
        return (loss, network);
    }

    private static double[] MetricGradient(MeanFieldNetwork network, MeanFieldLoss loss)
    {
        var gradient = new double[network.ParameterCount];
        var weights = new double[network.ParameterCount];
        loss.EnergyAndGradient(network, gradient);
        network.GetMetricWeights(weights);
        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] /= weights[k];
        }

        return gradient;
    }

    /// <summary>Evaluates the mean-field velocity field at neuron i directly from its formula.</summary>
    private static (double[] W, double A) Velocity(MeanFieldNetwork network, MeanFieldLoss loss, int neuron)
    {
        var vw = new double[network.Dimension];
        double va = 0;
        for (int s = 0; s < loss.Samples; s++)
        {
            double residual = loss.Output(network, s) - loss.Targets[s];
            double phi = Math.Tanh(loss.PreActivation(network, neuron, s));
            double dPhi = 1 - phi * phi;
            for (int d = 0; d < network.Dimension; d++)
            {
                vw[d] -= residual * network.A[neuron] * dPhi * loss.Inputs[s, d] / loss.Samples;
            }

            va -= residual * phi / loss.Samples;
        }

        return (vw, va);
    }

    private static MeanFieldNetwork Doubled(MeanFieldNetwork network)
    {
        int n = network.Neurons;
        var w = new double[2 * n, network.Dimension];
        var a = new double[2 * n];
        for (int i = 0; i < 2 * n; i++)
        {
            for (int d = 0; d < network.Dimension; d++)
            {
                w[i, d] = network.W[i % n, d];
            }

            a[i] = network.A[i % n];
        }

        return new MeanFieldNetwork(w, a);
    }

    private static void AssertClose(double expected, double actual, double relativeTolerance)
    {
        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * scale,
            $"expected {expected:R}, actual {actual:R}, difference {Math.Abs(expected - actual):R}");
    }
}
