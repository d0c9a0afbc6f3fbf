using System.Buffers;

namespace SymmetryDsl.Geometry;

/// <summary>
/// Allocation-free helpers for permutations stored as image spans, with the convention of
/// <see cref="Permutation"/>: σ is the span of images σ(0), …, σ(n − 1), and applying σ moves the item at
/// position i to position σ(i), so destination[σ(i)] = source[i].
/// </summary>
/// <remarks>
/// Every helper that reads a permutation checks that it is a bijection of 0..n − 1 and throws
/// <see cref="ArgumentException"/> naming the first invalid index and its image otherwise. The check uses a
/// stack buffer for up to 65,536 entries and a pooled array beyond that, so it allocates nothing after warm-up.
/// Destinations must not overlap the inputs.
/// </remarks>
public static class Permutations
{
    // 1024 words of 64 bits: an 8 KiB stack buffer marks up to 65,536 images.
    private const int MaxStackWords = 1024;

    /// <summary>Applies <paramref name="permutation"/> to a sequence: destination[σ(i)] = source[i].</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="permutation">The images σ(0), …, σ(n − 1) of a bijection of 0..n − 1.</param>
    /// <param name="source">The n items to move.</param>
    /// <param name="destination">Receives the moved items; length n, not overlapping <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="permutation"/> is not a bijection, the lengths differ, or the spans overlap.
    /// </exception>
    public static void Apply<T>(ReadOnlySpan<int> permutation, ReadOnlySpan<T> source, Span<T> destination)
    {
        ThrowIfInvalid(permutation, nameof(permutation));
        ThrowIfLengthDiffers(permutation.Length, source.Length, nameof(source));
        ThrowIfLengthDiffers(permutation.Length, destination.Length, nameof(destination));
        ThrowIfOverlapping(source, destination);

        for (int i = 0; i < permutation.Length; i++)
        {
            destination[permutation[i]] = source[i];
        }
    }

    /// <summary>
    /// Applies <paramref name="permutation"/> to the rows of a row-major n × <paramref name="rowLength"/> block:
    /// row i of <paramref name="source"/> becomes row σ(i) of <paramref name="destination"/>, so each row moves as
    /// one particle.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="permutation">The images σ(0), …, σ(n − 1) of a bijection of 0..n − 1.</param>
    /// <param name="source">n rows of <paramref name="rowLength"/> items each, row after row.</param>
    /// <param name="rowLength">The number of items per row, zero or more.</param>
    /// <param name="destination">Receives the moved rows; same length as <paramref name="source"/>, not overlapping it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="permutation"/> is not a bijection, a length is not n · <paramref name="rowLength"/>, or the spans overlap.
    /// </exception>
    public static void ApplyToRows<T>(ReadOnlySpan<int> permutation, ReadOnlySpan<T> source, int rowLength, Span<T> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowLength);
        ThrowIfInvalid(permutation, nameof(permutation));

        long expectedLength = (long)permutation.Length * rowLength;
        ThrowIfLengthDiffers(expectedLength, source.Length, nameof(source));
        ThrowIfLengthDiffers(expectedLength, destination.Length, nameof(destination));
        ThrowIfOverlapping(source, destination);

