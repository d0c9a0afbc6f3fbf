namespace SymmetryDsl.Samples;

/// <summary>Creates a sample's output folder and turns file-system failures into one-line messages naming <c>--output</c>.</summary>
internal static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="folder"/> (relative paths start at the current directory), checks that a file can be
    /// written into it, and returns its full path. Returns <c>null</c> after writing one line to
    /// <paramref name="error"/> when the folder cannot be created or written.
    /// </summary>
    /// <remarks>
    /// The samples call this before any computation, so that a folder without write permission fails at once
    /// instead of after a run of several seconds.
    /// </remarks>
    public static string? TryCreate(string folder, TextWriter error)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(folder);
            Directory.CreateDirectory(fullPath);
        }
        catch (Exception exception) when (IsFileSystemError(exception))
        {
            error.WriteLine($"--output: cannot create the folder '{folder}': {OneLine(exception.Message)}");
            return null;
        }

        try
        {
            WriteAndDeleteProbe(fullPath);
        }
        catch (Exception exception) when (IsFileSystemError(exception))
        {
            error.WriteLine($"--output: cannot write into the folder '{folder}': {OneLine(exception.Message)} Choose a writable folder.");
            return null;
        }

        return fullPath;
    }

    /// <summary>Whether <paramref name="exception"/> is one that creating or writing a file can raise for a bad path.</summary>
    public static bool IsFileSystemError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    // FileMode.CreateNew never replaces an existing file, and the random name makes a clash with one unlikely.
    private static void WriteAndDeleteProbe(string folder)
    {
        string probePath = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}.tmp");
        using (var probe = new FileStream(probePath, FileMode.CreateNew, FileAccess.Write))
        {
            probe.WriteByte(0);
        }

        File.Delete(probePath);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
