namespace SymmetryDsl.Flows;

/// <summary>Snapshot of a running gradient flow passed to <see cref="FlowOptions.Observer"/> at every recorded step.</summary>
/// <param name="Time">Flow time t of the recorded state.</param>
/// <param name="EndTime">Flow time at which the run stops, so <c>Time / EndTime</c> is the fraction done.</param>
/// <param name="Energy">Energy L(θ) at <paramref name="Time"/>.</param>
/// <param name="GradientNorm">Norm of grad L(θ) in the model's metric, sqrt(Σ wᵢ (grad L)ᵢ²).</param>
/// <param name="AcceptedSteps">Steps accepted so far.</param>
/// <param name="RejectedSteps">Adaptive steps rejected so far.</param>
/// <param name="StepSize">Size of the last accepted step, or the initial step before the first one.</param>
public readonly record struct FlowProgress(
    double Time,
    double EndTime,
    double Energy,
    double GradientNorm,
    long AcceptedSteps,
    long RejectedSteps,
    double StepSize);
