using System.Globalization;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>Prints the <c>mean-field</c> report as plain-text tables.</summary>
internal static class MeanFieldConsole
{
    /// <summary>Writes the set-up, the loss table, the propagation-of-chaos table and the equivariance table.</summary>
    public static void Write(MeanFieldReport report, string dataPath, int rowCount, TextWriter output)
    {
        MeanFieldSettings settings = report.Settings;
        RegressionSplit split = report.Split;
        ResponseScaling scaling = split.Scaling;

        output.WriteLine("mean-field: the two-layer network f(x) = (1/n) Σ aᵢ tanh(⟨wᵢ, x⟩) trained by gradient flow on");
        output.WriteLine("L = (1/2m) Σ (f(xᵅ) − yᵅ)², with every neuron (wᵢ, aᵢ) moving with the mean-field velocity field.");
        output.WriteLine();
        output.WriteLine($"data:    {rowCount} rows of {dataPath}");
        output.WriteLine(Invariant($"split:   {split.Train.SampleCount} training and {split.Test.SampleCount} test rows (80/20, shuffle seed {settings.SplitSeed});"));
        output.WriteLine("         features and response standardized with the training rows' means and standard deviations,");
        output.WriteLine(Invariant($"         plus a constant bias feature (D = {split.Train.FeatureCount})"));
        output.WriteLine(Invariant($"init:    wᵢ ~ N(0, I/D), aᵢ ~ N(0, 1), seeds 0 to {settings.Seeds - 1}"));
        output.WriteLine(Invariant($"flow:    {settings.Method}, step {settings.StepSize}, T = {settings.EndTime}, states recorded every {settings.RecordInterval}"));
        output.WriteLine(Invariant($"units:   MSE in standardized units; times {scaling.StandardDeviation * scaling.StandardDeviation:0.0} (the response variance) gives original units"));
        output.WriteLine();

        WriteLossTable(report, output);
        output.WriteLine();
        WriteChaosTable(report, output);
        output.WriteLine();
        WriteEquivarianceTable(report.Equivariance, output);
    }

    private static void WriteLossTable(MeanFieldReport report, TextWriter output)
    {
        ResponseScaling scaling = report.Split.Scaling;
        output.WriteLine(Invariant($"Final mean squared error at t = {report.Settings.EndTime} (mean ± sd over {report.Settings.Seeds} seeds)"));
        output.WriteLine("         n |  train MSE          |  test MSE           |  train MSE (orig.)  |  test MSE (orig.)   | stopped");
        foreach (WidthSummary width in report.Widths)
        {
            string statuses = string.Join(", ", width.Runs.Select(run => run.Status.ToString()).Distinct());
            output.WriteLine(Invariant(
                $"{width.Neurons,10} | {Standardized(width.FinalTrainMse),-19} | {Standardized(width.FinalTestMse),-19} | {Original(width.FinalTrainMse, scaling),-19} | {Original(width.FinalTestMse, scaling),-19} | {statuses}"));
        }

        output.WriteLine(Invariant(
            $"{"OLS",10} | {report.BaselineTrainMse,-19:0.0000} | {report.BaselineTestMse,-19:0.0000} | {scaling.ToOriginalUnits(report.BaselineTrainMse),-19:0.0} | {scaling.ToOriginalUnits(report.BaselineTestMse),-19:0.0} | least squares on the same split"));

        if (report.Widths.Any(width => width.Runs.Any(run => run.Status != Flows.FlowStatus.ReachedEndTime)))
        {
            output.WriteLine("Some runs stopped before T (see the last column), so their final values are those at the stop. A smaller --step may help.");
        }
    }

    private static void WriteChaosTable(MeanFieldReport report, TextWriter output)
    {
        output.WriteLine(Invariant($"Propagation of chaos at t = {report.Settings.EndTime}: spread between independent runs (W2 averaged over pairs of seeds)"));
        output.WriteLine("         n |  sd of final train MSE  |  W2 neuron measures  |  W2 output weights aᵢ");
        foreach (WidthSummary width in report.Widths)
        {
            output.WriteLine(Invariant(
                $"{width.Neurons,10} | {width.FinalTrainMse.Deviation,-23:0.000E+00} | {width.NeuronW2,-20:0.000E+00} | {width.OutputWeightW2:0.000E+00}"));
        }

        if (report.Slopes is { } slopes)
        {
            output.WriteLine(Invariant(
                $"{"slope",10} | {slopes.LossSpread,-23:0.00} | {slopes.NeuronW2,-20:0.00} | {slopes.OutputWeightW2:0.00}"));
            output.WriteLine("slope: least-squares fit of log(value) against log(n); −0.5 is the n^(−1/2) rate of independent fluctuations.");
        }
        else
        {
            output.WriteLine("slope: not fitted, because a slope against n needs at least two widths.");
        }
    }

    private static void WriteEquivarianceTable(EquivarianceResult equivariance, TextWriter output)
    {
        output.WriteLine(Invariant($"Equivariance: n = {equivariance.Neurons}, run y from σ·x(0) for a random permutation σ, against run x from x(0)"));
        output.WriteLine("         t |  orbit distance d([y], [x])  |  ‖σ·x − y‖");
        for (int record = 0; record < equivariance.Times.Length; record++)
        {
            output.WriteLine(Invariant(
                $"{equivariance.Times[record],10:0.###} | {equivariance.OrbitDistances[record],-28:0.000E+00} | {equivariance.PermutedDistances[record]:0.000E+00}"));
        }

        output.WriteLine(Invariant($"max orbit distance: {equivariance.OrbitDistances.Max():0.000E+00}"));
    }

    private static string Standardized(MeanAndDeviation value) => Invariant($"{value.Mean:0.0000} ± {value.Deviation:0.0000}");

    private static string Original(MeanAndDeviation value, ResponseScaling scaling) =>
        Invariant($"{scaling.ToOriginalUnits(value.Mean):0.0} ± {scaling.ToOriginalUnits(value.Deviation):0.0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
