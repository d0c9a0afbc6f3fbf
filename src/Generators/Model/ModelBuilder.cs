using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymmetryDsl.Generators.Model;

/// <summary>Builds the equatable <see cref="TypeSpec"/> of a model type from its symbol, with diagnostics for misuse.</summary>
internal static class ModelBuilder
{
    public const string PermutationAttributeName = "SymmetryDsl.PermutationAttribute";
    public const string TranslationAttributeName = "SymmetryDsl.TranslationAttribute";
    private const string QuotientModelInterfaceName = "SymmetryDsl.IQuotientModel<TSelf, TGroupElement>";

    private const string PermutationSupportedTypes =
        "double[], float[], List<double>, List<float>, T[] or List<T> of a partial model type T, and the rows of double[,] and double[][]";

    private const string TranslationSupportedTypes =
        "double, float, double[], float[], and together with [Permutation] also List<double>, List<float> and the rows of double[,] and double[][]";

    /// <summary>Returns the spec of <paramref name="type"/>, or null when it is not a class, struct or record.</summary>
    public static TypeSpec? Build(INamedTypeSymbol type, CancellationToken ct)
    {
        // A ref struct cannot be the type argument of IQuotientModel, so there is nothing to generate for it.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsRefLikeType)
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var canEmit = IsPartialWithContainers(type, ct);
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (IsModelType(baseType))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DerivedModel,
                    type.Locations.FirstOrDefault(),
                    type.Name,
                    baseType.Name));
                canEmit = false;
                break;
            }
        }

        var typePeriod = default(string);
        var typeTranslation = FindAttribute(type, TranslationAttributeName);
        if (typeTranslation is not null)
        {
            typePeriod = ReadPeriod(typeTranslation, type.Name, diagnostics, ct);
            canEmit &= typePeriod is not null;
        }

        var candidates = new List<Candidate>();
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (!Classify(member, typePeriod, diagnostics, ct, out var candidate))
            {
                canEmit = false;
            }
            else if (candidate is not null)
            {
                candidates.Add(candidate);
            }
        }

        var groups = BuildGroups(candidates, diagnostics, ref canEmit, ct);
        var members = AssignElementProperties(candidates, groups);

        return new TypeSpec(
            HintName: BuildHintName(type),
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes: new EquatableArray<DeclarationSpec>(ContainingTypes(type).Select(Declare)),
            Declaration: Declare(type),
            FullName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DisplayName: type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            IsValueType: type.IsValueType,
            CanEmit: canEmit && !diagnostics.Any(d => DiagnosticDescriptors.Find(d.DescriptorId)?.DefaultSeverity == DiagnosticSeverity.Error),
            Members: new EquatableArray<MemberSpec>(members),
            Groups: new EquatableArray<GroupSpec>(groups.Select(g => g.Spec!)),
            Diagnostics: new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>Returns whether <paramref name="type"/> carries symmetry attributes, so the generator writes code for it.</summary>
    public static bool IsModelType(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        if (named.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == QuotientModelInterfaceName))
        {
            return true;
        }

        if (FindAttribute(named, TranslationAttributeName) is not null)
        {
            return true;
        }

        return named.GetMembers().Any(m =>
            m is IFieldSymbol or IPropertySymbol
            && (FindAttribute(m, PermutationAttributeName) is not null || FindAttribute(m, TranslationAttributeName) is not null));
    }

    private static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    // PartialModelAnalyzer reports SYM001, because editors show analyzer diagnostics but not generator ones, so the
    // generator only skips a type that it could not extend.
    private static bool IsPartialWithContainers(INamedTypeSymbol type, CancellationToken ct)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                ct.ThrowIfCancellationRequested();
                if (reference.GetSyntax(ct) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Returns the period as a C# double literal, or null after reporting an invalid period.</summary>
    private static string? ReadPeriod(AttributeData attribute, string target, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        double? period = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Period" && argument.Value.Value is double value)
            {
                period = value;
            }
        }

        if (period is { } p && p > 0 && !double.IsInfinity(p) && !double.IsNaN(p))
        {
            return p.ToString("R", CultureInfo.InvariantCulture) + "d";
        }

        var periodText = period is { } bad ? bad.ToString("R", CultureInfo.InvariantCulture) : "not set";
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.InvalidPeriod,
            attribute.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation(),
            target,
            periodText));
        return null;
    }

    /// <summary>
    /// Classifies one member. Returns false when generation must stop for the type (an error was reported or
    /// a type is unresolved); <paramref name="candidate"/> is null for members that contribute no coordinates.
    /// </summary>
    private static bool Classify(
        ISymbol member,
        string? typePeriod,
        List<DiagnosticInfo> diagnostics,
        CancellationToken ct,
        out Candidate? candidate)
    {
        candidate = null;
        ITypeSymbol? memberType;
        string? readOnlyReason;
        switch (member)
        {
            case IFieldSymbol field when !field.IsImplicitlyDeclared:
                memberType = field.Type;
                readOnlyReason = FieldReadOnlyReason(field);
                break;
            case IPropertySymbol property when !property.IsIndexer && !property.IsImplicitlyDeclared:
                memberType = property.Type;
                readOnlyReason = property.IsStatic ? "static"
                    : property.SetMethod is null ? "read-only (it has no setter)"
                    : property.SetMethod.IsInitOnly ? "init-only"
                    : property.ReturnsByRef || property.ReturnsByRefReadonly ? "returned by reference"
                    : null;
                break;
            default:
                return true;
        }

        var permutation = FindAttribute(member, PermutationAttributeName);
        var translation = FindAttribute(member, TranslationAttributeName);
        var location = member.Locations.FirstOrDefault();
        var hasAttribute = permutation is not null || translation is not null;

        if (!hasAttribute && !member.IsStatic && StoresValue(member) && FindHeldModelType(memberType, depth: 0) is { } heldModel)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ModelMemberWithoutPermutation,
                location,
                member.Name,
                member.ContainingType.Name,
                DescribeHeldModel(memberType, heldModel),
                heldModel.Name));
            return true;
        }

        if (!hasAttribute && typePeriod is not null && readOnlyReason is not null && !member.IsStatic
            && StoresValue(member) && !IsSynthesizedFromParameter(member, ct) && TryNumeric(memberType, out _, out _))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TranslationMissesReadOnlyMember,
                location,
                member.ContainingType.Name,
                member.Name,
                readOnlyReason,
                ReadOnlyRemedy(member)));
            return true;
        }

        if (!hasAttribute && (readOnlyReason is not null || member.IsImplicitlyDeclared))
        {
            return true;
        }

        if (memberType.TypeKind == TypeKind.Error || ContainsErrorType(memberType))
        {
            // The compiler reports the unresolved type; generating code against it would only add errors.
            return !hasAttribute;
        }

        var name = EscapeIdentifier(member.Name);
        if (hasAttribute && readOnlyReason is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReadOnlyMember, location, member.Name, readOnlyReason));
            return false;
        }

        var period = typePeriod;
        if (translation is not null)
        {
            period = ReadPeriod(translation, member.Name, diagnostics, ct);
            if (period is null)
            {
                return false;
            }
        }

        if (permutation is null)
        {
            if (!TryNumeric(memberType, out var shape, out var element))
            {
                if (translation is not null)
                {
                    ReportUnsupported("Translation", member, memberType, TranslationSupportedTypes, location, diagnostics);
                    return false;
                }

                return true;
            }

            candidate = new Candidate(name, member.Name, shape, element, null, period, null, member);
            return true;
        }

        if (!TryParticles(memberType, out var particleShape, out var particleElement, out var modelParticle))
        {
            ReportUnsupported("Permutation", member, memberType, PermutationSupportedTypes, location, diagnostics);
            return false;
        }

        if (particleElement == ElementKind.Model)
        {
            if (translation is not null)
            {
                ReportUnsupported("Translation", member, memberType, TranslationSupportedTypes, location, diagnostics);
                return false;
            }

            // A model particle carries its own translations, so a period declared on the containing type does not reach it.
            period = null;
        }

        var group = permutation.NamedArguments.FirstOrDefault(a => a.Key == "Group").Value.Value as string;
        candidate = new Candidate(
            name,
            member.Name,
            particleShape,
            particleElement,
            modelParticle?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            period,
            string.IsNullOrEmpty(group) ? null : group,
            member,
            hasReferenceTypeParticles: modelParticle is { IsReferenceType: true });
        return true;
    }

    private static string? FieldReadOnlyReason(IFieldSymbol field)
    {
        if (field.IsConst)
        {
            return "a constant";
        }

        if (field.IsStatic)
        {
            return "static";
        }

        return field.IsReadOnly ? "read-only" : null;
    }

    private static void ReportUnsupported(
        string attribute,
        ISymbol member,
        ITypeSymbol memberType,
        string supported,
        Location? location,
        List<DiagnosticInfo> diagnostics) =>
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.UnsupportedMemberType,
            location,
            attribute,
            member.Name,
            DisplayType(memberType),
            supported));

    /// <summary>Formats a type as C# source would, since the default display writes multidimensional arrays as <c>double[*,*]</c>.</summary>
    private static string DisplayType(ITypeSymbol type) => type is IArrayTypeSymbol array
        ? DisplayType(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]"
        : type.ToDisplayString();

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.TypeKind == TypeKind.Error || ContainsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(t => t.TypeKind == TypeKind.Error || ContainsErrorType(t)),
        _ => false,
    };

    private static bool TryNumber(ITypeSymbol type, out ElementKind element)
    {
        element = type.SpecialType == SpecialType.System_Single ? ElementKind.Float : ElementKind.Double;
        return type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }

    private static bool TryNumeric(ITypeSymbol type, out MemberShape shape, out ElementKind element)
    {
        shape = MemberShape.Scalar;
        if (TryNumber(type, out element))
        {
            return true;
        }

        shape = MemberShape.Array;
        return type is IArrayTypeSymbol { Rank: 1 } array && TryNumber(array.ElementType, out element);
    }

    // SYM010 reports the property a positional record synthesizes from its parameter, so SYM012 leaves it alone.
    private static bool IsSynthesizedFromParameter(ISymbol member, CancellationToken ct) =>
        member.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(ct) is ParameterSyntax);

    /// <summary>Returns the SYM012 message phrase with the steps that make a read-only member settable.</summary>
    private static string ReadOnlyRemedy(ISymbol member)
    {
        var type = member.ContainingType;
        var step = member is IFieldSymbol
            ? $"remove 'readonly' from '{member.Name}'"
            : $"give '{member.Name}' a set accessor";

        return type.IsReadOnly && type.IsValueType
            ? $"remove 'readonly' from '{type.Name}', because a readonly struct cannot have settable members, and {step}"
            : step;
    }

    /// <summary>
    /// Returns whether <paramref name="member"/> is a field or an auto-property. A property with accessor bodies
    /// stores its value in a field, which is checked on its own, or computes it and stores nothing.
    /// </summary>
    private static bool StoresValue(ISymbol member) => member switch
    {
        IFieldSymbol => true,
        IPropertySymbol property => property.ContainingType.GetMembers().Any(m =>
            m is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property)),
        _ => false,
    };

    /// <summary>
    /// Returns a model type that <paramref name="type"/> is or holds, looking through arrays of any rank, nullable value
    /// types, tuples and the element type of any type that implements <c>IEnumerable&lt;T&gt;</c>, so dictionaries and
    /// nested lists count. Returns null for every other type, delegates included.
    /// </summary>
    private static ITypeSymbol? FindHeldModelType(ITypeSymbol type, int depth)
    {
        // Declared types are finite, so the depth bound only cuts off pathological nesting early. Special types
        // (double, string and the like) are never models, and skipping them keeps this cheap for numeric members.
        if (depth > 8 || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        if (IsModelType(type))
        {
            return type;
        }

        var parts = type switch
        {
            IArrayTypeSymbol array => [array.ElementType],
            INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.Select(e => e.Type).ToList(),
            INamedTypeSymbol named when named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                || named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.KeyValuePair<TKey, TValue>"
                => named.TypeArguments.ToList(),
            INamedTypeSymbol named => EnumeratedTypes(named),
            _ => new List<ITypeSymbol>(),
        };

        foreach (var part in parts)
        {
            if (FindHeldModelType(part, depth + 1) is { } model)
            {
                return model;
            }
        }

        return null;
    }

    /// <summary>Returns the SYM011 message phrase that relates the member's type to the model type it holds.</summary>
    private static string DescribeHeldModel(ITypeSymbol memberType, ITypeSymbol heldModel)
    {
        var typeText = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var underlying = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : memberType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

        return SymbolEqualityComparer.Default.Equals(underlying, heldModel)
            ? $"has model type '{typeText}'"
            : $"has type '{typeText}', which contains model type '{heldModel.Name}'";
    }

    /// <summary>Returns T for each <c>IEnumerable&lt;T&gt;</c> that <paramref name="type"/> is or implements.</summary>
    private static List<ITypeSymbol> EnumeratedTypes(INamedTypeSymbol type) =>
        type.AllInterfaces.Add(type)
            .Where(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            .Select(i => i.TypeArguments[0])
            .ToList();

    /// <summary>
    /// Returns whether <paramref name="type"/> is a supported particle collection, with its shape, its particle kind
    /// and, when the particles are instances of a model type, that type in <paramref name="modelParticle"/>.
    /// </summary>
    private static bool TryParticles(ITypeSymbol type, out MemberShape shape, out ElementKind element, out ITypeSymbol? modelParticle)
    {
        shape = MemberShape.ParticleArray;
        element = ElementKind.Double;
        modelParticle = null;
        ITypeSymbol particle;
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 2 } matrix when matrix.ElementType.SpecialType == SpecialType.System_Double:
                shape = MemberShape.MatrixRows;
                return true;
            case IArrayTypeSymbol { Rank: 1, ElementType: IArrayTypeSymbol { Rank: 1 } row }
                when row.ElementType.SpecialType == SpecialType.System_Double:
                shape = MemberShape.JaggedRows;
                return true;
            case IArrayTypeSymbol { Rank: 1 } array:
                particle = array.ElementType;
                break;
            case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
                when list.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>":
                shape = MemberShape.ParticleList;
                particle = list.TypeArguments[0];
                break;
            default:
                return false;
        }

        if (TryNumber(particle, out element))
        {
            return true;
        }

        // A nullable particle would need a null policy in every generated loop, so only non-null model types qualify.
        if (particle.NullableAnnotation == NullableAnnotation.Annotated || !IsModelType(particle))
        {
            return false;
        }

        element = ElementKind.Model;
        modelParticle = particle;
        return true;
    }

    private static List<Group> BuildGroups(List<Candidate> candidates, List<DiagnosticInfo> diagnostics, ref bool canEmit, CancellationToken ct)
    {
        var groups = new List<Group>();
        var byName = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            ct.ThrowIfCancellationRequested();
            if (!IsParticleShape(candidate.Shape))
            {
                continue;
            }

            if (candidate.GroupName is null || !byName.TryGetValue(candidate.GroupName, out var group))
            {
                group = new Group(candidate.GroupName ?? candidate.DisplayName, candidate.GroupName is null ? candidate.DisplayName : candidate.GroupName);
                groups.Add(group);
                if (candidate.GroupName is not null)
                {
                    byName.Add(candidate.GroupName, group);
                }
            }

            candidate.GroupIndex = groups.IndexOf(group);
            group.Members.Add(candidate);
        }

        foreach (var group in groups)
        {
            var first = group.Members[0];
            foreach (var other in group.Members.Skip(1))
            {
                if ((first.Element == ElementKind.Model) != (other.Element == ElementKind.Model))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MixedGroupKinds,
                        other.Symbol.Locations.FirstOrDefault(),
                        group.DisplayName,
                        first.DisplayName,
                        DescribeParticles(first),
                        other.DisplayName,
                        DescribeParticles(other)));
                    canEmit = false;
                }
            }

            ReportUnequalConstantCounts(group, diagnostics, ct);
        }

        return groups;
    }

    private static string DescribeParticles(Candidate candidate) =>
        candidate.Element == ElementKind.Model ? "model-type particles" : "numeric particles";

    private static void ReportUnequalConstantCounts(Group group, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        Candidate? first = null;
        var firstCount = 0;
        foreach (var member in group.Members)
        {
            if (ConstantParticleCount(member.Symbol, ct) is not { } count)
            {
                continue;
            }

            if (first is null)
            {
                first = member;
                firstCount = count;
            }
            else if (count != firstCount)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnequalGroupShapes,
                    member.Symbol.Locations.FirstOrDefault(),
                    group.DisplayName,
                    first.DisplayName,
                    firstCount.ToString(CultureInfo.InvariantCulture),
                    member.DisplayName,
                    count.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Reads the particle count from an initializer such as <c>new double[4, 2]</c> or <c>[1, 2, 3]</c>, when it is a literal.</summary>
    private static int? ConstantParticleCount(ISymbol member, CancellationToken ct)
    {
        var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct);
        var initializer = syntax switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };

        switch (initializer)
        {
            case ArrayCreationExpressionSyntax { Initializer: { } elements }:
                return elements.Expressions.Count;
            case ArrayCreationExpressionSyntax creation:
                var sizes = creation.Type.RankSpecifiers.FirstOrDefault()?.Sizes;
                return sizes is { Count: > 0 } && sizes.Value[0] is LiteralExpressionSyntax { Token.Value: int size } ? size : null;
            case ImplicitArrayCreationExpressionSyntax implicitCreation:
                return implicitCreation.Initializer.Expressions.Count;
            case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                return collection.Elements.Count;
            default:
                return null;
        }
    }

    private static bool IsParticleShape(MemberShape shape) =>
        shape is MemberShape.ParticleArray or MemberShape.ParticleList or MemberShape.MatrixRows or MemberShape.JaggedRows;

    /// <summary>Names the group element's properties, making each unique with a numeric suffix when two names meet.</summary>
    private static List<MemberSpec> AssignElementProperties(List<Candidate> candidates, List<Group> groups)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "IsIdentity", "Identity", "ToString", "Equals", "GetHashCode", "GetType" };
        string Unique(string name)
        {
            var result = name;
            for (var suffix = 2; !used.Add(result); suffix++)
            {
                result = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return result;
        }

        foreach (var group in groups)
        {
            group.PropertyName = Unique(ToPascalIdentifier(group.NameSource) + "Permutation");
        }

        var members = new List<MemberSpec>();
        foreach (var candidate in candidates)
        {
            string? property = null;
            if (candidate.Element == ElementKind.Model)
            {
                property = Unique(ToPascalIdentifier(candidate.DisplayName) + "Elements");
            }
            else if (candidate.Period is not null)
            {
                property = Unique(ToPascalIdentifier(candidate.DisplayName) + (candidate.Shape == MemberShape.Scalar ? "Shift" : "Shifts"));
            }

            members.Add(new MemberSpec(
                candidate.Name,
                candidate.DisplayName,
                candidate.Shape,
                candidate.Element,
                candidate.ElementType,
                candidate.Period,
                candidate.GroupIndex,
                property,
                candidate.HasReferenceTypeParticles));
        }

        foreach (var group in groups)
        {
            group.Spec = new GroupSpec(
                group.PropertyName!,
                group.DisplayName,
                new EquatableArray<int>(group.Members.Select(m => candidates.IndexOf(m))));
        }

        return members;
    }

    /// <summary>Turns a member or group name into a PascalCase identifier made of letters, digits and underscores.</summary>
    private static string ToPascalIdentifier(string name)
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Group");
        }

        return builder.ToString();
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            chain.Add(current);
        }

        chain.Reverse();
        return chain;
    }

    private static DeclarationSpec Declare(INamedTypeSymbol type)
    {
        var keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };
        if (type.IsStatic)
        {
            keyword = "static " + keyword;
        }

        var typeParameters = type.TypeParameters.Length == 0
            ? string.Empty
            : "<" + string.Join(", ", type.TypeParameters.Select(p => EscapeIdentifier(p.Name))) + ">";
        var constraints = type.TypeParameters
            .Select(Constraint)
            .Where(c => c is not null)
            .Select(c => c!);
        return new DeclarationSpec(keyword, EscapeIdentifier(type.Name), typeParameters, new EquatableArray<string>(constraints));
    }

    private static string? Constraint(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        var format = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        parts.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(format)));
        if (parameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? null : $"where {EscapeIdentifier(parameter.Name)} : {string.Join(", ", parts)}";
    }

    /// <summary>Builds a hint name from the metadata names of the namespace and the type chain, such as <c>Ns.Outer`1.Inner.g.cs</c>.</summary>
    private static string BuildHintName(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            parts.Add(current.MetadataName);
        }

        parts.Reverse();
        var prefix = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
        return prefix + string.Join(".", parts) + ".g.cs";
    }

    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private sealed class Candidate(
        string name,
        string displayName,
        MemberShape shape,
        ElementKind element,
        string? elementType,
        string? period,
        string? groupName,
        ISymbol symbol,
        bool hasReferenceTypeParticles = false)
    {
        public string Name { get; } = name;

        public string DisplayName { get; } = displayName;

        public MemberShape Shape { get; } = shape;

        public ElementKind Element { get; } = element;

        public string? ElementType { get; } = elementType;

        public string? Period { get; } = period;

        public string? GroupName { get; } = groupName;

        public ISymbol Symbol { get; } = symbol;

        public bool HasReferenceTypeParticles { get; } = hasReferenceTypeParticles;

        public int GroupIndex { get; set; } = -1;
    }

    private sealed class Group(string nameSource, string displayName)
    {
        public string NameSource { get; } = nameSource;

        public string DisplayName { get; } = displayName;

        public List<Candidate> Members { get; } = new();

        public string? PropertyName { get; set; }

        public GroupSpec? Spec { get; set; }
    }
}
