using System.Globalization;
using ScottPlot;

namespace SymmetryDsl.Samples.Circle;

/// <summary>Draws the flows on ℝ and their projections onto ℝ/ℤ as PNG files.</summary>
/// <remarks>Plot text spells ℝ and ℤ as R and Z, because ScottPlot's default font drew the double-struck letters as empty boxes.</remarks>
internal static class CirclePlots
{
    private const int WidthPixels = 1200;
    private const int HeightPixels = 800;

    /// <summary>File name of the flows on ℝ.</summary>
    public const string LineFileName = "circle-line.png";

    /// <summary>File name of the projected flows on ℝ/ℤ.</summary>
    public const string ProjectedFileName = "circle-projected.png";

    /// <summary>Writes both plots into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> SaveAll(IReadOnlyList<CircleTrajectory> trajectories, long shift, string folder)
    {
        string linePath = Path.Combine(folder, LineFileName);
        SaveLine(trajectories, shift, linePath);

        string projectedPath = Path.Combine(folder, ProjectedFileName);
        SaveProjected(trajectories, projectedPath);

        return [linePath, projectedPath];
    }

    private static void SaveLine(IReadOnlyList<CircleTrajectory> trajectories, long shift, string path)
    {
        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int index = 0; index < trajectories.Count; index++)
        {
            CircleTrajectory trajectory = trajectories[index];
            Color color = palette.GetColor(index);

            var fromStart = plot.Add.ScatterLine(trajectory.Times, trajectory.X, color);
            fromStart.LineWidth = 2;
            fromStart.LegendText = $"X from x₀ = {Format(trajectory.Start)}";

            var fromShifted = plot.Add.ScatterLine(trajectory.Times, trajectory.Y, color);
            fromShifted.LineWidth = 2;
            fromShifted.LinePattern = LinePattern.Dashed;
            fromShifted.LegendText = $"Y from x₀ + {shift}";
        }

        plot.Title($"Gradient flow of F(x) = cos(2πx) on the real line: Y from x₀ + {shift} is X shifted by {shift}");
        plot.XLabel("flow time t");
        plot.YLabel("position on the real line");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    private static void SaveProjected(IReadOnlyList<CircleTrajectory> trajectories, string path)
    {
        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int index = 0; index < trajectories.Count; index++)
        {
            CircleTrajectory trajectory = trajectories[index];
            Color color = palette.GetColor(index);

            var fromStart = plot.Add.ScatterLine(trajectory.Times, trajectory.ProjectedX, color);
            fromStart.LineWidth = 4;
            fromStart.LegendText = $"projection of X, x₀ = {Format(trajectory.Start)}";

            // Sparse markers on top of the line show that the projection of Y lies on the projection of X.
            int stride = Math.Max(1, trajectory.Times.Length / 20);
            double[] times = trajectory.Times.Where((_, record) => record % stride == 0).ToArray();
            double[] projectedY = trajectory.ProjectedY.Where((_, record) => record % stride == 0).ToArray();
            var fromShifted = plot.Add.ScatterPoints(times, projectedY, Colors.Black);
            fromShifted.MarkerShape = MarkerShape.OpenCircle;
            fromShifted.MarkerSize = 8;
            fromShifted.LegendText = index == 0 ? "projection of Y (every run)" : "";
        }

        plot.Title("The same flows projected onto the circle R/Z = [0, 1): both lifts give one trajectory");
        plot.XLabel("flow time t");
        plot.YLabel("position on R/Z, canonical representative in [0, 1)");
        plot.Axes.SetLimitsY(-0.05, 1.05);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
