using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SymmetryDsl.Package.Tests;

/// <summary>Packs SymmetryDsl and builds and runs fresh consumer projects against it with the real SDK.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerBuildTests(PackageFixture fixture)
{
    [Fact]
    public void PackageHoldsRuntimeAndGenerator()
    {
        using var archive = ZipFile.OpenRead(fixture.Feed.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/SymmetryDsl.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/SymmetryDsl.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/SymmetryDsl.Generators.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, entry => entry.Contains("CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, entry => entry.Contains("PolySharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) && entry.Contains("Generators", StringComparison.Ordinal));
    }

    // Help links are docs/diagnostics/SYMnnn.md, relative to the package root as to the repository root.
    [Fact]
    public void PackageHoldsDiagnosticHelpPages()
    {
        using var archive = ZipFile.OpenRead(fixture.Feed.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(PackageFeed.RepositoryRoot(), "docs", "diagnostics"), "SYM*.md");

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            Assert.Contains($"docs/diagnostics/{Path.GetFileName(page)}", entries);
        }

        Assert.Contains("docs/generated-code.md", entries);
        Assert.Contains("docs/images/mean-field-loss.png", entries);
    }

    [Fact]
    public void PackageHoldsCodeFixesWhenPresent()
    {
        using var archive = ZipFile.OpenRead(fixture.Feed.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet();
        var codeFixes = Path.Combine(PackageFeed.RepositoryRoot(), "src", "Generators.CodeFixes");
        var projects = Directory.Exists(codeFixes) ? Directory.GetFiles(codeFixes, "*.csproj") : [];

        // Each project in src/Generators.CodeFixes is named for its assembly, as every project in this repository is.
        foreach (var project in projects)
        {
            Assert.Contains($"analyzers/dotnet/cs/{Path.GetFileNameWithoutExtension(project)}.dll", entries);
        }
    }

    [Fact]
    public void ManifestHasMetadataAndOnlyMathNet()
    {
        var manifest = fixture.Feed.ReadManifest();
        var ns = manifest.Root!.Name.Namespace;
        var metadata = manifest.Root.Element(ns + "metadata")!;

        Assert.Equal("SymmetryDsl", metadata.Element(ns + "id")!.Value);
        Assert.Equal(fixture.Feed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("git", metadata.Element(ns + "repository")!.Attribute("type")!.Value);

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Equal(["MathNet.Numerics"], dependencies);
    }

    [Fact]
    public void SymbolPackageHoldsPdb()
    {
        Assert.True(File.Exists(fixture.Feed.SymbolPackagePath), $"No symbol package at '{fixture.Feed.SymbolPackagePath}'.\n{fixture.Feed.Pack}");
        using var archive = ZipFile.OpenRead(fixture.Feed.SymbolPackagePath);
        Assert.Contains(archive.Entries, entry => entry.FullName == "lib/net10.0/SymmetryDsl.Runtime.pdb");
    }

    [Fact]
    public void ConsumerBuildsWithoutWarnings()
    {
        var build = fixture.OrbitBuild;

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostic.Parse(build.Output));
        Assert.Contains("0 Warning(s)", build.Output);
    }

    [Fact]
    public void GeneratorAddsModelMembers()
    {
        Assert.True(fixture.OrbitBuild.ExitCode == 0, fixture.OrbitBuild.ToString());
        var generated = fixture.OrbitProject.ReadGeneratedFiles();

        var swarm = Assert.Single(generated, file => file.Key.Contains("Swarm", StringComparison.Ordinal));
        Assert.Contains("SymmetryDsl.Generators", swarm.Key);
        var text = System.Text.Encoding.UTF8.GetString(swarm.Value);
        Assert.Contains("public static double OrbitDistance(", text);
        Assert.Contains("public static GroupElement Align(", text);
        Assert.Contains("public global::Consumer.Swarm Canonicalize()", text);
    }

    [Fact]
    public void ProgramPrintsOrbitDistances()
    {
        Assert.True(fixture.OrbitBuild.ExitCode == 0, fixture.OrbitBuild.ToString());

        var run = fixture.OrbitProject.Run();

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = PairLine().Matches(run.Output);
        Assert.Equal(OrbitScenario.Pairs.Count, lines.Count);
        foreach (Match line in lines)
        {
            var pair = int.Parse(line.Groups["pair"].Value, CultureInfo.InvariantCulture);
            var distance = double.Parse(line.Groups["distance"].Value, CultureInfo.InvariantCulture);
            var aligned = double.Parse(line.Groups["aligned"].Value, CultureInfo.InvariantCulture);
            var (x, y) = OrbitScenario.Pairs[pair];
            var expected = OrbitScenario.ExpectedOrbitDistance(x, y);

            Assert.Equal(expected, distance, 1e-12);
            Assert.Equal(expected, aligned, 1e-12);
        }

        // The second pair relabels and shifts x, so its orbit distance vanishes; the others are generic.
        Assert.True(OrbitScenario.ExpectedOrbitDistance(OrbitScenario.Pairs[1].X, OrbitScenario.Pairs[1].Y) < 1e-12);
        Assert.True(OrbitScenario.ExpectedOrbitDistance(OrbitScenario.Pairs[0].X, OrbitScenario.Pairs[0].Y) > 0.1);
    }

    [Fact]
    public void RebuildGivesIdenticalGeneratedFiles()
    {
        Assert.True(fixture.OrbitBuild.ExitCode == 0, fixture.OrbitBuild.ToString());
        var project = fixture.OrbitProject;
        var first = project.ReadGeneratedFiles();
        Assert.NotEmpty(first);

        // Deleting the files and forcing a full rebuild makes the generator run again and write them anew.
        Directory.Delete(project.GeneratedDirectory, recursive: true);
        var rebuild = project.Build("--no-incremental");

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var second = project.ReadGeneratedFiles();
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"Generated file '{path}' differs between two builds.");
        }
    }

    [Fact]
    public void MistakesReportDiagnosticsWithLines()
    {
        var project = ConsumerProject.Create(fixture.Feed, "Mistakes", MistakesScenario.SourceFiles());

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var diagnostics = BuildDiagnostic.Parse(build.Output);
        Assert.Equal(
            [
                new BuildDiagnostic(MistakesScenario.FileName, MistakesScenario.LineOf("class Herd"), 0, "error", "SYM001"),
                new BuildDiagnostic(MistakesScenario.FileName, MistakesScenario.LineOf("class Clock"), 0, "error", "SYM002"),
                new BuildDiagnostic(MistakesScenario.FileName, MistakesScenario.LineOf("class Labels"), 0, "error", "SYM003"),
            ],
            diagnostics.Select(d => d with { Column = 0 }).OrderBy(d => d.Id));
        Assert.All(diagnostics, d => Assert.True(d.Column > 0, $"{d} has no column."));
    }

    [Fact]
    public void EditorConfigChangesSeverity()
    {
        var files = MistakesScenario.SourceFiles();
        files[".editorconfig"] = """
            root = true

            [*.cs]
            dotnet_diagnostic.SYM001.severity = warning
            dotnet_diagnostic.SYM002.severity = none
            """;
        var project = ConsumerProject.Create(fixture.Feed, "Overrides", files);

        var build = project.Build();

        var diagnostics = BuildDiagnostic.Parse(build.Output).Select(d => (d.Id, d.Severity, d.Line)).OrderBy(d => d.Id);
        Assert.Equal(
            [
                ("SYM001", "warning", MistakesScenario.LineOf("class Herd")),
                ("SYM003", "error", MistakesScenario.LineOf("class Labels")),
            ],
            diagnostics);
    }

    [Fact]
    public void ReadmeExampleBuildsAndPrints()
    {
        var source = ReadmeExample.Source();
        var project = ConsumerProject.Create(fixture.Feed, "Readme", new Dictionary<string, string> { ["Program.cs"] = source });

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostic.Parse(build.Output));
        var run = project.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ReadmeExample.PromisedOutput(source), run.Output.Trim());
    }

    [GeneratedRegex(@"^pair (?<pair>\d+): distance (?<distance>\S+), aligned (?<aligned>\S+)$", RegexOptions.Multiline)]
    private static partial Regex PairLine();
}
