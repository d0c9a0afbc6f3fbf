namespace SymmetryDsl.Generators.Model;

/// <summary>How a member stores its values.</summary>
internal enum MemberShape
{
    /// <summary>A single number.</summary>
    Scalar,

    /// <summary>A one-dimensional array of numbers that is not permuted.</summary>
    Array,

    /// <summary>A <c>T[]</c> of particles.</summary>
    ParticleArray,

    /// <summary>A <c>List&lt;T&gt;</c> of particles.</summary>
    ParticleList,

    /// <summary>The rows of a <c>double[,]</c>, each row one particle.</summary>
    MatrixRows,

    /// <summary>The rows of a <c>double[][]</c>, each row one particle.</summary>
    JaggedRows,
}

/// <summary>The type of one entry or particle of a member.</summary>
internal enum ElementKind
{
    Double,
    Float,

    /// <summary>A partial model type with its own generated quotient code.</summary>
    Model,
}

/// <summary>One member of a model type that contributes flat coordinates.</summary>
/// <param name="Name">The member name as C# source, with <c>@</c> when it is a keyword.</param>
/// <param name="DisplayName">The member name without <c>@</c>, used in messages and generated names.</param>
/// <param name="ElementType">The fully qualified element type when <paramref name="Element"/> is a model type.</param>
/// <param name="Period">The period as a round-trip invariant literal, or null for a member without translations.</param>
/// <param name="GroupIndex">Index into <see cref="TypeSpec.Groups"/>, or -1 for a member that is not permuted.</param>
/// <param name="ElementProperty">
/// The name of the member's property on the generated group element: its shift or shifts when periodic, the inner
/// group elements of its particles when they are model types, or null when the member needs neither.
/// </param>
/// <param name="HasReferenceTypeParticles">Whether the particles are instances of a model type that is a class or record class, so a particle can be null.</param>
internal sealed record MemberSpec(
    string Name,
    string DisplayName,
    MemberShape Shape,
    ElementKind Element,
    string? ElementType,
    string? Period,
    int GroupIndex,
    string? ElementProperty,
    bool HasReferenceTypeParticles)
{
    public bool IsPeriodic => Period is not null;

    public bool IsPermuted => GroupIndex >= 0;

    public bool IsReference => Shape != MemberShape.Scalar;

    /// <summary>
    /// Whether the member is periodic rows of a <c>double[][]</c>. Group elements store its shifts as one flat
    /// array, so they act only on models whose rows of this member all have the same length.
    /// </summary>
    public bool HasPeriodicJaggedRows => IsPeriodic && Shape == MemberShape.JaggedRows;

    /// <summary>
    /// Whether an entry of the member can be null: a row of a <c>double[][]</c> or a particle of a class model
    /// type. The generated code checks such members for null entries before it reads them.
    /// </summary>
    public bool CanHaveNullElements => Shape == MemberShape.JaggedRows || HasReferenceTypeParticles;
}

/// <summary>One permutation group: the members that one group element reorders together.</summary>
/// <param name="PropertyName">The name of the group's permutation property on the generated group element.</param>
/// <param name="DisplayName">The group name for messages: the <c>Group</c> argument or the single member's name.</param>
internal sealed record GroupSpec(string PropertyName, string DisplayName, EquatableArray<int> MemberIndices);

/// <summary>A type declaration to re-declare as partial: the model type or one of its containing types.</summary>
/// <param name="Keyword">One of <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>, optionally with <c>static</c>.</param>
/// <param name="Name">The type name with <c>@</c> when it is a keyword.</param>
/// <param name="TypeParameters">The type parameter list, such as <c>&lt;T, U&gt;</c>, or empty.</param>
/// <param name="Constraints">One <c>where</c> clause per constrained type parameter.</param>
internal sealed record DeclarationSpec(string Keyword, string Name, string TypeParameters, EquatableArray<string> Constraints);

/// <summary>Everything the emitter needs to write the quotient code of one model type.</summary>
/// <param name="HintName">A file name unique within the compilation, derived from the metadata name.</param>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The containing types from the outermost inwards.</param>
/// <param name="FullName">The fully qualified type name with type arguments, starting with <c>global::</c>.</param>
/// <param name="DisplayName">The type name for messages.</param>
/// <param name="IsValueType">Whether the model is a struct, so copies are by value and null checks are not needed.</param>
/// <param name="CanEmit">False when an error diagnostic or an unresolved type makes generated code useless.</param>
internal sealed record TypeSpec(
    string HintName,
    string Namespace,
    EquatableArray<DeclarationSpec> ContainingTypes,
    DeclarationSpec Declaration,
    string FullName,
    string DisplayName,
    bool IsValueType,
    bool CanEmit,
    EquatableArray<MemberSpec> Members,
    EquatableArray<GroupSpec> Groups,
    EquatableArray<DiagnosticInfo> Diagnostics);
