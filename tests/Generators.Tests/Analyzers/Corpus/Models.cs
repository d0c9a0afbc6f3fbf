using System;
using System.Collections.Generic;
using System.Linq;
using SymmetryDsl;

namespace Corpus;

/// <summary>Exchangeable particles on the line.</summary>
public partial class Cloud
{
    [Permutation] public double[] X = [];

    public static Cloud Sample(Random random) =>
        new() { X = Enumerable.Range(0, 7).Select(_ => 4 * random.NextDouble() - 2).ToArray() };
}

/// <summary>Exchangeable points in the plane, one row per particle.</summary>
public partial class Points
{
    [Permutation] public double[][] P = [];

    public static Points Sample(Random random) =>
        new() { P = Enumerable.Range(0, 6).Select(_ => new[] { 3 * random.NextDouble(), 3 * random.NextDouble() }).ToArray() };
}

/// <summary>A two-layer network f(x) = b + (1/n) Σᵢ aᵢ tanh(⟨wᵢ, x⟩) whose hidden neurons are exchangeable.</summary>
public partial class Network
{
    [Permutation(Group = "hidden")] public double[,] W = new double[0, 0];
    [Permutation(Group = "hidden")] public double[] A = [];
    public double[] Offsets = [];
    public double Bias;

    public static Network Sample(Random random)
    {
        const int hidden = 5, inputs = 2;
        var network = new Network { W = new double[hidden, inputs], A = new double[hidden], Offsets = new double[hidden], Bias = random.NextDouble() };
        for (int i = 0; i < hidden; i++)
        {
            network.A[i] = 2 * random.NextDouble() - 1;
            network.Offsets[i] = random.NextDouble();
            for (int k = 0; k < inputs; k++)
            {
                network.W[i, k] = 2 * random.NextDouble() - 1;
            }
        }

        return network;
    }
}

/// <summary>Phases and angles: a phase with period 2π, an array of angles with period 1, and a plain amplitude.</summary>
public partial class Oscillators
{
    [Translation(Period = 2 * Math.PI)] public double Phase;
    [Translation(Period = 1)] public double[] Angles = [];
    public double Amplitude;

    public static Oscillators Sample(Random random) =>
        new()
        {
            Phase = 2 * Math.PI * random.NextDouble(),
            Angles = Enumerable.Range(0, 5).Select(_ => random.NextDouble()).ToArray(),
            Amplitude = random.NextDouble(),
        };
}

/// <summary>A point on the flat unit torus.</summary>
[Translation(Period = 1)]
public partial class TorusPoint
{
    public double U;
    public double V;

    public static TorusPoint Sample(Random random) => new() { U = random.NextDouble(), V = random.NextDouble() };
}

/// <summary>A particle on a ring of circumference 1 with a mass that does not move.</summary>
public partial class Particle
{
    [Translation(Period = 1)] public double Position;
    public double Mass;
}

/// <summary>Exchangeable particles on a ring: the wreath product of permutations and per-particle shifts.</summary>
public partial class Gas
{
    [Permutation] public Particle[] Particles = [];

    public static Gas Sample(Random random) =>
        new()
        {
            Particles = Enumerable.Range(0, 6)
                .Select(_ => new Particle { Position = random.NextDouble(), Mass = 0.5 + random.NextDouble() })
                .ToArray(),
        };
}

/// <summary>Exchangeable scalar samples kept in a list.</summary>
public partial class Sample
{
    [Permutation] public List<double> Values = [];

    public static Sample Draw(Random random) =>
        new() { Values = Enumerable.Range(0, 8).Select(_ => random.NextDouble()).ToList() };
}

/// <summary>Fixed data the corpus functions evaluate models on.</summary>
public static class Data
{
    public static readonly double[][] Inputs = [[0.1, -0.4], [0.7, 0.2], [-0.5, 0.9], [0.3, 0.3]];
    public static readonly double[] Targets = [0.2, -0.1, 0.5, 0.0];
    public static readonly double[] Reference = [-1.0, -0.2, 0.4, 1.1, 1.5];
    public static readonly double[] SevenPoints = [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5];
    public static readonly double[] Weights = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625];
}
