using System.IO.Compression;
using System.Xml.Linq;

namespace SymmetryDsl.Package.Tests;

/// <summary>
/// A temporary folder holding a local package feed with the freshly packed SymmetryDsl package, a NuGet.config
/// that restores only from that feed, and an empty packages folder for the consumer projects below it.
/// </summary>
internal sealed class PackageFeed : IDisposable
{
    private PackageFeed(string root, string version, CommandResult pack)
    {
        Root = root;
        Version = version;
        Pack = pack;
    }

    /// <summary>The temporary folder that contains the feed, the packages folder and every consumer project.</summary>
    public string Root { get; }

    /// <summary>The package version, read from Directory.Build.props in the repository.</summary>
    public string Version { get; }

    /// <summary>The pack command and its output.</summary>
    public CommandResult Pack { get; }

    /// <summary>The folder used as the local package source.</summary>
    public string FeedDirectory => Path.Combine(Root, "feed");

    /// <summary>The path of the packed SymmetryDsl package.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, $"SymmetryDsl.{Version}.nupkg");

    /// <summary>The path of the symbol package packed beside it.</summary>
    public string SymbolPackagePath => Path.Combine(FeedDirectory, $"SymmetryDsl.{Version}.snupkg");

    /// <summary>
    /// Environment for every consumer command. A packages folder of its own means restore can never pick up a
    /// SymmetryDsl package cached by an earlier run with the same version.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    /// <summary>The folder under which consumer projects are created; its NuGet.config applies to all of them.</summary>
    public string ConsumersDirectory => Path.Combine(Root, "consumers");

    /// <summary>Finds the repository root: the nearest folder above the test assembly that contains SymmetryDsl.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SymmetryDsl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' contains SymmetryDsl.sln.");
    }

    /// <summary>
    /// Packs src/Runtime into a new temporary feed exactly as <c>dotnet pack -c Release</c> does, with its build
    /// output redirected into the temporary folder so the repository's own bin and obj folders stay untouched.
    /// </summary>
    public static PackageFeed Create()
    {
        var repository = RepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), "symmetrydsl-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);

        var version = XDocument.Load(Path.Combine(repository, "Directory.Build.props"))
            .Descendants("Version")
            .Single()
            .Value;

        var feedDirectory = Path.Combine(root, "feed");
        string[] arguments =
        [
            "pack", Path.Combine(repository, "src", "Runtime", "SymmetryDsl.Runtime.csproj"),
            "-c", "Release",
            "-o", feedDirectory,
            "-p:UseArtifactsOutput=true",
            "-p:ArtifactsPath=" + Path.Combine(root, "artifacts"),
            .. DotNetCli.NoBuildServers,
        ];
        var pack = DotNetCli.Run(repository, new Dictionary<string, string>(), arguments);
        var feed = new PackageFeed(root, version, pack);
        if (pack.ExitCode != 0 || !File.Exists(feed.PackagePath))
        {
            throw new InvalidOperationException($"Packing SymmetryDsl {version} failed.\n{pack}");
        }

        feed.AddDependenciesFromLocalCache();
        WriteNuGetConfig(Path.Combine(root, "consumers"), feedDirectory);
        return feed;
    }

    /// <summary>Reads the .nuspec manifest inside the packed package.</summary>
    public XDocument ReadManifest()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        var entry = archive.GetEntry("SymmetryDsl.nuspec")
            ?? throw new InvalidDataException($"'{PackagePath}' has no SymmetryDsl.nuspec.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a child process leaves the folder behind in the temp directory, which is harmless.
        }
    }

    /// <summary>
    /// Copies the package's dependencies (MathNet.Numerics) from the machine's global packages folder into the
    /// feed. The pack above restored them there, so the consumer restore needs no network source at all.
    /// </summary>
    private void AddDependenciesFromLocalCache()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        XNamespace ns = ReadManifest().Root!.Name.Namespace;
        foreach (var dependency in ReadManifest().Descendants(ns + "dependency"))
        {
            var id = dependency.Attribute("id")!.Value.ToLowerInvariant();
            var dependencyVersion = dependency.Attribute("version")!.Value.ToLowerInvariant();
            var source = Path.Combine(globalPackages, id, dependencyVersion, $"{id}.{dependencyVersion}.nupkg");
            if (!File.Exists(source))
            {
                throw new FileNotFoundException($"Dependency {id} {dependencyVersion} is not in the global packages folder '{globalPackages}'; restore the repository first.", source);
            }

            File.Copy(source, Path.Combine(FeedDirectory, Path.GetFileName(source)));
        }
    }

    private static void WriteNuGetConfig(string directory, string feedDirectory)
    {
        Directory.CreateDirectory(directory);

        // <clear/> drops the machine's sources, so a SymmetryDsl package on a public registry can never win.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="symmetrydsl-local" value="{feedDirectory}" />
              </packageSources>
            </configuration>
            """);
    }
}
