using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports [Permutation] or [Translation] on a primary constructor parameter of a record, class or struct (SYM008).
/// The generator reads these attributes only on field and property declarations in the type's body, so without this
/// diagnostic the attribute would be ignored in silence.
/// </summary>
/// <remarks>
/// The attribute is reported whatever its target. With <c>property:</c> or <c>field:</c> on a record it reaches the
/// synthesized member, which the generator does not see. Elsewhere the compiler also reports CS0592 or CS0657, but
/// that message does not say how to declare the member instead.
/// <para>A type-level [Translation] does not reach primary constructor parameters either, and SYM010 reports that case.</para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrimaryConstructorParameterAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AttributeOnPrimaryConstructorParameter);

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
        if (attribute.Parent is not AttributeListSyntax { Parent: ParameterSyntax parameter }
            || parameter.Parent is not ParameterListSyntax { Parent: TypeDeclarationSyntax type })
        {
            return;
        }

        // Interfaces and extension blocks also take a parameter list in the syntax, but neither has a body member
        // to move the attribute to.
        if (type is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax))
        {
            return;
        }

        // An attribute on a target the compiler rejects (CS0657) may bind only to candidates, so those count too.
        var ct = context.CancellationToken;
        var info = context.SemanticModel.GetSymbolInfo(attribute, ct);
        var constructor = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        if (constructor is not IMethodSymbol { ContainingType: var attributeType }
            || !(SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.PermutationAttributeName)
                || SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.TranslationAttributeName)))
        {
            return;
        }

        var parameterType = context.SemanticModel.GetDeclaredSymbol(parameter, ct)?.Type;
        var typeText = parameterType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
            ?? parameter.Type?.ToString()
            ?? "double";

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.AttributeOnPrimaryConstructorParameter,
            attribute.GetLocation(),
            attribute.ToString(),
            parameter.Identifier.ValueText,
            type.Identifier.ValueText,
            typeText,
            PropertyName(parameter.Identifier.ValueText, type)));
    }

    /// <summary>
    /// Returns the name a body member declared for the parameter should have. A record's body member must keep the
    /// parameter's name so that it replaces the synthesized property. A class or struct has no synthesized property,
    /// so the suggestion uses the usual PascalCase property name.
    /// </summary>
    internal static string PropertyName(string parameterName, TypeDeclarationSyntax type)
    {
        if (type is RecordDeclarationSyntax || parameterName.Length == 0 || !char.IsLower(parameterName[0]))
        {
            return parameterName;
        }

        return char.ToUpperInvariant(parameterName[0]) + parameterName.Substring(1);
    }
}
