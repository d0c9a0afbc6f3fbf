namespace SymmetryDsl.Tests.Flows.Models;

/// <summary>
/// Squared loss L = (1/2m) Σ_α (f(x^α) − y^α)² of the mean-field network f(x) = (1/n) Σᵢ aᵢ tanh(⟨wᵢ, x⟩) on m
/// samples, with its Euclidean gradient computed without allocating.
/// </summary>
internal sealed class MeanFieldLoss
{
    private readonly double[] residuals;

    public MeanFieldLoss(double[,] inputs, double[] targets)
    {
        Inputs = inputs;
        Targets = targets;
        residuals = new double[targets.Length];
    }

    public double[,] Inputs { get; }

    public double[] Targets { get; }

    public int Samples => Targets.Length;

    public static MeanFieldLoss Random(int samples, int dimension, Random random)
    {
        var inputs = new double[samples, dimension];
        var targets = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            for (int d = 0; d < dimension; d++)
            {
                inputs[s, d] = random.NextDouble() * 2 - 1;
            }

            targets[s] = Math.Sin(3 * inputs[s, 0]);
        }

        return new MeanFieldLoss(inputs, targets);
    }

    public double PreActivation(MeanFieldNetwork network, int neuron, int sample)
    {
        double z = 0;
        for (int d = 0; d < network.Dimension; d++)
        {
            z += network.W[neuron, d] * Inputs[sample, d];
        }

        return z;
    }

    public double Output(MeanFieldNetwork network, int sample)
    {
        double sum = 0;
        for (int i = 0; i < network.Neurons; i++)
        {
            sum += network.A[i] * Math.Tanh(PreActivation(network, i, sample));
        }

        return sum / network.Neurons;
    }

    public double Energy(MeanFieldNetwork network)
    {
        double sum = 0;
        for (int s = 0; s < Samples; s++)
        {
            double r = Output(network, s) - Targets[s];
            sum += r * r;
        }

        return sum / (2 * Samples);
    }

    /// <summary>Returns L and writes ∇L in the network's flat layout (W row-major, then A).</summary>
    public double EnergyAndGradient(MeanFieldNetwork network, Span<double> gradient)
    {
        int n = network.Neurons;
        int dimension = network.Dimension;
        double energy = 0;
        for (int s = 0; s < Samples; s++)
        {
            residuals[s] = Output(network, s) - Targets[s];
            energy += residuals[s] * residuals[s];
        }

        gradient.Clear();
        int aOffset = n * dimension;
        for (int i = 0; i < n; i++)
        {
            for (int s = 0; s < Samples; s++)
            {
                double phi = Math.Tanh(PreActivation(network, i, s));
                double scale = residuals[s] / (Samples * (double)n);
                double dPhi = 1 - phi * phi;
                for (int d = 0; d < dimension; d++)
                {
                    gradient[i * dimension + d] += scale * network.A[i] * dPhi * Inputs[s, d];
                }

                gradient[aOffset + i] += scale * phi;
            }
        }

        return energy / (2 * Samples);
    }
}
