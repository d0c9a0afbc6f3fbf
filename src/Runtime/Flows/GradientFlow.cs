using System.Globalization;

namespace SymmetryDsl.Flows;

/// <summary>
/// Integrates the gradient flow dθ/dt = −grad L(θ) of an energy L on a model's flat coordinates, where the
/// Riemannian gradient grad L = ∇L ./ w divides the Euclidean gradient by the model's diagonal metric weights.
/// </summary>
/// <remarks>
/// <para>
/// With the weight 1/n on the entries of each of n particles, grad L is n·∇L, so every particle moves with the
/// velocity field of the Wasserstein gradient flow of its empirical measure (the mean-field scaling). When L is
/// invariant under the model's group, the flow commutes with the group: the flow from g·θ₀ is g applied to the
/// flow from θ₀, and <see cref="FlowResult{TState}.CanonicalStates"/> is the trajectory on the quotient. The
/// fixed-step methods keep this up to rounding. Adaptive steps keep it for permutations, but their relative
/// tolerance changes under shifts of periodic coordinates (see <see cref="FlowOptions.RelativeTolerance"/>).
/// </para>
/// <para>
/// A run is deterministic: the same inputs give the same trajectory bit for bit. Buffers are allocated when the run
/// starts, and a step allocates nothing unless it records a state or writes a checkpoint.
/// </para>
/// </remarks>
public static class GradientFlow
{
    /// <summary>Runs the flow of a model from <paramref name="initial"/> with a function that returns the energy and writes the gradient.</summary>
    /// <typeparam name="M">The model type.</typeparam>
    /// <param name="initial">Initial state, which the run does not modify.</param>
    /// <param name="energyAndGradient">Returns L and writes ∇L (Euclidean, in flat coordinates) at a state.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults of <see cref="FlowOptions"/>.</param>
    /// <returns>The recorded trajectory, its canonical projection and the reason the run stopped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. The message names the option and its value.</exception>
    /// <exception cref="ArgumentException">The initial coordinates or the metric weights are not finite, or a weight is not positive.</exception>
    public static FlowResult<M> Run<M>(M initial, EnergyAndGradient<M> energyAndGradient, FlowOptions? options = null)
        where M : IQuotientModel<M>
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(energyAndGradient);
        return RunModel(initial, new ModelGradientSource<M>(initial.DeepClone(), energyAndGradient), options ?? new FlowOptions());
    }

    /// <summary>
    /// Runs the flow of a model with separate energy and gradient functions. The energy is evaluated at the end point
    /// of every step attempt, never at the intermediate Runge–Kutta stages.
    /// </summary>
    /// <typeparam name="M">The model type.</typeparam>
    /// <param name="initial">Initial state, which the run does not modify.</param>
    /// <param name="energy">Returns L at a state.</param>
    /// <param name="gradient">Writes ∇L (Euclidean, in flat coordinates) at a state.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults of <see cref="FlowOptions"/>.</param>
    /// <returns>The recorded trajectory, its canonical projection and the reason the run stopped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. The message names the option and its value.</exception>
    /// <exception cref="ArgumentException">The initial coordinates or the metric weights are not finite, or a weight is not positive.</exception>
    public static FlowResult<M> Run<M>(M initial, Func<M, double> energy, GradientFunction<M> gradient, FlowOptions? options = null)
        where M : IQuotientModel<M>
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(gradient);
        return RunModel(initial, new SplitModelGradientSource<M>(initial.DeepClone(), energy, gradient), options ?? new FlowOptions());
    }

    /// <summary>Runs the flow on flat coordinates θ ∈ ℝᴺ with diagonal metric weights.</summary>
    /// <param name="initial">Initial coordinates θ₀.</param>
    /// <param name="metricWeights">Positive finite weight wᵢ of each coordinate, all 1 for the Euclidean metric.</param>
    /// <param name="energyAndGradient">Returns L and writes ∇L at a point.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults of <see cref="FlowOptions"/>.</param>
    /// <returns>The recorded trajectory as coordinate arrays and the reason the run stopped.</returns>
    /// <exception cref="ArgumentNullException">A delegate is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. The message names the option and its value.</exception>
    /// <exception cref="ArgumentException">The lengths differ, the coordinates or weights are not finite, or a weight is not positive.</exception>
    public static FlowResult<double[]> Run(ReadOnlySpan<double> initial, ReadOnlySpan<double> metricWeights,
        CoordinateEnergyAndGradient energyAndGradient, FlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(energyAndGradient);
        options ??= new FlowOptions();
        options.Validate();
        ValidateCoordinates(initial, metricWeights, nameof(initial));
        var run = FlowDriver.Run(new CoordinateGradientSource(energyAndGradient), initial, metricWeights, options);
        return CoordinateResult(run);
    }

    /// <summary>Continues a model's run from a checkpoint written through <see cref="FlowOptions.CheckpointStream"/>.</summary>
    /// <typeparam name="M">The model type.</typeparam>
    /// <param name="shape">A model with the particle counts of the checkpointed run. Its values are ignored.</param>
    /// <param name="checkpoint">Stream positioned at the start of the checkpoint.</param>
    /// <param name="energyAndGradient">The function of the checkpointed run.</param>
    /// <param name="options">
    /// Settings with the checkpointed run's method and, for a fixed-step method, its step size. The end time and
    /// every other setting may differ. An adaptive run continues with its controller's step.
    /// </param>
    /// <returns>
    /// The whole trajectory, from the start of the first run. Resumed from a checkpoint written at an interval or on
    /// cancellation, with the same options, it ends bit for bit where an uninterrupted run ends. A run that stopped at
    /// an earlier end time cut its last step to land there, so continuing it takes a different, equally accurate,
    /// sequence of steps, unless a fixed step divides that end time exactly.
    /// </returns>
    /// <exception cref="InvalidDataException">The checkpoint is not one, has an unknown version, is truncated or fails its checksum.</exception>
    /// <exception cref="ArgumentException">The checkpoint's parameter count, method or fixed step differs from <paramref name="shape"/> or <paramref name="options"/>.</exception>
    public static FlowResult<M> Resume<M>(M shape, Stream checkpoint, EnergyAndGradient<M> energyAndGradient, FlowOptions? options = null)
        where M : IQuotientModel<M>
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(energyAndGradient);
        return ResumeModel(shape, checkpoint, new ModelGradientSource<M>(shape.DeepClone(), energyAndGradient), options ?? new FlowOptions());
    }

    /// <summary>Continues a model's run from a checkpoint, with separate energy and gradient functions.</summary>
    /// <typeparam name="M">The model type.</typeparam>
    /// <param name="shape">A model with the particle counts of the checkpointed run. Its values are ignored.</param>
    /// <param name="checkpoint">Stream positioned at the start of the checkpoint.</param>
    /// <param name="energy">Returns L at a state.</param>
    /// <param name="gradient">Writes ∇L at a state.</param>
    /// <param name="options">Settings with the checkpointed run's method and, for a fixed-step method, its step size.</param>
    /// <returns>The whole trajectory, from the start of the first run.</returns>
    /// <exception cref="InvalidDataException">The checkpoint is not one, has an unknown version, is truncated or fails its checksum.</exception>
    /// <exception cref="ArgumentException">The checkpoint's parameter count, method or fixed step differs from <paramref name="shape"/> or <paramref name="options"/>.</exception>
    public static FlowResult<M> Resume<M>(M shape, Stream checkpoint, Func<M, double> energy, GradientFunction<M> gradient,
        FlowOptions? options = null)
        where M : IQuotientModel<M>
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(gradient);
        return ResumeModel(shape, checkpoint, new SplitModelGradientSource<M>(shape.DeepClone(), energy, gradient), options ?? new FlowOptions());
    }

    /// <summary>Continues a run on flat coordinates from a checkpoint.</summary>
    /// <param name="checkpoint">Stream positioned at the start of the checkpoint.</param>
    /// <param name="metricWeights">The metric weights of the checkpointed run.</param>
    /// <param name="energyAndGradient">The function of the checkpointed run.</param>
    /// <param name="options">Settings with the checkpointed run's method and, for a fixed-step method, its step size.</param>
    /// <returns>The whole trajectory, from the start of the first run.</returns>
    /// <exception cref="InvalidDataException">The checkpoint is not one, has an unknown version, is truncated or fails its checksum.</exception>
    /// <exception cref="ArgumentException">The checkpoint's parameter count, method or fixed step differs from <paramref name="metricWeights"/> or <paramref name="options"/>.</exception>
    public static FlowResult<double[]> Resume(Stream checkpoint, ReadOnlySpan<double> metricWeights,
        CoordinateEnergyAndGradient energyAndGradient, FlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(energyAndGradient);
        options ??= new FlowOptions();
        options.Validate();
        ValidateWeights(metricWeights);
        var saved = ReadCheckpoint(checkpoint, metricWeights.Length, options);
        var run = FlowDriver.Resume(new CoordinateGradientSource(energyAndGradient), saved, metricWeights, options);
        return CoordinateResult(run);
    }

    private static FlowResult<M> RunModel<M>(M initial, IGradientSource source, FlowOptions options)
        where M : IQuotientModel<M>
    {
        options.Validate();
        var (coordinates, weights) = Flatten(initial, nameof(initial));
        ValidateCoordinates(coordinates, weights, nameof(initial));
        return ModelResult(initial, FlowDriver.Run(source, coordinates, weights, options));
    }

    private static FlowResult<M> ResumeModel<M>(M shape, Stream checkpoint, IGradientSource source, FlowOptions options)
        where M : IQuotientModel<M>
    {
        options.Validate();
        var (_, weights) = Flatten(shape, nameof(shape));
        ValidateWeights(weights);
        var saved = ReadCheckpoint(checkpoint, weights.Length, options);
        return ModelResult(shape, FlowDriver.Resume(source, saved, weights, options));
    }

    private static (double[] Coordinates, double[] Weights) Flatten<M>(M model, string parameterName)
        where M : IQuotientModel<M>
    {
        int n = model.ParameterCount;
        if (n < 0)
        {
            throw new ArgumentException($"The model reports a negative ParameterCount of {n}.", parameterName);
        }

        var coordinates = new double[n];
        var weights = new double[n];
        model.CopyTo(coordinates);
        model.GetMetricWeights(weights);
        return (coordinates, weights);
    }

    private static FlowCheckpoint ReadCheckpoint(Stream stream, int parameterCount, FlowOptions options)
    {
        long origin = stream.CanSeek ? stream.Position : 0;
        var saved = FlowCheckpoint.Read(stream);
        if (ReferenceEquals(stream, options.CheckpointStream))
        {
            // Resuming from the stream that receives the new checkpoints: they replace the one just read.
            stream.Position = origin;
        }

        if (saved.ParameterCount != parameterCount)
        {
            throw new ArgumentException(
                $"The checkpoint holds {saved.ParameterCount} parameters but the model or metric weights have {parameterCount}.",
                "checkpoint");
        }

        if (saved.Method != options.Method)
        {
            throw new ArgumentException(
                $"The checkpoint was written by a {saved.Method} run but FlowOptions.Method is {options.Method}; resume with the same method.",
                nameof(options));
        }

        if (saved.Method != FlowMethod.DormandPrince45 && saved.StepSize != options.StepSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The checkpoint was written with a fixed step of {saved.StepSize:R} but FlowOptions.StepSize is {options.StepSize:R}; resume with the same step."),
                nameof(options));
        }

        return saved;
    }

    private static void ValidateCoordinates(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> weights, string parameterName)
    {
        if (coordinates.Length != weights.Length)
        {
            throw new ArgumentException(
                $"The state has {coordinates.Length} coordinates but there are {weights.Length} metric weights.", "metricWeights");
        }

        for (int i = 0; i < coordinates.Length; i++)
        {
            if (!double.IsFinite(coordinates[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The initial state's coordinate {i} is {coordinates[i]}; every coordinate must be finite."), parameterName);
            }
        }

        ValidateWeights(weights);
    }

    private static void ValidateWeights(ReadOnlySpan<double> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] > 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Metric weight {i} is {weights[i]}; every weight must be positive and finite."), "metricWeights");
            }
        }
    }

    private static FlowResult<double[]> CoordinateResult((FlowStatus Status, FlowIntegrator Integrator, FlowHistory History) run)
    {
        var (status, integrator, history) = run;
        return new FlowResult<double[]>(status, history.Times, history.Energies, history.GradientNorms,
            history.States, history.States, (double[])integrator.Coordinates.Clone(), integrator.Statistics);
    }

    private static FlowResult<M> ModelResult<M>(M shape, (FlowStatus Status, FlowIntegrator Integrator, FlowHistory History) run)
        where M : IQuotientModel<M>
    {
        var (status, integrator, history) = run;
        var states = new M[history.Count];
        var canonical = new M[history.Count];
        for (int r = 0; r < history.Count; r++)
        {
            states[r] = Materialize(shape, history.States[r]);
            canonical[r] = states[r].Canonicalize();
        }

        return new FlowResult<M>(status, history.Times, history.Energies, history.GradientNorms, states, canonical,
            Materialize(shape, integrator.Coordinates), integrator.Statistics);
    }

    private static M Materialize<M>(M shape, ReadOnlySpan<double> coordinates)
        where M : IQuotientModel<M>
    {
        var state = shape.DeepClone();
        state.CopyFrom(coordinates);
        return state;
    }
}
