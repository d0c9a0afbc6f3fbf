using System.Buffers;
using System.Globalization;

namespace SymmetryDsl.Transport;

/// <summary>
/// Quadratic Wasserstein distance W2 between equal-weight empirical measures (1/n) Σ δ_{xᵢ} and (1/n) Σ δ_{yᵢ}.
/// </summary>
/// <remarks>
/// W2² = min over permutations σ of (1/n) Σᵢ ‖xᵢ − y_σ(i)‖², the normalization of the averaged inner product
/// ⟨x, y⟩ₙ = (1/n) Σ xᵢ·yᵢ, so W2 is the quotient distance of n particles under relabeling. On the line the
/// sorted pairing is optimal (the monotone rearrangement), which costs O(n log n). In ℝᵈ the minimum is an
/// exact linear assignment on the n × n matrix of squared Euclidean distances, solved by
/// <see cref="LinearAssignment"/>.
/// </remarks>
public static class Wasserstein
{
    /// <summary>Sample size from which the 1-D value path sorts by radix instead of comparisons.</summary>
    private const int RadixSortThreshold = 1024;

    /// <summary>Computes W2 between two samples on the line by sorting, with an optimal matching.</summary>
    /// <param name="x">Points of the first measure.</param>
    /// <param name="y">Points of the second measure; as many as <paramref name="x"/>.</param>
    /// <returns>The distance, its square and the matching that pairs the k-th smallest points.</returns>
    /// <exception cref="ArgumentException">A sample is empty, the sizes differ or a point is not finite.</exception>
    public static WassersteinResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ValidatePoints(x, y, dimension: 1, byAssignment: false);
        int n = x.Length;
        double[] xSorted = x.ToArray();
        double[] ySorted = y.ToArray();
        int[] xOrder = new int[n];
        int[] yOrder = new int[n];
        for (int i = 0; i < n; i++)
        {
            xOrder[i] = i;
            yOrder[i] = i;
        }

        Array.Sort(xSorted, xOrder);
        Array.Sort(ySorted, yOrder);

        int[] matching = new int[n];
        for (int k = 0; k < n; k++)
        {
            matching[xOrder[k]] = yOrder[k];
        }

