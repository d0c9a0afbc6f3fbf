using System.Numerics;

namespace SymmetryDsl.Geometry;

/// <summary>
/// Geometry of a periodic coordinate: the circle ℝ / Pℤ, on which x and x + k·P are the same point for every
/// integer k. Products of circles (the flat torus) are handled entry by entry by the span overloads.
/// </summary>
/// <remarks>
/// <para>
/// Boundary behaviour, which the tests pin down:
/// <list type="bullet">
/// <item><description><see cref="Wrap(double, double)"/> returns a value in [0, P) and never P itself: x = P wraps
/// to 0, −0.0 wraps to +0.0, and a value just below a multiple of P whose representative would round up to P
/// (such as −1e−17 with P = 1) wraps to 0, the nearest point of the circle.</description></item>
/// <item><description>The remainder is exact (IEEE fmod). For x ≥ 0 and for |x| ≥ P the result is the exact remainder
/// of the stored double, and only for −P &lt; x &lt; 0 is it x + P rounded to nearest. When |x| / P is beyond about
/// 2⁵³ the spacing of doubles near x exceeds P, so the stored x carries no information about the original phase
/// (1e300 with P = 0.1, for example). The result is still in [0, P), but it is only the remainder of whatever
/// double x became.</description></item>
/// <item><description>A NaN or infinite coordinate has no point on the circle: every method throws
/// <see cref="ArgumentException"/> naming the argument and its value instead of returning NaN.</description></item>
/// <item><description><see cref="Difference(double, double, double)"/> is in [−P/2, P/2). At the half-period tie both
/// Difference(x, y) and Difference(y, x) are −P/2, so the difference is antisymmetric everywhere except
/// there.</description></item>
/// <item><description>A period that is zero, negative, NaN or infinite throws
/// <see cref="ArgumentOutOfRangeException"/> with parameter name <c>period</c>.</description></item>
/// </list>
/// </para>
/// </remarks>
public static class Periodic
{
    // Below 2^48 periods the two roundings in y + d − x add up to less than P/10, so rounding the quotient by P
    // to the nearest integer recovers the exact shift count.
    private const double MaxExactShiftRatio = 1L << 48;

