using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryDsl.Transport;

/// <summary>
/// Exact dense linear assignment: a minimum (or maximum) cost matching of rows to columns in which every row
/// of the smaller side is assigned to a distinct partner.
/// </summary>
/// <remarks>
/// <para>
/// The solver is the shortest augmenting path method of Jonker and Volgenant (Computing 38, 1987) with the
/// rectangular treatment of Crouse (IEEE TAES 52, 2016). When rows ≤ columns each row gets a distinct column.
/// When rows &gt; columns each column gets a distinct row, and the solver runs on the transpose.
/// </para>
/// <para>
/// <c>+∞</c> marks a forbidden pair when minimizing and <c>−∞</c> when maximizing. Maximization negates the
/// matrix internally. Finite entries must have magnitude at most <c>double.MaxValue / (8 (n + 1))</c>, where n
/// is the larger dimension. Potentials and path lengths are sums of at most n + 1 differences of entries, so
/// within that range they cannot overflow. Larger entries are rejected rather than risk a wrong result. Within
/// the range the result is exact up to the rounding of those sums.
/// </para>
/// <para>
/// Running time depends on the structure of the costs, not only on the size. Random costs and squared
/// distances between two clouds with the same mean solve fast, but costs with strong additive trends take far
/// longer, because each augmenting path is long. On this library's 2-core test machine a 2000 × 2000 matrix
/// cᵢⱼ = i·j took about 4.7 s of CPU, and squared distances between Gaussian clouds whose means differ by
/// (1, 1) took about 2.9 s, against 0.2 s for equal means. <see cref="Wasserstein"/> removes the mean
/// difference before it calls the solver, which leaves the optimal matchings unchanged.
/// </para>
/// </remarks>
public static class LinearAssignment
{
    /// <summary>Solves the assignment problem for a rectangular cost matrix.</summary>
    /// <param name="cost">Cost of assigning row i to column j; <c>+∞</c> (<c>−∞</c> when maximizing) forbids the pair.</param>
    /// <param name="maximize">True to maximize the total instead of minimizing it.</param>
    /// <returns>The assignment, its cost and the dual potentials that certify it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cost"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An entry is NaN, an infinity of the wrong sign or too large in magnitude, or no complete assignment avoids
    /// the forbidden pairs.
    /// </exception>
    public static AssignmentResult Solve(double[,] cost, bool maximize = false)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ReadOnlySpan<double> entries = MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(cost)),
            cost.Length);
        return Solve(entries, cost.GetLength(0), cost.GetLength(1), maximize);
    }

    /// <summary>Solves the assignment problem for a rectangular cost matrix.</summary>
    /// <param name="cost">Cost of assigning row i to column j; <c>+∞</c> (<c>−∞</c> when maximizing) forbids the pair.</param>
    /// <param name="maximize">True to maximize the total instead of minimizing it.</param>
    /// <returns>The assignment, its cost and the dual potentials that certify it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cost"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An entry is NaN, an infinity of the wrong sign or too large in magnitude, or no complete assignment avoids
    /// the forbidden pairs.
    /// </exception>
    public static AssignmentResult Solve(Matrix<double> cost, bool maximize = false)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Solve(cost.ToRowMajorArray(), cost.RowCount, cost.ColumnCount, maximize);
    }

    /// <summary>Solves the assignment problem for a cost matrix stored row-major in a span.</summary>
    /// <param name="cost">Row-major entries; entry (i, j) is at <c>i * columns + j</c>.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="maximize">True to maximize the total instead of minimizing it.</param>
    /// <returns>The assignment, its cost and the dual potentials that certify it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The span length is not rows × columns, an entry is NaN, an infinity of the wrong sign or too large in
    /// magnitude, or no complete assignment avoids the forbidden pairs.
    /// </exception>
    public static AssignmentResult Solve(ReadOnlySpan<double> cost, int rows, int columns, bool maximize = false)
    {
        CostMatrixValidation.ValidateShape(cost.Length, rows, columns);
        var rowToColumn = new int[rows];
        var columnToRow = new int[columns];
        var rowPotentials = new double[rows];
        var columnPotentials = new double[columns];
        rowToColumn.AsSpan().Fill(-1);
        columnToRow.AsSpan().Fill(-1);
        if (rows == 0 || columns == 0)
        {
            return new AssignmentResult(rowToColumn, columnToRow, 0, rowPotentials, columnPotentials);
        }

        AssignmentWorkspace work = AssignmentWorkspace.ForCurrentThread;
        bool transposed = rows > columns;
        ReadOnlySpan<double> inner = SolveInner(cost, rows, columns, maximize, work);
        int innerRows = Math.Min(rows, columns);
        int innerColumns = Math.Max(rows, columns);

        // Inner rows are the original rows unless the matrix was transposed. An inner row potential is
        // uᵢ = cᵢⱼ − vⱼ on its assigned column, because that column minimizes cᵢⱼ − vⱼ over the row.
        double sign = maximize ? -1 : 1;
        Span<int> innerRowToColumn = transposed ? columnToRow : rowToColumn;
        Span<int> innerColumnToRow = transposed ? rowToColumn : columnToRow;
        Span<double> innerRowPotentials = transposed ? columnPotentials : rowPotentials;
        Span<double> innerColumnPotentials = transposed ? rowPotentials : columnPotentials;
        for (int j = 0; j < innerColumns; j++)
        {
            innerColumnToRow[j] = work.ColumnToRow[j];
            innerColumnPotentials[j] = sign * work.ColumnPotentials[j];
        }

        for (int i = 0; i < innerRows; i++)
        {
            int j = work.RowToColumn[i];
            innerRowToColumn[i] = j;
            innerRowPotentials[i] = sign * (inner[i * innerColumns + j] - work.ColumnPotentials[j]);
        }

        double total = SumAssigned(cost, columns, rowToColumn);
        return new AssignmentResult(rowToColumn, columnToRow, total, rowPotentials, columnPotentials);
    }

    /// <summary>
    /// Solves the assignment problem without allocating after the first call on a thread: writes the column
    /// of each row into <paramref name="rowToColumn"/> and returns the cost.
    /// </summary>
    /// <param name="cost">Row-major entries; entry (i, j) is at <c>i * columns + j</c>.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="rowToColumn">Receives the column of each row, or −1 for an unassigned row; needs at least <paramref name="rows"/> entries.</param>
    /// <param name="maximize">True to maximize the total instead of minimizing it.</param>
    /// <returns>Sum of the original entries on the assigned pairs.</returns>
    /// <remarks>
    /// Buffers live in a workspace per thread that grows to the largest problem solved on it and is kept, so the
    /// first call at a new size allocates. A matrix that is maximized or has more rows than columns is copied
    /// into that workspace.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The span length is not rows × columns, <paramref name="rowToColumn"/> is too short, an entry is NaN, an
    /// infinity of the wrong sign or too large in magnitude, or no complete assignment avoids the forbidden pairs.
    /// </exception>
    public static double Solve(ReadOnlySpan<double> cost, int rows, int columns, Span<int> rowToColumn, bool maximize = false)
    {
        CostMatrixValidation.ValidateShape(cost.Length, rows, columns);
        if (rowToColumn.Length < rows)
        {
            throw new ArgumentException(
                Invariant($"rowToColumn has length {rowToColumn.Length} but the cost matrix has {rows} rows. Pass a span of at least {rows} entries."),
                nameof(rowToColumn));
        }

        rowToColumn = rowToColumn[..rows];
        rowToColumn.Fill(-1);
        if (rows == 0 || columns == 0)
        {
            return 0;
        }

        AssignmentWorkspace work = AssignmentWorkspace.ForCurrentThread;
        SolveInner(cost, rows, columns, maximize, work);
        if (rows <= columns)
        {
            work.RowToColumn.AsSpan(0, rows).CopyTo(rowToColumn);
        }
        else
        {
            for (int j = 0; j < columns; j++)
            {
                rowToColumn[work.RowToColumn[j]] = j;
            }
        }

        return SumAssigned(cost, columns, rowToColumn);
    }

    /// <summary>
    /// Validates the entries, brings the problem to the solver's form (minimize, rows ≤ columns, +∞ forbidden)
    /// and solves it into <paramref name="work"/>.
    /// </summary>
    /// <returns>The matrix the solver ran on: the input itself or a negated or transposed copy.</returns>
    private static ReadOnlySpan<double> SolveInner(ReadOnlySpan<double> cost, int rows, int columns, bool maximize, AssignmentWorkspace work)
    {
        bool transposed = rows > columns;
        int innerRows = Math.Min(rows, columns);
        int innerColumns = Math.Max(rows, columns);
        work.EnsureCapacity(innerRows, innerColumns);
        CostMatrixValidation.ValidateEntries(cost, rows, columns, maximize, work.ColumnHasAllowedEntry);

        ReadOnlySpan<double> inner = cost;
        if (transposed)
        {
            Span<double> buffer = work.GetCostBuffer(cost.Length);
            double sign = maximize ? -1 : 1;
            for (int i = 0; i < rows; i++)
            {
                ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
                for (int j = 0; j < columns; j++)
                {
                    buffer[j * rows + i] = sign * row[j];
                }
            }

            inner = buffer;
        }
        else if (maximize)
        {
            Span<double> buffer = work.GetCostBuffer(cost.Length);
            Negate(cost, buffer);
            inner = buffer;
        }

        int failure = ShortestAugmentingPath.Solve(inner, innerRows, innerColumns, work);
        if (failure >= innerRows)
        {
            // Only square matrices report an empty column, and those are never transposed.
            CostMatrixValidation.ThrowNoAllowedEntry("Column", failure - innerRows, maximize);
        }

        if (failure >= 0)
        {
            string side = transposed ? "column" : "row";
            throw new ArgumentException(
                Invariant($"No feasible complete assignment exists: {side} {failure} cannot be assigned, because the forbidden pairs leave the allowed pairs without a complete matching (Hall's condition fails)."),
                nameof(cost));
        }

        return inner;
    }

    private static void Negate(ReadOnlySpan<double> source, Span<double> destination)
    {
        for (int k = 0; k < source.Length; k++)
        {
            destination[k] = -source[k];
        }
    }

    private static double SumAssigned(ReadOnlySpan<double> cost, int columns, ReadOnlySpan<int> rowToColumn)
    {
        double total = 0;
        for (int i = 0; i < rowToColumn.Length; i++)
        {
            if (rowToColumn[i] >= 0)
            {
                total += cost[i * columns + rowToColumn[i]];
            }
        }

        return total;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
