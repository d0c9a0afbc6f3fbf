using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Symbol queries shared by the invariance analyzers: which members a symmetry acts on, and how.
/// Attributes are matched by metadata name, so the analyzers never load the runtime assembly.
/// </summary>
internal static class SymmetrySymbols
{
    public const string PermutationAttributeName = "SymmetryDsl.PermutationAttribute";
    public const string TranslationAttributeName = "SymmetryDsl.TranslationAttribute";
    public const string InvariantAttributeName = "SymmetryDsl.InvariantAttribute";
    public const string PeriodicTypeName = "SymmetryDsl.Geometry.Periodic";

    public static bool HasAttribute(ISymbol symbol, string metadataName) => FindAttribute(symbol, metadataName) is not null;

    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => IsNamed(a.AttributeClass, metadataName));

    public static bool IsNamed(ITypeSymbol? type, string metadataName) =>
        type is not null && type.TypeKind != TypeKind.Error && type.ToDisplayString() == metadataName;

    /// <summary>Returns whether the type carries symmetry attributes on itself or on a member.</summary>
    public static bool IsModelType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (HasAttribute(named, TranslationAttributeName))
        {
            return true;
        }

        return named.GetMembers().Any(m =>
            m is IFieldSymbol or IPropertySymbol
            && (HasAttribute(m, PermutationAttributeName) || HasAttribute(m, TranslationAttributeName)));
    }

    /// <summary>Returns whether the type is a model type or an array or generic type built from one.</summary>
    public static bool ContainsModelType(ITypeSymbol? type, int depth = 0)
    {
        if (type is null || depth > 4)
        {
            return false;
        }

        if (IsModelType(type))
        {
            return true;
        }

        return type switch
        {
            IArrayTypeSymbol array => ContainsModelType(array.ElementType, depth + 1),
            INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(t => ContainsModelType(t, depth + 1)),
            _ => false,
        };
    }

    /// <summary>
    /// Returns the permutation group name of a member marked [Permutation]: the Group argument, or the member's own
    /// name when it is alone in its group. Returns null for any other member.
    /// </summary>
    public static string? PermutationGroup(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        var attribute = FindAttribute(member, PermutationAttributeName);
        if (attribute is null)
        {
            return null;
        }

        var group = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Group").Value.Value as string;
        return string.IsNullOrEmpty(group) ? "member " + member.Name : "group " + group;
    }

    /// <summary>
    /// Returns the period of a member that a translation acts on: a floating-point scalar, array, matrix or list
    /// member with [Translation] or in a type with [Translation]. Returns null otherwise, and for a period that is
    /// not a finite positive constant (the generator reports that).
    /// </summary>
    public static double? Period(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol) || member.IsStatic || member.IsImplicitlyDeclared)
        {
            return null;
        }

        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is null || !IsFloatingScalarOrArray(type))
        {
            return null;
        }

        // A type-level period reaches every floating-point member, permuted numeric particles included.
        var attribute = FindAttribute(member, TranslationAttributeName)
            ?? (member.ContainingType is null ? null : FindAttribute(member.ContainingType, TranslationAttributeName));

        return attribute is null ? null : ReadPeriod(attribute);
    }

    /// <summary>Returns whether a parameter type can hold particles: an array, a span, or a generic sequence.</summary>
    public static bool IsCollection(ITypeSymbol? type) =>
        type switch
        {
            null => false,
            IArrayTypeSymbol => true,
            { SpecialType: SpecialType.System_String } => false,
            INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" } => true,
            _ => type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T),
        };

    public static bool Equal(ISymbol? left, ISymbol? right) => SymbolEqualityComparer.Default.Equals(left, right);

    /// <summary>Returns whether a member contains several periodic values (an array, a matrix or a list) instead of one.</summary>
    public static bool IsArrayMember(ISymbol member) =>
        member switch
        {
            IFieldSymbol field => !IsFloating(field.Type),
            IPropertySymbol property => !IsFloating(property.Type),
            _ => false,
        };

    public static bool IsFloating(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    public static bool IsIntegral(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    /// <summary>Strips implicit and explicit conversions and parentheses around an operation.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Returns the nearest ancestor that is not a conversion or parentheses, with the child it was reached from.</summary>
    public static IOperation? ParentSkippingConversions(IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    // Jagged arrays are left out: a row of one is an array, not a periodic value, and the analysis does not follow it.
    private static bool IsFloatingScalarOrArray(ITypeSymbol type) =>
        IsFloating(type)
        || (type is IArrayTypeSymbol { Rank: 1 or 2 } array && IsFloating(array.ElementType))
        || (type is INamedTypeSymbol { Name: "List", IsGenericType: true, TypeArguments: [var element] } list
            && list.ContainingNamespace.ToDisplayString() == "System.Collections.Generic"
            && IsFloating(element));

    private static double? ReadPeriod(AttributeData attribute)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Period").Value;
        if (argument.Value is not double period || double.IsNaN(period) || double.IsInfinity(period) || period <= 0)
        {
            return null;
        }

        return period;
    }

    /// <summary>Formats a period for a message: a multiple of π reads as such, anything else as the number.</summary>
    public static string FormatPeriod(double period)
    {
        double multiple = period / Math.PI;
        double rounded = Math.Round(multiple);
        if (rounded >= 1 && Math.Abs(multiple - rounded) < 1e-12 * rounded)
        {
            return rounded == 1 ? "π" : rounded.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "π";
        }

        return period.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
