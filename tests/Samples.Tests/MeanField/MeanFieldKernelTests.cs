using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Samples.Tests.MeanField;

public class MeanFieldKernelTests
{
    private static readonly RegressionData Diabetes =
        RegressionData.Standardize(RegressionData.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv")));

    private static (double[] W, double[] A) RandomNetwork(int neurons, int featureCount, int seed)
    {
        var random = new Random(seed);
        var w = new double[neurons * featureCount];
        var a = new double[neurons];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = (2.0 * random.NextDouble() - 1.0) / Math.Sqrt(featureCount);
        }

        for (int i = 0; i < a.Length; i++)
        {
            a[i] = 2.0 * random.NextDouble() - 1.0;
        }

        return (w, a);
    }

    [Fact]
    public void DiabetesTableHasPublishedShape()
    {
        Assert.Equal(442, Diabetes.SampleCount);
        Assert.Equal(11, Diabetes.FeatureCount);
    }

    [Fact]
    public void LeastSquaresMatchesPublishedFit()
    {
        // Least squares on all 442 rows: MSE 2859.7 in the response's units, R² = 0.5177 (Efron et al. 2004,
        // and scikit-learn's LinearRegression on the same table).
        var table = RegressionData.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv"));
        double[] response = table.Select(row => row[^1]).ToArray();
        double mean = response.Average();
        double variance = response.Sum(value => (value - mean) * (value - mean)) / response.Length;

        double standardizedMse = new LeastSquaresBaseline(Diabetes).MeanSquaredError(Diabetes);

        Assert.Equal(2859.7, standardizedMse * variance, 0.1);
        Assert.Equal(0.5177, 1.0 - standardizedMse, 4);
    }

    [Fact]
    public void GradientMatchesCentralDifferences()
    {
        const int neurons = 7;
        var (w, a) = RandomNetwork(neurons, Diabetes.FeatureCount, seed: 3);
        var kernel = new MeanFieldKernel(Diabetes, neurons);
        var gradientW = new double[w.Length];
        var gradientA = new double[a.Length];
        kernel.LossAndGradient(w, a, gradientW, gradientA);

        const double h = 1e-6;
        for (int k = 0; k < w.Length; k++)
        {
            Assert.Equal(CentralDifference(kernel, w, a, w, k, h), gradientW[k], 1e-8);
        }

        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(CentralDifference(kernel, w, a, a, i, h), gradientA[i], 1e-8);
        }
    }

    [Fact]
    public void LossMatchesDirectFormula()
    {
        const int neurons = 5;
        var (w, a) = RandomNetwork(neurons, Diabetes.FeatureCount, seed: 4);
        double expected = 0.0;
        for (int sample = 0; sample < Diabetes.SampleCount; sample++)
        {
            double output = 0.0;
            for (int neuron = 0; neuron < neurons; neuron++)
            {
                double z = 0.0;
                for (int feature = 0; feature < Diabetes.FeatureCount; feature++)
                {
                    z += w[neuron * Diabetes.FeatureCount + feature] * Diabetes.Features[sample * Diabetes.FeatureCount + feature];
                }

                output += a[neuron] * Math.Tanh(z) / neurons;
            }

            double residual = output - Diabetes.Targets[sample];
            expected += 0.5 * residual * residual / Diabetes.SampleCount;
        }

        Assert.Equal(expected, new MeanFieldKernel(Diabetes, neurons).Loss(w, a), 12);
    }

    [Fact]
    public void GradientIsIdenticalAcrossRuns()
    {
        // 1000 neurons span several parallel blocks, whose partial sums must combine in a fixed order.
        const int neurons = 1000;
        var (w, a) = RandomNetwork(neurons, Diabetes.FeatureCount, seed: 5);
        var kernel = new MeanFieldKernel(Diabetes, neurons);
        var first = new double[w.Length];
        var second = new double[w.Length];
        var gradientA = new double[a.Length];

        double firstLoss = kernel.LossAndGradient(w, a, first, gradientA);
        double secondLoss = kernel.LossAndGradient(w, a, second, gradientA);

        Assert.Equal(BitConverter.DoubleToInt64Bits(firstLoss), BitConverter.DoubleToInt64Bits(secondLoss));
        Assert.Equal(first, second);
    }

    [Fact]
    public void WrongWeightCountIsRejected()
    {
        var kernel = new MeanFieldKernel(Diabetes, 3);

        var error = Assert.Throws<ArgumentException>(() => kernel.Loss(new double[5], new double[3]));

        Assert.Equal("w", error.ParamName);
        Assert.Contains("5", error.Message);
    }

    private static double CentralDifference(MeanFieldKernel kernel, double[] w, double[] a, double[] perturbed, int index, double h)
    {
        double original = perturbed[index];
        perturbed[index] = original + h;
        double plus = kernel.Loss(w, a);
        perturbed[index] = original - h;
        double minus = kernel.Loss(w, a);
        perturbed[index] = original;
        return (plus - minus) / (2.0 * h);
    }
}
