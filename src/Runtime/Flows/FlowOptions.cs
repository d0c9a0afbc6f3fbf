using System.Globalization;

namespace SymmetryDsl.Flows;

/// <summary>Settings of a <see cref="GradientFlow"/> run, each checked when the run starts.</summary>
public sealed record FlowOptions
{
    /// <summary>Time integrator. The default is <see cref="FlowMethod.RungeKutta4"/>.</summary>
    public FlowMethod Method { get; init; } = FlowMethod.RungeKutta4;

    /// <summary>
    /// Step size h in flow time: the fixed step of Euler, Heun and RungeKutta4, and the first trial step of
    /// DormandPrince45. Positive and finite. The default is 0.01.
    /// </summary>
    public double StepSize { get; init; } = 0.01;

    /// <summary>Flow time at which the run stops with <see cref="FlowStatus.ReachedEndTime"/>. Positive and finite. The default is 1.</summary>
    public double EndTime { get; init; } = 1;

    /// <summary>
    /// The run stops with <see cref="FlowStatus.Converged"/> at the first accepted state whose gradient norm in the
    /// model's metric, sqrt(Σ wᵢ (grad L)ᵢ²), is below this value. Non-negative and finite. The default 0 never stops.
    /// </summary>
    public double GradientTolerance { get; init; }

    /// <summary>
    /// Flow time between recorded states. A state is recorded at the start, at the first accepted step at or after
    /// each multiple of the interval, and at the end. 0 (the default) records every accepted step, and
    /// <see cref="double.PositiveInfinity"/> records only the start and the end. Each record keeps a copy of all N
    /// coordinates, so long runs of large models should record sparsely.
    /// </summary>
    public double RecordInterval { get; init; }

    /// <summary>
    /// Relative error tolerance of DormandPrince45, scaled by |θᵢ|. Non-negative and finite. The default is 1e-6.
    /// Because |θᵢ| changes when a periodic coordinate is shifted by a period, the adaptive steps, unlike the flow,
    /// are not equivariant under shifts. Fixed-step methods give trajectories that commute with shifts up to rounding.
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Absolute error tolerance of DormandPrince45, per coordinate. Non-negative and finite, and not 0 together with
    /// <see cref="RelativeTolerance"/>. The default is 1e-9.
    /// </summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>
    /// Smallest step DormandPrince45 may take. A step that fails the tolerance at this size stops the run with
    /// <see cref="FlowStatus.Diverged"/>. Non-negative, finite and at most <see cref="MaxStep"/>. The default is 0.
    /// </summary>
    public double MinStep { get; init; }

    /// <summary>Largest step DormandPrince45 may take. Positive, and the default is <see cref="double.PositiveInfinity"/>.</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Factor in (0, 1] applied to the step that the error estimate predicts. The default is 0.9.</summary>
    public double SafetyFactor { get; init; } = 0.9;

    /// <summary>Smallest factor in (0, 1) by which one adaptive step may shrink the next. The default is 0.2.</summary>
    public double MinGrowthFactor { get; init; } = 0.2;

    /// <summary>Largest factor, finite and greater than 1, by which one adaptive step may grow the next. The default is 5.</summary>
    public double MaxGrowthFactor { get; init; } = 5;

    /// <summary>
    /// For the fixed-step methods, the run stops with <see cref="FlowStatus.Diverged"/> when a step raises the energy
    /// by more than this value times max(1, |L|) of the previous state. The exact flow never raises the energy
    /// (dL/dt = −‖grad L‖² ≤ 0), so a rise means the step is too large for the problem. Non-negative, and
    /// <see cref="double.PositiveInfinity"/> disables the check. The default is 1e-6.
    /// </summary>
    public double DivergenceTolerance { get; init; } = 1e-6;

    /// <summary>Called with a <see cref="FlowProgress"/> at every recorded state, on the thread that runs the flow.</summary>
    public Action<FlowProgress>? Observer { get; init; }

