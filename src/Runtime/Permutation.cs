using System.Collections;
using SymmetryDsl.Geometry;

namespace SymmetryDsl;

/// <summary>
/// An element σ of the symmetric group Sₙ, the group that reorders n exchangeable particles. σ maps index i to
/// σ(i), and applying σ to a sequence moves the item at position i to position σ(i): destination[σ(i)] = source[i].
/// </summary>
/// <remarks>
/// Instances are immutable. The span helpers in <see cref="Permutations"/> use the same convention and do the
/// same work without allocating. Composition follows function composition: <c>outer.Compose(inner)</c> maps i to
/// outer(inner(i)), so applying it equals applying <c>inner</c> first and <c>outer</c> second.
/// </remarks>
public sealed class Permutation : IEquatable<Permutation>, IReadOnlyList<int>
{
    private readonly int[] images;

    /// <summary>Creates the permutation with images σ(0), …, σ(n − 1), copied from <paramref name="images"/>.</summary>
    /// <param name="images">A bijection of 0..n − 1.</param>
    /// <exception cref="ArgumentException">An image is out of range or repeated; the message names its index and value.</exception>
    public Permutation(ReadOnlySpan<int> images)
    {
        Permutations.ThrowIfInvalid(images, nameof(images));
        this.images = images.ToArray();
        IsIdentity = Permutations.IsIdentity(this.images);
    }

    // Takes ownership of an array that the caller has already validated.
    private Permutation(int[] validatedImages)
    {
        images = validatedImages;
        IsIdentity = Permutations.IsIdentity(images);
    }

    /// <summary>Number n of indices the permutation acts on.</summary>
    public int Count => images.Length;

    /// <summary>Whether σ(i) = i for every index.</summary>
    public bool IsIdentity { get; }

    /// <summary>Gets the image σ(<paramref name="index"/>).</summary>
    /// <param name="index">An index in 0..n − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..n − 1.</exception>
    public int this[int index]
    {
        get
        {
            if ((uint)index >= (uint)images.Length)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(index), index, $"The index must be in 0..{images.Length - 1}, but it is {index}.");
            }

            return images[index];
        }
    }

    /// <summary>Returns the identity permutation of <paramref name="count"/> indices.</summary>
    /// <param name="count">The number of indices, zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Permutation Identity(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        int[] identity = new int[count];
        Permutations.FillIdentity(identity);
        return new Permutation(identity);
    }

    /// <summary>
    /// Draws a permutation of <paramref name="count"/> indices uniformly at random by the Fisher–Yates shuffle; the
    /// same seed of <paramref name="random"/> gives the same permutation.
    /// </summary>
    /// <param name="count">The number of indices, zero or more.</param>
    /// <param name="random">The source of randomness.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Permutation Random(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);

        int[] drawn = new int[count];
        Permutations.FillRandom(drawn, random);
        return new Permutation(drawn);
    }

    /// <summary>Returns the inverse σ⁻¹, which moves every item back: σ⁻¹(σ(i)) = i.</summary>
    public Permutation Inverse()
    {
        int[] inverse = new int[images.Length];
        Permutations.Invert(images, inverse);
        return new Permutation(inverse);
    }

    /// <summary>
    /// Returns the composition this ∘ <paramref name="inner"/>, which maps i to this(inner(i)). Applying it equals
    /// applying <paramref name="inner"/> first and this permutation second.
    /// </summary>
    /// <param name="inner">The permutation applied first; it must act on the same number of indices.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="inner"/> has a different <see cref="Count"/>.</exception>
    public Permutation Compose(Permutation inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.Count != Count)
        {
            throw new ArgumentException(
                $"inner acts on {inner.Count} indices, but this permutation acts on {Count}; the counts must be equal.",
                nameof(inner));
        }

        int[] composition = new int[images.Length];
        Permutations.Compose(images, inner.images, composition);
        return new Permutation(composition);
    }

    /// <summary>Applies the permutation to a sequence: destination[σ(i)] = source[i].</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The <see cref="Count"/> items to move.</param>
    /// <param name="destination">Receives the moved items; same length, not overlapping <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">A length differs from <see cref="Count"/>, or the spans overlap.</exception>
    public void Apply<T>(ReadOnlySpan<T> source, Span<T> destination) =>
        Permutations.Apply(images, source, destination);

    /// <summary>Applies the permutation to a sequence and returns the result in a new array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The <see cref="Count"/> items to move.</param>
    /// <returns>The array r with r[σ(i)] = source[i].</returns>
    /// <exception cref="ArgumentException">The length of <paramref name="source"/> differs from <see cref="Count"/>.</exception>
    public T[] Apply<T>(ReadOnlySpan<T> source)
    {
        T[] destination = new T[source.Length];
        Apply(source, destination);
        return destination;
    }

    /// <summary>Returns the images σ(0), …, σ(n − 1) as a read-only span over the permutation's own storage.</summary>
    public ReadOnlySpan<int> AsSpan() => images;

    /// <summary>Determines whether <paramref name="other"/> has the same images.</summary>
    /// <param name="other">The permutation to compare with.</param>
    public bool Equals(Permutation? other) =>
        other is not null && images.AsSpan().SequenceEqual(other.images);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Permutation);

    /// <summary>Returns a hash code that depends on every image and its position.</summary>
    public override int GetHashCode()
    {
        // HashCode.Add mixes each value into a running state, so the same image at another position changes the
        // result. An XOR of element hashes would ignore positions and cancel equal images.
        var hash = new HashCode();
        hash.Add(images.Length);
        foreach (int image in images)
        {
            hash.Add(image);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the images in one-line notation, for example <c>[1, 0, 2]</c> for the swap of indices 0 and 1.</summary>
    public override string ToString() => "[" + string.Join(", ", images) + "]";

    /// <summary>Enumerates the images σ(0), …, σ(n − 1).</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)images).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Determines whether two permutations have the same images; two nulls are equal.</summary>
    /// <param name="left">The first permutation.</param>
    /// <param name="right">The second permutation.</param>
    public static bool operator ==(Permutation? left, Permutation? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Determines whether two permutations differ.</summary>
    /// <param name="left">The first permutation.</param>
    /// <param name="right">The second permutation.</param>
    public static bool operator !=(Permutation? left, Permutation? right) => !(left == right);
}
