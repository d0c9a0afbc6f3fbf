using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators;

/// <summary>The catalogue of diagnostics reported for misuse of the symmetry attributes.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SymmetryDsl.Usage";

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "SYM001",
        "Model type is not partial",
        "Type '{0}' must be declared partial because the symmetry generator adds members to it; add the 'partial' modifier to '{1}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPeriod = Create(
        "SYM002",
        "Period is not a finite positive constant",
        "The period of '{0}' is {1}; set Period to a finite positive constant such as 'Period = 2 * Math.PI'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "SYM003",
        "Symmetry attribute on an unsupported member type",
        "[{0}] cannot act on member '{1}' of type '{2}'; supported types are {3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MixedGroupKinds = Create(
        "SYM004",
        "Permutation group mixes particle kinds",
        "Permutation group '{0}' mixes member '{1}' ({2}) with member '{3}' ({4}); put members whose particles are model types and members whose particles are numbers in separate groups",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReadOnlyMember = Create(
        "SYM005",
        "Symmetry attribute on a read-only or static member",
        "Member '{0}' is {1}, so the generated code cannot assign the transformed value; make it a settable instance field or property, or remove the attribute",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnequalGroupShapes = Create(
        "SYM006",
        "Co-permuted members have different particle counts",
        "Permutation group '{0}' reorders member '{1}' with {2} particles together with member '{3}' with {4} particles; give co-permuted members the same particle count",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DerivedModel = Create(
        "SYM007",
        "Model type derives from another model type",
        "Type '{0}' derives from model type '{1}', whose coordinates and group the generated code of '{0}' would not include; put the symmetric members in one type, or hold the base model in a [Permutation] collection",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AttributeOnPrimaryConstructorParameter = Create(
        "SYM008",
        "Symmetry attribute on a primary constructor parameter",
        "[{0}] is on primary constructor parameter '{1}' of '{2}', where the symmetry generator does not read it; declare the member in the body of '{2}' instead, such as '[{0}] public {3} {4} {{ get; set; }} = {1};'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AttributeOnBackingField = Create(
        "SYM009",
        "Symmetry attribute on the backing field of a property",
        "[field: {0}] on property '{1}' of '{2}' goes to the compiler's backing field, where the symmetry generator does not read it; remove the 'field:' target so that the attribute is on the property",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TranslationMissesPrimaryConstructorParameter = Create(
        "SYM010",
        "Type-level [Translation] does not cover a primary constructor parameter",
        "The [Translation] on '{0}' does not cover primary constructor parameter '{1}', because the symmetry generator reads only members declared in the body; {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ModelMemberWithoutPermutation = Create(
        "SYM011",
        "Model-type member is left out without [Permutation]",
        "Member '{0}' of '{1}' {2}, but the symmetry generator leaves it out because it has no [Permutation]. The group of '{3}' does not act on it, and it adds no coordinates. To include the models, hold them in a T[] or List<T> member marked [Permutation], which makes them particles, and hold a single model in a one-element [Permutation] array.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TranslationMissesReadOnlyMember = Create(
        "SYM012",
        "Type-level [Translation] does not cover a read-only member",
        "The [Translation] on '{0}' does not cover member '{1}', because it is {2} and the generated group action assigns members on a copy of the model; {3}",
        DiagnosticSeverity.Warning);

    /// <summary>Returns the descriptor with the given id, or null when the id is not in the catalogue.</summary>
    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "SYM001" => TypeNotPartial,
        "SYM002" => InvalidPeriod,
        "SYM003" => UnsupportedMemberType,
        "SYM004" => MixedGroupKinds,
        "SYM005" => ReadOnlyMember,
        "SYM006" => UnequalGroupShapes,
        "SYM007" => DerivedModel,
        "SYM008" => AttributeOnPrimaryConstructorParameter,
        "SYM009" => AttributeOnBackingField,
        "SYM010" => TranslationMissesPrimaryConstructorParameter,
        "SYM011" => ModelMemberWithoutPermutation,
        "SYM012" => TranslationMissesReadOnlyMember,
        "SYM100" => PermutedReadByPosition,
        "SYM101" => PeriodicValueOutsidePeriodicExpression,
        "SYM102" => InvariantWithoutModel,
        "SYM103" => InvarianceUndecided,
        _ => null,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: $"docs/diagnostics/{id}.md");

    // Invariance diagnostics reported by the analyzers inside [Invariant] code; their ids start at SYM100.
    private const string InvarianceCategory = "SymmetryDsl.Invariance";

    public static readonly DiagnosticDescriptor PermutedReadByPosition = new(
        "SYM100",
        "Permuted collection read by position in invariant code",
        "'{0}' is declared [Invariant], but it reads permuted collection '{1}' by position ({2}); read it in an order-free way such as foreach, Sum, or a loop over every index that indexes only members permuted with it",
        InvarianceCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "docs/diagnostics/SYM100.md");

    public static readonly DiagnosticDescriptor PeriodicValueOutsidePeriodicExpression = new(
        "SYM101",
        "Periodic member used outside a periodic expression in invariant code",
        "'{0}' is declared [Invariant], but it uses periodic member '{1}' (period {2}) {3}; wrap it with Periodic.Wrap, compare through Periodic.Difference or Periodic.Distance, or use Sin/Cos of an integer multiple of 2π·x/P",
        InvarianceCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "docs/diagnostics/SYM101.md");

    public static readonly DiagnosticDescriptor InvariantWithoutModel = new(
        "SYM102",
        "[Invariant] on a function without a model parameter",
        "'{0}' is declared [Invariant], but none of its parameters is a model type with [Permutation] or [Translation] members, so there is no symmetry to be invariant under; add a model parameter or remove the attribute",
        InvarianceCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "docs/diagnostics/SYM102.md");

    public static readonly DiagnosticDescriptor InvarianceUndecided = new(
        "SYM103",
        "Invariance cannot be decided",
        "'{0}' is declared [Invariant], but the analyzer cannot tell whether {1} keeps it invariant, because {2}; test it with Invariance.Check",
        InvarianceCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        helpLinkUri: "docs/diagnostics/SYM103.md");
}
