using System.Globalization;
using SymmetryDsl.Flows;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// Trains the mean-field network by gradient flow for every width and seed, and measures the losses, the
/// propagation of chaos across seeds, and the equivariance of the flow under relabeling the neurons.
/// </summary>
internal static class MeanFieldExperiment
{
    // Snapshot times as fractions of T: the start, early training, halfway and the end.
    private static readonly double[] SnapshotFractions = [0.0, 0.125, 0.5, 1.0];

    /// <summary>Runs the experiment on <paramref name="table"/> (raw rows, response last).</summary>
    public static MeanFieldReport Run(MeanFieldSettings settings, IReadOnlyList<double[]> table, ProgressLine progress)
    {
        RegressionSplit split = RegressionData.Split(table, MeanFieldSettings.TestFraction, settings.SplitSeed);
        var baseline = new LeastSquaresBaseline(split.Train);
        int dimension = split.Train.FeatureCount;
        int totalRuns = settings.NeuronCounts.Length * settings.Seeds + 1;
        int runNumber = 0;

        var widths = new List<WidthSummary>();
        EquivarianceResult? equivariance = null;
        IReadOnlyList<NeuronSnapshot> snapshots = [];
        foreach (int neurons in settings.NeuronCounts)
        {
            var trainLoss = new NetworkLoss(split.Train, neurons);
            var testLoss = new NetworkLoss(split.Test, neurons);
            var runs = new List<TrainingRun>();
            for (int seed = 0; seed < settings.Seeds; seed++)
            {
                runNumber++;
                string label = string.Create(CultureInfo.InvariantCulture, $"run {runNumber}/{totalRuns}: n = {neurons}, seed {seed}");
                TwoLayerNetwork initial = TwoLayerNetwork.Gaussian(neurons, dimension, new Random(seed));
                FlowResult<TwoLayerNetwork> flow = Train(initial, trainLoss, settings, progress, label);
                runs.Add(Summarize(neurons, seed, flow, testLoss));

                if (neurons == settings.LargestNeuronCount && seed == 0)
                {
                    snapshots = TakeSnapshots(flow, settings.EndTime);
                    runNumber++;
                    string permutedLabel = string.Create(CultureInfo.InvariantCulture, $"run {runNumber}/{totalRuns}: n = {neurons}, seed 0 permuted");
                    equivariance = CompareWithPermutedRun(initial, flow, trainLoss, settings, progress, permutedLabel);
                }
            }

            widths.Add(SummarizeWidth(neurons, runs));
        }

        progress.Clear();
        return new MeanFieldReport(
            settings, split, baseline.MeanSquaredError(split.Train), baseline.MeanSquaredError(split.Test),
            widths, FitSlopes(widths), equivariance!, snapshots);
    }

    private static FlowResult<TwoLayerNetwork> Train(
        TwoLayerNetwork initial, NetworkLoss loss, MeanFieldSettings settings, ProgressLine progress, string label)
    {
        var options = new FlowOptions
        {
            Method = settings.Method,
            StepSize = settings.StepSize,
            EndTime = settings.EndTime,
            RecordInterval = settings.RecordInterval,
            Observer = state => progress.Show(string.Create(CultureInfo.InvariantCulture,
                $"mean-field {label}, t = {state.Time:0.00} of {state.EndTime:0.##}, train MSE {2 * state.Energy:0.0000}")),
        };

        return TwoLayerNetwork.Flow(initial, loss.LossAndGradient, options);
    }

    private static TrainingRun Summarize(int neurons, int seed, FlowResult<TwoLayerNetwork> flow, NetworkLoss testLoss)
    {
        double[] trainMse = flow.Energies.Select(energy => 2.0 * energy).ToArray();
        double[] testMse = flow.States.Select(testLoss.MeanSquaredError).ToArray();
        return new TrainingRun(neurons, seed, [.. flow.Times], trainMse, testMse, flow.Status, flow.FinalState);
    }

