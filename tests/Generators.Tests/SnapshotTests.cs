using ApprovalTests;
using ApprovalTests.Namers;

namespace SymmetryDsl.Generators.Tests;

/// <summary>
/// Generated source for representative inputs, compared with reviewed files under Snapshots. After an intended
/// change, review the *.received.txt files and rename them to *.approved.txt.
/// </summary>
[UseApprovalSubdirectory("Snapshots")]
public class SnapshotTests
{
    [Fact]
    public void PlainAndPeriodicMembers()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;

            namespace Samples;

            public partial class Oscillator
            {
                public double Bias;
                public float Gain { get; set; }
                public double[] Offsets = [];
                [Translation(Period = 1)] public double Phase;
                [Translation(Period = 2 * System.Math.PI)] public float[] Angles { get; set; } = [];
            }
            """);
        Approvals.Verify(run.Source("Samples.Oscillator.g.cs"));
    }

    [Fact]
    public void NumericParticles()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using SymmetryDsl;

            namespace Samples;

            public partial class Cloud
            {
                [Permutation] public double[] Points = [];
                [Permutation] public List<float> Weights { get; set; } = [];
                [Permutation, Translation(Period = 1)] public double[] Phases = [];
            }
            """);
        Approvals.Verify(run.Source("Samples.Cloud.g.cs"));
    }

    [Fact]
    public void CoPermutedRowsAndNestedModels()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using SymmetryDsl;

            namespace Samples;

            public partial struct Neuron
            {
                public double[] Weights;
                [Translation(Period = 6.283185307179586)] public double Bias;
            }

            public partial record Network
            {
                [Permutation(Group = "hidden")] public double[,] W { get; set; } = new double[0, 0];
                [Permutation(Group = "hidden")] public double[] A { get; set; } = [];
                [Permutation] public List<Neuron> Neurons { get; set; } = [];
                [Permutation, Translation(Period = 2)] public double[][] Torus { get; set; } = [];
            }
            """);
        Approvals.Verify(run.Source("Samples.Network.g.cs"));
    }

    [Fact]
    public void TypeLevelTranslationOnStruct()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;

            namespace Samples.Geometry
            {
                [Translation(Period = 0.1)]
                public partial struct Rotor
                {
                    public double Angle;
                    public float[] Phases;
                    [Translation(Period = 360)] public double Degrees { get; set; }
                    [Permutation] public float[] Spins;
                    public int Count;
                }
            }
            """);
        Approvals.Verify(run.Source("Samples.Geometry.Rotor.g.cs"));
    }

    [Fact]
    public void NestedGenericContainers()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;

            public partial class Outer<T> where T : class, System.IComparable<T>?, new()
            {
                public partial record struct Middle<U> where U : struct
                {
                    [Translation(Period = 0.5)]
                    public partial class @class
                    {
                        public double @double;
                        public double[] @params = [];
                    }
                }
            }
            """);
        Approvals.Verify(run.Source("Outer`1.Middle`1.class.g.cs"));
    }
}
