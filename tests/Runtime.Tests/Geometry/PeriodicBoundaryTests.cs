using System.Globalization;
using System.Numerics;
using SymmetryDsl.Geometry;

namespace SymmetryDsl.Tests.Geometry;

public class PeriodicBoundaryTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(2 * Math.PI)]
    public void Wrap_PeriodItself_ReturnsZero(double period)
    {
        Assert.Equal(0.0, Periodic.Wrap(period, period));
        Assert.Equal(0.0, Periodic.Wrap(-period, period));
        Assert.False(double.IsNegative(Periodic.Wrap(-period, period)));
    }

    [Fact]
    public void Wrap_NegativeZero_ReturnsPositiveZero()
    {
        double wrapped = Periodic.Wrap(-0.0, 1.0);
        float wrappedSingle = Periodic.Wrap(-0.0f, 1.0f);

        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(wrapped));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(wrappedSingle));
    }

    [Theory]
    [InlineData(-1e-17, 1.0)]
    [InlineData(-double.Epsilon, 1.0)]
    [InlineData(-1e-17, 2 * Math.PI)]
    public void Wrap_JustBelowMultiple_ReturnsZeroNotPeriod(double x, double period)
    {
        // x + period rounds to period here, which is outside [0, P).
        Assert.Equal(period, x + period);

        double wrapped = Periodic.Wrap(x, period);

        Assert.Equal(0.0, wrapped);
        Assert.False(double.IsNegative(wrapped));
    }

    [Fact]
    public void Wrap_JustBelowMultipleSingle_ReturnsZeroNotPeriod()
    {
        float x = -1e-9f;
        Assert.Equal(1.0f, x + 1.0f);

        Assert.Equal(0.0f, Periodic.Wrap(x, 1.0f));
    }

    [Fact]
    public void Wrap_JustBelowPeriod_StaysBelowPeriod()
    {
        double below = Math.BitDecrement(1.0);

        Assert.Equal(below, Periodic.Wrap(below, 1.0));
        Assert.Equal(below, Periodic.Wrap(below - 1.0, 1.0));
    }

    [Theory]
    [InlineData(1e300, 0.1)]
    [InlineData(-1e300, 0.1)]
    [InlineData(1e20, 2 * Math.PI)]
    [InlineData(-123456789012345678.0, 1.0 / 3.0)]
    public void Wrap_HugeValue_ReturnsExactRemainderOfStoredValue(double x, double period)
    {
        double wrapped = Periodic.Wrap(x, period);

        Assert.InRange(wrapped, 0.0, Math.BitDecrement(period));
        Assert.Equal(ExactNonNegativeRemainder(x, period), wrapped);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Wrap_NonFiniteValue_ThrowsNamingX(double x)
    {
        var exception = Assert.Throws<ArgumentException>(() => Periodic.Wrap(x, 1.0));

        Assert.Equal("x", exception.ParamName);
        Assert.Contains(x.ToString(CultureInfo.InvariantCulture), exception.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void WrapSingle_NonFiniteValue_ThrowsNamingX(float x)
    {
        var exception = Assert.Throws<ArgumentException>(() => Periodic.Wrap(x, 1.0f));

        Assert.Equal("x", exception.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Difference_NonFiniteY_ThrowsNamingY(double y)
    {
        var exception = Assert.Throws<ArgumentException>(() => Periodic.Difference(0.5, y, 1.0));

        Assert.Equal("y", exception.ParamName);
        Assert.Contains(y.ToString(CultureInfo.InvariantCulture), exception.Message);
    }

    [Fact]
    public void Interpolate_NonFiniteT_ThrowsNamingT()
    {
        var exception = Assert.Throws<ArgumentException>(() => Periodic.Interpolate(0.1, 0.2, double.NaN, 1.0));

        Assert.Equal("t", exception.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void EveryMethod_InvalidPeriod_ThrowsNamingPeriod(double period)
    {
        double[] values = [0.25, 0.5];
        double[] destination = new double[2];
        var calls = new Action[]
        {
            () => Periodic.Wrap(0.25, period),
            () => Periodic.Wrap(0.25f, (float)period),
            () => Periodic.Difference(0.25, 0.5, period),
            () => Periodic.Difference(0.25f, 0.5f, (float)period),
            () => Periodic.Distance(0.25, 0.5, period),
            () => Periodic.Distance(0.25f, 0.5f, (float)period),
            () => Periodic.Interpolate(0.25, 0.5, 0.5, period),
            () => Periodic.NearestShift(0.25, 0.5, period),
            () => Periodic.Wrap(values, period, destination),
            () => Periodic.Difference(values, values, period, destination),
            () => Periodic.SquaredDistance(values, values, period),
            () => Periodic.Interpolate(values, values, 0.5, period, destination),
        };

        foreach (Action call in calls)
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("period", exception.ParamName);
            Assert.Contains(period.ToString(CultureInfo.InvariantCulture), exception.Message);
        }
    }

    [Fact]
    public void Wrap_NegativeZeroPeriod_ThrowsNamingPeriod()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Periodic.Wrap(0.25, -0.0));

        Assert.Equal("period", exception.ParamName);
        Assert.Contains("-0", exception.Message);
    }

    [Fact]
    public void Difference_HalfPeriodTie_IsMinusHalfBothWays()
    {
        Assert.Equal(-0.5, Periodic.Difference(0.5, 0.0, 1.0));
        Assert.Equal(-0.5, Periodic.Difference(0.0, 0.5, 1.0));
        Assert.Equal(-Math.PI, Periodic.Difference(Math.PI, 0.0, 2 * Math.PI));
        Assert.Equal(-Math.PI, Periodic.Difference(0.0, Math.PI, 2 * Math.PI));
        Assert.Equal(-0.5f, Periodic.Difference(0.5f, 0.0f, 1.0f));
        Assert.Equal(0.5, Periodic.Distance(0.0, 0.5, 1.0));
    }

    [Fact]
    public void Difference_AcrossZero_TakesShortArc()
    {
        Assert.Equal(0.2, Periodic.Difference(0.1, 0.9, 1.0), 15);
        Assert.Equal(-0.2, Periodic.Difference(0.9, 0.1, 1.0), 15);
        Assert.Equal(0.2, Periodic.Distance(-0.1, 0.1, 1.0), 15);
    }

    [Fact]
    public void Interpolate_AcrossZero_PassesThroughZero()
    {
        // The midpoint is 0 on the circle, which may be stored as 0 or just below 1.
        Assert.InRange(Periodic.Distance(Periodic.Interpolate(0.9, 0.1, 0.5, 1.0), 0.0, 1.0), 0.0, 1e-15);
        Assert.Equal(0.95, Periodic.Interpolate(0.9, 0.1, 0.25, 1.0), 15);
    }

    [Fact]
    public void NearestShift_SmallCases_MatchHandComputedShift()
    {
        Assert.Equal(0L, Periodic.NearestShift(0.2, 0.3, 1.0));
        Assert.Equal(3L, Periodic.NearestShift(0.2, 3.1, 1.0));
        Assert.Equal(-1L, Periodic.NearestShift(0.9, 0.1, 1.0));
        Assert.Equal(-2L, Periodic.NearestShift(1.5, -0.4, 1.0));
    }

    [Fact]
    public void NearestShift_HugeCoordinate_ThrowsNamingCoordinate()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Periodic.NearestShift(1e300, 0.0, 0.1));

        Assert.Equal("x", exception.ParamName);
        Assert.Contains("1E+300", exception.Message);
    }

    [Fact]
    public void SpanOverloads_MismatchedLengths_ThrowNamingArgumentAndLengths()
    {
        double[] three = [0.1, 0.2, 0.3];
        double[] two = [0.1, 0.2];

        var wrap = Assert.Throws<ArgumentException>(() => Periodic.Wrap(three, 1.0, new double[2]));
        Assert.Equal("destination", wrap.ParamName);
        Assert.Contains("3", wrap.Message);
        Assert.Contains("2", wrap.Message);

        var difference = Assert.Throws<ArgumentException>(() => Periodic.Difference(three, two, 1.0, new double[3]));
        Assert.Equal("y", difference.ParamName);
        Assert.Contains("3", difference.Message);
        Assert.Contains("2", difference.Message);

        var squared = Assert.Throws<ArgumentException>(() => Periodic.SquaredDistance(two, three, 1.0));
        Assert.Equal("y", squared.ParamName);

        var interpolate = Assert.Throws<ArgumentException>(() => Periodic.Interpolate(three, three, 0.5, 1.0, new double[4]));
        Assert.Equal("destination", interpolate.ParamName);
        Assert.Contains("4", interpolate.Message);
    }

    [Fact]
    public void SpanOverloads_NonFiniteEntry_ThrowNamingIndex()
    {
        double[] values = [0.1, double.NaN, 0.3];

        var exception = Assert.Throws<ArgumentException>(() => Periodic.Wrap(values, 1.0, new double[3]));

        Assert.Equal("values", exception.ParamName);
        Assert.Contains("values[1]", exception.Message);
        Assert.Contains("NaN", exception.Message);
    }

    [Fact]
    public void Wrap_InPlaceSpan_WrapsEveryEntry()
    {
        double[] values = [-0.25, 1.25, 0.5];

        Periodic.Wrap(values, 1.0, values);

        Assert.Equal([0.75, 0.25, 0.5], values);
    }

    [Fact]
    public void Difference_InPlaceSpan_MatchesScalar()
    {
        double[] x = [0.1, 0.9, 2.25];
        double[] y = [0.9, 0.1, 0.5];
        double[] expected = [Periodic.Difference(0.1, 0.9, 1.0), Periodic.Difference(0.9, 0.1, 1.0), Periodic.Difference(2.25, 0.5, 1.0)];

        Periodic.Difference(x, y, 1.0, x);

        Assert.Equal(expected, x);
    }

    [Fact]
    public void SpanOverloads_ShiftedOverlap_ThrowNamingDestination()
    {
        double[] buffer = [0.1, 0.2, 0.3, 0.4];

        var wrap = Assert.Throws<ArgumentException>(() => Periodic.Wrap(buffer.AsSpan(0, 3), 1.0, buffer.AsSpan(1, 3)));
        var interpolate = Assert.Throws<ArgumentException>(
            () => Periodic.Interpolate(buffer.AsSpan(0, 3), buffer.AsSpan(0, 3), 0.5, 1.0, buffer.AsSpan(1, 3)));

        Assert.Equal("destination", wrap.ParamName);
        Assert.Contains("offset of 1", wrap.Message);
        Assert.Equal("destination", interpolate.ParamName);
    }

    [Fact]
    public void SquaredDistance_FlatTorus_SumsSquaredCircleDistances()
    {
        double[] x = [0.1, 0.5, 0.0];
        double[] y = [0.9, 0.2, 0.5];

        // Circle distances 0.2, 0.3 and the tie 0.5.
        Assert.Equal(0.04 + 0.09 + 0.25, Periodic.SquaredDistance(x, y, 1.0), 14);
        Assert.Equal(0.0, Periodic.SquaredDistance([], [], 1.0));
    }

    // The remainder r = x − qP with q = ⌊x / P⌋, computed exactly on the binary significands and exponents.
    private static double ExactNonNegativeRemainder(double x, double period)
    {
        (BigInteger xSignificand, int xExponent) = Decompose(x);
        (BigInteger periodSignificand, int periodExponent) = Decompose(period);
        int commonExponent = Math.Min(xExponent, periodExponent);

        BigInteger scaledX = xSignificand << (xExponent - commonExponent);
        BigInteger scaledPeriod = periodSignificand << (periodExponent - commonExponent);
        BigInteger remainder = BigInteger.Remainder(scaledX, scaledPeriod);
        if (remainder < 0)
        {
            remainder += scaledPeriod;
        }

        // The remainder is below the period's significand times a power of two, so the conversion is exact.
        return Math.ScaleB((double)remainder, commonExponent);
    }

    private static (BigInteger Significand, int Exponent) Decompose(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long significand = biasedExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;
        return (value < 0 ? -significand : significand, exponent);
    }
}
