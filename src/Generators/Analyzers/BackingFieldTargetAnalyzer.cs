using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports <c>[field: Permutation]</c> or <c>[field: Translation]</c> on a property declaration (SYM009).
/// The generator reads the attributes of the property symbol, and the <c>field:</c> target moves the attribute to the
/// compiler's backing field. Without this diagnostic the attribute would have no effect, and no message would report it.
/// </summary>
/// <remarks>
/// On a property without a backing field the compiler also reports warning CS0657 and drops the attribute, but that
/// warning does not name the fix.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BackingFieldTargetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AttributeOnBackingField);

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

        // The position test needs no binding, and it rules out almost every attribute.
        if (attribute.Parent is not AttributeListSyntax { Parent: PropertyDeclarationSyntax property } list
            || list.Target?.Identifier.IsKind(SyntaxKind.FieldKeyword) != true
            || property.Parent is not TypeDeclarationSyntax type)
        {
            return;
        }

        // An attribute the compiler drops (CS0657) may bind only to candidates, so those count too.
        var ct = context.CancellationToken;
        var info = context.SemanticModel.GetSymbolInfo(attribute, ct);
        var constructor = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        if (constructor is not IMethodSymbol { ContainingType: var attributeType }
            || !(SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.PermutationAttributeName)
                || SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.TranslationAttributeName)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.AttributeOnBackingField,
            attribute.GetLocation(),
            attribute.ToString(),
            property.Identifier.ValueText,
            type.Identifier.ValueText));
    }
}
