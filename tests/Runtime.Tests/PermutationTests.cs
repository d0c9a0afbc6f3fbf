using CsCheck;

namespace SymmetryDsl.Tests;

public class PermutationTests
{
    private const int Iterations = 1000;

    // Three permutations of one random size from 0 to 12, each drawn from its own seed.
    private static readonly Gen<(Permutation First, Permutation Second, Permutation Third)> Triple =
        Gen.Select(Gen.Int[0, 12], Gen.Int, Gen.Int, Gen.Int).Select((n, a, b, c) =>
            (Permutation.Random(n, new Random(a)), Permutation.Random(n, new Random(b)), Permutation.Random(n, new Random(c))));

    [Fact]
    public void Apply_SmallCase_MovesItemIToPositionSigmaI()
    {
        var sigma = new Permutation([2, 0, 1]);

        string[] moved = sigma.Apply<string>(["a", "b", "c"]);

        Assert.Equal(["b", "c", "a"], moved);
    }

    [Fact]
    public void Compose_SmallCase_AppliesInnerFirst()
    {
        var outer = new Permutation([1, 0, 2]);
        var inner = new Permutation([0, 2, 1]);

        Permutation composition = outer.Compose(inner);

        // Index 1 goes to 2 under inner and stays there under outer. Index 2 goes to 1, then outer sends 1 to 0.
        Assert.Equal([1, 2, 0], composition.AsSpan().ToArray());
    }

    [Fact]
    public void Compose_IsAssociative()
    {
        Triple.Sample((a, b, c) => a.Compose(b).Compose(c) == a.Compose(b.Compose(c)), iter: Iterations);
    }

    [Fact]
    public void Identity_IsNeutralOnBothSides()
    {
        Triple.Sample((a, _, _) =>
        {
            Permutation identity = Permutation.Identity(a.Count);
            Assert.True(identity.IsIdentity);
            Assert.Equal(a, a.Compose(identity));
            Assert.Equal(a, identity.Compose(a));
        }, iter: Iterations);
    }

    [Fact]
    public void Inverse_ComposesToIdentity()
    {
        Triple.Sample((a, _, _) =>
        {
            Permutation inverse = a.Inverse();
            Assert.True(a.Compose(inverse).IsIdentity);
            Assert.True(inverse.Compose(a).IsIdentity);
            Assert.Equal(a, inverse.Inverse());
        }, iter: Iterations);
    }

    [Fact]
    public void ApplyComposition_EqualsApplyingInnerThenOuter()
    {
        Triple.Sample((outer, inner, _) =>
        {
            int[] source = Enumerable.Range(100, outer.Count).ToArray();

            int[] direct = outer.Compose(inner).Apply<int>(source);
            int[] stepwise = outer.Apply<int>(inner.Apply<int>(source));

            Assert.Equal(stepwise, direct);
        }, iter: Iterations);
    }

    [Fact]
    public void Apply_Inverse_RestoresSource()
    {
        Triple.Sample((a, _, _) =>
        {
            double[] source = Enumerable.Range(0, a.Count).Select(i => i * 0.5).ToArray();

            Assert.Equal(source, a.Inverse().Apply<double>(a.Apply<double>(source)));
        }, iter: Iterations);
    }

    [Fact]
    public void Random_AllPermutationsOfFour_PassChiSquaredTest()
    {
        const int draws = 24_000;
        var random = new Random(20261204);
        var counts = new Dictionary<Permutation, int>();

        for (int draw = 0; draw < draws; draw++)
        {
            Permutation sigma = Permutation.Random(4, random);
            counts[sigma] = counts.GetValueOrDefault(sigma) + 1;
        }

        double expected = draws / 24.0;
        double statistic = counts.Values.Sum(count => (count - expected) * (count - expected) / expected);

        // 0.999 quantile of χ² with 23 degrees of freedom, from mpmath's regularized upper incomplete gamma.
        const double criticalValue = 49.728;
        Assert.Equal(24, counts.Count);
        Assert.True(statistic < criticalValue, $"χ² = {statistic} is not below {criticalValue}.");
    }

