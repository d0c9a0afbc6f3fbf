using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
/// Replaces an index loop reported by SYM100 that only accumulates a sum over one permuted collection,
/// <c>for (int i = …; i &lt; …; i++) total += f(xs[i]);</c>, with <c>total += xs.Sum(x =&gt; f(x));</c>.
/// </summary>
/// <remarks>
/// The sum then runs over every particle, which is the order-free reading of the loop. A loop that skipped
/// particles on purpose computes a different value after the fix, so review the change before accepting it.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SumLoopCodeFix)), Shared]
public sealed class SumLoopCodeFix : CodeFixProvider
{
    private const string Title = "Replace the loop with Sum over every particle";
    private const string ParameterName = "particle";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SYM100");

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
            if (root is not null && SummingLoop.Find(root, diagnostic) is not null)
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

        var loops = new Dictionary<ForStatementSyntax, SummingLoop>();
        foreach (var diagnostic in diagnostics)
        {
            if (SummingLoop.Find(root, diagnostic) is { } loop && !loops.ContainsKey(loop.Statement))
            {
                loops.Add(loop.Statement, loop);
            }
        }

        if (loops.Count == 0)
        {
            return document;
        }

        var fixedRoot = root.ReplaceNodes(loops.Keys, (original, _) => loops[original].ToSum());
        fixedRoot = CodeFixSupport.AddUsing(fixedRoot, "System.Linq");
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>A loop of the shape <c>for (int i = …; i &lt; …; i++) target += term;</c> whose term reads one collection at i.</summary>
    private sealed class SummingLoop
    {
        private SummingLoop(ForStatementSyntax statement, AssignmentExpressionSyntax accumulation, ElementAccessExpressionSyntax access)
        {
            Statement = statement;
            Accumulation = accumulation;
            Access = access;
        }

        public ForStatementSyntax Statement { get; }

        private AssignmentExpressionSyntax Accumulation { get; }

        private ElementAccessExpressionSyntax Access { get; }

        public static SummingLoop? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceSpan.End > root.FullSpan.End
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ElementAccessExpressionSyntax access
                || access.ArgumentList.Arguments.Count != 1
                || access.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax index)
            {
                return null;
            }

            var statement = access.FirstAncestorOrSelf<ForStatementSyntax>();
            if (statement?.Declaration is not { Variables: [var variable] } || variable.Identifier.ValueText != index.Identifier.ValueText)
            {
                return null;
            }

            var body = statement.Statement is BlockSyntax { Statements: [var single] } ? single : statement.Statement;
            if (body is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax accumulation }
                || !accumulation.IsKind(SyntaxKind.AddAssignmentExpression)
                || !accumulation.Right.Contains(access))
            {
                return null;
            }

            // The loop variable may appear only in the one element access, or the sum would depend on positions.
            var uses = accumulation.DescendantNodes().OfType<IdentifierNameSyntax>().Count(n => n.Identifier.ValueText == index.Identifier.ValueText);
            bool clashes = accumulation.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == ParameterName);
            if (uses != 1 || clashes || accumulation.Left.DescendantNodesAndSelf().Contains(access))
            {
                return null;
            }

            return new SummingLoop(statement, accumulation, access);
        }

        public StatementSyntax ToSum()
        {
            var collection = Access.Expression.WithoutTrivia().ToString();
            var term = Accumulation.Right;
            var sum = SyntaxFactory.AreEquivalent(SkipParentheses(term), Access)
                ? $"{collection}.Sum()"
                : $"{collection}.Sum({ParameterName} => {term.ReplaceNode(Access, SyntaxFactory.IdentifierName(ParameterName)).WithoutTrivia()})";

            var text = $"{Accumulation.Left.WithoutTrivia()} += {sum};";
            return SyntaxFactory.ParseStatement(text).WithTriviaFrom(Statement);
        }

        private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression) =>
            expression is ParenthesizedExpressionSyntax parenthesized ? SkipParentheses(parenthesized.Expression) : expression;
    }
}
