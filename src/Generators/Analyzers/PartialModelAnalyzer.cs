using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports a model type, or a type that contains one, declared without <c>partial</c> (SYM001). The generator adds
/// members to the model type, so every declaration of it and of its containing types needs the modifier.
/// </summary>
/// <remarks>
/// The check runs here rather than in the generator because editors such as csharp-ls 0.28.0 show analyzer
/// diagnostics but not the ones a source generator reports. The generator still skips such a type in silence.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartialModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypeNotPartial);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // The generator also reads models declared in generated files, so they are checked the same way.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    // Each diagnostic is reported from the symbol whose declaration it sits on, a container included, so it stays
    // local to that symbol. Roslyn's code fix testing rejects fixes for non-local diagnostics, because analysis of a
    // single document, as editors run it, need not report them.
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var ct = context.CancellationToken;
        var nonPartial = type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(ct))
            .OfType<TypeDeclarationSyntax>()
            .Where(declaration => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            .ToList();
        if (nonPartial.Count == 0)
        {
            return;
        }

        foreach (var model in SelfAndNestedTypes(type).Where(candidate => IsGeneratorTarget(candidate, ct)))
        {
            foreach (var declaration in nonPartial)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TypeNotPartial,
                    declaration.Identifier.GetLocation(),
                    model.Name,
                    type.Name));
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndNestedTypes(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var inner in SelfAndNestedTypes(nested))
            {
                yield return inner;
            }
        }
    }

    /// <summary>
    /// Returns whether the generator builds a model for the type: a class or struct that is not a ref struct, with
    /// [Translation] on a type declaration or [Permutation] or [Translation] on a field or property declaration.
    /// </summary>
    private static bool IsGeneratorTarget(INamedTypeSymbol type, System.Threading.CancellationToken ct)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsRefLikeType)
        {
            return false;
        }

        if (SymmetrySymbols.HasAttribute(type, SymmetrySymbols.TranslationAttributeName))
        {
            return true;
        }

        // The generator finds members through attribute syntax on field variables and property declarations, so a
        // property that a record synthesizes from a primary constructor parameter does not make a model. SYM008
        // reports an attribute there instead.
        return type.GetMembers().Any(member =>
            member is IFieldSymbol or IPropertySymbol
            && (SymmetrySymbols.HasAttribute(member, SymmetrySymbols.PermutationAttributeName)
                || SymmetrySymbols.HasAttribute(member, SymmetrySymbols.TranslationAttributeName))
            && member.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(ct) is VariableDeclaratorSyntax or PropertyDeclarationSyntax));
    }
}
