using System.Text.RegularExpressions;

namespace SymmetryDsl.Package.Tests;

/// <summary>One diagnostic line of MSBuild console output, such as <c>/p/Model.cs(5,14): error SYM001: …</c>.</summary>
internal sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id)
{
    /// <summary>
    /// Parses the distinct diagnostics from build output. The console logger prints each error and warning twice
    /// (as it happens and in the summary), so duplicates are removed.
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(match => new BuildDiagnostic(
                Path.GetFileName(match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
