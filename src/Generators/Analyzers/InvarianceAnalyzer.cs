using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports code inside [Invariant] functions whose value depends on something the group action changes: the
/// position of a particle in a permuted collection (SYM100) or the unwrapped value of a periodic coordinate
/// (SYM101). Uses it can neither prove nor refute are reported by the opt-in SYM103.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvarianceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PermutedReadByPosition,
        DiagnosticDescriptors.PeriodicValueOutsidePeriodicExpression,
        DiagnosticDescriptors.InvarianceUndecided);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Without the attribute nothing can be declared invariant, so the compilation needs no analysis.
            if (start.Compilation.GetTypeByMetadataName(SymmetrySymbols.InvariantAttributeName) is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                AnalyzeFunction,
                SyntaxKind.MethodDeclaration,
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.SimpleLambdaExpression,
                SyntaxKind.AnonymousMethodExpression);
        });
    }

    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context)
    {
        var node = context.Node;
        var semanticModel = context.SemanticModel;
        var ct = context.CancellationToken;

        // An enclosing invariant function already covers this one, so analyzing both would report twice.
        if (!InvariantScopes.IsInvariant(node, semanticModel, ct) || InvariantScopes.HasInvariantAncestor(node, semanticModel, ct))
        {
            return;
        }

        var root = semanticModel.GetOperation(node, ct);
        if (root is null)
        {
            return;
        }

        var body = new InvariantBody(root, InvariantScopes.DisplayName(node), ParticleParameters(node, semanticModel, ct), context);
        new PermutedReadCheck(body).Run();
        new PeriodicUseCheck(body).Run();
    }

    private static ImmutableArray<IParameterSymbol> ParticleParameters(SyntaxNode node, SemanticModel semanticModel, CancellationToken ct)
    {
        var function = node is AnonymousFunctionExpressionSyntax
            ? semanticModel.GetSymbolInfo(node, ct).Symbol as IMethodSymbol
            : semanticModel.GetDeclaredSymbol(node, ct) as IMethodSymbol;
        if (function is null || function.Parameters.Any(p => SymmetrySymbols.ContainsModelType(p.Type))
            || (!function.IsStatic && SymmetrySymbols.IsModelType(function.ContainingType)))
        {
            return ImmutableArray<IParameterSymbol>.Empty;
        }

        return function.Parameters.Where(p => SymmetrySymbols.IsCollection(p.Type)).ToImmutableArray();
    }
}
