using System.Buffers.Binary;
using System.Text;

namespace SymmetryDsl.Benchmarks;

/// <summary>Writes float64 arrays in numpy's .npy format (version 1.0, little-endian, C order) for the peer script.</summary>
public static class NpyWriter
{
    public static void Write(string path, ReadOnlySpan<double> values, params int[] shape)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {shapeText}, }}";

        // The magic string, version and length take 10 bytes. numpy pads the header with spaces, so that the data
        // starts at a multiple of 64 bytes, and ends it with a newline.
        int paddedLength = (10 + header.Length + 1 + 63) / 64 * 64 - 10;
        header = header.PadRight(paddedLength - 1) + "\n";

        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));

        Span<byte> buffer = stackalloc byte[8];
        foreach (double value in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, value);
            stream.Write(buffer);
        }
    }
}
