using Google.OrTools.Graph;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// Google OR-Tools' <see cref="LinearSumAssignment"/> (cost-scaling push-relabel) on a dense cost matrix.
/// </summary>
/// <remarks>
/// OR-Tools takes int64 costs, so each entry is multiplied by <see cref="CostScale"/> and rounded to the nearest
/// integer. With costs below about 100 the scaled values stay below 1e11, and OR-Tools' own internal scaling by
/// (n + 1) stays far from overflow at n = 4000. Rounding moves each entry by at most 0.5 / CostScale, so the
/// assignment it returns is optimal for the true costs within n / CostScale.
/// </remarks>
public static class OrToolsAssignment
{
    public const double CostScale = 1e9;

    /// <summary>Builds the bipartite graph from the row-major costs, solves it and returns the true (unscaled) cost of its assignment.</summary>
    public static double Solve(ReadOnlySpan<double> costs, int n)
    {
        using var assignment = new LinearSumAssignment();
        for (int row = 0; row < n; row++)
        {
            ReadOnlySpan<double> costRow = costs.Slice(row * n, n);
            for (int column = 0; column < n; column++)
            {
                assignment.AddArcWithCost(row, column, (long)Math.Round(costRow[column] * CostScale));
            }
        }

        var status = assignment.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools returned status {status}.");
        }

        double total = 0.0;
        for (int row = 0; row < n; row++)
        {
            total += costs[row * n + assignment.RightMate(row)];
        }

        return total;
    }
}
