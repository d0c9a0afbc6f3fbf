using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymmetryDsl.Generators.CodeFixes;

/// <summary>Syntax helpers shared by the code fixes.</summary>
internal static class CodeFixSupport
{
    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> to a compilation unit that does not have it yet.</summary>
    public static SyntaxNode AddUsing(SyntaxNode root, string namespaceName)
    {
        if (root is not CompilationUnitSyntax unit
            || unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName)
            || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == namespaceName)))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        if (unit.Usings.Count == 0)
        {
            return unit.AddUsings(directive.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.ElasticCarriageReturnLineFeed));
        }

        // Keep the list sorted the way the IDE does: System namespaces first, then alphabetical.
        var usings = unit.Usings;
        int index = 0;
        while (index < usings.Count && Compare(usings[index].Name?.ToString() ?? string.Empty, namespaceName) < 0)
        {
            index++;
        }

        var endOfLine = usings[0].GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        directive = directive.WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static int Compare(string left, string right)
    {
        bool leftSystem = left == "System" || left.StartsWith("System.", System.StringComparison.Ordinal);
        bool rightSystem = right == "System" || right.StartsWith("System.", System.StringComparison.Ordinal);
        if (leftSystem != rightSystem)
        {
            return leftSystem ? -1 : 1;
        }

        return string.CompareOrdinal(left, right);
    }
}
