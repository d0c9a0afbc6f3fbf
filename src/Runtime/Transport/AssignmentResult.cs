namespace SymmetryDsl.Transport;

/// <summary>
/// Optimal assignment of a linear assignment problem with its cost and a dual certificate of optimality.
/// </summary>
/// <remarks>
/// For minimization the potentials satisfy uᵢ + vⱼ ≤ cᵢⱼ on every allowed pair and uᵢ + vⱼ = cᵢⱼ on every
/// assigned pair. For maximization both potentials are negated, so uᵢ + vⱼ ≥ cᵢⱼ on every allowed pair with
/// equality on assigned pairs. In a rectangular problem the potentials of the larger side also have one sign,
/// ≤ 0 when minimizing and ≥ 0 when maximizing, and are exactly 0 on its unassigned rows or columns. That
/// certifies that leaving those rows or columns unassigned is optimal.
/// </remarks>
public sealed class AssignmentResult
{
    internal AssignmentResult(int[] rowToColumn, int[] columnToRow, double cost, double[] rowPotentials, double[] columnPotentials)
    {
        RowToColumn = rowToColumn;
        ColumnToRow = columnToRow;
        Cost = cost;
        RowPotentials = rowPotentials;
        ColumnPotentials = columnPotentials;
    }

    /// <summary>Column assigned to each row, or −1 for a row left unassigned because there are more rows than columns.</summary>
    public int[] RowToColumn { get; }

    /// <summary>Row assigned to each column, or −1 for a column left unassigned because there are more columns than rows.</summary>
    public int[] ColumnToRow { get; }

    /// <summary>Sum of the original cost entries on the assigned pairs.</summary>
    public double Cost { get; }

    /// <summary>Dual potentials uᵢ of the rows.</summary>
    public double[] RowPotentials { get; }

    /// <summary>Dual potentials vⱼ of the columns.</summary>
    public double[] ColumnPotentials { get; }
}
