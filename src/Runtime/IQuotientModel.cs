namespace SymmetryDsl;

/// <summary>
/// A parameter type whose symmetry group is known: it flattens to coordinates θ ∈ ℝᴺ with a diagonal
/// metric, and it has a canonical projection and a distance on its quotient by the group.
/// </summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
/// <remarks>
/// The source generator implements this interface for every partial type with <see cref="PermutationAttribute"/>
/// or <see cref="TranslationAttribute"/> members. Runtime algorithms such as gradient flows are generic over it,
/// so they never reflect over user types. The coordinate count depends on the particle counts of the
/// instance, so the coordinate members are instance members.
/// </remarks>
public interface IQuotientModel<TSelf>
    where TSelf : IQuotientModel<TSelf>
{
    /// <summary>Number N of flat coordinates of this instance.</summary>
    int ParameterCount { get; }

    /// <summary>Writes the flat coordinates θ of this instance into the first <see cref="ParameterCount"/> entries of <paramref name="destination"/>.</summary>
    void CopyTo(Span<double> destination);

    /// <summary>Overwrites this instance's members from flat coordinates laid out as <see cref="CopyTo"/> writes them.</summary>
    void CopyFrom(ReadOnlySpan<double> source);

    /// <summary>
    /// Writes the diagonal metric weights: 1 for plain and periodic entries, 1/n for the entries of a particle in a
    /// collection of n particles. The Riemannian gradient is the Euclidean gradient divided by these weights.
    /// </summary>
    void GetMetricWeights(Span<double> destination);

    /// <summary>Returns a deep copy that shares no arrays or lists with this instance.</summary>
    TSelf DeepClone();

    /// <summary>
    /// Returns the canonical representative of this instance's orbit: periodic values wrapped into [0, P), each
    /// particle canonicalized, then the particles sorted lexicographically by their flat coordinates.
    /// </summary>
    TSelf Canonicalize();

    /// <summary>Returns the quotient distance min over group elements g of ‖g·x − y‖ in the model's metric.</summary>
    static abstract double OrbitDistance(TSelf x, TSelf y);

    /// <summary>Returns the squared quotient distance min over group elements g of ‖g·x − y‖².</summary>
    static abstract double OrbitDistanceSquared(TSelf x, TSelf y);

    /// <summary>Returns whether the orbits of <paramref name="x"/> and <paramref name="y"/> are within <paramref name="tolerance"/> in the quotient distance.</summary>
    static abstract bool AreEquivalent(TSelf x, TSelf y, double tolerance);
}

/// <summary>A quotient model together with the type of its group elements, for algorithms that act with the group.</summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
/// <typeparam name="TGroupElement">The model's group element type, generated as <c>TSelf.GroupElement</c>.</typeparam>
public interface IQuotientModel<TSelf, TGroupElement> : IQuotientModel<TSelf>
    where TSelf : IQuotientModel<TSelf, TGroupElement>
{
    /// <summary>Returns g·this, a new instance; this instance is unchanged.</summary>
    TSelf Apply(TGroupElement element);

    /// <summary>Returns the identity element of the group that acts on models shaped like <paramref name="shape"/>.</summary>
    static abstract TGroupElement IdentityElement(TSelf shape);

    /// <summary>Draws a group element for models shaped like <paramref name="shape"/> from <paramref name="random"/>: uniform over each permutation group, with integer shifts drawn from a bounded range.</summary>
    static abstract TGroupElement RandomGroupElement(TSelf shape, Random random);

    /// <summary>Returns a group element g* that attains the quotient distance, so that <c>x.Apply(g*)</c> is the representative of [x] nearest to <paramref name="y"/>.</summary>
    static abstract TGroupElement Align(TSelf x, TSelf y);
}
