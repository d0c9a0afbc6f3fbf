namespace SymmetryDsl.Transport;

/// <summary>Quadratic Wasserstein distance between two equal-weight empirical measures and an optimal matching.</summary>
public sealed class WassersteinResult
{
    internal WassersteinResult(double squaredDistance, int[] matching)
    {
        SquaredDistance = squaredDistance;
        Distance = Math.Sqrt(squaredDistance);
        Matching = matching;
    }

    /// <summary>W2, the square root of <see cref="SquaredDistance"/>.</summary>
    public double Distance { get; }

    /// <summary>W2² = (1/n) Σᵢ ‖xᵢ − y_σ(i)‖² for the optimal matching σ.</summary>
    public double SquaredDistance { get; }

    /// <summary>Optimal matching σ: point i of x is transported to point <c>Matching[i]</c> of y.</summary>
    public int[] Matching { get; }
}
