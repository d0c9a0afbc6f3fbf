namespace SymmetryDsl.Samples.Circle;

/// <summary>
/// A point x on the circle ℝ/ℤ, stored as a real number: the group ℤ acts by x ↦ x + k, and the quotient
/// distance is the circle distance.
/// </summary>
public sealed partial class CirclePoint
{
    /// <summary>Creates the point with coordinate <paramref name="x"/>.</summary>
    public CirclePoint(double x) => X = x;

    /// <summary>The coordinate, a representative of its class in ℝ/ℤ.</summary>
    [Translation(Period = 1)]
    public double X { get; set; }
}
