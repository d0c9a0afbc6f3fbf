namespace SymmetryDsl;

/// <summary>
/// Declares a periodic coordinate: the group ℤ acts by x ↦ x + k·<see cref="Period"/>, independently on
/// every entry of an array member.
/// </summary>
/// <remarks>
/// On a type, the attribute applies to every <see cref="double"/> and <see cref="float"/> scalar and array
/// member declared in that type. The period must be a finite positive compile-time constant.
/// </remarks>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = false, Inherited = false)]
public sealed class TranslationAttribute : Attribute
{
    /// <summary>Period P of the coordinate, so that x and x + k·P are the same point for every integer k.</summary>
    public double Period { get; set; }
}
