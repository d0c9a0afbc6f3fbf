using System.Buffers.Binary;
using System.Globalization;
using SkiaSharp;

namespace SymmetryDsl.Samples.Tests;

/// <summary>Runs the samples program in-process and checks the files it writes.</summary>
internal static class SampleRunner
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int exitCode = SampleCommandLine.Run(arguments, stdout, stderr);

        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The paths listed after the "Wrote:" line, one per indented line, up to the first line that is not indented.</summary>
    public static string[] WrittenFiles(string stdout)
    {
        string[] lines = stdout.ReplaceLineEndings("\n").Split('\n');
        int start = Array.FindIndex(lines, line => line.Trim() == "Wrote:");
        Assert.True(start >= 0, "the output has no 'Wrote:' line");
        return lines[(start + 1)..].TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal)).Select(line => line.Trim()).ToArray();
    }

    /// <summary>Asserts that <paramref name="path"/> is a PNG of at least 600 × 600 pixels that SkiaSharp decodes.</summary>
    public static void AssertDecodablePng(string path)
    {
        Assert.True(File.Exists(path), $"missing {path}");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        int height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.True(width >= 600, $"{path} is {width} pixels wide");
        Assert.True(height >= 600, $"{path} is {height} pixels high");

        using SKBitmap bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    /// <summary>Reads the CSV file at <paramref name="path"/> and asserts that every row has as many cells as its header.</summary>
    public static string[][] ReadCsv(string path)
    {
        Assert.True(File.Exists(path), $"missing {path}");
        string[][] rows = File.ReadAllLines(path).Select(line => line.Split(',')).ToArray();
        Assert.True(rows.Length >= 2, $"{path} has no data rows");
        Assert.All(rows, row => Assert.Equal(rows[0].Length, row.Length));
        return rows;
    }

    /// <summary>Asserts a failed run that printed one line to standard error naming <paramref name="option"/>, and no results.</summary>
    public static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) result, string option)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(option, result.Stderr);
        Assert.DoesNotContain("Wrote:", result.Stdout);
    }
}
