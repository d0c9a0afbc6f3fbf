using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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

            start.RegisterSyntaxNodeAction(AnalyzeDeclaredFunction, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);

            // Lambdas are far more common than invariant ones, so they are read from the operation tree, which
            // already carries the lambda symbol and its target, instead of querying the semantic model per lambda.
            start.RegisterOperationAction(AnalyzeLambda, OperationKind.AnonymousFunction);
            start.RegisterOperationAction(AnalyzeMethodGroup, OperationKind.MethodReference);
        });
    }

    private static void AnalyzeDeclaredFunction(SyntaxNodeAnalysisContext context)
    {
        var node = context.Node;
        var semanticModel = context.SemanticModel;
        var ct = context.CancellationToken;
        if (semanticModel.GetDeclaredSymbol(node, ct) is not IMethodSymbol function
            || !SymmetrySymbols.HasAttribute(function, SymmetrySymbols.InvariantAttributeName)
            || InvariantScopes.HasInvariantAncestor(node, semanticModel, ct))
        {
            return;
        }

        var root = semanticModel.GetOperation(node, ct);
        if (root is not null)
        {
            Analyze(root, function, InvariantScopes.DisplayName(node), context.ReportDiagnostic);
        }
    }

    private static void AnalyzeLambda(OperationAnalysisContext context)
    {
        var lambda = (IAnonymousFunctionOperation)context.Operation;
        if (!InvariantScopes.IsInvariant(lambda)
            || (lambda.SemanticModel is { } semanticModel && InvariantScopes.HasInvariantAncestor(lambda.Syntax, semanticModel, context.CancellationToken)))
        {
            return;
        }

        Analyze(lambda, lambda.Symbol, "lambda", context.ReportDiagnostic);
    }

    /// <summary>
    /// Reports a method group passed where an invariant function is expected when the method is not declared
    /// [Invariant] itself: its body is then not analyzed, so whether it is invariant is undecided.
    /// </summary>
    private static void AnalyzeMethodGroup(OperationAnalysisContext context)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (reference.Parent is not IDelegateCreationOperation creation
            || SymmetrySymbols.HasAttribute(reference.Method, SymmetrySymbols.InvariantAttributeName)
            || SymmetrySymbols.HasAttribute(reference.Method.OriginalDefinition, SymmetrySymbols.InvariantAttributeName)
            || InvariantScopes.InvariantTarget(creation) is not { } target)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvarianceUndecided,
            reference.Syntax.GetLocation(),
            target,
            $"method '{reference.Method.Name}'",
            $"'{reference.Method.Name}' is not declared [Invariant], so its body is not analyzed"));
    }

    // An enclosing invariant function already covers nested ones, so each body is analyzed from its outermost
    // invariant function only, and nothing is reported twice.
    private static void Analyze(IOperation root, IMethodSymbol function, string name, Action<Diagnostic> report)
    {
        var body = new InvariantBody(root, name, ParticleParameters(function), report);
        new PermutedReadCheck(body).Run();
        new PeriodicUseCheck(body).Run();
    }

    private static ImmutableArray<IParameterSymbol> ParticleParameters(IMethodSymbol function)
    {
        if (function.Parameters.Any(p => SymmetrySymbols.ContainsModelType(p.Type))
            || (!function.IsStatic && SymmetrySymbols.IsModelType(function.ContainingType)))
        {
            return ImmutableArray<IParameterSymbol>.Empty;
        }

        return function.Parameters.Where(p => SymmetrySymbols.IsCollection(p.Type)).ToImmutableArray();
    }
}
