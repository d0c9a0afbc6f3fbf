using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymmetryDsl.Generators.CodeFixes;

/// <summary>
/// Wraps a periodic member reported by SYM101 in <c>Periodic.Wrap(member, P)</c>, which maps every representative
/// x + kP to the same value in [0, P).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapPeriodicCodeFix)), Shared]
public sealed class WrapPeriodicCodeFix : CodeFixProvider
{
    private const string Title = "Wrap in Periodic.Wrap";
    private const string GeometryNamespace = "SymmetryDsl.Geometry";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SYM101");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && FindExpression(root, diagnostic) is not null && diagnostic.Properties.ContainsKey("Period"))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => (Expression: FindExpression(root, d), Period: d.Properties.TryGetValue("Period", out var p) ? p : null))
            .Where(t => t.Expression is not null && t.Period is not null)
            .GroupBy(t => t.Expression!)
            .ToDictionary(g => g.Key, g => g.First().Period!);
        if (targets.Count == 0)
        {
            return document;
        }

        var fixedRoot = root.ReplaceNodes(targets.Keys, (original, rewritten) => Wrap(rewritten, targets[original]));
        fixedRoot = CodeFixSupport.AddUsing(fixedRoot, GeometryNamespace);
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
    }

    private static ExpressionSyntax Wrap(ExpressionSyntax expression, string periodText)
    {
        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.ParseExpression("Periodic.Wrap"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(expression.WithoutTrivia()),
                SyntaxFactory.Argument(PeriodExpression(periodText)),
            })));
        return call.WithTriviaFrom(expression);
    }

    private static ExpressionSyntax PeriodExpression(string periodText)
    {
        double period = double.Parse(periodText, CultureInfo.InvariantCulture);
        double multiple = Math.Round(period / Math.PI);
        if (multiple >= 1 && Math.Abs(period / Math.PI - multiple) < 1e-12 * multiple)
        {
            return SyntaxFactory.ParseExpression(multiple == 1 ? "Math.PI" : $"{multiple.ToString(CultureInfo.InvariantCulture)} * Math.PI");
        }

        return SyntaxFactory.LiteralExpression(
            SyntaxKind.NumericLiteralExpression,
            SyntaxFactory.Literal(FormatLiteral(period), period));
    }

    // A literal without a decimal point would be an int, which Periodic.Wrap also accepts, but reads as a double here.
    private static string FormatLiteral(double period)
    {
        var text = period.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