    [Fact]
    public void Random_SameSeed_GivesSamePermutation()
    {
        Permutation first = Permutation.Random(50, new Random(7));
        Permutation second = Permutation.Random(50, new Random(7));
        Permutation other = Permutation.Random(50, new Random(8));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Random_NullRandom_ThrowsNamingRandom()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Permutation.Random(3, null!));

        Assert.Equal("random", exception.ParamName);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 1 }, 1, 0)]
    [InlineData(new[] { 0, 3, 1 }, 1, 3)]
    [InlineData(new[] { 2, -1, 0 }, 1, -1)]
    [InlineData(new[] { 1, 2, 1 }, 2, 1)]
    public void Constructor_InvalidImages_ThrowsNamingIndexAndValue(int[] images, int index, int value)
    {
        var exception = Assert.Throws<ArgumentException>(() => new Permutation(images));

        Assert.Equal("images", exception.ParamName);
        Assert.Contains($"images[{index}] = {value}", exception.Message);
    }

    [Fact]
    public void Constructor_CopiesImages()
    {
        int[] images = [1, 0];
        var sigma = new Permutation(images);

        images[0] = 0;

        Assert.Equal(1, sigma[0]);
    }

    [Fact]
    public void Indexer_OutOfRange_ThrowsNamingIndex()
    {
        var sigma = new Permutation([1, 0]);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => sigma[2]);

        Assert.Equal("index", exception.ParamName);
        Assert.Contains("2", exception.Message);
    }

    [Fact]
    public void Compose_DifferentCounts_ThrowsNamingInner()
    {
        var exception = Assert.Throws<ArgumentException>(() => Permutation.Identity(3).Compose(Permutation.Identity(4)));

        Assert.Equal("inner", exception.ParamName);
        Assert.Contains("4", exception.Message);
        Assert.Contains("3", exception.Message);
    }

    [Fact]
    public void Apply_WrongLength_ThrowsNamingSource()
    {
        var exception = Assert.Throws<ArgumentException>(() => Permutation.Identity(3).Apply<int>([1, 2]));

        Assert.Equal("source", exception.ParamName);
    }

    [Fact]
    public void Equality_FollowsImages()
    {
        var swap = new Permutation([1, 0, 2]);

        Assert.Equal(swap, new Permutation([1, 0, 2]));
        Assert.Equal(swap.GetHashCode(), new Permutation([1, 0, 2]).GetHashCode());
        Assert.True(swap == new Permutation([1, 0, 2]));
        Assert.True(swap != new Permutation([0, 2, 1]));
        Assert.NotEqual(Permutation.Identity(2), Permutation.Identity(3));
        Assert.False(swap.Equals(null));
    }

    [Fact]
    public void GetHashCode_AllPermutationsOfFour_AreDistinct()
    {
        // Every permutation of 4 has the same multiset of images, so a hash that ignores positions would collide.
        var hashes = AllPermutations(4).Select(images => new Permutation(images).GetHashCode()).ToHashSet();

        Assert.Equal(24, hashes.Count);
    }

    [Fact]
    public void ToString_UsesOneLineNotation()
    {
        Assert.Equal("[1, 0, 2]", new Permutation([1, 0, 2]).ToString());
        Assert.Equal("[]", Permutation.Identity(0).ToString());
    }

    [Fact]
    public void ReadOnlyList_EnumeratesImages()
    {
        var sigma = new Permutation([2, 0, 1]);

        Assert.Equal(3, sigma.Count);
        Assert.Equal([2, 0, 1], sigma.ToArray());
        Assert.False(sigma.IsIdentity);
    }

    private static IEnumerable<int[]> AllPermutations(int n)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        foreach (int[] smaller in AllPermutations(n - 1))
        {
            for (int position = 0; position < n; position++)
            {
                var images = smaller.ToList();
                images.Insert(position, n - 1);
                yield return images.ToArray();
            }
        }
    }
}
