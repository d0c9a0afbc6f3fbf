using CsCheck;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>Metric properties and consistency of the W2 distance paths.</summary>
public class WassersteinTests
{
    private static readonly Gen<double> Coordinate = Gen.Double[-5, 5];

    /// <summary>Two clouds of n points in ℝ² (n ≤ 30) as row-major coordinates.</summary>
    private static readonly Gen<(double[] X, double[] Y)> CloudPairs =
        from n in Gen.Int[1, 30]
        from x in Coordinate.Array[2 * n]
        from y in Coordinate.Array[2 * n]
        select (x, y);

    [Fact]
    public void DistanceIsSymmetric()
    {
        CloudPairs.Sample(
            pair =>
            {
                Approximately.Equal(Wasserstein.W2Squared(pair.X, pair.Y, 2), Wasserstein.W2Squared(pair.Y, pair.X, 2), 1e-9);
                Assert.Equal(Wasserstein.W2(pair.X.AsSpan(0, pair.X.Length / 2), pair.Y.AsSpan(0, pair.Y.Length / 2)), Wasserstein.W2(pair.Y.AsSpan(0, pair.Y.Length / 2), pair.X.AsSpan(0, pair.X.Length / 2)));
            },
            iter: 100);
    }

    [Fact]
    public void DistanceVanishesOnlyOnEqualMultisets()
    {
        Gen<(double[], int[], int)> cases =
            from n in Gen.Int[1, 25]
            from x in Gen.Int[-3, 3].Select(v => (double)v).Array[2 * n]
            from order in Gen.Int.Array[n]
            from moved in Gen.Int[0, 2 * n - 1]
            select (x, order, moved);
        cases.Sample(
            sample =>
            {
                (double[] x, int[] keys, int moved) = sample;
                int n = x.Length / 2;
                int[] permutation = Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray();
                var shuffled = new double[x.Length];
                for (int i = 0; i < n; i++)
                {
                    shuffled[2 * permutation[i]] = x[2 * i];
                    shuffled[2 * permutation[i] + 1] = x[2 * i + 1];
                }

                Assert.Equal(0, Wasserstein.W2Squared(x, shuffled, 2));
                Assert.Equal(0, Wasserstein.W2Squared(x.AsSpan(), shuffled.AsSpan()));

                // Moving one coordinate by 0.5 leaves the grid of integers, so the multisets differ.
                double[] changed = (double[])shuffled.Clone();
                changed[moved] += 0.5;
                Assert.True(Wasserstein.W2Squared(x, changed, 2) > 0);
                Assert.True(Wasserstein.W2Squared(x.AsSpan(), changed.AsSpan()) > 0);
            },
            iter: 100);
    }

    [Fact]
    public void TranslatedCloudIsAtShiftLength()
    {
        // Translating a cloud by s moves every point by s, and no matching does better: W2² = ‖s‖².
        Gen<(double[], int[], double, double)> cases =
            from n in Gen.Int[1, 40]
            from x in Coordinate.Array[2 * n]
            from keys in Gen.Int.Array[n]
            from sx in Gen.Double[-20, 20]
            from sy in Gen.Double[-20, 20]
            select (x, keys, sx, sy);
        cases.Sample(
            sample =>
            {
                (double[] x, int[] keys, double sx, double sy) = sample;
                int n = x.Length / 2;
                int[] permutation = Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray();
                var y = new double[x.Length];
                for (int i = 0; i < n; i++)
                {
                    y[2 * permutation[i]] = x[2 * i] + sx;
                    y[2 * permutation[i] + 1] = x[2 * i + 1] + sy;
                }

                WassersteinResult result = Wasserstein.Compute(x, y, 2);

                Approximately.Equal(sx * sx + sy * sy, result.SquaredDistance, 1e-9);
                for (int i = 0; i < n; i++)
                {
                    // Equal points may be matched in either order, but each must meet a translate of itself.
                    int j = result.Matching[i];
                    Approximately.Equal(x[2 * i] + sx, y[2 * j], 1e-9);
                    Approximately.Equal(x[2 * i + 1] + sy, y[2 * j + 1], 1e-9);
                }
            },
            iter: 100);
    }

    [Fact]
    public void TriangleInequalityHolds()
    {
        Gen<(double[], double[], double[])> triples =
            from n in Gen.Int[1, 25]
            from x in Coordinate.Array[2 * n]
            from y in Coordinate.Array[2 * n]
            from z in Coordinate.Array[2 * n]
            select (x, y, z);
        triples.Sample(
            triple =>
            {
                (double[] x, double[] y, double[] z) = triple;
                double direct = Wasserstein.W2(x, z, 2);
                double detour = Wasserstein.W2(x, y, 2) + Wasserstein.W2(y, z, 2);
                Assert.True(direct <= detour + 1e-9, $"W2(x, z) = {direct} > {detour}");
            },
            iter: 100);
    }

