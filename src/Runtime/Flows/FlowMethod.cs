namespace SymmetryDsl.Flows;

/// <summary>Time integrator that <see cref="GradientFlow"/> uses for dθ/dt = −grad L(θ).</summary>
public enum FlowMethod
{
    /// <summary>Explicit Euler with a fixed step: first order, one gradient evaluation per step.</summary>
    Euler,

    /// <summary>Heun's method (explicit trapezoidal rule) with a fixed step: second order, two gradient evaluations per step.</summary>
    Heun,

    /// <summary>The classical fourth-order Runge–Kutta method with a fixed step: four gradient evaluations per step.</summary>
    RungeKutta4,

    /// <summary>
    /// The adaptive Dormand–Prince 5(4) pair (Dormand and Prince, 1980): fifth-order steps controlled by an embedded
    /// fourth-order error estimate, with the last stage reused as the first stage of the next step (FSAL), so six
    /// gradient evaluations per attempted step.
    /// </summary>
    DormandPrince45,
}
