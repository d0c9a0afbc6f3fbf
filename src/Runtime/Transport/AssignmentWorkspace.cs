namespace SymmetryDsl.Transport;

/// <summary>
/// Buffers of the shortest augmenting path solver, kept per thread and grown on demand so that repeated
/// solves of similar sizes allocate nothing.
/// </summary>
internal sealed class AssignmentWorkspace
{
    [ThreadStatic]
    private static AssignmentWorkspace? current;

    /// <summary>Workspace of the calling thread.</summary>
    internal static AssignmentWorkspace ForCurrentThread => current ??= new AssignmentWorkspace();

    /// <summary>Column matched to each row, or −1.</summary>
    internal int[] RowToColumn = [];

    /// <summary>Row matched to each column, or −1.</summary>
    internal int[] ColumnToRow = [];

    /// <summary>Column dual potentials v.</summary>
    internal double[] ColumnPotentials = [];

    /// <summary>Tentative shortest path distances to the columns during one augmentation.</summary>
    internal double[] Distances = [];

    /// <summary>
    /// Predecessor row of each column on the shortest path tree, stored as a double so that the vectorized
    /// relaxation can blend it with the same lane mask as the distances. Column reduction reuses it for the
    /// row index of each column minimum.
    /// </summary>
    internal double[] Predecessors = [];

    /// <summary>Columns scanned by the current augmentation, in scan order.</summary>
    internal int[] ScannedColumns = [];

    /// <summary>Final distances of the scanned columns.</summary>
    internal double[] ScannedDistances = [];

    /// <summary>Column potentials of the scanned columns before the scan hid them.</summary>
    internal double[] ScannedPotentials = [];

    /// <summary>Rows still unassigned; column reduction also uses it to count matches per row.</summary>
    internal int[] FreeRows = [];

    /// <summary>Flags of original columns with at least one allowed entry, for wide-to-tall validation.</summary>
    internal bool[] ColumnHasAllowedEntry = [];

    /// <summary>Copy of the cost matrix when it must be negated or transposed.</summary>
    internal double[] CostBuffer = [];

    /// <summary>Grows the buffers for a problem with <paramref name="rows"/> ≤ <paramref name="columns"/>.</summary>
    internal void EnsureCapacity(int rows, int columns)
    {
        Grow(ref RowToColumn, rows);
        Grow(ref FreeRows, Math.Max(rows, columns));
        Grow(ref ColumnToRow, columns);
        Grow(ref ColumnPotentials, columns);
        Grow(ref Distances, columns);
        Grow(ref Predecessors, columns);
        Grow(ref ScannedColumns, columns);
        Grow(ref ScannedDistances, columns);
        Grow(ref ScannedPotentials, columns);
        Grow(ref ColumnHasAllowedEntry, Math.Max(rows, columns));
    }

    /// <summary>Returns a cost buffer of at least <paramref name="length"/> entries.</summary>
    internal Span<double> GetCostBuffer(int length)
    {
        Grow(ref CostBuffer, length);
        return CostBuffer.AsSpan(0, length);
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[length];
        }
    }
}
