namespace SymmetryDsl;

/// <summary>
/// Declares that the value of a method, local function, lambda or delegate parameter does not change when
/// the symmetry group of its model parameters acts on them. Analyzers report code in its body that reads a
/// permuted collection by position or uses a periodic coordinate outside a periodic expression.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Delegate | AttributeTargets.Parameter,
    AllowMultiple = false, Inherited = false)]
public sealed class InvariantAttribute : Attribute
{
}
