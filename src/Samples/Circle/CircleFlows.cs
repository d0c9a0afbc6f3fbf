using SymmetryDsl.Flows;
using SymmetryDsl.Geometry;

namespace SymmetryDsl.Samples.Circle;

/// <summary>The flows of one start: X from x₀ and Y from x₀ + k, with their projections onto ℝ/ℤ.</summary>
/// <param name="Start">The start x₀.</param>
/// <param name="Times">Recorded flow times, shared by both runs.</param>
/// <param name="X">Xₜ, the flow from x₀ on ℝ.</param>
/// <param name="Y">Yₜ, the flow from x₀ + k on ℝ.</param>
/// <param name="ProjectedX">The canonical representative of Xₜ in [0, 1).</param>
/// <param name="ProjectedY">The canonical representative of Yₜ in [0, 1).</param>
internal sealed record CircleTrajectory(
    double Start, double[] Times, double[] X, double[] Y, double[] ProjectedX, double[] ProjectedY)
{
    /// <summary>|Yₜ − Xₜ − k| at each recorded time.</summary>
    public double[] ShiftErrors(long shift) => X.Zip(Y, (x, y) => Math.Abs(y - x - shift)).ToArray();

    /// <summary>The circle distance between the projections of Xₜ and Yₜ at each recorded time.</summary>
    public double[] ProjectionDistances() =>
        ProjectedX.Zip(ProjectedY, (x, y) => Periodic.Distance(x, y, CircleFlows.Period)).ToArray();
}

/// <summary>
/// The gradient flow of F(x) = cos(2πx), which is invariant under x ↦ x + k for every integer k, so the flow
/// from x₀ + k is the flow from x₀ shifted by k and the projected flow on ℝ/ℤ does not depend on the lift.
/// </summary>
internal static class CircleFlows
{
    /// <summary>The period of F and of <see cref="CirclePoint.X"/>.</summary>
    public const double Period = 1.0;

    /// <summary>Returns F(x) = cos(2πx) and writes F′(x) = −2π sin(2πx).</summary>
    public static double EnergyAndGradient(CirclePoint point, Span<double> gradient)
    {
        double angle = 2.0 * Math.PI * point.X;
        gradient[0] = -2.0 * Math.PI * Math.Sin(angle);
        return Math.Cos(angle);
    }

    /// <summary>Runs the flows from <paramref name="start"/> and from <paramref name="start"/> + <paramref name="shift"/>.</summary>
    public static CircleTrajectory Run(double start, long shift, FlowOptions options)
    {
        FlowResult<CirclePoint> fromStart = CirclePoint.Flow(new CirclePoint(start), EnergyAndGradient, options);
        FlowResult<CirclePoint> fromShifted = CirclePoint.Flow(new CirclePoint(start + shift), EnergyAndGradient, options);

        // Both runs take the same fixed steps, so their records pair up; an adaptive run may differ in length.
        int count = Math.Min(fromStart.Times.Count, fromShifted.Times.Count);
        return new CircleTrajectory(
            start,
            fromStart.Times.Take(count).ToArray(),
            fromStart.States.Take(count).Select(state => state.X).ToArray(),
            fromShifted.States.Take(count).Select(state => state.X).ToArray(),
            fromStart.CanonicalStates.Take(count).Select(state => state.X).ToArray(),
            fromShifted.CanonicalStates.Take(count).Select(state => state.X).ToArray());
    }
}
