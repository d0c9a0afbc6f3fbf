using ScottPlot;

namespace SymmetryDsl.Samples.Pair;

/// <summary>Draws the plane of two-particle configurations with both candidate pairings of x with y.</summary>
internal static class PairPlot
{
    private const int WidthPixels = 1200;
    private const int HeightPixels = 800;

    /// <summary>
    /// The second title line. The axes have equal Euclidean units, but the legend gives d in the averaged metric, so
    /// each pairing segment is √2 times as long as its d.
    /// </summary>
    public const string SegmentLengthNote = "d = segment length / √2, because d(u, v)² = (1/2) Σ (uᵢ − vᵢ)²";

    /// <summary>Renders the plot for <paramref name="comparison"/> and writes it as a PNG file.</summary>
    /// <param name="comparison">The pairings to draw.</param>
    /// <param name="path">The PNG file to create or overwrite.</param>
    public static void Save(PairComparison comparison, string path) =>
        Create(comparison).SavePng(path, WidthPixels, HeightPixels);

    /// <summary>Builds the plot for <paramref name="comparison"/> without rendering it.</summary>
    public static Plot Create(PairComparison comparison)
    {
        double[] x = comparison.X;
        double[] y = comparison.Y;
        double[] reflectedX = comparison.ReflectedX;

        // The diagonal and the fundamental domain span the view around all three points with a margin.
        double[] coordinates = [.. x, .. y];
        double low = coordinates.Min();
        double high = coordinates.Max();
        double margin = Math.Max(0.25 * (high - low), 0.5);
        low -= margin;
        high += margin;

        var plot = new Plot();

        // The shaded triangle reaches well past the axis limits, so it fills the view after square scaling widens it.
        double far = high - low;
        var domain = plot.Add.Polygon(new Coordinates[]
        {
            new(low - far, low - far), new(high + far, high + far), new(low - far, high + far),
        });
        domain.FillColor = Colors.LightGreen.WithAlpha(0.25);
        domain.LineWidth = 0;
        domain.LegendText = "fundamental domain x₁ ≤ x₂";

        var diagonal = plot.Add.Line(low - far, low - far, high + far, high + far);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 2;
        diagonal.LegendText = "diagonal x₁ = x₂";

        var identitySegment = plot.Add.Line(x[0], x[1], y[0], y[1]);
        identitySegment.LineColor = Colors.Red;
        identitySegment.LineWidth = 2;
        identitySegment.MarkerSize = 0;
        identitySegment.LegendText = $"identity pairing x → y, d = {PairSample.Format(comparison.IdentityDistance)}";

        var swappedSegment = plot.Add.Line(reflectedX[0], reflectedX[1], y[0], y[1]);
        swappedSegment.LineColor = Colors.Blue;
        swappedSegment.LineWidth = 2;
        swappedSegment.MarkerSize = 0;
        swappedSegment.LegendText = $"swapped pairing σx → y, d = {PairSample.Format(comparison.SwappedDistance)}";

        AddPoint(plot, x, Colors.Black, MarkerShape.FilledCircle, "x");
        AddPoint(plot, reflectedX, Colors.Blue, MarkerShape.OpenCircle, "reflected x = σx = (x₂, x₁)");
        AddPoint(plot, y, Colors.Orange, MarkerShape.FilledSquare, "y");

        plot.Title($"Two particles on a line: quotient distance d([x], [y]) = {PairSample.Format(comparison.QuotientDistance)}\n{SegmentLengthNote}");
        plot.XLabel("x₁, position of particle 1");
        plot.YLabel("x₂, position of particle 2");
        plot.Axes.SetLimits(low, high, low, high);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Right);

        return plot;
    }

    private static void AddPoint(Plot plot, double[] point, Color color, MarkerShape shape, string label)
    {
        var marker = plot.Add.Marker(point[0], point[1], shape, size: 14, color: color);
        marker.LegendText = label;
    }
}
