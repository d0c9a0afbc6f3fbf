namespace SymmetryDsl.Flows;

/// <summary>Trajectory and outcome of a gradient flow run.</summary>
/// <typeparam name="TState">
/// The state type: the model type for <see cref="GradientFlow.Run{M}(M, EnergyAndGradient{M}, FlowOptions)"/>, or
/// <c>double[]</c> flat coordinates for <see cref="GradientFlow.Run(ReadOnlySpan{double}, ReadOnlySpan{double}, CoordinateEnergyAndGradient, FlowOptions)"/>.
/// </typeparam>
/// <remarks>
/// A run that is cancelled or diverges still returns everything recorded up to its stop, and its final state is
/// the last accepted state, which is always finite.
/// </remarks>
public sealed class FlowResult<TState>
{
    internal FlowResult(FlowStatus status, IReadOnlyList<double> times, IReadOnlyList<double> energies,
        IReadOnlyList<double> gradientNorms, IReadOnlyList<TState> states, IReadOnlyList<TState> canonicalStates,
        TState finalState, FlowStatistics statistics)
    {
        Status = status;
        Times = times;
        Energies = energies;
        GradientNorms = gradientNorms;
        States = states;
        CanonicalStates = canonicalStates;
        FinalState = finalState;
        Statistics = statistics;
    }

    /// <summary>Reason the run stopped.</summary>
    public FlowStatus Status { get; }

    /// <summary>Flow times of the recorded states in increasing order, from the start to the stop.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Energy L at each recorded state.</summary>
    public IReadOnlyList<double> Energies { get; }

    /// <summary>Norm of grad L in the model's metric, sqrt(Σ wᵢ (grad L)ᵢ²), at each recorded state.</summary>
    public IReadOnlyList<double> GradientNorms { get; }

    /// <summary>Recorded states, each an independent deep copy.</summary>
    public IReadOnlyList<TState> States { get; }

    /// <summary>
    /// Canonical representative (<see cref="IQuotientModel{TSelf}.Canonicalize"/>) of each recorded state: the
    /// trajectory on the quotient. For flat coordinates, which carry no symmetry, these are the recorded states.
    /// </summary>
    public IReadOnlyList<TState> CanonicalStates { get; }

    /// <summary>State at the stop: the last accepted state, an independent copy.</summary>
    public TState FinalState { get; }

    /// <summary>Flow time at the stop.</summary>
    public double FinalTime => Times[^1];

    /// <summary>Energy at the stop.</summary>
    public double FinalEnergy => Energies[^1];

    /// <summary>Gradient norm in the model's metric at the stop.</summary>
    public double FinalGradientNorm => GradientNorms[^1];

    /// <summary>Accepted and rejected steps and gradient evaluations, counted from the start of the first run when resumed.</summary>
    public FlowStatistics Statistics { get; }
}
