namespace SymmetryDsl.Flows;

/// <summary>
/// Butcher tableau of the Dormand–Prince 5(4) pair (J. R. Dormand and P. J. Prince, "A family of embedded
/// Runge–Kutta formulae", J. Comput. Appl. Math. 6 (1980) 19–26). Stage i is evaluated at θ + h Σⱼ Aᵢⱼ kⱼ. The
/// fifth-order solution uses the weights of the last stage row (FSAL), and Eᵢ are the fifth-order weights minus
/// the embedded fourth-order ones.
/// </summary>
internal static class DormandPrince45Tableau
{
    public const double A21 = 1.0 / 5;

    public const double A31 = 3.0 / 40, A32 = 9.0 / 40;

    public const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;

    public const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;

    public const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
        A65 = -5103.0 / 18656;

    /// <summary>Fifth-order weights. B2 and B7 are 0, so the seventh stage is the derivative at the new state.</summary>
    public const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;

    /// <summary>Fifth-order minus fourth-order weights, with E2 = 0.</summary>
    public const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
        E6 = 22.0 / 525, E7 = -1.0 / 40;
}
