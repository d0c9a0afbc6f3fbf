namespace SymmetryDsl.Package.Tests;

/// <summary>A fresh console project in the feed's consumer folder that references the packed SymmetryDsl package.</summary>
internal sealed class ConsumerProject
{
    private readonly PackageFeed feed;

    private ConsumerProject(PackageFeed feed, string directory)
    {
        this.feed = feed;
        Directory = directory;
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>Where the compiler writes the generated sources (<c>EmitCompilerGeneratedFiles</c>).</summary>
    public string GeneratedDirectory => Path.Combine(Directory, "obj", "generated");

    /// <summary>
    /// Writes a console project named <paramref name="name"/> with the given source files. The project file is
    /// what a user gets from <c>dotnet new console</c> plus <c>dotnet add package SymmetryDsl</c>.
    /// </summary>
    public static ConsumerProject Create(PackageFeed feed, string name, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(feed.ConsumersDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <CompilerGeneratedFilesOutputPath>obj/generated</CompilerGeneratedFilesOutputPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SymmetryDsl" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);

        foreach (var (fileName, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, fileName), text);
        }

        return new ConsumerProject(feed, directory);
    }

    /// <summary>Runs <c>dotnet build</c> (restoring first) and returns its result.</summary>
    public CommandResult Build(params string[] extraArguments) =>
        DotNetCli.Run(Directory, feed.ConsumerEnvironment, ["build", .. DotNetCli.NoBuildServers, .. extraArguments]);

    /// <summary>Runs <c>dotnet restore</c>, which is all an editor needs before it loads the project.</summary>
    public CommandResult Restore() =>
        DotNetCli.Run(Directory, feed.ConsumerEnvironment, ["restore", .. DotNetCli.NoBuildServers]);

    /// <summary>Runs the built program with <c>dotnet run --no-build</c> and returns its result.</summary>
    public CommandResult Run() =>
        DotNetCli.Run(Directory, feed.ConsumerEnvironment, "run", "--no-build");

    /// <summary>Reads every generated source file, keyed by its path relative to <see cref="GeneratedDirectory"/>.</summary>
    public SortedDictionary<string, byte[]> ReadGeneratedFiles()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(GeneratedDirectory))
        {
            return files;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(GeneratedDirectory, "*", SearchOption.AllDirectories))
        {
            files.Add(Path.GetRelativePath(GeneratedDirectory, path), File.ReadAllBytes(path));
        }

        return files;
    }
}
