namespace SymmetryDsl.Tests.Flows.Models;

/// <summary>A model with one plain array member and no symmetry, written as the generator writes it.</summary>
internal sealed class VectorModel(double[] values) : IQuotientModel<VectorModel>
{
    public double[] Values { get; } = values;

    public int ParameterCount => Values.Length;

    public void CopyTo(Span<double> destination) => Values.CopyTo(destination);

    public void CopyFrom(ReadOnlySpan<double> source) => source[..Values.Length].CopyTo(Values);

    public void GetMetricWeights(Span<double> destination) => destination[..Values.Length].Fill(1);

    public VectorModel DeepClone() => new((double[])Values.Clone());

    public VectorModel Canonicalize() => DeepClone();

    public static double OrbitDistance(VectorModel x, VectorModel y) => Math.Sqrt(OrbitDistanceSquared(x, y));

    public static double OrbitDistanceSquared(VectorModel x, VectorModel y)
    {
        double sum = 0;
        for (int i = 0; i < x.Values.Length; i++)
        {
            double d = x.Values[i] - y.Values[i];
            sum += d * d;
        }

        return sum;
    }

    public static bool AreEquivalent(VectorModel x, VectorModel y, double tolerance) => OrbitDistance(x, y) <= tolerance;
}
