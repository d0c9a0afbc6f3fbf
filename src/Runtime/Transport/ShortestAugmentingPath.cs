using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymmetryDsl.Transport;

/// <summary>
/// Dense minimum-cost assignment by shortest augmenting paths in the Jonker–Volgenant family:
/// R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
/// problems", Computing 38 (1987) 325–340, and D. F. Crouse, "On implementing 2D rectangular assignment
/// algorithms", IEEE Transactions on Aerospace and Electronic Systems 52 (2016) 1679–1696.
/// </summary>
/// <remarks>
/// <para>
/// Input: a row-major matrix with rows ≤ columns whose entries are finite or +∞ (a forbidden pair), every row
/// having at least one finite entry. The solver keeps column potentials v; the row potential of a row i is
/// implicit, uᵢ = min over j of (cᵢⱼ − vⱼ). Invariants between phases: reduced costs cᵢⱼ − uᵢ − vⱼ are ≥ 0
/// on every pair, and every assigned row sits on a column that attains its minimum, so its reduced cost is 0.
/// The set of assigned columns never shrinks, and each augmentation assigns one more row.
/// </para>
/// <para>
/// Square problems start with the three initialization phases of Jonker and Volgenant: column reduction,
/// reduction transfer and two passes of augmenting row reduction. Rectangular problems start from v = 0 and
/// use augmenting row reduction only. When columns may stay free, the dual of the problem requires vⱼ ≤ 0,
/// and complementary slackness requires vⱼ = 0 on unassigned columns. After the start from v = 0 every
/// potential change lowers v on assigned columns only, so both conditions hold at the end.
/// </para>
/// <para>
/// Each augmentation is Dijkstra's algorithm over alternating paths from a free row. Its inner loop relaxes
/// all columns with <see cref="Vector{T}"/> lanes: a scanned column is hidden by setting its potential to −∞
/// (so every candidate distance to it is +∞) and its distance to +∞, which removes it from the minimum
/// without an index list.
/// </para>
/// </remarks>
internal static class ShortestAugmentingPath
{
    /// <summary>
    /// Solves the assignment on <paramref name="cost"/> and leaves the matching and the column potentials in
    /// <paramref name="work"/>.
    /// </summary>
    /// <returns>
    /// −1 on success. Otherwise the index of a row that no augmenting path of finite cost reaches, or, for a
    /// square matrix, <c>rows + j</c> for a column j with no finite entry.
    /// </returns>
    internal static int Solve(ReadOnlySpan<double> cost, int rows, int columns, AssignmentWorkspace work)
    {
        work.EnsureCapacity(rows, columns);
        work.RowToColumn.AsSpan(0, rows).Fill(-1);
        work.ColumnToRow.AsSpan(0, columns).Fill(-1);

        int freeCount;
        if (rows == columns)
        {
            int emptyColumn = ReduceColumns(cost, rows, columns, work);
            if (emptyColumn >= 0)
            {
                return rows + emptyColumn;
            }

            freeCount = TransferReductions(cost, rows, columns, work);
        }
        else
        {
            work.ColumnPotentials.AsSpan(0, columns).Clear();
            for (int i = 0; i < rows; i++)
            {
                work.FreeRows[i] = i;
            }

            freeCount = rows;
        }

        for (int pass = 0; pass < 2 && freeCount > 0; pass++)
        {
            freeCount = ReduceAugmentingRows(cost, columns, freeCount, work);
        }

        for (int k = 0; k < freeCount; k++)
        {
            int row = work.FreeRows[k];
            if (!Augment(cost, columns, row, work))
            {
                return row;
            }
        }

        return -1;
    }

