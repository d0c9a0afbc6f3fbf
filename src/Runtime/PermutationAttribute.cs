namespace SymmetryDsl;

/// <summary>
/// Declares a member as a collection of exchangeable particles: the symmetric group Sₙ acts on it by
/// reordering its n particles.
/// </summary>
/// <remarks>
/// Supported member types are <c>T[]</c> and <c>List&lt;T&gt;</c> of <see cref="double"/>, <see cref="float"/> or a
/// partial model type, and the rows of <c>double[,]</c> and <c>double[][]</c>. Members that share a
/// <see cref="Group"/> name are permuted together and must have equal particle counts at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PermutationAttribute : Attribute
{
    /// <summary>
    /// Name of the permutation group. Members with the same non-null name are co-permuted by one
    /// group element; a member without a name gets a group of its own.
    /// </summary>
    public string? Group { get; set; }
}