    [Fact]
    public void SortingPathEqualsAssignmentPath()
    {
        Gen<(double[], double[])> samples =
            from n in Gen.Int[1, 60]
            from x in Gen.OneOf(Coordinate, Gen.Int[0, 3].Select(v => (double)v)).Array[n]
            from y in Gen.OneOf(Coordinate, Gen.Int[0, 3].Select(v => (double)v)).Array[n]
            select (x, y);
        samples.Sample(
            sample =>
            {
                (double[] x, double[] y) = sample;
                WassersteinResult sorted = Wasserstein.Compute(x.AsSpan(), y.AsSpan());
                WassersteinResult assigned = Wasserstein.Compute(x, y, dimension: 1);

                Approximately.Equal(assigned.SquaredDistance, sorted.SquaredDistance, 1e-9);
                Approximately.Equal(sorted.SquaredDistance, Wasserstein.W2Squared(x, y), 1e-12);
                Approximately.Equal(assigned.Distance, Wasserstein.W2(x, y, 1), 1e-12);
            },
            iter: 200);
    }

    [Fact]
    public void LargeSampleValuePathMatchesCompute()
    {
        // From 1024 points the value path sorts by radix; Compute sorts by comparison.
        Gen<double> values = Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Double[-1e-6, 1e-6], Gen.Int[-3, 3].Select(v => (double)v), Gen.Const(-0.0));
        Gen<(double[], double[])> samples =
            from n in Gen.Int[1000, 3000]
            from x in values.Array[n]
            from y in values.Array[n]
            select (x, y);
        samples.Sample(
            sample =>
            {
                (double[] x, double[] y) = sample;

                double expected = Wasserstein.Compute(x.AsSpan(), y.AsSpan()).SquaredDistance;

                Approximately.Equal(expected, Wasserstein.W2Squared(x.AsSpan(), y.AsSpan()), 1e-9);
            },
            iter: 30);
    }

    [Fact]
    public void MatchingAttainsReportedValue()
    {
        CloudPairs.Sample(
            pair =>
            {
                (double[] x, double[] y) = pair;
                int n = x.Length / 2;
                WassersteinResult cloud = Wasserstein.Compute(x, y, 2);
                WassersteinResult line = Wasserstein.Compute(x.AsSpan(0, n), y.AsSpan(0, n));

                Approximately.Equal(cloud.SquaredDistance, MatchedMeanSquare(x, y, 2, cloud.Matching), 1e-9);
                Approximately.Equal(line.SquaredDistance, MatchedMeanSquare(x[..n], y[..n], 1, line.Matching), 1e-9);
                Assert.Equal(Math.Sqrt(cloud.SquaredDistance), cloud.Distance);
                Assert.Equal(Enumerable.Range(0, n), cloud.Matching.Order());
                Assert.Equal(Enumerable.Range(0, n), line.Matching.Order());
            },
            iter: 100);
    }

    [Fact]
    public void ArrayOverloadMatchesSpanOverload()
    {
        CloudPairs.Sample(
            pair =>
            {
                (double[] x, double[] y) = pair;
                int n = x.Length / 2;
                var xPoints = new double[n, 2];
                var yPoints = new double[n, 2];
                Buffer.BlockCopy(x, 0, xPoints, 0, x.Length * sizeof(double));
                Buffer.BlockCopy(y, 0, yPoints, 0, y.Length * sizeof(double));

                WassersteinResult fromArray = Wasserstein.Compute(xPoints, yPoints);

                Assert.Equal(Wasserstein.Compute(x, y, 2).Matching, fromArray.Matching);
                Assert.Equal(fromArray.SquaredDistance, Wasserstein.W2Squared(xPoints, yPoints));
                Assert.Equal(fromArray.Distance, Wasserstein.W2(xPoints, yPoints));
            },
            iter: 50);
    }

    [Fact]
    public void TwoParticlesTakeSmallerPairing()
    {
        // A point x ∈ ℝ² read as two particles on the line: W2² is the smaller of the two pairings, and after
        // sorting both points (projecting onto x₁ ≤ x₂) the identity pairing is the optimal one.
        Gen<(double, double, double, double)> pairs =
            from x1 in Coordinate
            from x2 in Coordinate
            from y1 in Coordinate
            from y2 in Coordinate
            select (x1, x2, y1, y2);
        pairs.Sample(
            sample =>
            {
                (double x1, double x2, double y1, double y2) = sample;
                double identity = 0.5 * (Square(x1 - y1) + Square(x2 - y2));
                double swapped = 0.5 * (Square(x2 - y1) + Square(x1 - y2));
                double expected = Math.Min(identity, swapped);

                Approximately.Equal(expected, Wasserstein.W2Squared([x1, x2], [y1, y2]), 1e-12);
                Approximately.Equal(expected, Wasserstein.W2Squared([x1, x2], [y1, y2], 1), 1e-12);

                double[] xSorted = [Math.Min(x1, x2), Math.Max(x1, x2)];
                double[] ySorted = [Math.Min(y1, y2), Math.Max(y1, y2)];
                double sortedIdentity = 0.5 * (Square(xSorted[0] - ySorted[0]) + Square(xSorted[1] - ySorted[1]));
                Approximately.Equal(expected, sortedIdentity, 1e-12);
            },
            iter: 500);
    }

    private static double MatchedMeanSquare(double[] x, double[] y, int dimension, int[] matching)
    {
        int n = x.Length / dimension;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < dimension; k++)
            {
                sum += Square(x[i * dimension + k] - y[matching[i] * dimension + k]);
            }
        }

        return sum / n;
    }

    private static double Square(double value) => value * value;
}
