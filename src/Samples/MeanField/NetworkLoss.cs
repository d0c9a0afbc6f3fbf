namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// The squared loss L = (1/2m) Σ_α (f(xᵅ) − yᵅ)² of a <see cref="TwoLayerNetwork"/> on one data set, in the
/// shape that <see cref="Flows.GradientFlow"/> calls, with every buffer allocated once.
/// </summary>
/// <remarks>Not thread-safe: one instance serves one flow at a time.</remarks>
public sealed class NetworkLoss
{
    private readonly MeanFieldKernel _kernel;
    private readonly int _neurons;
    private readonly int _dimension;
    private readonly double[] _w;
    private readonly double[] _gradientW;
    private readonly double[] _gradientA;

    /// <summary>Allocates the buffers for networks of <paramref name="neurons"/> neurons on <paramref name="data"/>.</summary>
    public NetworkLoss(RegressionData data, int neurons)
    {
        ArgumentNullException.ThrowIfNull(data);
        _kernel = new MeanFieldKernel(data, neurons);
        _neurons = neurons;
        _dimension = data.FeatureCount;
        _w = new double[neurons * _dimension];
        _gradientW = new double[_w.Length];
        _gradientA = new double[neurons];
    }

    /// <summary>Returns L at <paramref name="network"/>.</summary>
    public double Loss(TwoLayerNetwork network)
    {
        Load(network);
        return _kernel.Loss(_w, network.A);
    }

    /// <summary>Returns the mean squared error (1/m) Σ_α (f(xᵅ) − yᵅ)² = 2L at <paramref name="network"/>.</summary>
    public double MeanSquaredError(TwoLayerNetwork network) => 2.0 * Loss(network);

    /// <summary>
    /// Returns L at <paramref name="network"/> and writes ∇L into <paramref name="gradient"/> in the network's flat
    /// layout: ∂L/∂W row-major, then ∂L/∂A.
    /// </summary>
    public double LossAndGradient(TwoLayerNetwork network, Span<double> gradient)
    {
        Load(network);
        double loss = _kernel.LossAndGradient(_w, network.A, _gradientW, _gradientA);
        _gradientW.CopyTo(gradient);
        _gradientA.CopyTo(gradient[_gradientW.Length..]);
        return loss;
    }

    // The kernel's parallel blocks read W as a flat neuron-major array, so the rows are copied into one. The copy
    // costs nD moves against the kernel's 2nmD multiply-adds.
    private void Load(TwoLayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Neurons != _neurons || network.Dimension != _dimension)
        {
            throw new ArgumentException(
                $"Expected a network of {_neurons} neurons with {_dimension} inputs, but got {network.Neurons} neurons with {network.Dimension} inputs.",
                nameof(network));
        }

        Buffer.BlockCopy(network.W, 0, _w, 0, _w.Length * sizeof(double));
    }
}
