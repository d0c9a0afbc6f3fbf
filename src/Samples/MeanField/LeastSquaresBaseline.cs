using MathNet.Numerics.LinearAlgebra;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>Ordinary least squares on the same standardized features, the reference line of the mean-field plots.</summary>
public sealed class LeastSquaresBaseline
{
    private readonly Vector<double> _coefficients;

    /// <summary>Fits the coefficients on <paramref name="train"/> by a QR decomposition.</summary>
    public LeastSquaresBaseline(RegressionData train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var design = Matrix<double>.Build.Dense(train.SampleCount, train.FeatureCount, (row, column) => train.Features[row * train.FeatureCount + column]);
        _coefficients = design.QR().Solve(Vector<double>.Build.DenseOfArray(train.Targets));
    }

    /// <summary>Returns (1/m) Σ (⟨β, xᵅ⟩ − yᵅ)² on <paramref name="data"/>, in standardized units.</summary>
    public double MeanSquaredError(RegressionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        double sum = 0.0;
        for (int sample = 0; sample < data.SampleCount; sample++)
        {
            double prediction = 0.0;
            for (int feature = 0; feature < data.FeatureCount; feature++)
            {
                prediction += _coefficients[feature] * data.Features[sample * data.FeatureCount + feature];
            }

            double residual = prediction - data.Targets[sample];
            sum += residual * residual;
        }

        return sum / data.SampleCount;
    }
}
