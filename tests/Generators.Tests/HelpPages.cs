using SymmetryDsl.Generators.Tests.Analyzers;

namespace SymmetryDsl.Generators.Tests;

/// <summary>The diagnostic help pages and their code examples, read from the files so tests check the text users copy.</summary>
internal static class HelpPages
{
    /// <summary>Returns the first C# code block after <paramref name="heading"/> on docs/diagnostics/<paramref name="id"/>.md.</summary>
    public static string FirstCSharpBlock(string id, string heading)
    {
        var page = Page(id);
        var section = page[page.IndexOf(heading, StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp", StringComparison.Ordinal) + "```csharp".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>Returns the whole text of docs/diagnostics/<paramref name="id"/>.md.</summary>
    public static string Page(string id) =>
        File.ReadAllText(Path.Combine(SeverityConfigurationTests.FindRepositoryRoot(), "docs", "diagnostics", id + ".md"));
}
