using System.Runtime.Versioning;
using SymmetryDsl.Samples.Pair;

namespace SymmetryDsl.Samples.Tests;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "symmetrydsl-output-folder-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        // The read-only tests leave the folder at mode 0555, which would stop the delete for a non-root user.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(folder, recursive: true);
    }

    // Small sizes keep each run short if the check ever stops happening before the computation.
    [UnixPermissionsTheory]
    [InlineData("mean-field", "--neurons", "4", "--seeds", "2", "--time", "0.5")]
    [InlineData("circle", "--time", "0.05")]
    [InlineData("pair")]
    [InlineData("align", "--neurons", "4", "--time", "0.5", "--points", "3")]
    [UnsupportedOSPlatform("windows")]
    public void ReadOnlyFolder_FailsBeforeComputing(params string[] arguments)
    {
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixPermissionsTheoryAttribute.ReadOnlyFolderMode);

        var result = SampleRunner.Run([.. arguments, "--output", folder]);

        SampleRunner.AssertOneLineError(result, "--output");
        Assert.Contains($"'{folder}'", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void WritableFolder_KeepsNoProbeFile()
    {
        var result = SampleRunner.Run("pair", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Path.Combine(folder, PairSample.PlotFileName)], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void TryCreate_ReturnsFullPathOfNewFolder()
    {
        using var error = new StringWriter();
        string nested = Path.Combine(folder, "a", "b");

        string? created = OutputFolder.TryCreate(nested, error);

        Assert.Equal(Path.GetFullPath(nested), created);
        Assert.True(Directory.Exists(nested));
        Assert.Empty(Directory.GetFileSystemEntries(nested));
        Assert.Equal("", error.ToString());
    }
}
