namespace SymmetryDsl.Tests;

/// <summary>
/// A hand-written quotient model: n exchangeable particles on the line, acted on by Sₙ. A group element is the
/// image array σ, and acting moves the particle at position i to position σ(i).
/// </summary>
internal sealed class ParticleLine(double[] positions) : IQuotientModel<ParticleLine, int[]>
{
    public double[] Positions { get; } = positions;

    public int ParameterCount => Positions.Length;

    public void CopyTo(Span<double> destination) => Positions.CopyTo(destination);

    public void CopyFrom(ReadOnlySpan<double> source) => source[..Positions.Length].CopyTo(Positions);

    public void GetMetricWeights(Span<double> destination) => destination[..Positions.Length].Fill(1.0 / Positions.Length);

    public ParticleLine DeepClone() => new((double[])Positions.Clone());

    public ParticleLine Canonicalize() => new(Positions.Order().ToArray());

    public ParticleLine Apply(int[] element)
    {
        var moved = new double[Positions.Length];
        for (int i = 0; i < Positions.Length; i++)
        {
            moved[element[i]] = Positions[i];
        }

        return new ParticleLine(moved);
    }

    public static int[] IdentityElement(ParticleLine shape) => Enumerable.Range(0, shape.Positions.Length).ToArray();

    public static int[] RandomGroupElement(ParticleLine shape, Random random)
    {
        int[] images = IdentityElement(shape);
        random.Shuffle(images);
        return images;
    }

    // Sorting both sides and pairing in order is optimal for the squared distance on the line.
    public static double OrbitDistanceSquared(ParticleLine x, ParticleLine y) =>
        x.Positions.Order().Zip(y.Positions.Order(), (p, q) => (p - q) * (p - q)).Average();

    public static double OrbitDistance(ParticleLine x, ParticleLine y) => Math.Sqrt(OrbitDistanceSquared(x, y));

    public static bool AreEquivalent(ParticleLine x, ParticleLine y, double tolerance) => OrbitDistance(x, y) <= tolerance;

    public static int[] Align(ParticleLine x, ParticleLine y)
    {
        int[] xOrder = Enumerable.Range(0, x.Positions.Length).OrderBy(i => x.Positions[i]).ToArray();
        int[] yOrder = Enumerable.Range(0, y.Positions.Length).OrderBy(i => y.Positions[i]).ToArray();
        var element = new int[xOrder.Length];
        for (int rank = 0; rank < xOrder.Length; rank++)
        {
            element[xOrder[rank]] = yOrder[rank];
        }

        return element;
    }

    public static ParticleLine Sample(Random random, int count)
    {
        var positions = new double[count];
        for (int i = 0; i < count; i++)
        {
            positions[i] = 4.0 * random.NextDouble() - 2.0;
        }

        return new ParticleLine(positions);
    }
}
