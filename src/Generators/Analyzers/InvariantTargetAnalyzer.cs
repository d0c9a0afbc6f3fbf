using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports [Invariant] on a method, local function, lambda, delegate type or delegate parameter that has no model
/// parameter (SYM102): with no model there is no group, so the attribute promises nothing. An instance member of a
/// model type counts its own instance as a model parameter, and a collection parameter counts as the particles of one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvariantTargetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvariantWithoutModel);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeAttribute, SyntaxKind.Attribute);
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;

        // A cheap name test first: most attributes are not ours, and binding each one would be wasted work.
        var name = attribute.Name.ToString();
        if (!name.EndsWith("Invariant", System.StringComparison.Ordinal) && !name.EndsWith("InvariantAttribute", System.StringComparison.Ordinal))
        {
            return;
        }

        var ct = context.CancellationToken;
        if (context.SemanticModel.GetSymbolInfo(attribute, ct).Symbol is not IMethodSymbol { ContainingType: var attributeType }
            || !SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.InvariantAttributeName))
        {
            return;
        }

        if (attribute.Parent is not AttributeListSyntax { Parent: { } target } list || list.Target is not null)
        {
            return;
        }

        var symbol = target switch
        {
            ParameterSyntax or MethodDeclarationSyntax or LocalFunctionStatementSyntax or DelegateDeclarationSyntax =>
                context.SemanticModel.GetDeclaredSymbol(target, ct),
            AnonymousFunctionExpressionSyntax lambda => context.SemanticModel.GetSymbolInfo(lambda, ct).Symbol,
            _ => null,
        };

        var parameters = symbol switch
        {
            IMethodSymbol method => method.Parameters,
            INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters,
            IParameterSymbol { Type: INamedTypeSymbol { DelegateInvokeMethod: { } invoke } } => invoke.Parameters,
            _ => default(ImmutableArray<IParameterSymbol>?),
        };
        if (parameters is null)
        {
            return;
        }

        // A collection parameter contains the particles of a model that an invariant caller passes on.
        if (parameters.Value.Any(p => p.Type.TypeKind == TypeKind.Error || p.Type is ITypeParameterSymbol
            || SymmetrySymbols.ContainsModelType(p.Type) || SymmetrySymbols.IsCollection(p.Type)))
        {
            return;
        }

        if (symbol is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } instanceMethod
            && SymmetrySymbols.IsModelType(instanceMethod.ContainingType))
        {
            return;
        }

        var displayName = symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "lambda",
            _ => symbol!.Name,
        };
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvariantWithoutModel, attribute.GetLocation(), displayName));
    }
}
