using System.Globalization;
using ScottPlot;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>Draws the <c>mean-field</c> plots as PNG files.</summary>
internal static class MeanFieldPlots
{
    private const int WidthPixels = 1200;
    private const int HeightPixels = 800;

    /// <summary>File name of the loss curves.</summary>
    public const string LossFileName = "mean-field-loss.png";

    /// <summary>File name of the propagation-of-chaos plot.</summary>
    public const string ChaosFileName = "mean-field-chaos.png";

    /// <summary>File name of the equivariance plot.</summary>
    public const string EquivarianceFileName = "mean-field-equivariance.png";

    /// <summary>File name of the neuron-cloud snapshots.</summary>
    public const string NeuronsFileName = "mean-field-neurons.png";

    /// <summary>
    /// Writes the plots into <paramref name="folder"/> and returns their paths. The chaos plot is written only when
    /// the report has slopes, which takes at least two widths.
    /// </summary>
    public static IReadOnlyList<string> SaveAll(MeanFieldReport report, string folder)
    {
        var paths = new List<string>();

        string lossPath = Path.Combine(folder, LossFileName);
        SaveLoss(report, lossPath);
        paths.Add(lossPath);

        // A single width gives no slopes, and MeanFieldSample prints a line saying that this plot was skipped.
        if (report.Slopes is not null)
        {
            string chaosPath = Path.Combine(folder, ChaosFileName);
            SaveChaos(report, chaosPath);
            paths.Add(chaosPath);
        }

        string equivariancePath = Path.Combine(folder, EquivarianceFileName);
        SaveEquivariance(report.Equivariance, equivariancePath);
        paths.Add(equivariancePath);

        string neuronsPath = Path.Combine(folder, NeuronsFileName);
        SaveNeurons(report, neuronsPath);
        paths.Add(neuronsPath);

        return paths;
    }

    private static void SaveLoss(MeanFieldReport report, string path)
    {
        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int index = 0; index < report.Widths.Count; index++)
        {
            WidthSummary width = report.Widths[index];
            Color color = palette.GetColor(index);
            AddMeanAndSpread(plot, width.Runs, run => run.TrainMse, color, LinePattern.Solid, $"train, n = {width.Neurons}");
            AddMeanAndSpread(plot, width.Runs, run => run.TestMse, color, LinePattern.Dashed, $"test, n = {width.Neurons}");
        }

        var trainBaseline = plot.Add.HorizontalLine(report.BaselineTrainMse, 2, Colors.Black, LinePattern.Solid);
        trainBaseline.LegendText = $"least squares, train ({Format(report.BaselineTrainMse)})";
        var testBaseline = plot.Add.HorizontalLine(report.BaselineTestMse, 2, Colors.Black, LinePattern.Dashed);
        testBaseline.LegendText = $"least squares, test ({Format(report.BaselineTestMse)})";

