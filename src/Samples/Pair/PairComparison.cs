namespace SymmetryDsl.Samples.Pair;

/// <summary>
/// The two pairings of two particles on the line, x = (x₁, x₂) and y = (y₁, y₂) in ℝ², under the symmetric group S₂.
/// Distances use the averaged inner product ⟨u, v⟩ = (1/2) Σ uᵢ vᵢ, so d(x, y)² = (1/2) Σ (xᵢ − yᵢ)².
/// </summary>
/// <param name="X">The first configuration.</param>
/// <param name="Y">The second configuration.</param>
/// <param name="IdentityDistance">d(x, y), pairing particle i of x with particle i of y.</param>
/// <param name="SwappedDistance">d(σ·x, y) for the swap σ, pairing particle 1 of x with particle 2 of y.</param>
/// <param name="Swap">The swap σ = [1, 0].</param>
internal sealed record PairComparison(
    double[] X, double[] Y, double IdentityDistance, double SwappedDistance, Permutation Swap)
{
    /// <summary>The quotient distance d([x], [y]) = min over σ ∈ S₂ of d(σ·x, y).</summary>
    public double QuotientDistance => Math.Min(IdentityDistance, SwappedDistance);

    /// <summary>Whether the swap attains the quotient distance; on a tie the identity is reported.</summary>
    public bool SwapIsBetter => SwappedDistance < IdentityDistance;

    /// <summary>The group element that attains the quotient distance.</summary>
    public Permutation BestPairing => SwapIsBetter ? Swap : Permutation.Identity(2);

    /// <summary>σ·x = (x₂, x₁), the reflection of x across the diagonal x₁ = x₂.</summary>
    public double[] ReflectedX => Swap.Apply<double>(X);

    /// <summary>Compares the two pairings of <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <param name="x">Two finite coordinates.</param>
    /// <param name="y">Two finite coordinates.</param>
    public static PairComparison Compute(double[] x, double[] y)
    {
        var swap = new Permutation([1, 0]);
        double[] swappedX = swap.Apply<double>(x);

        return new PairComparison(x, y, AveragedDistance(x, y), AveragedDistance(swappedX, y), swap);
    }

    /// <summary>
    /// Projects a configuration onto the fundamental domain {x₁ ≤ x₂} by sorting its coordinates, which picks
    /// the one element of its orbit that lies in the domain.
    /// </summary>
    /// <param name="point">Two coordinates.</param>
    public static double[] ProjectToFundamentalDomain(double[] point) =>
        [Math.Min(point[0], point[1]), Math.Max(point[0], point[1])];

    private static double AveragedDistance(double[] u, double[] v)
    {
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += (u[i] - v[i]) * (u[i] - v[i]);
        }

        return Math.Sqrt(sum / u.Length);
    }
}