    /// <summary>Token checked before every step. A cancellation request stops the run with <see cref="FlowStatus.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Writable, seekable stream that receives a checkpoint every <see cref="CheckpointInterval"/> of flow time and
    /// when the run stops, whatever the status. Each checkpoint replaces the previous one, starting at the stream's
    /// position when the run starts, or where the checkpoint read by <see cref="GradientFlow"/>'s Resume began when
    /// this is the stream it resumed from. <c>null</c> (the default) writes none.
    /// </summary>
    public Stream? CheckpointStream { get; init; }

    /// <summary>
    /// Flow time between checkpoints. Positive, and the default <see cref="double.PositiveInfinity"/> writes one only
    /// when the run stops.
    /// </summary>
    public double CheckpointInterval { get; init; } = double.PositiveInfinity;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> for the first invalid setting.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw OutOfRange(nameof(Method), Method, "must be a defined FlowMethod");
        }

        RequirePositiveFinite(nameof(StepSize), StepSize);
        RequirePositiveFinite(nameof(EndTime), EndTime);
        RequireNonNegativeFinite(nameof(GradientTolerance), GradientTolerance);
        RequireNonNegative(nameof(RecordInterval), RecordInterval);
        RequireNonNegativeFinite(nameof(RelativeTolerance), RelativeTolerance);
        RequireNonNegativeFinite(nameof(AbsoluteTolerance), AbsoluteTolerance);
        if (RelativeTolerance == 0 && AbsoluteTolerance == 0)
        {
            throw OutOfRange(nameof(AbsoluteTolerance), AbsoluteTolerance, "must be positive when RelativeTolerance is 0");
        }

        RequireNonNegativeFinite(nameof(MinStep), MinStep);
        if (!(MaxStep > 0))
        {
            throw OutOfRange(nameof(MaxStep), MaxStep, "must be positive");
        }

        if (MinStep > MaxStep)
        {
            throw OutOfRange(nameof(MinStep), MinStep, $"must not exceed MaxStep ({Format(MaxStep)})");
        }

        if (Method == FlowMethod.DormandPrince45 && (StepSize < MinStep || StepSize > MaxStep))
        {
            throw OutOfRange(nameof(StepSize), StepSize,
                $"must lie in [MinStep, MaxStep] = [{Format(MinStep)}, {Format(MaxStep)}] for DormandPrince45");
        }

        if (!(SafetyFactor > 0 && SafetyFactor <= 1))
        {
            throw OutOfRange(nameof(SafetyFactor), SafetyFactor, "must lie in (0, 1]");
        }

        if (!(MinGrowthFactor > 0 && MinGrowthFactor < 1))
        {
            throw OutOfRange(nameof(MinGrowthFactor), MinGrowthFactor, "must lie in (0, 1)");
        }

        if (!(MaxGrowthFactor > 1 && double.IsFinite(MaxGrowthFactor)))
        {
            throw OutOfRange(nameof(MaxGrowthFactor), MaxGrowthFactor, "must be finite and greater than 1");
        }

        RequireNonNegative(nameof(DivergenceTolerance), DivergenceTolerance);
        if (!(CheckpointInterval > 0))
        {
            throw OutOfRange(nameof(CheckpointInterval), CheckpointInterval, "must be positive");
        }

        if (CheckpointStream is { } stream && !(stream.CanWrite && stream.CanSeek))
        {
            throw new ArgumentException(
                $"FlowOptions.CheckpointStream must be writable and seekable, but CanWrite is {stream.CanWrite} and CanSeek is {stream.CanSeek}.",
                nameof(CheckpointStream));
        }
    }

    private static void RequirePositiveFinite(string name, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw OutOfRange(name, value, "must be positive and finite");
        }
    }

    private static void RequireNonNegativeFinite(string name, double value)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw OutOfRange(name, value, "must be non-negative and finite");
        }
    }

    private static void RequireNonNegative(string name, double value)
    {
        if (!(value >= 0))
        {
            throw OutOfRange(name, value, "must be non-negative");
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(string name, object value, string rule) =>
        new(name, $"FlowOptions.{name} {rule}, but was {Format(value)}.");

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
