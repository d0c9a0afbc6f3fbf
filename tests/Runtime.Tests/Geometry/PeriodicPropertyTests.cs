using CsCheck;
using SymmetryDsl.Geometry;

namespace SymmetryDsl.Tests.Geometry;

public class PeriodicPropertyTests
{
    private const int Iterations = 2000;

    // Periods from about 1e−9 to 1e9 with random significands, plus the common ones.
    private static readonly Gen<double> Period = Gen.Frequency(
        (4, Gen.Select(Gen.Double.OneTwo, Gen.Int[-30, 30], Math.ScaleB)),
        (1, Gen.OneOfConst(1.0, 0.1, 2 * Math.PI, 360.0)));

    private static readonly Gen<double> Finite = Gen.Double.Where(double.IsFinite);

    // Moderate coordinates: a few hundred periods from 0, where x + kP is still precise.
    private static readonly Gen<(double X, double P)> PointAndPeriod =
        Gen.Select(Gen.Double[-300, 300], Period).Select((u, p) => (u * p, p));

    private static readonly Gen<(double X, double Y, double P)> PairAndPeriod =
        Gen.Select(Gen.Double[-300, 300], Gen.Double[-300, 300], Period).Select((u, v, p) => (u * p, v * p, p));

    [Fact]
    public void Wrap_AnyFiniteValue_IsInHalfOpenPeriod()
    {
        Gen.Select(Finite, Period).Sample((x, period) =>
        {
            double wrapped = Periodic.Wrap(x, period);
            return wrapped >= 0 && wrapped < period && !double.IsNegative(wrapped);
        }, iter: Iterations);
    }

    [Fact]
    public void Wrap_ShiftByIntegerPeriods_IsUnchanged()
    {
        Gen.Select(PointAndPeriod, Gen.Int[-1000, 1000]).Sample((pair, k) =>
        {
            (double x, double period) = pair;
            double shifted = x + k * period;

            // The only error is the rounding of x + kP, a few ulps of its magnitude.
            double tolerance = Ulps(Math.Abs(shifted) + Math.Abs(x) + period, 4);
            double gap = Periodic.Distance(Periodic.Wrap(shifted, period), Periodic.Wrap(x, period), period);
            return gap <= tolerance;
        }, iter: Iterations);
    }

    [Fact]
    public void Difference_RangeAndReconstruction_Hold()
    {
        PairAndPeriod.Sample((x, y, period) =>
        {
            double difference = Periodic.Difference(x, y, period);
            Assert.InRange(difference, -period / 2, period / 2);
            Assert.NotEqual(period / 2, difference);

            double tolerance = Ulps(Math.Abs(x) + Math.Abs(y) + period, 8);
            double gap = Periodic.Distance(Periodic.Wrap(y + difference, period), Periodic.Wrap(x, period), period);
            Assert.InRange(gap, 0, tolerance);
        }, iter: Iterations);
    }

    [Fact]
    public void Difference_SwappedArguments_IsNegatedAwayFromTie()
    {
        PairAndPeriod.Sample((x, y, period) =>
        {
            double forward = Periodic.Difference(x, y, period);
            double backward = Periodic.Difference(y, x, period);
            return forward == -period / 2 ? backward == -period / 2 : backward == -forward;
        }, iter: Iterations);
    }

    [Fact]
    public void Distance_IsSymmetricAndObeysTriangleInequality()
    {
        Gen.Select(Gen.Double[-300, 300], Gen.Double[-300, 300], Gen.Double[-300, 300], Period).Sample((u, v, w, period) =>
        {
            double x = u * period, y = v * period, z = w * period;
            double tolerance = Ulps(Math.Abs(x) + Math.Abs(y) + Math.Abs(z) + period, 8);

            Assert.Equal(Periodic.Distance(x, y, period), Periodic.Distance(y, x, period));
            Assert.InRange(Periodic.Distance(x, y, period), 0, period / 2);
            Assert.True(
                Periodic.Distance(x, z, period) <= Periodic.Distance(x, y, period) + Periodic.Distance(y, z, period) + tolerance,
                $"triangle inequality fails for x = {x}, y = {y}, z = {z}, P = {period}");
        }, iter: Iterations);
    }

    [Fact]
    public void Interpolate_Endpoints_HitInputsModuloPeriod()
    {
        PairAndPeriod.Sample((x, y, period) =>
        {
            double tolerance = Ulps(Math.Abs(x) + Math.Abs(y) + period, 8);

            Assert.InRange(Periodic.Distance(Periodic.Interpolate(x, y, 0, period), x, period), 0, tolerance);
            Assert.InRange(Periodic.Distance(Periodic.Interpolate(x, y, 1, period), y, period), 0, tolerance);
        }, iter: Iterations);
    }

