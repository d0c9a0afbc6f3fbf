using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>The span overload that writes into a caller's buffer.</summary>
public class LinearAssignmentHotPathTests
{
    [Theory]
    [InlineData(60, 60, false)]
    [InlineData(40, 70, false)]
    [InlineData(70, 40, true)]
    public void RepeatedSolveAllocatesNothing(int rows, int columns, bool maximize)
    {
        var random = new Random(5);
        double[] cost = Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble()).ToArray();
        var rowToColumn = new int[rows];
        LinearAssignment.Solve(cost, rows, columns, rowToColumn, maximize);

        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = LinearAssignment.Solve(cost, rows, columns, rowToColumn, maximize);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(LinearAssignment.Solve(cost, rows, columns, maximize).Cost, total);
    }

    [Fact]
    public void LongerBufferKeepsTail()
    {
        double[] cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
        int[] rowToColumn = [9, 9, 9, 9, 9];

        double total = LinearAssignment.Solve(cost, 3, 3, rowToColumn);

        Assert.Equal(5, total);
        Assert.Equal([1, 0, 2, 9, 9], rowToColumn);
    }
}
