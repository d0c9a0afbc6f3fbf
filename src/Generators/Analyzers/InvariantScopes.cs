using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Finds the code that must be invariant: methods and local functions marked [Invariant], lambdas marked
/// [Invariant], lambdas converted to a delegate type marked [Invariant], and lambdas passed to a parameter marked
/// [Invariant].
/// </summary>
internal static class InvariantScopes
{
    /// <summary>Returns whether the function declared by <paramref name="node"/> is itself declared invariant.</summary>
    public static bool IsInvariant(SyntaxNode node, SemanticModel semanticModel, CancellationToken ct)
    {
        switch (node)
        {
            case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                return semanticModel.GetDeclaredSymbol(node, ct) is IMethodSymbol method
                    && SymmetrySymbols.HasAttribute(method, SymmetrySymbols.InvariantAttributeName);

            case AnonymousFunctionExpressionSyntax lambda:
                return IsInvariantLambda(lambda, semanticModel, ct);

            default:
                return false;
        }
    }

    /// <summary>Returns whether an enclosing function of <paramref name="node"/> is declared invariant.</summary>
    public static bool HasInvariantAncestor(SyntaxNode node, SemanticModel semanticModel, CancellationToken ct)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                && IsInvariant(ancestor, semanticModel, ct))
            {
                return true;
            }

            if (ancestor is BaseTypeDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Returns the name used for the function in messages.</summary>
    public static string DisplayName(SyntaxNode node) =>
        node switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            _ => "lambda",
        };

    /// <summary>Returns whether a lambda is declared invariant, by its own attribute, its delegate type or its parameter.</summary>
    public static bool IsInvariant(IAnonymousFunctionOperation lambda) =>
        SymmetrySymbols.HasAttribute(lambda.Symbol, SymmetrySymbols.InvariantAttributeName) || InvariantTarget(lambda) is not null;

    /// <summary>
    /// Returns the name of what makes a function value invariant (a delegate type or a parameter marked [Invariant])
    /// when <paramref name="function"/> is converted to one, or null when it is not.
    /// </summary>
    public static string? InvariantTarget(IOperation function)
    {
        for (var parent = function.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IDelegateCreationOperation { Type: INamedTypeSymbol delegateType }
                    when SymmetrySymbols.HasAttribute(delegateType, SymmetrySymbols.InvariantAttributeName):
                    return delegateType.Name;
                case IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation:
                    continue;
                case IArgumentOperation { Parameter: { } parameter }
                    when SymmetrySymbols.HasAttribute(parameter, SymmetrySymbols.InvariantAttributeName):
                    return parameter.Name;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsInvariantLambda(AnonymousFunctionExpressionSyntax lambda, SemanticModel semanticModel, CancellationToken ct) =>
        semanticModel.GetOperation(lambda, ct) is IAnonymousFunctionOperation operation && IsInvariant(operation);
}
