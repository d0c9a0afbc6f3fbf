namespace SymmetryDsl.Package.Tests;

/// <summary>
/// Shares one pack and one built model consumer among all tests of the collection. Both are created on first use,
/// so a run that filters out or skips every test packs nothing.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<PackageFeed> feed = new(PackageFeed.Create);
    private readonly Lazy<(ConsumerProject Project, CommandResult Build)> orbitConsumer;
    private readonly Lazy<string> languageServer;

    /// <summary>Creates the lazy feed and consumer.</summary>
    public PackageFixture()
    {
        orbitConsumer = new(() =>
        {
            var project = ConsumerProject.Create(Feed, "Orbits", OrbitScenario.SourceFiles());
            return (project, project.Build());
        });
        languageServer = new(() => LanguageServerTool.Install(Feed.Root));
    }

    internal PackageFeed Feed => feed.Value;

    /// <summary>The console project with the <c>Swarm</c> model, built once.</summary>
    internal ConsumerProject OrbitProject => orbitConsumer.Value.Project;

    /// <summary>The first build of <see cref="OrbitProject"/>.</summary>
    internal CommandResult OrbitBuild => orbitConsumer.Value.Build;

    /// <summary>The path of the csharp-ls executable, installed into the temporary folder on first use.</summary>
    internal string LanguageServer => languageServer.Value;

    /// <summary>Deletes the temporary feed and consumers.</summary>
    public void Dispose()
    {
        if (feed.IsValueCreated)
        {
            feed.Value.Dispose();
        }
    }
}

/// <summary>The tests that share <see cref="PackageFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Packed SymmetryDsl";
}
