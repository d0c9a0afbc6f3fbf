namespace SymmetryDsl.Package.Tests;

/// <summary>The C# language server csharp-ls, a real editor back end built on Roslyn's workspace.</summary>
internal static class LanguageServerTool
{
    /// <summary>The pinned version: the client code in these tests is written against its configuration and replies.</summary>
    public const string Version = "0.28.0";

    /// <summary>The environment variable that enables the language server tests.</summary>
    public const string Switch = "SYMMETRYDSL_IDE";

    /// <summary>Whether the switch is set to 1.</summary>
    public static bool IsEnabled => Environment.GetEnvironmentVariable(Switch) == "1";

    /// <summary>
    /// Installs csharp-ls with <c>dotnet tool install</c> into a tool path under <paramref name="root"/> and returns the
    /// executable's path. The install runs outside the consumer folder, so it uses the machine's package sources.
    /// </summary>
    public static string Install(string root)
    {
        var toolPath = Path.Combine(root, "tools");
        var install = DotNetCli.Run(root, new Dictionary<string, string>(), "tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolPath);
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (install.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"Installing csharp-ls {Version} failed; it must be available from a configured package source.\n{install}");
        }

        return executable;
    }
}

/// <summary>
/// A test that drives csharp-ls. It runs only when SYMMETRYDSL_IDE is 1, because it installs a tool from the
/// package registry and starts an editor back end.
/// </summary>
public sealed class LanguageServerFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped unless the switch is set.</summary>
    public LanguageServerFactAttribute()
    {
        if (!LanguageServerTool.IsEnabled)
        {
            Skip = $"Language server test: set {LanguageServerTool.Switch}=1 to install csharp-ls {LanguageServerTool.Version} into a temporary folder and check diagnostics through it.";
        }
    }
}
