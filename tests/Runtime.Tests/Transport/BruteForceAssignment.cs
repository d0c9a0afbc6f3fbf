namespace SymmetryDsl.Tests.Transport;

/// <summary>Optimal assignment cost by enumerating every injective map of the smaller side into the larger.</summary>
internal static class BruteForceAssignment
{
    /// <summary>Returns the optimal total, or null when every complete assignment uses a forbidden pair.</summary>
    public static double? OptimalCost(double[,] cost, bool maximize)
    {
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        bool transposed = rows > columns;
        int small = Math.Min(rows, columns);
        int large = Math.Max(rows, columns);
        double Entry(int i, int j) => transposed ? cost[j, i] : cost[i, j];

        double forbidden = maximize ? double.NegativeInfinity : double.PositiveInfinity;
        double? best = null;
        var used = new bool[large];

        void Search(int i, double total)
        {
            if (i == small)
            {
                if (best is null || (maximize ? total > best : total < best))
                {
                    best = total;
                }

                return;
            }

            for (int j = 0; j < large; j++)
            {
                double value = Entry(i, j);
                if (used[j] || value == forbidden)
                {
                    continue;
                }

                used[j] = true;
                Search(i + 1, total + value);
                used[j] = false;
            }
        }

        Search(0, 0);
        return best;
    }
}
