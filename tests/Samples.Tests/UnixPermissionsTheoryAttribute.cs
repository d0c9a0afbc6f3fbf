using System.Runtime.Versioning;

namespace SymmetryDsl.Samples.Tests;

/// <summary>
/// A theory that needs a folder this process cannot write into. It is skipped on Windows, and wherever a folder
/// with mode 0555 still accepts a new file from this process, as it does for root.
/// </summary>
public sealed class UnixPermissionsTheoryAttribute : TheoryAttribute
{
    /// <summary>Read and execute permission for everyone, and no write permission.</summary>
    public const UnixFileMode ReadOnlyFolderMode =
        UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Marks the theory skipped unless a read-only folder rejects a write from this process.</summary>
    public UnixPermissionsTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix permission test: Windows has no Unix file modes.";
        }
        else if (!ReadOnlyFolderRejectsWrites())
        {
            Skip = "Unix permission test: a folder with mode 0555 still accepted a new file from this process (running as root?).";
        }
    }

    // Probing covers root, CAP_DAC_OVERRIDE and file systems that ignore modes alike.
    [UnsupportedOSPlatform("windows")]
    private static bool ReadOnlyFolderRejectsWrites()
    {
        string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-permission-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.SetUnixFileMode(folder, ReadOnlyFolderMode);
            try
            {
                File.WriteAllText(Path.Combine(folder, "probe"), "");
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder, recursive: true);
        }
    }
}
