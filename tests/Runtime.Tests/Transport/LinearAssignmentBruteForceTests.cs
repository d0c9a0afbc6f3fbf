using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>Compares the solver with enumeration of all assignments on small matrices.</summary>
public class LinearAssignmentBruteForceTests
{
    public enum EntryKind
    {
        Uniform,
        Integer,
        TieHeavy,
        Forbidden,
    }

    public static TheoryData<EntryKind, bool> Cases()
    {
        var data = new TheoryData<EntryKind, bool>();
        foreach (EntryKind kind in Enum.GetValues<EntryKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    /// <summary>Matrices per size n = 1..8, fewer where enumeration (n! maps) gets expensive.</summary>
    private static readonly int[] SquareSamples = [0, 60, 60, 60, 60, 60, 20, 6, 3];

    [Theory]
    [MemberData(nameof(Cases))]
    public void SquareMatchesBruteForce(EntryKind kind, bool maximize)
    {
        var random = new Random(17 + (int)kind * 2 + (maximize ? 1 : 0));
        for (int n = 1; n <= 8; n++)
        {
            int samples = SquareSamples[n];
            for (int sample = 0; sample < samples; sample++)
            {
                AssertMatchesBruteForce(RandomMatrix(random, n, n, kind, maximize), maximize);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RectangularMatchesBruteForce(EntryKind kind, bool maximize)
    {
        var random = new Random(101 + (int)kind * 2 + (maximize ? 1 : 0));
        for (int large = 2; large <= 8; large++)
        {
            for (int small = 1; small < large; small++)
            {
                int samples = large <= 6 ? 8 : 2;
                for (int sample = 0; sample < samples; sample++)
                {
                    AssertMatchesBruteForce(RandomMatrix(random, small, large, kind, maximize), maximize);
                    AssertMatchesBruteForce(RandomMatrix(random, large, small, kind, maximize), maximize);
                }
            }
        }
    }

    [Fact]
    public void EmptyMatrixHasEmptyAssignment()
    {
        foreach ((int rows, int columns) in new[] { (0, 0), (0, 3), (3, 0) })
        {
            AssignmentResult result = LinearAssignment.Solve(new double[rows, columns]);

            Assert.Equal(0, result.Cost);
            Assert.All(result.RowToColumn, j => Assert.Equal(-1, j));
            Assert.All(result.ColumnToRow, i => Assert.Equal(-1, i));
            Assert.Equal(rows, result.RowPotentials.Length);
            Assert.Equal(columns, result.ColumnPotentials.Length);
        }
    }

    [Fact]
    public void LargeMagnitudesKeepOptimum()
    {
        // Entries near the supported limit with small differences: the optimum is the anti-diagonal.
        double big = 1e300;
        var cost = new double[,] { { big, big - 1e285 }, { big - 1e285, big } };

        AssignmentResult result = LinearAssignment.Solve(cost);

        Assert.Equal([1, 0], result.RowToColumn);
        Assert.Equal(2 * (big - 1e285), result.Cost);
    }

    private static void AssertMatchesBruteForce(double[,] cost, bool maximize)
    {
        double? expected = BruteForceAssignment.OptimalCost(cost, maximize);
        if (expected is null)
        {
            var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost, maximize));
            Assert.Equal("cost", error.ParamName);
            return;
        }

        AssignmentResult result = LinearAssignment.Solve(cost, maximize);

        AssignmentChecks.AssertValidAssignment(cost, result, maximize);
        Approximately.Equal(expected.Value, result.Cost, 1e-9);
        AssignmentChecks.AssertCertified(cost, result, maximize, 1e-9);
    }

    private static double[,] RandomMatrix(Random random, int rows, int columns, EntryKind kind, bool maximize)
    {
        double forbidden = maximize ? double.NegativeInfinity : double.PositiveInfinity;
        var cost = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                cost[i, j] = kind switch
                {
                    EntryKind.Uniform => random.NextDouble(),
                    EntryKind.Integer => random.Next(-20, 21),
                    EntryKind.TieHeavy => random.Next(3),
                    _ => random.NextDouble() < 0.35 ? forbidden : random.Next(10),
                };
            }
        }

        return cost;
    }
}
