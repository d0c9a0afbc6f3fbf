using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SymmetryDsl.Geometry;
using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Flows.Models;

/// <summary>
/// A two-layer network with n neurons (wᵢ ∈ ℝᴰ, aᵢ ∈ ℝ), written as the generator writes a model with
/// <c>[Permutation(Group = "hidden")] double[,] W</c> and <c>[Permutation(Group = "hidden")] double[] A</c>: one
/// permutation reorders the rows of W and the entries of A together. Flat coordinates are W row-major followed
/// by A, every entry with metric weight 1/n.
/// </summary>
internal sealed class MeanFieldNetwork : IQuotientModel<MeanFieldNetwork, MeanFieldNetwork.GroupElement>
{
    public MeanFieldNetwork(double[,] w, double[] a)
    {
        W = w;
        A = a;
    }

    public double[,] W { get; }

    public double[] A { get; }

    public int Neurons => A.Length;

    public int Dimension => W.GetLength(1);

    public int ParameterCount => W.Length + A.Length;

    public static MeanFieldNetwork Random(int neurons, int dimension, Random random)
    {
        var w = new double[neurons, dimension];
        var a = new double[neurons];
        for (int i = 0; i < neurons; i++)
        {
            for (int d = 0; d < dimension; d++)
            {
                w[i, d] = random.NextDouble() * 2 - 1;
            }

            a[i] = random.NextDouble() * 2 - 1;
        }

        return new MeanFieldNetwork(w, a);
    }

    public void CopyTo(Span<double> destination)
    {
        int k = 0;
        for (int i = 0; i < Neurons; i++)
        {
            for (int d = 0; d < Dimension; d++)
            {
                destination[k++] = W[i, d];
            }
        }

        A.CopyTo(destination[k..]);
    }

    public void CopyFrom(ReadOnlySpan<double> source)
    {
        int k = 0;
        for (int i = 0; i < Neurons; i++)
        {
            for (int d = 0; d < Dimension; d++)
            {
                W[i, d] = source[k++];
            }
        }

        source.Slice(k, Neurons).CopyTo(A);
    }

    public void GetMetricWeights(Span<double> destination) => destination[..ParameterCount].Fill(1.0 / Neurons);

    public MeanFieldNetwork DeepClone() => new((double[,])W.Clone(), (double[])A.Clone());

    public MeanFieldNetwork Canonicalize()
    {
        var order = Enumerable.Range(0, Neurons).ToArray();
        Array.Sort(order, CompareParticles);

        // order[r] is the particle that goes to position r, so the permutation maps order[r] to r.
        var images = new int[Neurons];
        Permutations.Invert(order, images);
        return Apply(new GroupElement(new Permutation(images)));
    }

    public MeanFieldNetwork Apply(GroupElement element)
    {
        var w = new double[Neurons, Dimension];
        var a = new double[Neurons];
        Permutations.ApplyToRows<double>(element.Hidden.AsSpan(), RowMajor(W), Dimension, RowMajor(w));
        element.Hidden.Apply<double>(A, a);
        return new MeanFieldNetwork(w, a);
    }

    public static GroupElement IdentityElement(MeanFieldNetwork shape) => new(Permutation.Identity(shape.Neurons));

    public static GroupElement RandomGroupElement(MeanFieldNetwork shape, Random random) =>
        new(Permutation.Random(shape.Neurons, random));

    public static GroupElement Align(MeanFieldNetwork x, MeanFieldNetwork y) => BestAlignment(x, y).Element;

    public static double OrbitDistanceSquared(MeanFieldNetwork x, MeanFieldNetwork y) => BestAlignment(x, y).SquaredDistance;

    public static double OrbitDistance(MeanFieldNetwork x, MeanFieldNetwork y) => Math.Sqrt(OrbitDistanceSquared(x, y));

    public static bool AreEquivalent(MeanFieldNetwork x, MeanFieldNetwork y, double tolerance) =>
        OrbitDistance(x, y) <= tolerance;

    private static Span<double> RowMajor(double[,] matrix) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    private int CompareParticles(int i, int j)
    {
        for (int d = 0; d < Dimension; d++)
        {
            int c = W[i, d].CompareTo(W[j, d]);
            if (c != 0)
            {
                return c;
            }
        }

        return A[i].CompareTo(A[j]);
    }

    private double SquaredParticleDistance(int i, MeanFieldNetwork other, int j)
    {
        double sum = 0;
        for (int d = 0; d < Dimension; d++)
        {
            double diff = W[i, d] - other.W[j, d];
            sum += diff * diff;
        }

        double da = A[i] - other.A[j];
        return sum + da * da;
    }

    /// <summary>Solves the assignment of x's neurons to y's under the squared particle distance.</summary>
    private static (GroupElement Element, double SquaredDistance) BestAlignment(MeanFieldNetwork x, MeanFieldNetwork y)
    {
        if (x.Neurons != y.Neurons)
        {
            throw new ArgumentException($"Member W has {x.Neurons} particles in x and {y.Neurons} in y.", nameof(y));
        }

        int n = x.Neurons;
        var cost = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                cost[i, j] = x.SquaredParticleDistance(i, y, j);
            }
        }

        // Row i assigned to column σ(i) is the group element that moves neuron i of x to position σ(i), onto y's.
        var assignment = LinearAssignment.Solve(cost);
        return (new GroupElement(new Permutation(assignment.RowToColumn)), assignment.Cost / n);
    }

    /// <summary>Element of the group "hidden": the permutation σ that moves neuron i to position σ(i).</summary>
    public sealed record GroupElement(Permutation Hidden);
}
