using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>Assertions that an <see cref="AssignmentResult"/> is a valid assignment certified optimal by its potentials.</summary>
internal static class AssignmentChecks
{
    public static void AssertValidAssignment(double[,] cost, AssignmentResult result, bool maximize)
    {
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        double forbidden = maximize ? double.NegativeInfinity : double.PositiveInfinity;
        Assert.Equal(rows, result.RowToColumn.Length);
        Assert.Equal(columns, result.ColumnToRow.Length);

        int assigned = 0;
        double total = 0;
        for (int i = 0; i < rows; i++)
        {
            int j = result.RowToColumn[i];
            if (j < 0)
            {
                Assert.Equal(-1, j);
                continue;
            }

            Assert.Equal(i, result.ColumnToRow[j]);
            Assert.NotEqual(forbidden, cost[i, j]);
            total += cost[i, j];
            assigned++;
        }

        Assert.Equal(Math.Min(rows, columns), assigned);
        Assert.Equal(assigned, result.ColumnToRow.Count(i => i >= 0));
        Approximately.Equal(total, result.Cost, 1e-9);
    }

    /// <summary>
    /// Checks the dual certificate: reduced costs of one sign on allowed pairs, zero on assigned pairs, and on the
    /// larger side potentials of one sign that vanish where nothing is assigned.
    /// </summary>
    public static void AssertCertified(double[,] cost, AssignmentResult result, bool maximize, double tolerance)
    {
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        double sign = maximize ? -1 : 1;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                if (!double.IsFinite(cost[i, j]))
                {
                    continue;
                }

                double reduced = sign * (cost[i, j] - result.RowPotentials[i] - result.ColumnPotentials[j]);
                Assert.True(reduced >= -tolerance, $"reduced cost {reduced} < 0 at ({i}, {j})");
                if (result.RowToColumn[i] == j)
                {
                    Assert.True(Math.Abs(reduced) <= tolerance, $"assigned pair ({i}, {j}) has reduced cost {reduced}");
                }
            }
        }

        if (rows < columns)
        {
            for (int j = 0; j < columns; j++)
            {
                Assert.True(sign * result.ColumnPotentials[j] <= tolerance, $"column potential {result.ColumnPotentials[j]} has the wrong sign");
                if (result.ColumnToRow[j] < 0)
                {
                    Assert.Equal(0, result.ColumnPotentials[j]);
                }
            }
        }
        else if (rows > columns)
        {
            for (int i = 0; i < rows; i++)
            {
                Assert.True(sign * result.RowPotentials[i] <= tolerance, $"row potential {result.RowPotentials[i]} has the wrong sign");
                if (result.RowToColumn[i] < 0)
                {
                    Assert.Equal(0, result.RowPotentials[i]);
                }
            }
        }
    }

    public static double[] Flatten(double[,] cost)
    {
        var flat = new double[cost.Length];
        int columns = cost.GetLength(1);
        for (int i = 0; i < cost.GetLength(0); i++)
        {
            for (int j = 0; j < columns; j++)
            {
                flat[i * columns + j] = cost[i, j];
            }
        }

        return flat;
    }

    public static double[,] ToMatrix(double[] flat, int rows, int columns)
    {
        var cost = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                cost[i, j] = flat[i * columns + j];
            }
        }

        return cost;
    }
}
