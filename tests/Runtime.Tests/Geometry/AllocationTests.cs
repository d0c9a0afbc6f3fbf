using SymmetryDsl.Geometry;

namespace SymmetryDsl.Tests.Geometry;

public class AllocationTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void PermutationHelpers_AfterWarmUp_AllocateNothing(int count)
    {
        int[] sigma = Permutation.Random(count, new Random(1)).AsSpan().ToArray();
        int[] tau = Permutation.Random(count, new Random(2)).AsSpan().ToArray();
        int[] images = new int[count];
        double[] source = new double[2 * count];
        double[] destination = new double[2 * count];
        var random = new Random(3);

        // The first round warms up the JIT and the array pool that backs the bijection check for large counts.
        RunHelpers();
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunHelpers();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        void RunHelpers()
        {
            Permutations.Apply<double>(sigma, source.AsSpan(0, count), destination.AsSpan(0, count));
            Permutations.ApplyToRows<double>(sigma, source, 2, destination);
            Permutations.Invert(sigma, images);
            Permutations.Compose(sigma, tau, images);
            Permutations.IsValid(sigma);
            Permutations.FillRandom(images, random);
        }
    }

    [Fact]
    public void PeriodicSpanOverloads_AfterWarmUp_AllocateNothing()
    {
        double[] x = Enumerable.Range(0, 1000).Select(i => i * 0.37 - 100).ToArray();
        double[] y = Enumerable.Range(0, 1000).Select(i => i * -0.21 + 50).ToArray();
        double[] destination = new double[1000];

        RunPeriodic();
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPeriodic();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        void RunPeriodic()
        {
            Periodic.Wrap(x, 1.5, destination);
            Periodic.Difference(x, y, 1.5, destination);
            Periodic.Interpolate(x, y, 0.3, 1.5, destination);
            Periodic.SquaredDistance(x, y, 1.5);
            Periodic.NearestShift(x[3], y[5], 1.5);
        }
    }
}
