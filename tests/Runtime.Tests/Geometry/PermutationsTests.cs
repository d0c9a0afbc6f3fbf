using CsCheck;
using SymmetryDsl.Geometry;

namespace SymmetryDsl.Tests.Geometry;

public class PermutationsTests
{
    private const int Iterations = 1000;

    private static readonly Gen<Permutation> RandomPermutation =
        Gen.Select(Gen.Int[0, 12], Gen.Int).Select((n, seed) => Permutation.Random(n, new Random(seed)));

    [Fact]
    public void ApplyToRows_MovesEachRowAsBlock()
    {
        Gen.Select(RandomPermutation, Gen.Int[0, 4]).Sample((sigma, rowLength) =>
        {
            int n = sigma.Count;
            double[] source = Enumerable.Range(0, n * rowLength).Select(i => i + 0.25).ToArray();
            double[] destination = new double[source.Length];

            Permutations.ApplyToRows(sigma.AsSpan(), source, rowLength, destination);

            for (int row = 0; row < n; row++)
            {
                for (int column = 0; column < rowLength; column++)
                {
                    Assert.Equal(source[row * rowLength + column], destination[sigma[row] * rowLength + column]);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void ApplyToRows_SmallCase_SwapsBlocks()
    {
        int[] destination = new int[6];

        Permutations.ApplyToRows<int>([1, 0, 2], [1, 2, 3, 4, 5, 6], 2, destination);

        Assert.Equal([3, 4, 1, 2, 5, 6], destination);
    }

    [Fact]
    public void SpanHelpers_AgreeWithPermutation()
    {
        Gen.Select(RandomPermutation, Gen.Int).Sample((sigma, seed) =>
        {
            int n = sigma.Count;
            Permutation tau = Permutation.Random(n, new Random(seed));
            int[] inverse = new int[n];
            int[] composition = new int[n];
            string[] source = Enumerable.Range(0, n).Select(i => $"p{i}").ToArray();
            string[] moved = new string[n];

            Permutations.Invert(sigma.AsSpan(), inverse);
            Permutations.Compose(sigma.AsSpan(), tau.AsSpan(), composition);
            Permutations.Apply(sigma.AsSpan(), source, moved);

            Assert.Equal(sigma.Inverse().ToArray(), inverse);
            Assert.Equal(sigma.Compose(tau).ToArray(), composition);
            Assert.Equal(sigma.Apply<string>(source), moved);
            Assert.Equal(sigma.IsIdentity, Permutations.IsIdentity(sigma.AsSpan()));
        }, iter: Iterations);
    }

    [Fact]
    public void IsValid_MatchesBruteForceBijectionCheck()
    {
        Gen.Int[-1, 6].Array[0, 6].Sample(images =>
        {
            bool bijection = images.All(image => image >= 0 && image < images.Length)
                && images.Distinct().Count() == images.Length;

            Assert.Equal(bijection, Permutations.IsValid(images));
        }, iter: Iterations);
    }

    [Fact]
    public void IsValid_LargeRepeatedImage_IsDetected()
    {
        // Beyond 65,536 entries the seen-set comes from the array pool instead of the stack.
        int[] images = Enumerable.Range(0, 100_000).ToArray();
        Assert.True(Permutations.IsValid(images));

        images[99_999] = 70_000;

        Assert.False(Permutations.IsValid(images));
        var exception = Assert.Throws<ArgumentException>(() => Permutations.Invert(images, new int[images.Length]));
        Assert.Contains("permutation[99999] = 70000", exception.Message);
    }

    [Fact]
    public void FillRandom_SameSeed_MatchesPermutationRandom()
    {
        int[] images = new int[20];

        Permutations.FillRandom(images, new Random(42));

        Assert.Equal(Permutation.Random(20, new Random(42)).ToArray(), images);
        Assert.True(Permutations.IsValid(images));
    }

    [Fact]
    public void FillIdentity_WritesIdentity()
    {
        int[] images = [5, 5, 5, 5];

        Permutations.FillIdentity(images);

        Assert.Equal([0, 1, 2, 3], images);
        Assert.True(Permutations.IsIdentity(images));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 0 }, 1, 1)]
    [InlineData(new[] { 0, 5, 1 }, 1, 5)]
    [InlineData(new[] { -3, 0, 1 }, 0, -3)]
    public void Helpers_InvalidPermutation_ThrowNamingIndexAndValue(int[] images, int index, int value)
    {
        string expected = $"[{index}] = {value}";
        int[] buffer = new int[images.Length];

        var apply = Assert.Throws<ArgumentException>(() => Permutations.Apply<int>(images, [7, 8, 9], buffer));
        var rows = Assert.Throws<ArgumentException>(() => Permutations.ApplyToRows<int>(images, [7, 8, 9], 1, buffer));
        var invert = Assert.Throws<ArgumentException>(() => Permutations.Invert(images, buffer));
        var outer = Assert.Throws<ArgumentException>(() => Permutations.Compose(images, [0, 1, 2], buffer));
        var inner = Assert.Throws<ArgumentException>(() => Permutations.Compose([0, 1, 2], images, buffer));

        Assert.Equal("permutation", apply.ParamName);
        Assert.Contains("permutation" + expected, apply.Message);
        Assert.Equal("permutation", rows.ParamName);
        Assert.Equal("permutation", invert.ParamName);
        Assert.Contains("permutation" + expected, invert.Message);
        Assert.Equal("outer", outer.ParamName);
        Assert.Contains("outer" + expected, outer.Message);
        Assert.Equal("inner", inner.ParamName);
        Assert.Contains("inner" + expected, inner.Message);
    }

    [Fact]
    public void Helpers_WrongLengths_ThrowNamingArgument()
    {
        var apply = Assert.Throws<ArgumentException>(() => Permutations.Apply<int>([1, 0], [1, 2], new int[3]));
        Assert.Equal("destination", apply.ParamName);
        Assert.Contains("3", apply.Message);

        var rows = Assert.Throws<ArgumentException>(() => Permutations.ApplyToRows<int>([1, 0], [1, 2, 3], 2, new int[4]));
        Assert.Equal("source", rows.ParamName);
        Assert.Contains("4", rows.Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Permutations.ApplyToRows<int>([1, 0], [], -1, []));
        Assert.Equal("rowLength", negative.ParamName);

        var compose = Assert.Throws<ArgumentException>(() => Permutations.Compose([1, 0], [0, 1, 2], new int[2]));
        Assert.Equal("inner", compose.ParamName);
    }

    [Fact]
    public void Helpers_OverlappingDestination_Throw()
    {
        int[] images = [1, 0, 2];

        var invert = Assert.Throws<ArgumentException>(() => Permutations.Invert(images, images));
        var compose = Assert.Throws<ArgumentException>(() => Permutations.Compose(images, [0, 1, 2], images));
        var apply = Assert.Throws<ArgumentException>(() =>
        {
            int[] data = [4, 5, 6];
            Permutations.Apply<int>(images, data, data);
        });

        Assert.Equal("inverse", invert.ParamName);
        Assert.Equal("destination", compose.ParamName);
        Assert.Equal("destination", apply.ParamName);
    }

    [Fact]
    public void FillRandom_NullRandom_ThrowsNamingRandom()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Permutations.FillRandom(new int[3], null!));

        Assert.Equal("random", exception.ParamName);
    }
}
