using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SymmetryDsl.Transport;

/// <summary>Checks of a cost matrix at the public entry of <see cref="LinearAssignment"/>.</summary>
internal static class CostMatrixValidation
{
    /// <summary>Rejects negative dimensions and a span whose length is not rows × columns.</summary>
    internal static void ValidateShape(int length, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        long expected = (long)rows * columns;
        if (length != expected)
        {
            throw new ArgumentException(
                Invariant($"The cost span has {length} entries but rows × columns = {rows} × {columns} = {expected}."),
                "cost");
        }
    }

    /// <summary>
    /// Largest magnitude of a finite entry, double.MaxValue / (8 (n + 1)) for larger dimension n, so that potentials
    /// and path lengths, sums of up to n + 1 differences of entries, cannot overflow.
    /// </summary>
    internal static double MaxMagnitude(int rows, int columns) => double.MaxValue / (8.0 * (Math.Max(rows, columns) + 1.0));

    /// <summary>
    /// Rejects NaN, infinities of the wrong sign and oversized entries, and checks that every row of the smaller
    /// side has an allowed entry. With more rows than columns that side is the columns. Empty columns of a square
    /// matrix are left to column reduction, which finds them anyway.
    /// </summary>
    internal static void ValidateEntries(ReadOnlySpan<double> cost, int rows, int columns, bool maximize, bool[] columnHasAllowedEntry)
    {
        double bound = MaxMagnitude(rows, columns);
        bool checkRows = rows <= columns;
        bool checkColumns = rows > columns;
        Span<bool> columnAllowed = columnHasAllowedEntry.AsSpan(0, columns);
        columnAllowed.Clear();
        int width = Vector<double>.Count;
        var boundVector = new Vector<double>(bound);

        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
            ref double rowStart = ref MemoryMarshal.GetReference(row);
            bool rowAllowed = false;
            int j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; j <= columns - width; j += width)
                {
                    // NaN fails the comparison, so only chunks of ordinary entries take the fast path.
                    if (Vector.LessThanOrEqualAll(Vector.Abs(Vector.LoadUnsafe(ref rowStart, (nuint)j)), boundVector))
                    {
                        rowAllowed = true;
                        if (checkColumns)
                        {
                            columnAllowed.Slice(j, width).Fill(true);
                        }

                        continue;
                    }

                    for (int k = j; k < j + width; k++)
                    {
                        CheckEntry(row[k], i, k, bound, maximize, ref rowAllowed, columnAllowed, checkColumns);
                    }
                }
            }

            for (; j < columns; j++)
            {
                CheckEntry(row[j], i, j, bound, maximize, ref rowAllowed, columnAllowed, checkColumns);
            }

            if (checkRows && !rowAllowed)
            {
                ThrowNoAllowedEntry("Row", i, maximize);
            }
        }

        if (checkColumns)
        {
            for (int j = 0; j < columns; j++)
            {
                if (!columnAllowed[j])
                {
                    ThrowNoAllowedEntry("Column", j, maximize);
                }
            }
        }
    }

    private static void CheckEntry(double value, int row, int column, double bound, bool maximize, ref bool rowAllowed, Span<bool> columnAllowed, bool checkColumns)
    {
        if (Math.Abs(value) <= bound)
        {
            rowAllowed = true;
            if (checkColumns)
            {
                columnAllowed[column] = true;
            }

            return;
        }

        double forbidden = maximize ? double.NegativeInfinity : double.PositiveInfinity;
        if (value == forbidden)
        {
            return;
        }

        string message;
        if (double.IsNaN(value))
        {
            message = Invariant($"The cost entry at row {row}, column {column} is NaN. Every entry must be a number, or {Format(forbidden)} for a forbidden pair.");
        }
        else if (double.IsInfinity(value))
        {
            string goal = maximize ? "maximizing" : "minimizing";
            message = Invariant($"The cost entry at row {row}, column {column} is {Format(value)}, which is invalid when {goal}. Only {Format(forbidden)} marks a forbidden pair.");
        }
        else
        {
            message = Invariant($"The cost entry at row {row}, column {column} is {Format(value)}, beyond the supported magnitude {Format(bound)} for this matrix size. Rescale the costs.");
        }

        throw new ArgumentException(message, "cost");
    }

    [DoesNotReturn]
    internal static void ThrowNoAllowedEntry(string side, int index, bool maximize)
    {
        double forbidden = maximize ? double.NegativeInfinity : double.PositiveInfinity;
        throw new ArgumentException(
            Invariant($"{side} {index} of the cost matrix has no allowed entry (all entries are {Format(forbidden)}), so no complete assignment exists."),
            "cost");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
