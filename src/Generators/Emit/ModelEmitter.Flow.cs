namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    private const string Flows = "global::SymmetryDsl.Flows";

    /// <summary>
    /// Writes the <c>Flow</c> entry points, so users run gradient flows on the model without flattening it by hand.
    /// They forward to the runtime's <c>GradientFlow.Run</c>, which owns the integrators and their validation.
    /// </summary>
    private static void EmitFlow(SourceWriter w, EmitContext context)
    {
        var self = context.Self;
        var result = $"{Flows}.FlowResult<{self}>";
        var options = $"{Flows}.FlowOptions? options = null";

        w.Line("/// <summary>");
        w.Line("/// Runs the gradient flow dθ/dt = −grad L(θ) from <paramref name=\"initial\"/> in this model's metric, where the");
        w.Line("/// Riemannian gradient divides the Euclidean gradient by the metric weights, so particles move with the");
        w.Line("/// mean-field (Wasserstein) velocity field.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"initial\">The initial state; it is not modified.</param>");
        w.Line("/// <param name=\"energyAndGradient\">Returns L at a state and writes its Euclidean gradient ∇L in the layout of <see cref=\"CopyTo\"/>.</param>");
        w.Line("/// <param name=\"options\">Method, step, end time, recording and stopping rules; <c>null</c> uses the defaults.</param>");
        w.Line("/// <returns>The recorded trajectory, its canonical projection onto the quotient and the reason the run stopped.</returns>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public static {result} Flow({self} initial, {Flows}.EnergyAndGradient<{self}> energyAndGradient, {options})");
        w.Line($"    => {Flows}.GradientFlow.Run(initial, energyAndGradient, options);");
        w.Line();

        w.Line("/// <summary>");
        w.Line("/// Runs the gradient flow dθ/dt = −grad L(θ) from <paramref name=\"initial\"/> in this model's metric, with the");
        w.Line("/// energy and its gradient given separately; the energy is evaluated only at accepted states.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"initial\">The initial state; it is not modified.</param>");
        w.Line("/// <param name=\"energy\">Returns L at a state.</param>");
        w.Line("/// <param name=\"gradient\">Writes the Euclidean gradient ∇L at a state in the layout of <see cref=\"CopyTo\"/>.</param>");
        w.Line("/// <param name=\"options\">Method, step, end time, recording and stopping rules; <c>null</c> uses the defaults.</param>");
        w.Line("/// <returns>The recorded trajectory, its canonical projection onto the quotient and the reason the run stopped.</returns>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public static {result} Flow({self} initial, global::System.Func<{self}, double> energy, {Flows}.GradientFunction<{self}> gradient, {options})");
        w.Line($"    => {Flows}.GradientFlow.Run(initial, energy, gradient, options);");
    }
}
