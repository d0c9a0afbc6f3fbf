using SymmetryDsl.Geometry;

namespace SymmetryDsl.Tests.Flows.Models;

/// <summary>
/// A model with one periodic scalar, <c>[Translation(Period = 1)] double Phase</c>, written as the generator writes
/// it: the group ℤ acts by integer shifts, and the metric weight is 1.
/// </summary>
internal sealed class CircleModel(double phase) : IQuotientModel<CircleModel, CircleModel.GroupElement>
{
    public const double Period = 1;

    public double Phase { get; set; } = phase;

    public int ParameterCount => 1;

    public void CopyTo(Span<double> destination) => destination[0] = Phase;

    public void CopyFrom(ReadOnlySpan<double> source) => Phase = source[0];

    public void GetMetricWeights(Span<double> destination) => destination[0] = 1;

    public CircleModel DeepClone() => new(Phase);

    public CircleModel Canonicalize() => new(Periodic.Wrap(Phase, Period));

    public CircleModel Apply(GroupElement element) => new(Phase + element.Shift * Period);

    public static GroupElement IdentityElement(CircleModel shape) => new(0);

    public static GroupElement RandomGroupElement(CircleModel shape, Random random) => new(random.Next(-100, 101));

    public static GroupElement Align(CircleModel x, CircleModel y) => new(Periodic.NearestShift(x.Phase, y.Phase, Period));

    public static double OrbitDistance(CircleModel x, CircleModel y) => Periodic.Distance(x.Phase, y.Phase, Period);

    public static double OrbitDistanceSquared(CircleModel x, CircleModel y)
    {
        double d = Periodic.Difference(x.Phase, y.Phase, Period);
        return d * d;
    }

    public static bool AreEquivalent(CircleModel x, CircleModel y, double tolerance) => OrbitDistance(x, y) <= tolerance;

    /// <summary>Integer shift k acting by x ↦ x + k·P.</summary>
    public readonly record struct GroupElement(long Shift);
}
