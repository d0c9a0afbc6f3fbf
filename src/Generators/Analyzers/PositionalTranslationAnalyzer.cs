using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Reports a primary constructor parameter that a type-level [Translation] would cover if it were a member declared
/// in the body (SYM010). The generator reads only members declared in the body, so a positional record such as
/// <c>[Translation(Period = 1)] partial record R(double Phase)</c> would otherwise get a model with no coordinates.
/// </summary>
/// <remarks>
/// A parameter counts when its type is double, float, double[] or float[], the types a type-level [Translation]
/// covers. It is silent when the body declares a field or property with the same name, ignoring case, because that
/// member replaces a record's synthesized property or takes the parameter's value in a class or struct. It is also
/// silent for a record struct that is not readonly, because the property synthesized there has a set accessor and the
/// generator covers it. In a class or struct that is not a record, it is silent when only initializers of body fields
/// and properties read the parameter. The compiler then keeps no hidden copy of it, and those members contain its value.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PositionalTranslationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TranslationMissesPrimaryConstructorParameter);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            AnalyzeType,
            SyntaxKind.ClassDeclaration,
            SyntaxKind.StructDeclaration,
            SyntaxKind.RecordDeclaration,
            SyntaxKind.RecordStructDeclaration);
    }

    private static void AnalyzeType(SyntaxNodeAnalysisContext context)
    {
        var type = (TypeDeclarationSyntax)context.Node;
        if (type.ParameterList is not { Parameters.Count: > 0 } parameters)
        {
            return;
        }

        var ct = context.CancellationToken;
        if (context.SemanticModel.GetDeclaredSymbol(type, ct) is not INamedTypeSymbol typeSymbol
            || !SymmetrySymbols.HasAttribute(typeSymbol, SymmetrySymbols.TranslationAttributeName))
        {
            return;
        }

        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.IsMissing
                || context.SemanticModel.GetDeclaredSymbol(parameter, ct) is not { RefKind: RefKind.None } symbol
                || !IsCoveredType(symbol.Type)
                || HasSymmetryAttribute(parameter, context.SemanticModel, ct)
                || HasBodyMember(typeSymbol, symbol.Name)
                || HasSettableRecordProperty(typeSymbol, symbol.Name)
                || OnlyInitializesMembers(type, symbol, context.SemanticModel, ct))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TranslationMissesPrimaryConstructorParameter,
                parameter.Identifier.GetLocation(),
                type.Identifier.ValueText,
                symbol.Name,
                Remedy(type, typeSymbol, symbol)));
        }
    }

    /// <summary>
    /// Returns the fix the message suggests. A readonly struct cannot have a settable member, so there the first step
    /// is to remove 'readonly'. A record struct then synthesizes a settable property that the generator covers.
    /// </summary>
    private static string Remedy(TypeDeclarationSyntax type, INamedTypeSymbol typeSymbol, IParameterSymbol parameter)
    {
        var typeName = type.Identifier.ValueText;
        var member = $"'public {parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} "
            + $"{PrimaryConstructorParameterAnalyzer.PropertyName(parameter.Name, type)} {{ get; set; }} = {parameter.Name};'";

        if (!typeSymbol.IsReadOnly || !typeSymbol.IsValueType)
        {
            return $"declare the member in the body of '{typeName}', such as {member}";
        }

        return typeSymbol.IsRecord
            ? $"remove 'readonly' from '{typeName}', so that the record struct synthesizes a settable property, which the generator covers"
            : $"remove 'readonly' from '{typeName}', because a readonly struct cannot have settable members, and declare the member in the body, such as {member}";
    }

    private static bool IsCoveredType(ITypeSymbol type)
    {
        var element = type is IArrayTypeSymbol { Rank: 1 } array ? array.ElementType : type;
        return element.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }

    // SYM008 already reports a symmetry attribute on the parameter, and one message per mistake is enough.
    private static bool HasSymmetryAttribute(
        ParameterSyntax parameter, SemanticModel model, System.Threading.CancellationToken ct) =>
        parameter.AttributeLists.SelectMany(list => list.Attributes).Any(attribute =>
        {
            var info = model.GetSymbolInfo(attribute, ct);
            var constructor = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            return constructor?.ContainingType is { } attributeType
                && (SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.PermutationAttributeName)
                    || SymmetrySymbols.IsNamed(attributeType, SymmetrySymbols.TranslationAttributeName));
        });

    // A record struct that is not readonly synthesizes a property with a set accessor, and the generator covers that
    // one. A record class or a readonly record struct synthesizes an init-only property, which it leaves out.
    private static bool HasSettableRecordProperty(INamedTypeSymbol type, string parameterName) =>
        type.GetMembers(parameterName).Any(member =>
            member is IPropertySymbol { IsStatic: false, SetMethod.IsInitOnly: false }
            && member.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is ParameterSyntax));

    // A record's synthesized property is declared by the parameter itself, so only members whose declaration is a
    // property or a field declarator count, and those may sit in any part of a partial type.
    private static bool HasBodyMember(INamedTypeSymbol type, string parameterName) =>
        type.GetMembers().Any(member =>
            member is IFieldSymbol or IPropertySymbol
            && string.Equals(member.Name, parameterName, System.StringComparison.OrdinalIgnoreCase)
            && member.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax() is PropertyDeclarationSyntax or VariableDeclaratorSyntax));

    // A class or struct captures a primary constructor parameter into a hidden field only when a member body reads
    // it. Read only in member initializers, its value lives in those members, which the generator covers. A record
    // synthesizes a property from every parameter that no member replaces, so a record never qualifies.
    private static bool OnlyInitializesMembers(
        TypeDeclarationSyntax type, IParameterSymbol parameter, SemanticModel model, System.Threading.CancellationToken ct)
    {
        if (type is RecordDeclarationSyntax)
        {
            return false;
        }

        var initializesMember = false;
        foreach (var identifier in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != parameter.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, ct).Symbol, parameter))
            {
                continue;
            }

            if (!identifier.Ancestors().OfType<EqualsValueClauseSyntax>().Any(IsMemberInitializer))
            {
                return false;
            }

            initializesMember = true;
        }

        return initializesMember;
    }

    private static bool IsMemberInitializer(EqualsValueClauseSyntax clause) =>
        clause.Parent is PropertyDeclarationSyntax
        || clause.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax };
}