        StartAxesAtZero(plot, report.Settings.EndTime);
        plot.Title("Mean-field network on the diabetes data: MSE along the gradient flow (mean ± sd over seeds)");
        plot.XLabel("flow time t");
        plot.YLabel("mean squared error (standardized response)");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    // The mean over seeds as a line, with a band of ± one sample standard deviation. Runs of an adaptive method
    // record at different times, so every run is interpolated linearly onto the first run's times, up to the
    // earliest stop.
    private static void AddMeanAndSpread(
        Plot plot, IReadOnlyList<TrainingRun> runs, Func<TrainingRun, double[]> select, Color color, LinePattern pattern, string label)
    {
        double lastTime = runs.Min(run => run.Times[^1]);
        double[] times = runs[0].Times.Where(time => time <= lastTime).ToArray();
        int count = times.Length;
        var mean = new double[count];
        var low = new double[count];
        var high = new double[count];
        for (int record = 0; record < count; record++)
        {
            double time = times[record];
            MeanAndDeviation stats = MeanAndDeviation.Of(runs.Select(run => Interpolate(run.Times, select(run), time)).ToArray());
            mean[record] = stats.Mean;
            low[record] = stats.Mean - stats.Deviation;
            high[record] = stats.Mean + stats.Deviation;
        }

        var band = plot.Add.FillY(times, low, high);
        band.FillColor = color.WithAlpha(0.2);
        band.LineWidth = 0;

        var line = plot.Add.ScatterLine(times, mean, color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.LegendText = label;
    }

    private static double Interpolate(double[] times, double[] values, double time)
    {
        int upper = Array.BinarySearch(times, time);
        if (upper >= 0)
        {
            return values[upper];
        }

        // The complement of a negative result is the index of the first recorded time after the requested one.
        upper = ~upper;
        int lower = upper - 1;
        double weight = (time - times[lower]) / (times[upper] - times[lower]);
        return (1 - weight) * values[lower] + weight * values[upper];
    }

    private static void SaveChaos(MeanFieldReport report, string path)
    {
        var plot = new Plot();
        double[] logN = report.Widths.Select(width => Math.Log10(width.Neurons)).ToArray();
        ChaosSlopes slopes = report.Slopes!;
        AddLogLogSeries(plot, logN, report.Widths.Select(width => width.FinalTrainMse.Deviation), Colors.C0,
            $"sd of final train MSE across seeds, slope {FormatSlope(slopes.LossSpread)}");
        AddLogLogSeries(plot, logN, report.Widths.Select(width => width.NeuronW2), Colors.C1,
            $"W2 between neuron measures of (w, a), slope {FormatSlope(slopes.NeuronW2)}");
        AddLogLogSeries(plot, logN, report.Widths.Select(width => width.OutputWeightW2), Colors.C2,
            $"W2 between output-weight marginals of a, slope {FormatSlope(slopes.OutputWeightW2)}");

        // One labelled tick per width: decade ticks alone would leave n = 16 and 64 unlabelled.
        string[] widthLabels = report.Widths.Select(width => width.Neurons.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(logN, widthLabels);
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Title($"Propagation of chaos at t = {Format(report.Settings.EndTime)}: independent runs agree more as n grows");
        plot.XLabel("neurons n (log scale)");
        plot.YLabel("spread between independent runs (log scale)");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    // Times and distances are never negative, so the axes start at 0 instead of at the automatic margin below it.
    private static void StartAxesAtZero(Plot plot, double endTime)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimits(0, endTime, 0, plot.Axes.GetLimits().Top);
    }

    private static void AddLogLogSeries(Plot plot, double[] logN, IEnumerable<double> values, Color color, string label)
    {
        double[] logValues = values.Select(value => Math.Log10(value)).ToArray();
        var series = plot.Add.Scatter(logN, logValues, color);
        series.LineWidth = 2;
        series.MarkerSize = 10;
        series.LegendText = label;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("0.#####", CultureInfo.InvariantCulture),
    };

    private static void SaveEquivariance(EquivarianceResult equivariance, string path)
    {
        var plot = new Plot();
        var orbit = plot.Add.Scatter(equivariance.Times, equivariance.OrbitDistances, Colors.C0);
        orbit.LegendText = "orbit distance d([y(t)], [x(t)])";

        // The two curves coincide when the alignment finds σ, so the first is drawn wider to stay visible.
        orbit.LineWidth = 5;
        var known = plot.Add.Scatter(equivariance.Times, equivariance.PermutedDistances, Colors.C1);
        known.LegendText = "‖σ·x(t) − y(t)‖ for the known σ";
        known.LinePattern = LinePattern.Dashed;
        known.LineWidth = 2;

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value.ToString("0.#E+0", CultureInfo.InvariantCulture),
        };
        StartAxesAtZero(plot, equivariance.Times[^1]);
        plot.Title($"Equivariance, n = {equivariance.Neurons}: the run y from σ·x(0) stays on the orbit of the run x");
        plot.XLabel("flow time t");
        plot.YLabel("distance (model metric)");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    private static void SaveNeurons(MeanFieldReport report, string path)
    {
        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int index = 0; index < report.Snapshots.Count; index++)
        {
            NeuronSnapshot snapshot = report.Snapshots[index];
            var points = plot.Add.ScatterPoints(snapshot.InputWeightNorms, snapshot.OutputWeights, palette.GetColor(index));
            points.MarkerSize = 4;
            points.LegendText = $"t = {Format(snapshot.Time)}";
        }

        plot.Title($"Neuron cloud of one run, n = {report.Settings.LargestNeuronCount}: each dot is a neuron (‖w‖, a)");
        plot.XLabel("input weight norm ‖w‖");
        plot.YLabel("output weight a");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    private static string FormatSlope(double slope) => slope.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