        for (int i = 0; i < permutation.Length; i++)
        {
            source.Slice(i * rowLength, rowLength).CopyTo(destination.Slice(permutation[i] * rowLength, rowLength));
        }
    }

    /// <summary>Writes the inverse permutation: inverse[σ(i)] = i.</summary>
    /// <param name="permutation">The images σ(0), …, σ(n − 1) of a bijection of 0..n − 1.</param>
    /// <param name="inverse">Receives σ⁻¹; length n, not overlapping <paramref name="permutation"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="permutation"/> is not a bijection, the lengths differ, or the spans overlap.
    /// </exception>
    public static void Invert(ReadOnlySpan<int> permutation, Span<int> inverse)
    {
        ThrowIfLengthDiffers(permutation.Length, inverse.Length, nameof(inverse));
        ThrowIfOverlapping(permutation, inverse, nameof(inverse));

        // The inverse itself marks which images were seen, so validation needs no extra buffer.
        inverse.Fill(-1);
        for (int i = 0; i < permutation.Length; i++)
        {
            int image = permutation[i];
            if ((uint)image >= (uint)permutation.Length || inverse[image] >= 0)
            {
                ThrowInvalidImage(permutation, i, nameof(permutation));
            }

            inverse[image] = i;
        }
    }

    /// <summary>
    /// Writes the composition outer ∘ inner: destination[i] = outer[inner[i]]. Applying the result equals applying
    /// <paramref name="inner"/> first and <paramref name="outer"/> second.
    /// </summary>
    /// <param name="outer">The permutation applied second.</param>
    /// <param name="inner">The permutation applied first, same length as <paramref name="outer"/>.</param>
    /// <param name="destination">Receives the composition; same length, not overlapping either input.</param>
    /// <exception cref="ArgumentException">
    /// An input is not a bijection, the lengths differ, or <paramref name="destination"/> overlaps an input.
    /// </exception>
    public static void Compose(ReadOnlySpan<int> outer, ReadOnlySpan<int> inner, Span<int> destination)
    {
        ThrowIfInvalid(outer, nameof(outer));
        ThrowIfInvalid(inner, nameof(inner));
        ThrowIfLengthDiffers(outer.Length, inner.Length, nameof(inner));
        ThrowIfLengthDiffers(outer.Length, destination.Length, nameof(destination));
        ThrowIfOverlapping(outer, destination);
        ThrowIfOverlapping(inner, destination);

        for (int i = 0; i < inner.Length; i++)
        {
            destination[i] = outer[inner[i]];
        }
    }

    /// <summary>Determines whether every index is its own image, σ(i) = i.</summary>
    /// <param name="permutation">The images to test. The span is not validated as a bijection, but an identity always is one.</param>
    /// <returns><see langword="true"/> for the identity of any size, including the empty one.</returns>
    public static bool IsIdentity(ReadOnlySpan<int> permutation)
    {
        for (int i = 0; i < permutation.Length; i++)
        {
            if (permutation[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Determines whether <paramref name="permutation"/> is a bijection of 0..n − 1, where n is its length.</summary>
    /// <param name="permutation">The images to test.</param>
    /// <returns><see langword="true"/> when every image is in range and no image repeats.</returns>
    public static bool IsValid(ReadOnlySpan<int> permutation) => FindInvalidIndex(permutation) < 0;

    /// <summary>Writes the identity permutation: destination[i] = i.</summary>
    /// <param name="destination">Receives the images.</param>
    public static void FillIdentity(Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = i;
        }
    }

    /// <summary>
    /// Writes a permutation drawn uniformly from the n! permutations of 0..n − 1, by the in-place Fisher–Yates
    /// shuffle of the identity. The draw consumes n − 1 calls to
    /// <see cref="System.Random.Next(int)"/>, so the same seed gives the same permutation.
    /// </summary>
    /// <param name="destination">Receives the images; its length is n.</param>
    /// <param name="random">The source of randomness.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void FillRandom(Span<int> destination, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);

        FillIdentity(destination);

        // Each step picks the image at position i uniformly from the images still in 0..i, so all n! outcomes are
        // equally likely.
        for (int i = destination.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (destination[i], destination[j]) = (destination[j], destination[i]);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first index whose image is out of range or repeated.</summary>
    internal static void ThrowIfInvalid(ReadOnlySpan<int> permutation, string parameterName)
    {
        int invalidIndex = FindInvalidIndex(permutation);
        if (invalidIndex >= 0)
        {
            ThrowInvalidImage(permutation, invalidIndex, parameterName);
        }
    }

    private static int FindInvalidIndex(ReadOnlySpan<int> permutation)
    {
        int wordCount = (int)(((long)permutation.Length + 63) / 64);
        ulong[]? rented = null;
        Span<ulong> seen = wordCount <= MaxStackWords
            ? stackalloc ulong[wordCount]
            : (rented = ArrayPool<ulong>.Shared.Rent(wordCount)).AsSpan(0, wordCount);
        seen.Clear();

        try
        {
            for (int i = 0; i < permutation.Length; i++)
            {
                int image = permutation[i];
                if ((uint)image >= (uint)permutation.Length)
                {
                    return i;
                }

                ulong bit = 1UL << (image & 63);
                ref ulong word = ref seen[image >> 6];
                if ((word & bit) != 0)
                {
                    return i;
                }

                word |= bit;
            }

            return -1;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    private static void ThrowInvalidImage(ReadOnlySpan<int> permutation, int index, string parameterName)
    {
        int image = permutation[index];
        string reason = (uint)image >= (uint)permutation.Length
            ? $"outside the range 0..{permutation.Length - 1}"
            : "already the image of an earlier index";
        throw new ArgumentException(
            $"{parameterName} is not a permutation of 0..{permutation.Length - 1}: {parameterName}[{index}] = {image} is {reason}.",
            parameterName);
    }

    private static void ThrowIfLengthDiffers(long expectedLength, int actualLength, string parameterName)
    {
        if (expectedLength != actualLength)
        {
            throw new ArgumentException(
                $"{parameterName} has length {actualLength}, but the permutation requires length {expectedLength}.",
                parameterName);
        }
    }

    private static void ThrowIfOverlapping<T>(ReadOnlySpan<T> input, Span<T> destination, string parameterName = "destination")
    {
        if (input.Overlaps(destination))
        {
            throw new ArgumentException(
                $"{parameterName} overlaps an input span; pass a separate buffer.", parameterName);
        }
    }
}
