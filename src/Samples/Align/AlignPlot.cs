using System.Globalization;
using ScottPlot;

namespace SymmetryDsl.Samples.Align;

/// <summary>Draws the training MSE along the straight lines before and after alignment.</summary>
internal static class AlignPlot
{
    private const int WidthPixels = 1200;
    private const int HeightPixels = 800;

    /// <summary>The file name of the plot inside the output folder.</summary>
    public const string FileName = "align-barrier.png";

    /// <summary>Renders the plot for <paramref name="comparison"/> and writes it as a PNG file.</summary>
    public static void Save(AlignmentComparison comparison, string path)
    {
        var plot = new Plot();

        var before = plot.Add.Scatter(comparison.PathBefore.Positions, comparison.PathBefore.TrainMse, Colors.C3);
        before.LineWidth = 2;
        before.LegendText = $"before alignment, from θ₀ to θ₁: barrier {Format(comparison.PathBefore.Barrier)}";

        var after = plot.Add.Scatter(comparison.PathAfter.Positions, comparison.PathAfter.TrainMse, Colors.C0);
        after.LineWidth = 2;
        after.LegendText = $"after alignment, from g*·θ₀ to θ₁: barrier {Format(comparison.PathAfter.Barrier)}";

        plot.Title($"Loss along the straight line between two trained networks of {comparison.First.Neurons} neurons");
        plot.XLabel("position s on the line (1 − s) θ₀ + s θ₁");
        plot.YLabel("training MSE (standardized response)");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