    [Fact]
    public void Interpolate_PathLength_IsTTimesDistance()
    {
        Gen.Select(PairAndPeriod, Gen.Double.Unit).Sample((pair, t) =>
        {
            (double x, double y, double period) = pair;
            double tolerance = Ulps(Math.Abs(x) + Math.Abs(y) + period, 16);
            double distance = Periodic.Distance(x, y, period);
            double point = Periodic.Interpolate(x, y, t, period);

            Assert.InRange(Periodic.Distance(x, point, period) - t * distance, -tolerance, tolerance);
            Assert.InRange(Periodic.Distance(point, y, period) - (1 - t) * distance, -tolerance, tolerance);
        }, iter: Iterations);
    }

    [Fact]
    public void NearestShift_AgreesWithDifference()
    {
        PairAndPeriod.Sample((x, y, period) =>
        {
            long k = Periodic.NearestShift(x, y, period);
            double representative = x + k * period;
            double tolerance = Ulps(Math.Abs(x) + Math.Abs(y) + period, 16);

            Assert.InRange(representative - (y + Periodic.Difference(x, y, period)), -tolerance, tolerance);
            Assert.InRange(Math.Abs(representative - y), 0, period / 2 + tolerance);
        }, iter: Iterations);
    }

    [Fact]
    public void NearestShift_LargeCoordinates_IsExact()
    {
        // Coordinates up to 2^47 periods from 0, just inside the supported range.
        Gen.Select(Gen.Double[-1, 1], Gen.Double[-1, 1], Period).Sample((u, v, period) =>
        {
            double x = Math.ScaleB(u, 47) * period;
            double y = Math.ScaleB(v, 47) * period;

            long k = Periodic.NearestShift(x, y, period);

            // A wrong count would be off by a whole period, far beyond the rounding of these sums.
            double representative = x + k * period;
            Assert.InRange(representative - (y + Periodic.Difference(x, y, period)), -period / 4, period / 4);
        }, iter: Iterations);
    }

    [Fact]
    public void SpanOverloads_AgreeWithScalarOverloads()
    {
        Gen.Select(Gen.Double[-300, 300].Array[0, 12], Gen.Double.Unit, Period).Sample((units, t, period) =>
        {
            double[] x = units.Select(u => u * period).ToArray();
            double[] y = units.Reverse().Select(u => 0.5 * u * period).ToArray();
            double[] wrapped = new double[x.Length];
            double[] differences = new double[x.Length];
            double[] interpolated = new double[x.Length];

            Periodic.Wrap(x, period, wrapped);
            Periodic.Difference(x, y, period, differences);
            Periodic.Interpolate(x, y, t, period, interpolated);
            double squaredDistance = Periodic.SquaredDistance(x, y, period);

            double expectedSquaredDistance = 0;
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(Periodic.Wrap(x[i], period), wrapped[i]);
                Assert.Equal(Periodic.Difference(x[i], y[i], period), differences[i]);
                Assert.Equal(Periodic.Interpolate(x[i], y[i], t, period), interpolated[i]);
                expectedSquaredDistance += Math.Pow(Periodic.Distance(x[i], y[i], period), 2);
            }

            Assert.Equal(expectedSquaredDistance, squaredDistance, 1e-12 * (1 + expectedSquaredDistance));
        }, iter: Iterations);
    }

    [Fact]
    public void SingleOverloads_AgreeWithDoubleWithinSinglePrecision()
    {
        Gen.Select(Gen.Float[-300, 300], Gen.Float[-300, 300], Gen.Float[0.001f, 1000f]).Sample((u, v, period) =>
        {
            float x = u * period, y = v * period;

            // Each single-precision step rounds within one float ulp of max(|x|, |y|, P).
            float magnitude = Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), period);
            double tolerance = 4 * (MathF.BitIncrement(magnitude) - magnitude);

            Assert.InRange(Periodic.Distance(Periodic.Wrap(x, period), Periodic.Wrap((double)x, period), period), 0, tolerance);

            float difference = Periodic.Difference(x, y, period);
            Assert.InRange(difference, -period / 2, period / 2);
            Assert.InRange(Periodic.Distance(difference, Periodic.Difference((double)x, y, period), period), 0, tolerance);

            Assert.InRange(Math.Abs(Periodic.Distance(x, y, period) - Periodic.Distance((double)x, y, period)), 0, tolerance);
        }, iter: Iterations);
    }

    // n units in the last place of a positive magnitude.
    private static double Ulps(double magnitude, int n) => n * (Math.BitIncrement(magnitude) - magnitude);
}
