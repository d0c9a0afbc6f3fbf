using System;
using System.Linq;
using SymmetryDsl;
using SymmetryDsl.Geometry;

namespace Corpus;

/// <summary>
/// Functions declared [Invariant] that are not: each depends on a particle's position or on an unwrapped periodic
/// coordinate. The analyzers must report each one, except those listed as out of reach in docs/diagnostics/SYM100.md.
/// </summary>
public static class NonInvariantCorpus
{
    [Invariant]
    public static double FirstParticleEnergy(Cloud c) => 0.5 * c.X[0] * c.X[0];

    [Invariant]
    public static double EndToEnd(Cloud c) => c.X.Last() - c.X.First();

    [Invariant]
    public static double DipoleByIndex(Cloud c)
    {
        double moment = 0;
        for (int i = 0; i < c.X.Length; i++)
        {
            moment += i * c.X[i];
        }

        return moment;
    }

    [Invariant]
    public static double ChainEnergy(Cloud c)
    {
        double energy = 0;
        for (int i = 0; i < c.X.Length - 1; i++)
        {
            energy += Math.Pow(c.X[i + 1] - c.X[i], 2);
        }

        return energy;
    }

    [Invariant]
    public static double LeadingMean(Cloud c) => c.X.Take(3).Average();

    [Invariant]
    public static double TailMean(Cloud c) => c.X.Skip(1).Average();

    [Invariant]
    public static double DiscountedReturn(Cloud c) => c.X.Select((x, t) => x * Math.Pow(0.9, t)).Sum();

    [Invariant]
    public static double FixedWeights(Cloud c) => c.X.Zip(Data.Weights, (x, w) => x * w).Sum();

    [Invariant]
    public static double ExponentialSmoothing(Cloud c) => c.X.Aggregate((smoothed, x) => 0.7 * smoothed + 0.3 * x);

    [Invariant]
    public static double PenultimateOfReversed(Cloud c) => c.X.AsEnumerable().Reverse().ElementAt(1);

    [Invariant]
    public static double LeadingPositiveRun(Cloud c) => c.X.TakeWhile(x => x > -1).Count();

    [Invariant]
    public static double HalfSum(Cloud c)
    {
        double sum = 0;
        for (int i = 0; i < c.X.Length / 2; i++)
        {
            sum += c.X[i];
        }

        return sum;
    }

    [Invariant]
    public static double EvenIndexedSum(Cloud c) => c.X.Where((x, i) => i % 2 == 0).Sum();

    [Invariant]
    public static double RegressionResiduals(Cloud c)
    {
        double loss = 0;
        for (int i = 0; i < c.X.Length; i++)
        {
            loss += Math.Pow(c.X[i] - Data.Weights[i], 2);
        }

        return loss;
    }

    [Invariant]
    public static double MisalignedReadout(Network net)
    {
        double output = net.Bias;
        for (int i = 0; i < net.A.Length; i++)
        {
            output += net.A[i] * Math.Tanh(net.W[(i + 1) % net.A.Length, 0]);
        }

        return output;
    }

    [Invariant]
    public static double OffsetReadout(Network net)
    {
        double output = 0;
        for (int i = 0; i < net.A.Length; i++)
        {
            output += net.A[i] * net.Offsets[i];
        }

        return output;
    }

    [Invariant]
    public static double FirstNeuronGain(Network net) => net.A[0] * net.W[0, 1];

    [Invariant]
    public static double RawPhaseEnergy(Oscillators o) => o.Phase * o.Phase + o.Amplitude;

    [Invariant]
    public static double HalfFrequency(Oscillators o) => Math.Sin(o.Phase / 2);

    [Invariant]
    public static double AngleGrowth(Oscillators o) => Math.Exp(o.Angles[0]) + o.Angles.Sum();

    [Invariant]
    public static double UnwrappedTorusSum(TorusPoint t) => t.U + 2 * t.V;

    [Invariant]
    public static double WrongPeriodWrap(TorusPoint t) => Periodic.Wrap(t.U, 2.0);

    [Invariant]
    public static double RawRingPositions(Gas g) => g.Particles.Sum(p => p.Mass * p.Position);

    [Invariant]
    public static double FirstMass(Gas g) => g.Particles[0].Mass;

    [Invariant]
    public static double PairedDifferences(Cloud c, Cloud d)
    {
        double sum = 0;
        for (int i = 0; i < c.X.Length; i++)
        {
            sum += Math.Pow(c.X[i] - d.X[i], 2);
        }

        return sum;
    }

    [Invariant]
    public static double ThresholdCrossing(Oscillators o) => o.Phase > Math.PI ? 1 : 0;

    // Out of reach: the position-dependent read happens in a helper that is not [Invariant], which the analyzer
    // does not inspect (SYM103 marks the call when enabled).
    [Invariant]
    public static double ThroughOpaqueHelper(Cloud c) => Opaque.Head(c.X);

    // Out of reach: the analysis does not follow a copy made by Clone.
    [Invariant]
    public static double ThroughClone(Cloud c)
    {
        var copy = (double[])c.X.Clone();
        return copy[0];
    }
}

/// <summary>A helper the analyzer does not inspect because it is not declared [Invariant].</summary>
public static class Opaque
{
    public static double Head(double[] values) => values[0];
}
