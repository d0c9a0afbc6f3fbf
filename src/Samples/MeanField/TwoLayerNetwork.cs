using MathNet.Numerics.Distributions;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// The parameters of the two-layer network f(x) = (1/n) Σᵢ aᵢ tanh(⟨wᵢ, x⟩): the input weights wᵢ as the rows of
/// <see cref="W"/> and the output weights aᵢ in <see cref="A"/>. One permutation reorders both together, because
/// relabeling the neurons leaves f unchanged.
/// </summary>
/// <remarks>
/// The generator lays out the flat coordinates as <see cref="W"/> row-major (n × D) followed by <see cref="A"/>
/// (n entries), every entry with metric weight 1/n. Gradient functions write ∇L in that layout.
/// </remarks>
public sealed partial class TwoLayerNetwork
{
    /// <summary>Creates a network from its weights, which it keeps without copying.</summary>
    /// <param name="w">Input weights, one row per neuron.</param>
    /// <param name="a">Output weights, one per neuron.</param>
    public TwoLayerNetwork(double[,] w, double[] a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        if (w.GetLength(0) != a.Length)
        {
            throw new ArgumentException($"W has {w.GetLength(0)} rows but A has {a.Length} entries; both need one per neuron.", nameof(a));
        }

        W = w;
        A = a;
    }

    /// <summary>Input weights wᵢ ∈ ℝᴰ, one row per neuron.</summary>
    [Permutation(Group = "hidden")]
    public double[,] W { get; set; }

    /// <summary>Output weights aᵢ, one per neuron.</summary>
    [Permutation(Group = "hidden")]
    public double[] A { get; set; }

    /// <summary>Number n of neurons.</summary>
    public int Neurons => A.Length;

    /// <summary>Number D of inputs of each neuron.</summary>
    public int Dimension => W.GetLength(1);

    /// <summary>
    /// Draws a network with independent Gaussian weights, wᵢ ~ N(0, I/D) and aᵢ ~ N(0, 1), so that every
    /// pre-activation ⟨wᵢ, x⟩ of a standardized input has variance about 1.
    /// </summary>
    /// <param name="neurons">Number n of neurons, positive.</param>
    /// <param name="dimension">Number D of inputs, positive.</param>
    /// <param name="random">Source of the draws; the same seed gives the same network.</param>
    public static TwoLayerNetwork Gaussian(int neurons, int dimension, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(neurons, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dimension, 0);
        ArgumentNullException.ThrowIfNull(random);

        var w = new double[neurons, dimension];
        var a = new double[neurons];
        double inputDeviation = 1.0 / Math.Sqrt(dimension);
        for (int neuron = 0; neuron < neurons; neuron++)
        {
            for (int input = 0; input < dimension; input++)
            {
                w[neuron, input] = Normal.Sample(random, 0.0, inputDeviation);
            }

            a[neuron] = Normal.Sample(random, 0.0, 1.0);
        }

        return new TwoLayerNetwork(w, a);
    }

    /// <summary>Returns ‖wᵢ‖, the Euclidean norm of each neuron's input weights.</summary>
    public double[] InputWeightNorms()
    {
        var norms = new double[Neurons];
        for (int neuron = 0; neuron < Neurons; neuron++)
        {
            double sum = 0.0;
            for (int input = 0; input < Dimension; input++)
            {
                sum += W[neuron, input] * W[neuron, input];
            }

            norms[neuron] = Math.Sqrt(sum);
        }

        return norms;
    }

    /// <summary>
    /// Returns ‖x − y‖ in the model's metric, sqrt((1/n) Σᵢ ‖wᵢ − w′ᵢ‖² + (aᵢ − a′ᵢ)²), pairing neuron i of
    /// <paramref name="x"/> with neuron i of <paramref name="y"/> (no group element applied).
    /// </summary>
    public static double MetricDistance(TwoLayerNetwork x, TwoLayerNetwork y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ParameterCount != y.ParameterCount)
        {
            throw new ArgumentException($"x has {x.ParameterCount} coordinates but y has {y.ParameterCount}.", nameof(y));
        }

        var xCoordinates = new double[x.ParameterCount];
        var yCoordinates = new double[y.ParameterCount];
        var weights = new double[x.ParameterCount];
        x.CopyTo(xCoordinates);
        y.CopyTo(yCoordinates);
        x.GetMetricWeights(weights);

        double sum = 0.0;
        for (int k = 0; k < xCoordinates.Length; k++)
        {
            double difference = xCoordinates[k] - yCoordinates[k];
            sum += weights[k] * difference * difference;
        }

        return Math.Sqrt(sum);
    }
}