    /// <summary>Wraps <paramref name="x"/> into [0, <paramref name="period"/>).</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>The representative of x in [0, P); never P and never −0.0.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static double Wrap(double x, double period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        return WrapCore(x, period);
    }

    /// <summary>Wraps <paramref name="x"/> into [0, <paramref name="period"/>) in single precision.</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>The representative of x in [0, P); never P and never −0.0.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static float Wrap(float x, float period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        return WrapCore(x, period);
    }

    /// <summary>Computes the signed shortest difference x − y on the circle.</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="y">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>
    /// The value d in [−P/2, P/2) with x ≡ y + d (mod P). At the tie, when x and y are half a period apart, the
    /// result is −P/2 for both argument orders.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static double Difference(double x, double y, double period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        ValidateCoordinate(y, nameof(y));
        return DifferenceCore(x, y, period);
    }

    /// <summary>Computes the signed shortest difference x − y on the circle in single precision.</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="y">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>The value d in [−P/2, P/2) with x ≡ y + d (mod P); −P/2 at the half-period tie.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static float Difference(float x, float y, float period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        ValidateCoordinate(y, nameof(y));
        return DifferenceCore(x, y, period);
    }

    /// <summary>Computes the circle distance between x and y, the length of the shorter arc.</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="y">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>|<see cref="Difference(double, double, double)"/>|, a value in [0, P/2].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static double Distance(double x, double y, double period) => Math.Abs(Difference(x, y, period));

    /// <summary>Computes the circle distance between x and y in single precision.</summary>
    /// <param name="x">A finite coordinate.</param>
    /// <param name="y">A finite coordinate.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>|<see cref="Difference(float, float, float)"/>|, a value in [0, P/2].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static float Distance(float x, float y, float period) => Math.Abs(Difference(x, y, period));

    /// <summary>
    /// Evaluates the constant-speed geodesic on the circle from x (t = 0) to y (t = 1): the point
    /// x + t·<see cref="Difference(double, double, double)"/>(y, x), wrapped into [0, P).
    /// </summary>
    /// <param name="x">The start point, finite.</param>
    /// <param name="y">The end point, finite.</param>
    /// <param name="t">The curve parameter, finite. Values outside [0, 1] extrapolate along the same geodesic.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>The wrapped point; at the half-period tie the path runs in the negative direction from x.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/>, <paramref name="y"/> or <paramref name="t"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static double Interpolate(double x, double y, double t, double period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        ValidateCoordinate(y, nameof(y));
        ValidateCoordinate(t, nameof(t));
        return InterpolateCore(x, y, t, period);
    }

    /// <summary>
    /// Finds the integer k such that x + k·P is the representative of x nearest to y, consistent with
    /// <see cref="Difference(double, double, double)"/>: x + k·P equals y + Difference(x, y) up to rounding.
    /// </summary>
    /// <param name="x">A finite coordinate with |x| / P below 2⁴⁸.</param>
    /// <param name="y">A finite coordinate with |y| / P below 2⁴⁸.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <returns>The shift count k.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="period"/> is not finite and positive, or |x| / P or |y| / P is 2⁴⁸ or more, where the rounding
    /// of the coordinates can exceed half a period and the count would be wrong.
    /// </exception>
    public static long NearestShift(double x, double y, double period)
    {
        ValidatePeriod(period);
        ValidateCoordinate(x, nameof(x));
        ValidateCoordinate(y, nameof(y));
        ValidateShiftRange(x, period, nameof(x));
        ValidateShiftRange(y, period, nameof(y));

        double nearest = y + DifferenceCore(x, y, period);
        return (long)Math.Round((nearest - x) / period);
    }

    /// <summary>Wraps every entry of <paramref name="values"/> into [0, <paramref name="period"/>).</summary>
    /// <param name="values">Finite coordinates.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <param name="destination">Receives the wrapped values; same length as <paramref name="values"/>. It may be the same span as <paramref name="values"/> but must not overlap it at an offset.</param>
    /// <exception cref="ArgumentException">The lengths differ, the spans overlap at an offset, or an entry is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static void Wrap(ReadOnlySpan<double> values, double period, Span<double> destination)
    {
        ValidatePeriod(period);
        ValidateSameLength(values.Length, destination.Length, nameof(values), nameof(destination));
        ValidateNoPartialOverlap(values, destination, nameof(values));
        ValidateCoordinates(values, nameof(values));

        for (int i = 0; i < values.Length; i++)
        {
            destination[i] = WrapCore(values[i], period);
        }
    }

    /// <summary>Computes the signed shortest difference x[i] − y[i] of every pair of entries on the circle.</summary>
    /// <param name="x">Finite coordinates.</param>
    /// <param name="y">Finite coordinates, same length as <paramref name="x"/>.</param>
    /// <param name="period">The period P, finite and positive.</param>
    /// <param name="destination">Receives the differences in [−P/2, P/2); same length as <paramref name="x"/>. It may be the same span as an input but must not overlap one at an offset.</param>
    /// <exception cref="ArgumentException">The lengths differ, the spans overlap at an offset, or an entry is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static void Difference(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double period, Span<double> destination)
    {
        ValidatePeriod(period);
        ValidateSameLength(x.Length, y.Length, nameof(x), nameof(y));
        ValidateSameLength(x.Length, destination.Length, nameof(x), nameof(destination));
        ValidateNoPartialOverlap(x, destination, nameof(x));
        ValidateNoPartialOverlap(y, destination, nameof(y));
        ValidateCoordinates(x, nameof(x));
        ValidateCoordinates(y, nameof(y));

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = DifferenceCore(x[i], y[i], period);
        }
    }

    /// <summary>
    /// Computes the squared distance on the flat torus (ℝ / Pℤ)ᵐ: the sum over entries of the squared circle
    /// distances between x[i] and y[i].
    /// </summary>
    /// <param name="x">Finite coordinates.</param>
    /// <param name="y">Finite coordinates, same length as <paramref name="x"/>.</param>
    /// <param name="period">The period P, shared by every entry; finite and positive.</param>
    /// <returns>Σᵢ Distance(x[i], y[i])², which is 0 for empty spans.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or an entry is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double period)
    {
        ValidatePeriod(period);
        ValidateSameLength(x.Length, y.Length, nameof(x), nameof(y));
        ValidateCoordinates(x, nameof(x));
        ValidateCoordinates(y, nameof(y));

        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = DifferenceCore(x[i], y[i], period);
            sum += d * d;
        }

        return sum;
    }

    /// <summary>
    /// Evaluates the geodesic on the flat torus from x (t = 0) to y (t = 1), entry by entry as
    /// <see cref="Interpolate(double, double, double, double)"/> does.
    /// </summary>
    /// <param name="x">The start point, finite entries.</param>
    /// <param name="y">The end point, finite entries, same length as <paramref name="x"/>.</param>
    /// <param name="t">The curve parameter, finite.</param>
    /// <param name="period">The period P, shared by every entry; finite and positive.</param>
    /// <param name="destination">Receives the wrapped points; same length as <paramref name="x"/>. It may be the same span as an input but must not overlap one at an offset.</param>
    /// <exception cref="ArgumentException">The lengths differ, the spans overlap at an offset, or an entry or <paramref name="t"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not finite and positive.</exception>
    public static void Interpolate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double t, double period, Span<double> destination)
    {
        ValidatePeriod(period);
        ValidateCoordinate(t, nameof(t));
        ValidateSameLength(x.Length, y.Length, nameof(x), nameof(y));
        ValidateSameLength(x.Length, destination.Length, nameof(x), nameof(destination));
        ValidateNoPartialOverlap(x, destination, nameof(x));
        ValidateNoPartialOverlap(y, destination, nameof(y));
        ValidateCoordinates(x, nameof(x));
        ValidateCoordinates(y, nameof(y));

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = InterpolateCore(x[i], y[i], t, period);
        }
    }

    private static T WrapCore<T>(T x, T period)
        where T : IFloatingPointIeee754<T>
    {
        // The IEEE remainder is exact and has the sign of x, so only the shift of a negative remainder rounds.
        T remainder = x % period;
        if (remainder < T.Zero)
        {
            remainder += period;

            // A remainder within half an ulp of −0 rounds up to P, and 0 is the nearest point on the circle.
            if (remainder >= period)
            {
                return T.Zero;
            }
        }

        // Adding +0 turns −0 into +0, so callers that compare bit patterns or divide by the result see one zero.
        return remainder + T.Zero;
    }

    private static T DifferenceCore<T>(T x, T y, T period)
        where T : IFloatingPointIeee754<T>
    {
        // Both representatives are in [0, P), so the raw difference is in (−P, P) and one fold suffices. Round to
        // nearest is symmetric in sign, which keeps the result antisymmetric in x and y.
        T half = period / (T.One + T.One);
        T difference = WrapCore(x, period) - WrapCore(y, period);

        // Each fold subtracts numbers within a factor of 2 of each other, so by Sterbenz's lemma it is exact and
        // cannot round back onto +P/2.
        if (difference >= half)
        {
            difference -= period;
        }
        else if (difference < -half)
        {
            difference += period;
        }

        return difference;
    }

    private static double InterpolateCore(double x, double y, double t, double period) =>
        WrapCore(x + t * DifferenceCore(y, x, period), period);

    private static void ValidatePeriod<T>(T period)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(period) || period <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"The period must be finite and positive, but it is {period}.");
        }
    }

    private static void ValidateCoordinate<T>(T value, string parameterName)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(value))
        {
            throw new ArgumentException(
                $"The coordinate {parameterName} must be finite, but it is {value}.", parameterName);
        }
    }

    private static void ValidateCoordinates(ReadOnlySpan<double> values, string parameterName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Every entry of {parameterName} must be finite, but {parameterName}[{i}] is {values[i]}.",
                    parameterName);
            }
        }
    }

    private static void ValidateSameLength(int length, int otherLength, string parameterName, string otherParameterName)
    {
        if (length != otherLength)
        {
            throw new ArgumentException(
                $"{otherParameterName} has length {otherLength}, but {parameterName} has length {length}; the lengths must be equal.",
                otherParameterName);
        }
    }

    // Entry i is read before destination[i] is written, so the same span works in place, but a shifted overlap
    // would read entries that were already overwritten.
    private static void ValidateNoPartialOverlap(ReadOnlySpan<double> input, Span<double> destination, string inputName)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"destination overlaps {inputName} at an offset of {offset} entries; pass the same span or a separate buffer.",
                nameof(destination));
        }
    }

    private static void ValidateShiftRange(double value, double period, string parameterName)
    {
        if (Math.Abs(value) / period >= MaxExactShiftRatio)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, value,
                $"{parameterName} = {value} is 2^48 or more periods of {period} from 0, where the nearest shift cannot be computed exactly.");
        }
    }
}
