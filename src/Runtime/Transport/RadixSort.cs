using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymmetryDsl.Transport;

/// <summary>
/// Least-significant-digit radix sort of doubles through order-preserving 64-bit keys, for the 1-D W2 path
/// where the sort dominates the cost.
/// </summary>
/// <remarks>
/// A key is the IEEE 754 bit pattern with the sign bit flipped for non-negative values and all bits flipped
/// for negative ones, so unsigned key order is numeric order (−0 sorts just before +0). The input must be
/// free of NaN. Four passes of 16-bit digits cover the 64 bits, and a pass whose digit is the same for every
/// key is skipped.
/// </remarks>
internal static class RadixSort
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Sorts the keys of <paramref name="values"/> into <paramref name="keys"/>, using <paramref name="scratch"/> as the second buffer.</summary>
    /// <returns>The buffer, <paramref name="keys"/> or <paramref name="scratch"/>, that contains the sorted keys.</returns>
    internal static Span<ulong> SortKeys(ReadOnlySpan<double> values, Span<ulong> keys, Span<ulong> scratch)
    {
        int n = values.Length;
        int[] counts = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            return SortKeys(values, keys, scratch, counts.AsSpan(0, Passes * Buckets));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static Span<ulong> SortKeys(ReadOnlySpan<double> values, Span<ulong> keys, Span<ulong> scratch, Span<int> counts)
    {
        int n = values.Length;
        counts.Clear();
        for (int k = 0; k < n; k++)
        {
            ulong key = ToKey(values[k]);
            keys[k] = key;
            for (int pass = 0; pass < Passes; pass++)
            {
                counts[pass * Buckets + (int)((key >> (pass * DigitBits)) & (Buckets - 1))]++;
            }
        }

        Span<ulong> source = keys;
        Span<ulong> destination = scratch;
        for (int pass = 0; pass < Passes; pass++)
        {
            Span<int> histogram = counts.Slice(pass * Buckets, Buckets);
            int firstKeyDigit = (int)((source[0] >> (pass * DigitBits)) & (Buckets - 1));
            if (histogram[firstKeyDigit] == n)
            {
                continue;
            }

            // The histogram becomes the running write offsets of its buckets.
            Span<int> offsets = histogram;
            int total = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int count = offsets[b];
                offsets[b] = total;
                total += count;
            }

            ref ulong sourceStart = ref MemoryMarshal.GetReference(source);
            ref ulong destinationStart = ref MemoryMarshal.GetReference(destination);
            ref int offsetStart = ref MemoryMarshal.GetReference(offsets);
            int shift = pass * DigitBits;
            for (int k = 0; k < n; k++)
            {
                ulong key = Unsafe.Add(ref sourceStart, k);
                ref int offset = ref Unsafe.Add(ref offsetStart, (int)((key >> shift) & (Buckets - 1)));
                Unsafe.Add(ref destinationStart, offset) = key;
                offset++;
            }

            Span<ulong> swap = source;
            source = destination;
            destination = swap;
        }

        return source;
    }

    /// <summary>Maps a double to a key whose unsigned order is the numeric order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ToKey(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        ulong mask = (ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL;
        return bits ^ mask;
    }

    /// <summary>Inverts <see cref="ToKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromKey(ulong key)
    {
        ulong mask = ((key >> 63) - 1) | 0x8000_0000_0000_0000UL;
        return BitConverter.UInt64BitsToDouble(key ^ mask);
    }
}
