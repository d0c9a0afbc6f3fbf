using System.Text.RegularExpressions;

namespace SymmetryDsl.Package.Tests;

/// <summary>The first example of the README's install section, read from the file so the test checks the text users copy.</summary>
internal static partial class ReadmeExample
{
    /// <summary>Returns the first C# code block under the README's "## Install" heading.</summary>
    public static string Source()
    {
        var readme = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot(), "README.md"));
        var install = readme.IndexOf("\n## Install", StringComparison.Ordinal);
        Assert.True(install >= 0, "README.md has no '## Install' section.");

        var block = CSharpBlock().Match(readme, install);
        Assert.True(block.Success, "The README's install section has no csharp code block.");
        return block.Groups["code"].Value;
    }

    /// <summary>Returns the text after "// prints " in the example: the output it promises.</summary>
    public static string PromisedOutput(string source)
    {
        var promise = PrintsComment().Match(source);
        Assert.True(promise.Success, "The README example has no '// prints VALUE' comment.");
        return promise.Groups["value"].Value;
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// prints (?<value>[^\s:]+)")]
    private static partial Regex PrintsComment();
}
