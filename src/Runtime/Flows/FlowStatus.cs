namespace SymmetryDsl.Flows;

/// <summary>Reason a gradient flow run stopped.</summary>
public enum FlowStatus
{
    /// <summary>The gradient norm in the model's metric fell below <see cref="FlowOptions.GradientTolerance"/>.</summary>
    Converged,

    /// <summary>The run reached <see cref="FlowOptions.EndTime"/>.</summary>
    ReachedEndTime,

    /// <summary>
    /// The state, energy or gradient became non-finite, the energy rose by more than
    /// <see cref="FlowOptions.DivergenceTolerance"/> in a fixed step, or the adaptive step size fell below
    /// <see cref="FlowOptions.MinStep"/>. The result ends at the last finite accepted state.
    /// </summary>
    Diverged,

    /// <summary>The run observed a cancellation request on <see cref="FlowOptions.CancellationToken"/>.</summary>
    Cancelled,
}
