namespace SymmetryDsl.Flows;

/// <summary>
/// Computes the energy L at <paramref name="state"/> and writes its Euclidean gradient ∇L, laid out like the
/// model's flat coordinates (<see cref="IQuotientModel{TSelf}.CopyTo"/>), into <paramref name="gradient"/>.
/// </summary>
/// <typeparam name="M">The model type.</typeparam>
/// <param name="state">
/// The point to evaluate at. The flow passes a scratch instance that it overwrites between calls, so the
/// function must not keep a reference to it.
/// </param>
/// <param name="gradient">Destination of length <see cref="IQuotientModel{TSelf}.ParameterCount"/>. The function must write every entry.</param>
/// <returns>The energy L(<paramref name="state"/>).</returns>
/// <remarks>
/// Write ∇L, not the Riemannian gradient: the flow divides by the metric weights itself. Writing into the span
/// instead of returning an array lets the function run without allocating.
/// </remarks>
public delegate double EnergyAndGradient<in M>(M state, Span<double> gradient);

/// <summary>
/// Writes the Euclidean gradient ∇L at <paramref name="state"/>, laid out like the model's flat coordinates, into
/// <paramref name="gradient"/>, for use with a separate energy function.
/// </summary>
/// <typeparam name="M">The model type.</typeparam>
/// <param name="state">The point to evaluate at, a scratch instance that the flow overwrites between calls.</param>
/// <param name="gradient">Destination of length <see cref="IQuotientModel{TSelf}.ParameterCount"/>. The function must write every entry.</param>
public delegate void GradientFunction<in M>(M state, Span<double> gradient);

/// <summary>
/// Computes the energy L at flat coordinates <paramref name="coordinates"/> and writes its Euclidean gradient ∇L
/// into <paramref name="gradient"/>.
/// </summary>
/// <param name="coordinates">The point θ to evaluate at, valid only during the call.</param>
/// <param name="gradient">Destination of the same length as <paramref name="coordinates"/>. The function must write every entry.</param>
/// <returns>The energy L(θ).</returns>
public delegate double CoordinateEnergyAndGradient(ReadOnlySpan<double> coordinates, Span<double> gradient);