        return new WassersteinResult(MeanSquaredDifference(xSorted, ySorted), matching);
    }

    /// <summary>Computes W2 between two point clouds by exact assignment, with an optimal matching.</summary>
    /// <param name="x">Points of the first measure, one per row.</param>
    /// <param name="y">Points of the second measure, one per row; same shape as <paramref name="x"/>.</param>
    /// <returns>The distance, its square and an optimal matching.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">A cloud is empty, the shapes differ or a coordinate is not finite or too large.</exception>
    public static WassersteinResult Compute(double[,] x, double[,] y) => Compute(Flatten(x, y, out int dimension, out ReadOnlySpan<double> yPoints), yPoints, dimension);

    /// <summary>Computes W2 between two point clouds stored row-major by exact assignment, with an optimal matching.</summary>
    /// <param name="x">Coordinates of the first measure, <paramref name="dimension"/> per point.</param>
    /// <param name="y">Coordinates of the second measure, as many points as <paramref name="x"/>.</param>
    /// <param name="dimension">Number of coordinates per point.</param>
    /// <returns>The distance, its square and an optimal matching.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// A cloud is empty, a length is not a multiple of the dimension, the sizes differ or a coordinate is not
    /// finite or too large.
    /// </exception>
    public static WassersteinResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension)
    {
        ValidatePoints(x, y, dimension, byAssignment: true);
        int n = x.Length / dimension;
        int[] matching = new int[n];
        double squared = SolveClouds(x, y, dimension, matching);
        return new WassersteinResult(squared, matching);
    }

    /// <summary>Computes W2 between two samples on the line by sorting copies.</summary>
    /// <param name="x">Points of the first measure.</param>
    /// <param name="y">Points of the second measure; as many as <paramref name="x"/>.</param>
    /// <returns>The distance W2.</returns>
    /// <exception cref="ArgumentException">A sample is empty, the sizes differ or a point is not finite.</exception>
    public static double W2(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Math.Sqrt(W2Squared(x, y));

    /// <summary>Computes W2 between two point clouds by exact assignment.</summary>
    /// <param name="x">Points of the first measure, one per row.</param>
    /// <param name="y">Points of the second measure, one per row; same shape as <paramref name="x"/>.</param>
    /// <returns>The distance W2.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">A cloud is empty, the shapes differ or a coordinate is not finite or too large.</exception>
    public static double W2(double[,] x, double[,] y) => Math.Sqrt(W2Squared(x, y));

    /// <summary>Computes W2 between two point clouds stored row-major by exact assignment.</summary>
    /// <param name="x">Coordinates of the first measure, <paramref name="dimension"/> per point.</param>
    /// <param name="y">Coordinates of the second measure, as many points as <paramref name="x"/>.</param>
    /// <param name="dimension">Number of coordinates per point.</param>
    /// <returns>The distance W2.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// A cloud is empty, a length is not a multiple of the dimension, the sizes differ or a coordinate is not
    /// finite or too large.
    /// </exception>
    public static double W2(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension) => Math.Sqrt(W2Squared(x, y, dimension));

    /// <summary>Computes W2² between two samples on the line by sorting copies and pairing them in order.</summary>
    /// <param name="x">Points of the first measure.</param>
    /// <param name="y">Points of the second measure; as many as <paramref name="x"/>.</param>
    /// <returns>The squared distance W2².</returns>
    /// <exception cref="ArgumentException">A sample is empty, the sizes differ or a point is not finite.</exception>
    public static double W2Squared(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ValidatePoints(x, y, dimension: 1, byAssignment: false);
        int n = x.Length;
        if (n < RadixSortThreshold)
        {
            double[] copies = ArrayPool<double>.Shared.Rent(2 * n);
            try
            {
                Span<double> xs = copies.AsSpan(0, n);
                Span<double> ys = copies.AsSpan(n, n);
                x.CopyTo(xs);
                y.CopyTo(ys);
                xs.Sort();
                ys.Sort();
                return MeanSquaredDifference(xs, ys);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(copies);
            }
        }

        ulong[] buffer = ArrayPool<ulong>.Shared.Rent(4 * n);
        try
        {
            Span<ulong> all = buffer.AsSpan(0, 4 * n);
            Span<ulong> xKeys = RadixSort.SortKeys(x, all[..n], all.Slice(n, n));
            Span<ulong> yKeys = RadixSort.SortKeys(y, all.Slice(2 * n, n), all.Slice(3 * n, n));
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                double difference = RadixSort.FromKey(xKeys[k]) - RadixSort.FromKey(yKeys[k]);
                sum += difference * difference;
            }

            return sum / n;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>Computes W2² between two point clouds by exact assignment.</summary>
    /// <param name="x">Points of the first measure, one per row.</param>
    /// <param name="y">Points of the second measure, one per row; same shape as <paramref name="x"/>.</param>
    /// <returns>The squared distance W2².</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">A cloud is empty, the shapes differ or a coordinate is not finite or too large.</exception>
    public static double W2Squared(double[,] x, double[,] y) => W2Squared(Flatten(x, y, out int dimension, out ReadOnlySpan<double> yPoints), yPoints, dimension);

    /// <summary>Computes W2² between two point clouds stored row-major by exact assignment.</summary>
    /// <param name="x">Coordinates of the first measure, <paramref name="dimension"/> per point.</param>
    /// <param name="y">Coordinates of the second measure, as many points as <paramref name="x"/>.</param>
    /// <param name="dimension">Number of coordinates per point.</param>
    /// <returns>The squared distance W2².</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// A cloud is empty, a length is not a multiple of the dimension, the sizes differ or a coordinate is not
    /// finite or too large.
    /// </exception>
    public static double W2Squared(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension)
    {
        ValidatePoints(x, y, dimension, byAssignment: true);
        int n = x.Length / dimension;
        int[] matching = ArrayPool<int>.Shared.Rent(n);
        try
        {
            return SolveClouds(x, y, dimension, matching.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matching);
        }
    }

    /// <summary>
    /// Builds the squared Euclidean cost matrix in a pooled buffer, solves the assignment on it and writes the
    /// optimal matching.
    /// </summary>
    /// <remarks>
    /// The matrix uses the points of y translated by the difference of the means, m = mean(x) − mean(y). That
    /// changes the cost of every matching by the same constant, because ‖xᵢ − yⱼ − m‖² = ‖xᵢ − yⱼ‖² − 2m·xᵢ +
    /// 2m·yⱼ + ‖m‖² and each xᵢ and yⱼ appears once in a matching. So the optimal matchings are the same, but
    /// the shortest augmenting path solver finds them much faster when the clouds are offset from each other.
    /// The returned value is computed from the original points.
    /// </remarks>
    /// <returns>W2², the mean squared distance over the optimal matching.</returns>
    private static double SolveClouds(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, Span<int> matching)
    {
        int n = x.Length / dimension;
        double[] cost = ArrayPool<double>.Shared.Rent(n * n);
        double[] meanShift = ArrayPool<double>.Shared.Rent(dimension);
        try
        {
            Span<double> shift = meanShift.AsSpan(0, dimension);
            shift.Clear();
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < dimension; k++)
                {
                    shift[k] += x[i * dimension + k] - y[i * dimension + k];
                }
            }

            for (int k = 0; k < dimension; k++)
            {
                shift[k] /= n;
            }

            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> point = x.Slice(i * dimension, dimension);
                Span<double> row = cost.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    ReadOnlySpan<double> other = y.Slice(j * dimension, dimension);
                    double sum = 0;
                    for (int k = 0; k < dimension; k++)
                    {
                        double difference = point[k] - other[k] - shift[k];
                        sum += difference * difference;
                    }

                    row[j] = sum;
                }
            }

            LinearAssignment.Solve(cost.AsSpan(0, n * n), n, n, matching);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cost);
            ArrayPool<double>.Shared.Return(meanShift);
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> point = x.Slice(i * dimension, dimension);
            ReadOnlySpan<double> other = y.Slice(matching[i] * dimension, dimension);
            for (int k = 0; k < dimension; k++)
            {
                double difference = point[k] - other[k];
                total += difference * difference;
            }
        }

        return total / n;
    }

    private static double MeanSquaredDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double difference = x[k] - y[k];
            sum += difference * difference;
        }

        return sum / x.Length;
    }

    private static ReadOnlySpan<double> Flatten(double[,] x, double[,] y, out int dimension, out ReadOnlySpan<double> yPoints)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        dimension = x.GetLength(1);
        if (y.GetLength(1) != dimension)
        {
            throw new ArgumentException(
                Invariant($"x has points of dimension {dimension} but y has points of dimension {y.GetLength(1)}. Both clouds must have the same dimension."),
                nameof(y));
        }

        if (dimension == 0)
        {
            throw new ArgumentException(
                Invariant($"x has {x.GetLength(0)} rows of 0 coordinates, but points need at least one coordinate."),
                nameof(x));
        }

        yPoints = ToSpan(y);
        return ToSpan(x);
    }

    private static ReadOnlySpan<double> ToSpan(double[,] points) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.CompilerServices.Unsafe.As<byte, double>(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(points)),
            points.Length);

    /// <summary>
    /// Rejects a non-positive dimension, empty or unequal clouds, lengths that are not whole points and
    /// coordinates that are not finite or whose squared distances could leave the assignment solver's range.
    /// </summary>
    private static void ValidatePoints(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, bool byAssignment)
    {
        if (dimension <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be at least 1.");
        }

        ValidateLength(x, dimension, nameof(x));
        ValidateLength(y, dimension, nameof(y));
        if (x.Length != y.Length)
        {
            throw new ArgumentException(
                Invariant($"x has {x.Length / dimension} points but y has {y.Length / dimension}. W2 between equal-weight empirical measures needs equal sizes."),
                nameof(y));
        }

        int n = x.Length / dimension;
        if (byAssignment && (long)n * n > Array.MaxLength)
        {
            throw new ArgumentException(
                Invariant($"x has {n} points, too many for a dense {n} × {n} cost matrix. Use at most 46340 points per cloud."),
                nameof(x));
        }

        // Sorting needs only finite points. For the assignment every entry ‖xᵢ − yⱼ − m‖², at most
        // dimension · (4 · bound)² because |m| ≤ 2 · bound, must stay within the solver's magnitude limit.
        double bound = !byAssignment
            ? double.MaxValue
            : Math.Sqrt(CostMatrixValidation.MaxMagnitude(n, n) / (16.0 * dimension));
        ValidateCoordinates(x, dimension, bound, nameof(x));
        ValidateCoordinates(y, dimension, bound, nameof(y));
    }

    private static void ValidateLength(ReadOnlySpan<double> points, int dimension, string name)
    {
        if (points.Length == 0)
        {
            throw new ArgumentException(Invariant($"{name} is empty, but a measure needs at least one point."), name);
        }

        if (points.Length % dimension != 0)
        {
            throw new ArgumentException(
                Invariant($"{name} has {points.Length} coordinates, which is not a multiple of the dimension {dimension}."),
                name);
        }
    }

    private static void ValidateCoordinates(ReadOnlySpan<double> points, int dimension, double bound, string name)
    {
        for (int k = 0; k < points.Length; k++)
        {
            double value = points[k];
            if (Math.Abs(value) <= bound)
            {
                continue;
            }

            string where = dimension == 1
                ? Invariant($"{name}[{k}]")
                : Invariant($"{name}[{k}] (point {k / dimension}, coordinate {k % dimension})");
            string message = double.IsFinite(value)
                ? Invariant($"{where} is {Format(value)}, beyond {Format(bound)}, the largest magnitude whose squared distances the assignment solver accepts. Rescale the points.")
                : Invariant($"{where} is {Format(value)}, but coordinates must be finite.");
            throw new ArgumentException(message, name);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