    private static WidthSummary SummarizeWidth(int neurons, List<TrainingRun> runs)
    {
        var neuronW2 = new List<double>();
        var outputWeightW2 = new List<double>();
        for (int first = 0; first < runs.Count; first++)
        {
            for (int second = first + 1; second < runs.Count; second++)
            {
                TwoLayerNetwork x = runs[first].Final;
                TwoLayerNetwork y = runs[second].Final;

                // With weight 1/n on every particle entry, the orbit distance of the co-permuted (W, A) is W2
                // between the empirical measures of the neurons (wᵢ, aᵢ) ∈ ℝᴰ⁺¹.
                // NOTE: the generated orbit distance builds a dense n × n cost matrix (8n² bytes, about 800 MB at
                // n = 10 000) and solves an assignment on it in up to O(n³) time.
                neuronW2.Add(TwoLayerNetwork.OrbitDistance(x, y));
                outputWeightW2.Add(Wasserstein.W2(x.A, y.A));
            }
        }

        return new WidthSummary(
            neurons,
            runs,
            MeanAndDeviation.Of(runs.Select(run => run.TrainMse[^1]).ToArray()),
            MeanAndDeviation.Of(runs.Select(run => run.TestMse[^1]).ToArray()),
            neuronW2.Average(),
            outputWeightW2.Average());
    }

    private static EquivarianceResult CompareWithPermutedRun(
        TwoLayerNetwork initial, FlowResult<TwoLayerNetwork> original, NetworkLoss loss, MeanFieldSettings settings,
        ProgressLine progress, string label)
    {
        // A fixed seed for σ keeps the whole report reproducible; it differs from the initialization seeds.
        TwoLayerNetwork.GroupElement element = TwoLayerNetwork.RandomGroupElement(initial, new Random(7919));
        FlowResult<TwoLayerNetwork> permuted = Train(initial.Apply(element), loss, settings, progress, label);

        // The adaptive method's error norm sums over the coordinates in their stored order, so relabeling can move
        // its steps by rounding. Records pair up while their times agree to 1e-9, and the comparison stops where a
        // rounding difference has grown into a different step.
        int count = 0;
        while (count < Math.Min(original.Times.Count, permuted.Times.Count)
            && Math.Abs(original.Times[count] - permuted.Times[count]) <= 1e-9 * Math.Max(1.0, original.Times[count]))
        {
            count++;
        }
        var orbitDistances = new double[count];
        var permutedDistances = new double[count];
        for (int record = 0; record < count; record++)
        {
            TwoLayerNetwork expected = original.States[record].Apply(element);
            orbitDistances[record] = TwoLayerNetwork.OrbitDistance(permuted.States[record], original.States[record]);
            permutedDistances[record] = TwoLayerNetwork.MetricDistance(expected, permuted.States[record]);
        }

        return new EquivarianceResult(
            initial.Neurons, element.HiddenPermutation, original.Times.Take(count).ToArray(), orbitDistances, permutedDistances);
    }

    private static List<NeuronSnapshot> TakeSnapshots(FlowResult<TwoLayerNetwork> flow, double endTime)
    {
        var snapshots = new List<NeuronSnapshot>();
        int previous = -1;
        foreach (double fraction in SnapshotFractions)
        {
            int record = NearestRecord(flow.Times, fraction * endTime);
            if (record == previous)
            {
                continue;
            }

            TwoLayerNetwork state = flow.States[record];
            snapshots.Add(new NeuronSnapshot(flow.Times[record], (double[])state.A.Clone(), state.InputWeightNorms()));
            previous = record;
        }

        return snapshots;
    }

    private static int NearestRecord(IReadOnlyList<double> times, double time)
    {
        int best = 0;
        for (int record = 1; record < times.Count; record++)
        {
            if (Math.Abs(times[record] - time) < Math.Abs(times[best] - time))
            {
                best = record;
            }
        }

        return best;
    }

    private static ChaosSlopes? FitSlopes(List<WidthSummary> widths)
    {
        if (widths.Count < 2)
        {
            return null;
        }

        double[] logN = widths.Select(width => Math.Log(width.Neurons)).ToArray();
        return new ChaosSlopes(
            LogLogSlope(logN, widths.Select(width => width.FinalTrainMse.Deviation)),
            LogLogSlope(logN, widths.Select(width => width.NeuronW2)),
            LogLogSlope(logN, widths.Select(width => width.OutputWeightW2)));
    }

    // Least-squares slope of log y against log n; a zero y (identical runs) has no logarithm and yields NaN.
    private static double LogLogSlope(double[] logN, IEnumerable<double> values)
    {
        double[] logY = values.Select(value => Math.Log(value)).ToArray();
        double meanX = logN.Average();
        double meanY = logY.Average();
        double covariance = 0.0;
        double variance = 0.0;
        for (int k = 0; k < logN.Length; k++)
        {
            covariance += (logN[k] - meanX) * (logY[k] - meanY);
            variance += (logN[k] - meanX) * (logN[k] - meanX);
        }

        return covariance / variance;
    }
}
