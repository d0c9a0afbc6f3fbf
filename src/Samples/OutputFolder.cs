namespace SymmetryDsl.Samples;

/// <summary>Creates a sample's output folder and turns file-system failures into one-line messages naming <c>--output</c>.</summary>
internal static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="folder"/> (relative paths start at the current directory) and returns its full path,
    /// or <c>null</c> after writing one line to <paramref name="error"/> when it cannot be created.
    /// </summary>
    public static string? TryCreate(string folder, TextWriter error)
    {
        try
        {
            string fullPath = Path.GetFullPath(folder);
            Directory.CreateDirectory(fullPath);
            return fullPath;
        }
        catch (Exception exception) when (IsFileSystemError(exception))
        {
            error.WriteLine($"--output: cannot create the folder '{folder}': {exception.Message}");
            return null;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is one that creating or writing a file can raise for a bad path.</summary>
    public static bool IsFileSystemError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
