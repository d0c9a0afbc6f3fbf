using System;
using System.Linq;
using SymmetryDsl;
using SymmetryDsl.Geometry;
using SymmetryDsl.Transport;

namespace Corpus;

/// <summary>Functions that are invariant under the symmetry of their models. The analyzers must report none of them.</summary>
public static class InvariantCorpus
{
    [Invariant]
    public static double HarmonicTrap(Cloud c)
    {
        double energy = 0;
        foreach (var x in c.X)
        {
            energy += 0.5 * x * x;
        }

        return energy;
    }

    [Invariant]
    public static double SoftCoulomb(Cloud c)
    {
        double energy = 0;
        for (int i = 0; i < c.X.Length; i++)
        {
            for (int j = i + 1; j < c.X.Length; j++)
            {
                energy += 1 / Math.Sqrt(1 + (c.X[i] - c.X[j]) * (c.X[i] - c.X[j]));
            }
        }

        return energy;
    }

    [Invariant]
    public static double GaussianRepulsion(Cloud c)
    {
        double energy = 0;
        for (int i = 0; i < c.X.Length; i++)
        {
            for (int j = 0; j < c.X.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                energy += Math.Exp(-Math.Pow(c.X[i] - c.X[j], 2));
            }
        }

        return energy;
    }

    [Invariant]
    public static double LennardJones(Points points)
    {
        int n = points.P.Length;
        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = points.P[i][0] - points.P[j][0];
                double dy = points.P[i][1] - points.P[j][1];
                double inverseSix = 1 / Math.Pow(dx * dx + dy * dy + 0.1, 3);
                energy += 4 * (inverseSix * inverseSix - inverseSix);
            }
        }

        return energy;
    }

    [Invariant]
    public static double RadiusOfGyration(Points points)
    {
        var center = new double[2];
        foreach (var p in points.P)
        {
            center[0] += p[0] / points.P.Length;
            center[1] += p[1] / points.P.Length;
        }

        return points.P.Average(p => Math.Pow(p[0] - center[0], 2) + Math.Pow(p[1] - center[1], 2));
    }

    [Invariant]
    public static double MeanFieldLoss(Network net)
    {
        int n = net.A.Length;
        double loss = 0;
        for (int s = 0; s < Data.Inputs.Length; s++)
        {
            double prediction = net.Bias;
            for (int i = 0; i < n; i++)
            {
                double z = 0;
                for (int k = 0; k < net.W.GetLength(1); k++)
                {
                    z += net.W[i, k] * Data.Inputs[s][k];
                }

                prediction += net.A[i] * Math.Tanh(z) / n;
            }

            loss += 0.5 * Math.Pow(prediction - Data.Targets[s], 2) / Data.Inputs.Length;
        }

        return loss;
    }

    [Invariant]
    public static double MeanFieldLossWithBuffer(Network net)
    {
        var hidden = new double[net.A.Length];
        double loss = 0;
        foreach (var (input, target) in Data.Inputs.Zip(Data.Targets))
        {
            for (int i = 0; i < net.A.Length; i++)
            {
                hidden[i] = Math.Tanh(net.W[i, 0] * input[0] + net.W[i, 1] * input[1]);
            }

            double prediction = net.Bias;
            for (int i = 0; i < net.A.Length; i++)
            {
                prediction += net.A[i] * hidden[i] / net.A.Length;
            }

            loss += Math.Abs(prediction - target);
        }

        return loss;
    }

    [Invariant]
    public static double WeightDecay(Network net)
    {
        double penalty = net.A.Sum(a => a * a);
        for (int i = 0; i < net.W.GetLength(0); i++)
        {
            for (int k = 0; k < net.W.GetLength(1); k++)
            {
                penalty += net.W[i, k] * net.W[i, k];
            }
        }

        return penalty / net.A.Length;
    }

    [Invariant]
    public static double PathNorm(Network net)
    {
        double norm = 0;
        for (int i = 0; i < net.A.Length; i++)
        {
            norm += Math.Abs(net.A[i]) * (Math.Abs(net.W[i, 0]) + Math.Abs(net.W[i, 1]));
        }

        return norm;
    }

    [Invariant]
    public static double GaussianMmdToReference(Cloud c)
    {
        static double Kernel(double x, double y) => Math.Exp(-0.5 * (x - y) * (x - y));

        double xx = c.X.Sum(x => c.X.Sum(y => Kernel(x, y))) / (c.X.Length * c.X.Length);
        double xy = c.X.Sum(x => Data.Reference.Sum(y => Kernel(x, y))) / (c.X.Length * Data.Reference.Length);
        double yy = Data.Reference.Sum(x => Data.Reference.Sum(y => Kernel(x, y))) / (Data.Reference.Length * Data.Reference.Length);
        return xx - 2 * xy + yy;
    }

    [Invariant]
    public static double EnergyDistance(Cloud c, Cloud d)
    {
        double cross = 0;
        foreach (var x in c.X)
        {
            foreach (var y in d.X)
            {
                cross += Math.Abs(x - y);
            }
        }

        double within = c.X.Sum(x => c.X.Sum(y => Math.Abs(x - y)));
        double withinOther = d.X.Sum(x => d.X.Sum(y => Math.Abs(x - y)));
        return 2 * cross / (c.X.Length * d.X.Length) - within / (c.X.Length * c.X.Length) - withinOther / (d.X.Length * d.X.Length);
    }

    [Invariant]
    public static double Median(Cloud c)
    {
        var sorted = c.X.OrderBy(x => x).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    [Invariant]
    public static double TrimmedMean(Cloud c) => c.X.Order().Skip(1).Take(c.X.Length - 2).Average();

    [Invariant]
    public static double Range(Cloud c) => c.X.Max() - c.X.Min();

    [Invariant]
    public static double Variance(Cloud c)
    {
        double mean = c.X.Average();
        return c.X.Select(x => (x - mean) * (x - mean)).Sum() / c.X.Length;
    }

    [Invariant]
    public static double LogSumExp(Cloud c)
    {
        double max = c.X.Max();
        return max + Math.Log(c.X.Sum(x => Math.Exp(x - max)));
    }

    [Invariant]
    public static double SoftmaxEntropy(Cloud c)
    {
        double normalizer = c.X.Sum(Math.Exp);
        return -c.X.Select(x => Math.Exp(x) / normalizer).Sum(p => p * Math.Log(p));
    }

    [Invariant]
    public static double SumOfSquaresByFold(Cloud c) => c.X.Aggregate(0.0, (acc, x) => acc + x * x);

    [Invariant]
    public static double PositiveFraction(Cloud c) => (double)c.X.Count(x => x > 0) / c.X.Length;

    [Invariant]
    public static double WassersteinToReference(Cloud c) => Wasserstein.W2(c.X, Data.SevenPoints);

    [Invariant]
    public static double HistogramEntropy(Cloud c)
    {
        var bins = new double[8];
        foreach (var x in c.X)
        {
            int bin = Math.Clamp((int)Math.Floor((x + 2) * 2), 0, bins.Length - 1);
            bins[bin] += 1.0 / c.X.Length;
        }

        return -bins.Where(p => p > 0).Sum(p => p * Math.Log(p));
    }

    [Invariant]
    public static double KernelDensityLogLikelihood(Cloud c)
    {
        double logLikelihood = 0;
        foreach (var y in Data.Reference)
        {
            double density = c.X.Average(x => Math.Exp(-0.5 * (x - y) * (x - y)) / Math.Sqrt(2 * Math.PI));
            logLikelihood += Math.Log(density + 1e-300);
        }

        return logLikelihood;
    }

    [Invariant]
    public static double ListSecondMoment(Sample s)
    {
        double moment = 0;
        for (int i = 0; i < s.Values.Count; i++)
        {
            moment += s.Values[i] * s.Values[i];
        }

        return moment / s.Values.Count;
    }

    [Invariant]
    public static double ThroughInvariantHelper(Cloud c) => Statistics.MeanAbsoluteDeviation(c.X);

    [Invariant]
    public static double PhasePotential(Oscillators o) => o.Amplitude * o.Amplitude * (1 - Math.Cos(o.Phase)) + Math.Sin(3 * o.Phase);

    [Invariant]
    public static double XyChain(Oscillators o)
    {
        double energy = 0;
        for (int j = 0; j + 1 < o.Angles.Length; j++)
        {
            energy -= Math.Cos(2 * Math.PI * (o.Angles[j] - o.Angles[j + 1]));
        }

        return energy;
    }

    [Invariant]
    public static double FourierFeatures(Oscillators o)
    {
        double value = 0;
        for (int m = 1; m <= 4; m++)
        {
            value += Math.Cos(m * o.Phase) / m + Math.Sin(m * o.Phase + 0.3) / (m * m);
        }

        return value;
    }

    [Invariant]
    public static double WrappedAngles(Oscillators o) =>
        o.Angles.Sum(a => Math.Pow(Periodic.Wrap(a, 1) - 0.5, 2)) + Periodic.Distance(o.Phase, Math.PI, 2 * Math.PI);

    [Invariant]
    public static double TorusPotential(TorusPoint t) => Math.Cos(2 * Math.PI * t.U) * Math.Cos(2 * Math.PI * t.V) + Math.Sin(2 * Math.PI * (t.U - 2 * t.V));

    [Invariant]
    public static double TorusDistanceToOrigin(TorusPoint t) =>
        Math.Sqrt(Math.Pow(Periodic.Difference(t.U, 0.25, 1), 2) + Math.Pow(Periodic.Difference(t.V, 0.75, 1), 2));

    [Invariant]
    public static double CanonicalCoordinates(TorusPoint t)
    {
        var canonical = t.Canonicalize();
        return canonical.U * canonical.U + canonical.V;
    }

    [Invariant]
    public static double KuramotoOrderParameter(Gas g)
    {
        double cosines = 0, sines = 0;
        foreach (var particle in g.Particles)
        {
            cosines += particle.Mass * Math.Cos(2 * Math.PI * particle.Position);
            sines += particle.Mass * Math.Sin(2 * Math.PI * particle.Position);
        }

        return Math.Sqrt(cosines * cosines + sines * sines);
    }

    [Invariant]
    public static double RingPairEnergy(Gas g)
    {
        double energy = 0;
        for (int i = 0; i < g.Particles.Length; i++)
        {
            for (int j = i + 1; j < g.Particles.Length; j++)
            {
                double gap = Periodic.Distance(g.Particles[i].Position, g.Particles[j].Position, 1);
                energy += g.Particles[i].Mass * g.Particles[j].Mass * Math.Exp(-gap * gap / 0.02);
            }
        }

        return energy;
    }

    [Invariant]
    public static double TotalMass(Gas g) => g.Particles.Sum(p => p.Mass);

    [Invariant]
    public static double OrbitDistanceToReference(Cloud c)
    {
        var reference = new Cloud { X = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5] };
        return Cloud.OrbitDistance(c, reference);
    }
}

/// <summary>Helpers that are themselves checked as invariant.</summary>
public static class Statistics
{
    [Invariant]
    public static double MeanAbsoluteDeviation(double[] values)
    {
        double mean = values.Average();
        return values.Average(v => Math.Abs(v - mean));
    }
}
