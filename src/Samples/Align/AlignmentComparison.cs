using System.Globalization;
using SymmetryDsl.Flows;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Samples.Align;

/// <summary>The training MSE along the straight line θ(s) = (1 − s) θ₀ + s θ₁ between two networks.</summary>
/// <param name="Positions">The line parameters s, from 0 to 1.</param>
/// <param name="TrainMse">Training MSE at θ(s), in standardized units.</param>
internal sealed record LinearPath(double[] Positions, double[] TrainMse)
{
    /// <summary>
    /// The loss barrier, max over s of MSE(θ(s)) − [(1 − s) MSE(θ₀) + s MSE(θ₁)]. It measures how far the path
    /// rises above the chord between its end points, and is 0 when the path never rises above the chord.
    /// </summary>
    public double Barrier
    {
        get
        {
            double barrier = 0.0;
            for (int point = 0; point < Positions.Length; point++)
            {
                double s = Positions[point];
                double chord = (1 - s) * TrainMse[0] + s * TrainMse[^1];
                barrier = Math.Max(barrier, TrainMse[point] - chord);
            }

            return barrier;
        }
    }
}

/// <summary>Two independently trained networks compared before and after aligning the first to the second.</summary>
/// <param name="First">The network trained from the first seed.</param>
/// <param name="Second">The network trained from the second seed.</param>
/// <param name="Element">The group element g* = Align(first, second).</param>
/// <param name="Aligned">g*·first, the representative of the first network's orbit nearest to the second.</param>
/// <param name="DistanceBefore">‖first − second‖ in the model's metric, pairing neuron i with neuron i.</param>
/// <param name="DistanceAfter">‖g*·first − second‖ in the model's metric.</param>
/// <param name="OrbitDistance">The generated quotient distance d([first], [second]).</param>
/// <param name="PathBefore">The training MSE along the line from first to second.</param>
/// <param name="PathAfter">The training MSE along the line from g*·first to second.</param>
/// <param name="Statuses">Why each training run stopped.</param>
internal sealed record AlignmentComparison(
    TwoLayerNetwork First, TwoLayerNetwork Second, TwoLayerNetwork.GroupElement Element, TwoLayerNetwork Aligned,
    double DistanceBefore, double DistanceAfter, double OrbitDistance, LinearPath PathBefore, LinearPath PathAfter,
    FlowStatus[] Statuses)
{
    /// <summary>Number of neurons that g* moves to another position.</summary>
    public int MovedNeurons
    {
        get
        {
            Permutation permutation = Element.HiddenPermutation;
            return Enumerable.Range(0, permutation.Count).Count(neuron => permutation[neuron] != neuron);
        }
    }

    /// <summary>Trains the two networks on <paramref name="train"/> and compares them.</summary>
    /// <param name="train">The training set.</param>
    /// <param name="neurons">Width n of both networks.</param>
    /// <param name="firstSeed">Seed of the first network's initialization.</param>
    /// <param name="secondSeed">Seed of the second network's initialization.</param>
    /// <param name="options">Flow settings for both runs.</param>
    /// <param name="pathPoints">Number of equally spaced points s on [0, 1], at least 2.</param>
    /// <param name="progress">Shows the flow time of each training run.</param>
    public static AlignmentComparison Compute(
        RegressionData train, int neurons, int firstSeed, int secondSeed, FlowOptions options, int pathPoints,
        ProgressLine progress)
    {
        var loss = new NetworkLoss(train, neurons);
        FlowResult<TwoLayerNetwork> first = TwoLayerNetwork.Flow(
            TwoLayerNetwork.Gaussian(neurons, train.FeatureCount, new Random(firstSeed)), loss.LossAndGradient,
            WithProgress(options, progress, firstSeed));
        FlowResult<TwoLayerNetwork> second = TwoLayerNetwork.Flow(
            TwoLayerNetwork.Gaussian(neurons, train.FeatureCount, new Random(secondSeed)), loss.LossAndGradient,
            WithProgress(options, progress, secondSeed));
        progress.Clear();
        TwoLayerNetwork x = first.FinalState;
        TwoLayerNetwork y = second.FinalState;

        TwoLayerNetwork.GroupElement element = TwoLayerNetwork.Align(x, y);
        TwoLayerNetwork aligned = x.Apply(element);

        return new AlignmentComparison(
            x, y, element, aligned,
            TwoLayerNetwork.MetricDistance(x, y), TwoLayerNetwork.MetricDistance(aligned, y), TwoLayerNetwork.OrbitDistance(x, y),
            Interpolate(x, y, loss, pathPoints), Interpolate(aligned, y, loss, pathPoints),
            [first.Status, second.Status]);
    }

    // Recording every 1/100 of the end time gives the observer, which runs at recorded states, something to show.
    private static FlowOptions WithProgress(FlowOptions options, ProgressLine progress, int seed) => options with
    {
        RecordInterval = options.EndTime / 100,
        Observer = state => progress.Show(string.Create(CultureInfo.InvariantCulture,
            $"align: training seed {seed}, t = {state.Time:0.00} of {state.EndTime:0.##}, train MSE {2 * state.Energy:0.0000}")),
    };

    private static LinearPath Interpolate(TwoLayerNetwork from, TwoLayerNetwork to, NetworkLoss loss, int points)
    {
        var start = new double[from.ParameterCount];
        var end = new double[to.ParameterCount];
        var between = new double[from.ParameterCount];
        from.CopyTo(start);
        to.CopyTo(end);
        TwoLayerNetwork scratch = from.DeepClone();

        var positions = new double[points];
        var mse = new double[points];
        for (int point = 0; point < points; point++)
        {
            double s = (double)point / (points - 1);
            for (int k = 0; k < between.Length; k++)
            {
                between[k] = (1 - s) * start[k] + s * end[k];
            }

            scratch.CopyFrom(between);
            positions[point] = s;
            mse[point] = loss.MeanSquaredError(scratch);
        }

        return new LinearPath(positions, mse);
    }
}
