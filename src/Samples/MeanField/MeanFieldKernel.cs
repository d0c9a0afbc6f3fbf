using System.Numerics.Tensors;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// Loss and Euclidean gradient of the mean-field two-layer network f(x) = (1/n) Σᵢ aᵢ tanh(⟨wᵢ, x⟩) under the
/// squared loss L = (1/2m) Σ_α (f(xᵅ) − yᵅ)², with every buffer allocated once.
/// </summary>
/// <remarks>
/// The neurons are split into fixed blocks that run in parallel. Each block writes only its own rows and its own
/// partial predictions, and the partial predictions are summed in block order, so the result does not depend on
/// the number of threads or on scheduling.
/// </remarks>
public sealed class MeanFieldKernel
{
    private const int BlockSize = 128;

    private readonly RegressionData _data;
    private readonly int _neurons;
    private readonly double[] _activations;      // n × m: tanh(⟨wᵢ, xᵅ⟩), neuron-major
    private readonly double[] _partialOutputs;   // blocks × m
    private readonly double[] _blockScratch;     // blocks × m
    private readonly double[] _outputs;          // m
    private readonly double[] _residuals;        // m

    /// <summary>Allocates the buffers for a network of <paramref name="neurons"/> neurons on <paramref name="data"/>.</summary>
    public MeanFieldKernel(RegressionData data, int neurons)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(neurons, 0);

        _data = data;
        _neurons = neurons;
        int blocks = BlockCount;
        _activations = new double[neurons * data.SampleCount];
        _partialOutputs = new double[blocks * data.SampleCount];
        _blockScratch = new double[blocks * data.SampleCount];
        _outputs = new double[data.SampleCount];
        _residuals = new double[data.SampleCount];
    }

    private int BlockCount => (_neurons + BlockSize - 1) / BlockSize;

    /// <summary>Network outputs f(xᵅ) of the last evaluation.</summary>
    public ReadOnlySpan<double> Outputs => _outputs;

    /// <summary>Returns the loss L at weights <paramref name="w"/> (n × D, neuron-major) and output weights <paramref name="a"/>.</summary>
    public double Loss(double[] w, double[] a)
    {
        Forward(w, a);
        return HalfMeanSquare(_residuals);
    }

    /// <summary>
    /// Returns the loss and writes its Euclidean gradient: ∂L/∂aᵢ = (1/nm) Σ_α r_α tanh(⟨wᵢ, xᵅ⟩) and
    /// ∂L/∂wᵢ = (aᵢ/nm) Σ_α r_α (1 − tanh²(⟨wᵢ, xᵅ⟩)) xᵅ, where r_α = f(xᵅ) − yᵅ.
    /// </summary>
    public double LossAndGradient(double[] w, double[] a, double[] gradientW, double[] gradientA)
    {
        Forward(w, a);

        int m = _data.SampleCount;
        int featureCount = _data.FeatureCount;
        double scale = 1.0 / ((double)_neurons * m);
        Parallel.For(0, BlockCount, block =>
        {
            Span<double> weightedResiduals = _blockScratch.AsSpan(block * m, m);
            int end = Math.Min(_neurons, (block + 1) * BlockSize);
            for (int neuron = block * BlockSize; neuron < end; neuron++)
            {
                ReadOnlySpan<double> activation = _activations.AsSpan(neuron * m, m);
                gradientA[neuron] = scale * TensorPrimitives.Dot(activation, _residuals);

                // s_α = r_α (1 − tanh²): the derivative of tanh is evaluated from the stored activation.
                for (int sample = 0; sample < m; sample++)
                {
                    double t = activation[sample];
                    weightedResiduals[sample] = _residuals[sample] * (1.0 - t * t);
                }

                double neuronScale = scale * a[neuron];
                for (int feature = 0; feature < featureCount; feature++)
                {
                    ReadOnlySpan<double> column = _data.FeatureMajor.AsSpan(feature * m, m);
                    gradientW[neuron * featureCount + feature] = neuronScale * TensorPrimitives.Dot(column, weightedResiduals);
                }
            }
        });

        return HalfMeanSquare(_residuals);
    }

    private void Forward(double[] w, double[] a)
    {
        int m = _data.SampleCount;
        int featureCount = _data.FeatureCount;
        if (w.Length != _neurons * featureCount)
        {
            throw new ArgumentException($"Expected {_neurons} × {featureCount} input weights, got {w.Length} values.", nameof(w));
        }

        if (a.Length != _neurons)
        {
            throw new ArgumentException($"Expected {_neurons} output weights, got {a.Length}.", nameof(a));
        }

        Parallel.For(0, BlockCount, block =>
        {
            Span<double> partial = _partialOutputs.AsSpan(block * m, m);
            partial.Clear();
            int end = Math.Min(_neurons, (block + 1) * BlockSize);
            for (int neuron = block * BlockSize; neuron < end; neuron++)
            {
                Span<double> activation = _activations.AsSpan(neuron * m, m);
                activation.Clear();
                for (int feature = 0; feature < featureCount; feature++)
                {
                    ReadOnlySpan<double> column = _data.FeatureMajor.AsSpan(feature * m, m);
                    TensorPrimitives.MultiplyAdd(column, w[neuron * featureCount + feature], activation, activation);
                }

                TensorPrimitives.Tanh(activation, activation);
                TensorPrimitives.MultiplyAdd(activation, a[neuron], partial, partial);
            }
        });

        // Summing the blocks in a fixed order keeps the outputs bit-for-bit independent of scheduling.
        Span<double> outputs = _outputs;
        outputs.Clear();
        for (int block = 0; block < BlockCount; block++)
        {
            TensorPrimitives.Add(outputs, _partialOutputs.AsSpan(block * m, m), outputs);
        }

        TensorPrimitives.Multiply(outputs, 1.0 / _neurons, outputs);
        TensorPrimitives.Subtract(outputs, _data.Targets, _residuals);
    }

    private static double HalfMeanSquare(ReadOnlySpan<double> residuals) =>
        0.5 * TensorPrimitives.SumOfSquares(residuals) / residuals.Length;
}
