using MathNet.Numerics.LinearAlgebra;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>Invalid inputs to <see cref="LinearAssignment"/> and the exceptions they raise.</summary>
public class LinearAssignmentValidationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NaNEntryIsRejected(bool maximize)
    {
        var cost = new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, double.NaN, 9 } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost, maximize));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("row 2, column 1", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void NegativeInfinityIsRejectedWhenMinimizing()
    {
        var cost = new double[,] { { 1, double.NegativeInfinity }, { 3, 4 } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("row 0, column 1", error.Message);
        Assert.Contains("-Infinity", error.Message);
    }

    [Fact]
    public void PositiveInfinityIsRejectedWhenMaximizing()
    {
        var cost = new double[,] { { 1, 2 }, { double.PositiveInfinity, 4 } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost, maximize: true));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("row 1, column 0", error.Message);
        Assert.Contains("Infinity", error.Message);
    }

    [Fact]
    public void OversizedEntryIsRejected()
    {
        var cost = new double[,] { { 1, 2 }, { 3, double.MaxValue } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("row 1, column 1", error.Message);
        Assert.Contains(double.MaxValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 5)]
    public void ForbiddenRowIsRejected(int rows, int columns)
    {
        var cost = new double[rows, columns];
        for (int j = 0; j < columns; j++)
        {
            cost[1, j] = double.PositiveInfinity;
        }

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("Row 1", error.Message);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    public void ForbiddenColumnIsRejected(int rows, int columns)
    {
        var cost = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            cost[i, 2] = double.NegativeInfinity;
        }

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost, maximize: true));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("Column 2", error.Message);
    }

    [Fact]
    public void ForbiddenRowIsAllowedOnLargerSide()
    {
        var cost = new double[,] { { 1, 2 }, { double.PositiveInfinity, double.PositiveInfinity }, { 3, 1 } };

        AssignmentResult result = LinearAssignment.Solve(cost);

        Assert.Equal([0, -1, 1], result.RowToColumn);
        Assert.Equal(2, result.Cost);
    }

    [Fact]
    public void HallViolationIsRejected()
    {
        // Rows 0 and 1 may only use column 0, so no complete assignment exists though no row is empty.
        double inf = double.PositiveInfinity;
        var cost = new double[,] { { 1, inf, inf }, { 2, inf, inf }, { 3, 4, 5 } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("Hall", error.Message);
        Assert.Matches("row [01] cannot be assigned", error.Message);
    }

    [Fact]
    public void HallViolationOnTransposeNamesColumn()
    {
        double inf = double.PositiveInfinity;
        var cost = new double[,] { { 1, 2, 3 }, { inf, inf, 4 }, { inf, inf, 5 }, { inf, inf, 6 } };

        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(cost));

        Assert.Equal("cost", error.ParamName);
        Assert.Matches("column [01] cannot be assigned", error.Message);
    }

    [Theory]
    [InlineData(-1, 2, "rows")]
    [InlineData(2, -3, "columns")]
    public void NegativeShapeIsRejected(int rows, int columns, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinearAssignment.Solve(new double[4], rows, columns));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains((rows < 0 ? rows : columns).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void SpanLengthMismatchIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(new double[5], 2, 3));

        Assert.Equal("cost", error.ParamName);
        Assert.Contains("5 entries", error.Message);
        Assert.Contains("2 × 3 = 6", error.Message);
    }

    [Fact]
    public void ShortRowToColumnIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(new double[6], 3, 2, new int[2]));

        Assert.Equal("rowToColumn", error.ParamName);
        Assert.Contains("length 2", error.Message);
        Assert.Contains("3 rows", error.Message);
    }

    [Fact]
    public void NullInputsAreRejected()
    {
        Assert.Equal("cost", Assert.Throws<ArgumentNullException>(() => LinearAssignment.Solve((double[,])null!)).ParamName);
        Assert.Equal("cost", Assert.Throws<ArgumentNullException>(() => LinearAssignment.Solve((Matrix<double>)null!)).ParamName);
    }
}
