using static SymmetryDsl.Flows.DormandPrince45Tableau;

namespace SymmetryDsl.Flows;

/// <summary>Outcome of one step attempt.</summary>
internal enum StepOutcome
{
    Accepted,
    Rejected,
    Diverged,
}

/// <summary>
/// Runge–Kutta integrator of dθ/dt = −w⁻¹ ⊙ ∇L(θ) on flat coordinates, holding the current state and every
/// stage buffer so that a step allocates nothing.
/// </summary>
/// <remarks>
/// Invariant between steps: <see cref="Coordinates"/> is the last accepted (finite) state, <see cref="Gradient"/>
/// is ∇L there, and <see cref="Energy"/> and <see cref="GradientNorm"/> belong to it. Every method starts a step
/// with the derivative at the current state, so the gradient evaluated at the end of one step is the first stage
/// of the next one (for Dormand–Prince this is its FSAL property).
/// </remarks>
internal sealed class FlowIntegrator
{
    /// <summary>
    /// Fraction of a step that absorbs the rounding of step times. A step may stretch by this much to land on the end
    /// time, and a time this much short of a record or checkpoint time counts as reaching it.
    /// </summary>
    public const double TimeSlack = 1e-9;

    private readonly IGradientSource source;
    private readonly FlowOptions options;
    private readonly double[] inverseWeights;
    private readonly double[] stagePoint;
    private readonly double[][] stages;
    private double[] coordinates;
    private double[] candidate;
    private double[] gradient;
    private double[] candidateGradient;

    public FlowIntegrator(IGradientSource source, FlowOptions options, ReadOnlySpan<double> metricWeights)
    {
        this.source = source;
        this.options = options;
        int n = metricWeights.Length;
        inverseWeights = new double[n];
        for (int i = 0; i < n; i++)
        {
            inverseWeights[i] = 1 / metricWeights[i];
        }

        coordinates = new double[n];
        candidate = new double[n];
        stagePoint = new double[n];
        gradient = new double[n];
        candidateGradient = new double[n];
        int extraStages = options.Method switch
        {
            FlowMethod.Euler => 0,
            FlowMethod.Heun => 1,
            FlowMethod.RungeKutta4 => 3,
            _ => 5,
        };
        stages = new double[extraStages][];
        for (int s = 0; s < extraStages; s++)
        {
            stages[s] = new double[n];
        }

        StepSize = options.StepSize;
    }

    public int ParameterCount => coordinates.Length;

    public FlowMethod Method => options.Method;

    /// <summary>Last accepted state θ.</summary>
    public double[] Coordinates => coordinates;

    /// <summary>∇L at <see cref="Coordinates"/>.</summary>
    public double[] Gradient => gradient;

    public double Time { get; set; }

    /// <summary>Fixed step, or the next trial step of the adaptive method.</summary>
    public double StepSize { get; set; }

    /// <summary>Size of the last accepted step, or <see cref="StepSize"/> before the first step.</summary>
    public double LastStepSize { get; set; }

    public double Energy { get; set; }

    public double GradientNorm { get; set; }

    public long AcceptedSteps { get; set; }

    public long RejectedSteps { get; set; }

    public long GradientEvaluations { get; set; }

    /// <summary>Time from which fixed steps count. It moves only when a step is shortened to land on the end time.</summary>
    public double StepOrigin { get; set; }

    /// <summary>Fixed steps taken since <see cref="StepOrigin"/>.</summary>
    public long StepsSinceOrigin { get; set; }

    /// <summary>Whether the last adaptive attempt was rejected, which caps the growth of the next trial step at 1.</summary>
    public bool LastAttemptRejected { get; set; }

    public FlowStatistics Statistics => new(AcceptedSteps, RejectedSteps, GradientEvaluations);

    /// <summary>Loads θ₀, evaluates the energy and gradient there, and returns whether both are finite.</summary>
    public bool Start(ReadOnlySpan<double> initial, double time)
    {
        initial.CopyTo(coordinates);
        Time = time;
        StepOrigin = time;
        LastStepSize = StepSize;
        Energy = source.EnergyAndGradient(coordinates, gradient);
        GradientEvaluations++;
        GradientNorm = Math.Sqrt(FlowKernels.SquaredMetricNorm(gradient, inverseWeights));
        return double.IsFinite(Energy) && double.IsFinite(GradientNorm);
    }

    /// <summary>Restores a state saved by a checkpoint, including ∇L, so that no gradient is recomputed.</summary>
    public void Restore(ReadOnlySpan<double> savedCoordinates, ReadOnlySpan<double> savedGradient)
    {
        savedCoordinates.CopyTo(coordinates);
        savedGradient.CopyTo(gradient);
    }

    /// <summary>Attempts one step that ends no later than <paramref name="endTime"/>.</summary>
    public StepOutcome Step(double endTime)
    {
        double h = StepSize;
        bool adaptive = options.Method == FlowMethod.DormandPrince45;

        // Fixed steps label time as origin + k·h, so rounding does not accumulate over many steps.
        double nextTime = adaptive ? Time + h : StepOrigin + (StepsSinceOrigin + 1) * h;
        bool landsOnEnd = nextTime >= endTime - TimeSlack * h;
        if (landsOnEnd)
        {
            h = endTime - Time;
            nextTime = endTime;
        }

        if (!(nextTime > Time))
        {
            // The step vanishes in the rounding of t, so the run can make no further progress.
            return StepOutcome.Diverged;
        }

        return adaptive ? AdaptiveStep(h, nextTime, shortened: landsOnEnd && h < StepSize) : FixedStep(h, nextTime, landsOnEnd);
    }

