using SymmetryDsl.Flows;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>One training run: its losses at the recorded times and its final network.</summary>
/// <param name="Neurons">Width n.</param>
/// <param name="Seed">Seed of the initialization.</param>
/// <param name="Times">Recorded flow times.</param>
/// <param name="TrainMse">Training mean squared error at each recorded time, in standardized units.</param>
/// <param name="TestMse">Test mean squared error at each recorded time, in standardized units.</param>
/// <param name="Status">Why the run stopped.</param>
/// <param name="Final">The network at the stop.</param>
internal sealed record TrainingRun(
    int Neurons, int Seed, double[] Times, double[] TrainMse, double[] TestMse, FlowStatus Status, TwoLayerNetwork Final);

/// <summary>Results for one width n, over all seeds.</summary>
/// <param name="Neurons">Width n.</param>
/// <param name="Runs">One run per seed.</param>
/// <param name="FinalTrainMse">Mean and sample standard deviation of the final training MSE across seeds.</param>
/// <param name="FinalTestMse">Mean and sample standard deviation of the final test MSE across seeds.</param>
/// <param name="NeuronW2">Mean over pairs of seeds of W2 between the final neuron measures (1/n) Σ δ_(wᵢ, aᵢ).</param>
/// <param name="OutputWeightW2">Mean over pairs of seeds of the 1-D W2 between the final output-weight marginals (1/n) Σ δ_aᵢ.</param>
internal sealed record WidthSummary(
    int Neurons, IReadOnlyList<TrainingRun> Runs, MeanAndDeviation FinalTrainMse, MeanAndDeviation FinalTestMse,
    double NeuronW2, double OutputWeightW2);

/// <summary>A sample mean and standard deviation.</summary>
internal readonly record struct MeanAndDeviation(double Mean, double Deviation)
{
    /// <summary>Returns the mean and the sample standard deviation (divisor count − 1) of <paramref name="values"/>.</summary>
    public static MeanAndDeviation Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double squares = values.Sum(value => (value - mean) * (value - mean));
        double deviation = values.Count > 1 ? Math.Sqrt(squares / (values.Count - 1)) : 0.0;
        return new MeanAndDeviation(mean, deviation);
    }
}

/// <summary>Slopes of the propagation-of-chaos measures against n on log-log axes.</summary>
/// <param name="LossSpread">Slope of log(standard deviation of the final training MSE) against log n.</param>
/// <param name="NeuronW2">Slope of log W2 between neuron measures against log n.</param>
/// <param name="OutputWeightW2">Slope of log W2 between output-weight marginals against log n.</param>
internal sealed record ChaosSlopes(double LossSpread, double NeuronW2, double OutputWeightW2);

/// <summary>A run from a permuted initialization compared with the run it permutes.</summary>
/// <param name="Neurons">Width n.</param>
/// <param name="Permutation">The permutation σ applied to the initialization.</param>
/// <param name="Times">Recorded flow times, shared by both runs.</param>
/// <param name="OrbitDistances">Quotient distance between the two runs' states at each recorded time.</param>
/// <param name="PermutedDistances">‖σ·x(t) − y(t)‖ in the model's metric at each recorded time, for the known σ.</param>
internal sealed record EquivarianceResult(
    int Neurons, Permutation Permutation, double[] Times, double[] OrbitDistances, double[] PermutedDistances);

/// <summary>The neuron cloud of one run at one recorded time.</summary>
/// <param name="Time">Flow time.</param>
/// <param name="OutputWeights">aᵢ of every neuron.</param>
/// <param name="InputWeightNorms">‖wᵢ‖ of every neuron.</param>
internal sealed record NeuronSnapshot(double Time, double[] OutputWeights, double[] InputWeightNorms);

/// <summary>Everything the <c>mean-field</c> sample prints, writes and plots.</summary>
/// <param name="Settings">The settings of the experiment.</param>
/// <param name="Split">The training and test sets.</param>
/// <param name="BaselineTrainMse">Least-squares training MSE in standardized units.</param>
/// <param name="BaselineTestMse">Least-squares test MSE in standardized units.</param>
/// <param name="Widths">Results for each width, in the order of the settings.</param>
/// <param name="Slopes">Fitted log-log slopes against n, or <c>null</c> with a single width.</param>
/// <param name="Equivariance">The permuted-initialization comparison for the largest width.</param>
/// <param name="Snapshots">Neuron clouds of the largest width's first seed at a few times.</param>
internal sealed record MeanFieldReport(
    MeanFieldSettings Settings, RegressionSplit Split, double BaselineTrainMse, double BaselineTestMse,
    IReadOnlyList<WidthSummary> Widths, ChaosSlopes? Slopes, EquivarianceResult Equivariance,
    IReadOnlyList<NeuronSnapshot> Snapshots);