    /// <summary>
    /// Sets each vⱼ to its column minimum and assigns the column to the row attaining it when that row is still
    /// free. Scans row by row so that the matrix is read in storage order.
    /// </summary>
    /// <returns>A column with no finite entry, or −1.</returns>
    private static int ReduceColumns(ReadOnlySpan<double> cost, int rows, int columns, AssignmentWorkspace work)
    {
        Span<double> v = work.ColumnPotentials.AsSpan(0, columns);
        Span<double> minimumRow = work.Predecessors.AsSpan(0, columns);
        v.Fill(double.PositiveInfinity);
        minimumRow.Fill(-1);

        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                if (row[j] < v[j])
                {
                    v[j] = row[j];
                    minimumRow[j] = i;
                }
            }
        }

        // FreeRows counts how many columns chose each row. A row keeps the first such column met while j runs
        // downward, as in Jonker and Volgenant, and the other columns stay unassigned.
        Span<int> matches = work.FreeRows.AsSpan(0, rows);
        matches.Clear();
        for (int j = columns - 1; j >= 0; j--)
        {
            if (double.IsPositiveInfinity(v[j]))
            {
                return j;
            }

            int i = (int)minimumRow[j];
            matches[i]++;
            if (work.RowToColumn[i] < 0)
            {
                work.RowToColumn[i] = j;
                work.ColumnToRow[j] = i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Lowers the potential of the column of each row matched exactly once by the row's smallest reduced cost on
    /// another column, so that other rows find that column dearer in augmenting row reduction. Also collects the
    /// free rows.
    /// </summary>
    /// <returns>Number of free rows now at the front of <see cref="AssignmentWorkspace.FreeRows"/>.</returns>
    private static int TransferReductions(ReadOnlySpan<double> cost, int rows, int columns, AssignmentWorkspace work)
    {
        Span<double> v = work.ColumnPotentials.AsSpan(0, columns);
        int[] free = work.FreeRows;
        int freeCount = 0;

        // The free list overwrites the match counts in FreeRows from the front. Each count is read before a
        // write can reach its slot, because freeCount ≤ i.
        for (int i = 0; i < rows; i++)
        {
            int matchCount = free[i];
            if (matchCount == 0)
            {
                free[freeCount++] = i;
                continue;
            }

            if (matchCount > 1)
            {
                continue;
            }

            int assigned = work.RowToColumn[i];
            FindTwoSmallest(cost.Slice(i * columns, columns), v, out double smallest, out int first, out double second, out _);

            // Column reduction made the assigned column's reduced cost 0, the row minimum, so the smallest
            // reduced cost on another column is the second one unless a tie put another column first.
            double otherMinimum = first == assigned ? second : smallest;
            if (double.IsFinite(otherMinimum))
            {
                v[assigned] -= otherMinimum;
            }
        }

        return freeCount;
    }

    /// <summary>
    /// One pass of augmenting row reduction: each free row takes the column of its smallest reduced cost and
    /// lowers that column's potential to its second smallest, evicting the previous owner, which is retried at
    /// once when the potential strictly dropped.
    /// </summary>
    /// <returns>Number of rows still free, at the front of <see cref="AssignmentWorkspace.FreeRows"/>.</returns>
    private static int ReduceAugmentingRows(ReadOnlySpan<double> cost, int columns, int freeCount, AssignmentWorkspace work)
    {
        Span<double> v = work.ColumnPotentials.AsSpan(0, columns);
        int[] free = work.FreeRows;
        int[] rowToColumn = work.RowToColumn;
        int[] columnToRow = work.ColumnToRow;
        int previousFreeCount = freeCount;
        freeCount = 0;

        // In exact arithmetic every retry lowers a potential, so the loop ends. Rounding can make the drops
        // tiny, so retries beyond this budget go to the next free list instead.
        long retryBudget = 8L * columns + 64;
        int k = 0;
        while (k < previousFreeCount)
        {
            int i = free[k++];
            FindTwoSmallest(cost.Slice(i * columns, columns), v, out double smallest, out int first, out double second, out int secondColumn);

            int target = first;
            int evicted = columnToRow[first];
            bool dropped = smallest < second && double.IsFinite(second);
            if (dropped)
            {
                v[first] -= second - smallest;
            }
            else if (smallest == second && evicted >= 0)
            {
                target = secondColumn;
                evicted = columnToRow[secondColumn];
            }

            rowToColumn[i] = target;
            columnToRow[target] = i;
            if (evicted >= 0)
            {
                rowToColumn[evicted] = -1;
                if (dropped && retryBudget-- > 0)
                {
                    free[--k] = evicted;
                }
                else
                {
                    free[freeCount++] = evicted;
                }
            }
        }

        return freeCount;
    }

    /// <summary>Finds the smallest and second smallest reduced costs cᵢⱼ − vⱼ of one row and their columns.</summary>
    private static void FindTwoSmallest(ReadOnlySpan<double> row, ReadOnlySpan<double> v, out double smallest, out int first, out double second, out int secondColumn)
    {
        ref double rowStart = ref MemoryMarshal.GetReference(row);
        ref double vStart = ref MemoryMarshal.GetReference(v);
        smallest = double.PositiveInfinity;
        second = double.PositiveInfinity;
        first = 0;
        secondColumn = row.Length > 1 ? 1 : 0;
        for (int j = 0; j < row.Length; j++)
        {
            double reduced = Unsafe.Add(ref rowStart, j) - Unsafe.Add(ref vStart, j);
            if (reduced < second)
            {
                if (reduced < smallest)
                {
                    second = smallest;
                    secondColumn = first;
                    smallest = reduced;
                    first = j;
                }
                else
                {
                    second = reduced;
                    secondColumn = j;
                }
            }
        }
    }

    /// <summary>
    /// Grows the matching by one row: Dijkstra's algorithm from <paramref name="freeRow"/> to the nearest
    /// unassigned column in reduced costs, then the potential update that keeps reduced costs ≥ 0, then the
    /// swap along the path.
    /// </summary>
    /// <returns>False when every unassigned column is at distance +∞.</returns>
    private static bool Augment(ReadOnlySpan<double> cost, int columns, int freeRow, AssignmentWorkspace work)
    {
        ref double costStart = ref MemoryMarshal.GetReference(cost);
        double[] v = work.ColumnPotentials;
        double[] distances = work.Distances;
        double[] predecessors = work.Predecessors;
        int[] columnToRow = work.ColumnToRow;
        int[] rowToColumn = work.RowToColumn;

        distances.AsSpan(0, columns).Fill(double.PositiveInfinity);
        double minimum = Relax(ref Unsafe.Add(ref costStart, (nint)freeRow * columns), v, distances, predecessors, columns, 0, freeRow, out int nearest);
        nearest = PreferUnassigned(distances, columnToRow, columns, minimum, nearest);

        int scannedCount = 0;
        while (columnToRow[nearest] >= 0)
        {
            if (double.IsPositiveInfinity(minimum))
            {
                RestorePotentials(work, scannedCount, sinkDistance: null);
                return false;
            }

            // The nearest column is assigned: its row joins the tree. Distances through that row are offset by
            // the column's distance minus the row potential uᵢ = cᵢⱼ − vⱼ.
            int row = columnToRow[nearest];
            ref double rowStart = ref Unsafe.Add(ref costStart, (nint)row * columns);
            double offset = minimum - (Unsafe.Add(ref rowStart, nearest) - v[nearest]);
            work.ScannedColumns[scannedCount] = nearest;
            work.ScannedDistances[scannedCount] = minimum;
            work.ScannedPotentials[scannedCount] = v[nearest];
            scannedCount++;
            v[nearest] = double.NegativeInfinity;
            distances[nearest] = double.PositiveInfinity;

            minimum = Relax(ref rowStart, v, distances, predecessors, columns, offset, row, out nearest);
            nearest = PreferUnassigned(distances, columnToRow, columns, minimum, nearest);
        }

        if (double.IsPositiveInfinity(minimum))
        {
            RestorePotentials(work, scannedCount, sinkDistance: null);
            return false;
        }

        RestorePotentials(work, scannedCount, minimum);

        int column = nearest;
        while (true)
        {
            int row = (int)predecessors[column];
            columnToRow[column] = row;
            int next = rowToColumn[row];
            rowToColumn[row] = column;
            if (row == freeRow)
            {
                break;
            }

            column = next;
        }

        return true;
    }

    /// <summary>
    /// Returns an unassigned column at the minimum distance when <paramref name="nearest"/> is assigned and one
    /// ties with it. Ending the search there saves scanning every tied assigned column first, which would make
    /// each augmentation quadratic on matrices with many equal entries.
    /// </summary>
    private static int PreferUnassigned(double[] distances, int[] columnToRow, int columns, double minimum, int nearest)
    {
        if (columnToRow[nearest] < 0 || double.IsPositiveInfinity(minimum))
        {
            return nearest;
        }

        ref double d = ref MemoryMarshal.GetArrayDataReference(distances);
        int width = Vector<double>.Count;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var target = new Vector<double>(minimum);
            for (; j <= columns - width; j += width)
            {
                if (Vector.EqualsAny(Vector.LoadUnsafe(ref d, (nuint)j), target))
                {
                    for (int k = j; k < j + width; k++)
                    {
                        if (Unsafe.Add(ref d, k) == minimum && columnToRow[k] < 0)
                        {
                            return k;
                        }
                    }
                }
            }
        }

        for (; j < columns; j++)
        {
            if (Unsafe.Add(ref d, j) == minimum && columnToRow[j] < 0)
            {
                return j;
            }
        }

        return nearest;
    }

    /// <summary>
    /// Puts the scanned columns' potentials back, lowered by how much nearer than the sink they were
    /// (vⱼ ← vⱼ + dⱼ − d_sink), which keeps reduced costs ≥ 0 and makes the new path tight. Without a sink
    /// (a failed search) the potentials are only put back.
    /// </summary>
    private static void RestorePotentials(AssignmentWorkspace work, int scannedCount, double? sinkDistance)
    {
        for (int t = 0; t < scannedCount; t++)
        {
            double change = sinkDistance is double sink ? work.ScannedDistances[t] - sink : 0;
            work.ColumnPotentials[work.ScannedColumns[t]] = work.ScannedPotentials[t] + change;
        }
    }

    /// <summary>
    /// Relaxes every column through one row: dⱼ ← min(dⱼ, cᵢⱼ − vⱼ + offset), recording the row as predecessor
    /// where the distance improves.
    /// </summary>
    /// <returns>The smallest distance after relaxation; <paramref name="nearest"/> is its lowest column.</returns>
    private static double Relax(ref double row, double[] potentials, double[] distances, double[] predecessors, int columns, double offset, int rowIndex, out int nearest)
    {
        ref double v = ref MemoryMarshal.GetArrayDataReference(potentials);
        ref double d = ref MemoryMarshal.GetArrayDataReference(distances);
        ref double p = ref MemoryMarshal.GetArrayDataReference(predecessors);
        int width = Vector<double>.Count;
        int j = 0;
        double best = double.PositiveInfinity;
        int bestColumn = 0;

        if (Vector.IsHardwareAccelerated && columns >= width)
        {
            var offsets = new Vector<double>(offset);
            var rowValue = new Vector<double>(rowIndex);
            var step = new Vector<double>(width);
            Vector<double> indices = Vector<double>.Indices;
            Vector<double> laneBest = new(double.PositiveInfinity);
            Vector<double> laneColumn = Vector<double>.Zero;

            for (; j <= columns - width; j += width)
            {
                Vector<double> candidate = Vector.LoadUnsafe(ref row, (nuint)j) - Vector.LoadUnsafe(ref v, (nuint)j) + offsets;
                Vector<double> distance = Vector.LoadUnsafe(ref d, (nuint)j);
                Vector<long> improved = Vector.LessThan(candidate, distance);
                if (improved != Vector<long>.Zero)
                {
                    distance = Vector.ConditionalSelect(improved, candidate, distance);
                    distance.StoreUnsafe(ref d, (nuint)j);
                    Vector.ConditionalSelect(improved, rowValue, Vector.LoadUnsafe(ref p, (nuint)j)).StoreUnsafe(ref p, (nuint)j);
                }

                Vector<long> nearer = Vector.LessThan(distance, laneBest);
                laneBest = Vector.ConditionalSelect(nearer, distance, laneBest);
                laneColumn = Vector.ConditionalSelect(nearer, indices, laneColumn);
                indices += step;
            }

            // Each lane kept its first minimum. Among lanes with equal values the lowest column wins.
            bestColumn = columns;
            for (int lane = 0; lane < width; lane++)
            {
                double value = laneBest[lane];
                int column = (int)laneColumn[lane];
                if (value < best || (value == best && column < bestColumn))
                {
                    best = value;
                    bestColumn = column;
                }
            }

            if (bestColumn == columns)
            {
                bestColumn = 0;
            }
        }

        for (; j < columns; j++)
        {
            double candidate = Unsafe.Add(ref row, j) - Unsafe.Add(ref v, j) + offset;
            ref double distance = ref Unsafe.Add(ref d, j);
            if (candidate < distance)
            {
                distance = candidate;
                Unsafe.Add(ref p, j) = rowIndex;
            }

            if (distance < best)
            {
                best = distance;
                bestColumn = j;
            }
        }

        nearest = bestColumn;
        return best;
    }
}