    private StepOutcome FixedStep(double h, double nextTime, bool landsOnEnd)
    {
        double check = options.Method switch
        {
            FlowMethod.Euler => EulerCandidate(h),
            FlowMethod.Heun => HeunCandidate(h),
            _ => RungeKutta4Candidate(h),
        };

        double energy = source.EnergyAndGradient(candidate, candidateGradient);
        GradientEvaluations++;
        double norm = Math.Sqrt(FlowKernels.SquaredMetricNorm(candidateGradient, inverseWeights));
        if (!double.IsFinite(check) || !double.IsFinite(energy) || !double.IsFinite(norm)
            || energy - Energy > options.DivergenceTolerance * Math.Max(1, Math.Abs(Energy)))
        {
            return StepOutcome.Diverged;
        }

        Accept(h, nextTime, energy, norm);
        if (landsOnEnd)
        {
            StepOrigin = nextTime;
            StepsSinceOrigin = 0;
        }
        else
        {
            StepsSinceOrigin++;
        }

        return StepOutcome.Accepted;
    }

    private double EulerCandidate(double h) =>
        FlowKernels.Combine(candidate, coordinates, inverseWeights, h, 1, gradient);

    private double HeunCandidate(double h)
    {
        var k2 = stages[0];
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, 1, gradient);
        source.Gradient(stagePoint, k2);
        GradientEvaluations++;
        return FlowKernels.Combine(candidate, coordinates, inverseWeights, h, 0.5, gradient, 0.5, k2);
    }

    private double RungeKutta4Candidate(double h)
    {
        var k2 = stages[0];
        var k3 = stages[1];
        var k4 = stages[2];
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, 0.5, gradient);
        source.Gradient(stagePoint, k2);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, 0.5, k2);
        source.Gradient(stagePoint, k3);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, 1, k3);
        source.Gradient(stagePoint, k4);
        GradientEvaluations += 3;
        return FlowKernels.Combine(candidate, coordinates, inverseWeights, h,
            1.0 / 6, gradient, 1.0 / 3, k2, 1.0 / 3, k3, 1.0 / 6, k4);
    }

    private StepOutcome AdaptiveStep(double h, double nextTime, bool shortened)
    {
        var k1 = gradient;
        var k2 = stages[0];
        var k3 = stages[1];
        var k4 = stages[2];
        var k5 = stages[3];
        var k6 = stages[4];
        var k7 = candidateGradient;

        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, A21, k1);
        source.Gradient(stagePoint, k2);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, A31, k1, A32, k2);
        source.Gradient(stagePoint, k3);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, A41, k1, A42, k2, A43, k3);
        source.Gradient(stagePoint, k4);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, A51, k1, A52, k2, A53, k3, A54, k4);
        source.Gradient(stagePoint, k5);
        FlowKernels.Combine(stagePoint, coordinates, inverseWeights, h, A61, k1, A62, k2, A63, k3, A64, k4, A65, k5);
        source.Gradient(stagePoint, k6);
        double check = FlowKernels.Combine(candidate, coordinates, inverseWeights, h, B1, k1, B3, k3, B4, k4, B5, k5, B6, k6);
        double energy = source.EnergyAndGradient(candidate, k7);
        GradientEvaluations += 6;

        if (!double.IsFinite(check))
        {
            return Reject(h, double.NaN, shortened);
        }

        double error = FlowKernels.DormandPrinceError(coordinates, candidate, inverseWeights, h,
            options.AbsoluteTolerance, options.RelativeTolerance, k1, k3, k4, k5, k6, k7);
        if (!(error <= 1))
        {
            return Reject(h, error, shortened);
        }

        double norm = Math.Sqrt(FlowKernels.SquaredMetricNorm(k7, inverseWeights));
        if (!double.IsFinite(energy) || !double.IsFinite(norm))
        {
            return StepOutcome.Diverged;
        }

        // Standard controller for an error of order 5: h ← h · safety · err^(−1/5), within the growth bounds,
        // and never growing right after a rejection.
        double factor = error == 0
            ? options.MaxGrowthFactor
            : Math.Clamp(options.SafetyFactor * Math.Pow(error, -0.2), options.MinGrowthFactor, options.MaxGrowthFactor);
        if (LastAttemptRejected)
        {
            factor = Math.Min(factor, 1);
        }

        Accept(h, nextTime, energy, norm);
        LastAttemptRejected = false;
        StepSize = Math.Clamp(h * factor, options.MinStep, options.MaxStep);
        return StepOutcome.Accepted;
    }

    /// <summary>
    /// Shrinks the trial step after a failed attempt. A step at or below <see cref="FlowOptions.MinStep"/> that fails
    /// means the tolerance cannot be met, unless the step was only that short because it was cut to land on the end time.
    /// </summary>
    private StepOutcome Reject(double h, double error, bool shortened)
    {
        RejectedSteps++;
        LastAttemptRejected = true;
        if (h <= options.MinStep && !shortened)
        {
            return StepOutcome.Diverged;
        }

        // A non-finite stage or error gives no estimate to scale by, so the step shrinks as far as allowed.
        double factor = double.IsFinite(error)
            ? Math.Max(options.MinGrowthFactor, options.SafetyFactor * Math.Pow(error, -0.2))
            : options.MinGrowthFactor;
        StepSize = shortened ? h * factor : Math.Max(h * factor, options.MinStep);
        return StepOutcome.Rejected;
    }

    private void Accept(double h, double nextTime, double energy, double norm)
    {
        (coordinates, candidate) = (candidate, coordinates);
        (gradient, candidateGradient) = (candidateGradient, gradient);
        Time = nextTime;
        LastStepSize = h;
        Energy = energy;
        GradientNorm = norm;
        AcceptedSteps++;
    }
}
