using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>CsCheck properties of the assignment solver over random matrices.</summary>
public class LinearAssignmentPropertyTests
{
    private static Gen<(int Rows, int Columns, double[] Entries, bool Maximize)> Matrices(int maxSide, Gen<double> entries) =>
        from rows in Gen.Int[1, maxSide]
        from columns in Gen.Int[1, maxSide]
        from values in entries.Array[rows * columns]
        from maximize in Gen.Bool
        select (rows, columns, values, maximize);

    [Fact]
    public void CostEqualsBruteForceOnSmallInputs()
    {
        Gen<double> entries = Gen.OneOf(Gen.Double[-10, 10], Gen.Int[0, 2].Select(v => (double)v));
        Matrices(6, entries).Sample(
            sample =>
            {
                double[,] cost = AssignmentChecks.ToMatrix(sample.Entries, sample.Rows, sample.Columns);

                AssignmentResult result = LinearAssignment.Solve(cost, sample.Maximize);

                Approximately.Equal(BruteForceAssignment.OptimalCost(cost, sample.Maximize)!.Value, result.Cost, 1e-9);
            },
            iter: 400);
    }

    [Fact]
    public void PotentialsCertifyLargerInputs()
    {
        Gen<(int, int, double[], bool)> matrices =
            from rows in Gen.Int[1, 200]
            from columns in Gen.Int[Math.Max(1, rows - 20), Math.Min(200, rows + 20)]
            from scale in Gen.OneOf(Gen.Const(1.0), Gen.Const(1000.0))
            from values in Gen.Double[0, 1].Array[rows * columns]
            from maximize in Gen.Bool
            select (rows, columns, values.Select(v => Math.Round(v * scale)).ToArray(), maximize);
        matrices.Sample(
            sample =>
            {
                (int rows, int columns, double[] entries, bool maximize) = sample;
                double[,] cost = AssignmentChecks.ToMatrix(entries, rows, columns);

                AssignmentResult result = LinearAssignment.Solve(cost, maximize);

                AssignmentChecks.AssertValidAssignment(cost, result, maximize);
                AssignmentChecks.AssertCertified(cost, result, maximize, 1e-7);
            },
            iter: 40);
    }

    [Fact]
    public void PotentialsCertifySquaredEuclideanCosts()
    {
        Gen<(int, double[])> clouds =
            from n in Gen.Int[1, 150]
            from points in Gen.Double[-3, 3].Array[4 * n]
            select (n, points);
        clouds.Sample(
            sample =>
            {
                (int n, double[] points) = sample;
                var cost = new double[n, n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double dx = points[2 * i] - points[2 * (n + j)];
                        double dy = points[2 * i + 1] - points[2 * (n + j) + 1];
                        cost[i, j] = dx * dx + dy * dy;
                    }
                }

                AssignmentResult result = LinearAssignment.Solve(cost);

                AssignmentChecks.AssertValidAssignment(cost, result, maximize: false);
                AssignmentChecks.AssertCertified(cost, result, maximize: false, 1e-9);
            },
            iter: 40);
    }

    [Fact]
    public void ForbiddenEntriesCertifyWhenFeasible()
    {
        Gen<(int, int, double[], bool)> matrices =
            from rows in Gen.Int[1, 60]
            from columns in Gen.Int[1, 60]
            from values in Gen.Frequency((4, Gen.Double[0, 100]), (1, Gen.Const(double.PositiveInfinity))).Array[rows * columns]
            from maximize in Gen.Bool
            select (rows, columns, values, maximize);
        matrices.Sample(
            sample =>
            {
                (int rows, int columns, double[] entries, bool maximize) = sample;
                if (maximize)
                {
                    entries = entries.Select(v => -v).ToArray();
                }

                double[,] cost = AssignmentChecks.ToMatrix(entries, rows, columns);
                AssignmentResult result;
                try
                {
                    result = LinearAssignment.Solve(cost, maximize);
                }
                catch (ArgumentException error) when (error.ParamName == "cost" && error.Message.Contains("assign", StringComparison.Ordinal))
                {
                    // Random forbidden patterns are sometimes infeasible. The brute-force tests check those verdicts.
                    return;
                }

                AssignmentChecks.AssertValidAssignment(cost, result, maximize);
                AssignmentChecks.AssertCertified(cost, result, maximize, 1e-9);
            },
            iter: 60);
    }

    [Fact]
    public void InputFormsAgree()
    {
        Matrices(40, Gen.Double[-5, 5]).Sample(
            sample =>
            {
                (int rows, int columns, double[] entries, bool maximize) = sample;
                double[,] array = AssignmentChecks.ToMatrix(entries, rows, columns);
                Matrix<double> matrix = Matrix<double>.Build.DenseOfArray(array);

                AssignmentResult fromArray = LinearAssignment.Solve(array, maximize);
                AssignmentResult fromSpan = LinearAssignment.Solve(entries, rows, columns, maximize);
                AssignmentResult fromMatrix = LinearAssignment.Solve(matrix, maximize);
                var rowToColumn = new int[rows + 3];
                double hotCost = LinearAssignment.Solve(entries, rows, columns, rowToColumn, maximize);

                Assert.Equal(fromArray.RowToColumn, fromSpan.RowToColumn);
                Assert.Equal(fromArray.RowToColumn, fromMatrix.RowToColumn);
                Assert.Equal(fromArray.RowToColumn, rowToColumn[..rows]);
                Assert.Equal(fromArray.Cost, fromSpan.Cost);
                Assert.Equal(fromArray.Cost, fromMatrix.Cost);
                Assert.Equal(fromArray.Cost, hotCost);
                Assert.Equal(fromArray.RowPotentials, fromSpan.RowPotentials);
                Assert.Equal(fromArray.ColumnPotentials, fromMatrix.ColumnPotentials);
            },
            iter: 100);
    }
}
