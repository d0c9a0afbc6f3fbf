namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// Inputs with permutation groups in the shapes that generators commonly get wrong. The generated group code
/// calls the transport runtime, so these compile against it with no warnings.
/// </summary>
public class ParticleRobustnessTests
{
    public static TheoryData<string, string> ParticleInputs => new()
    {
        {
            "NestedGenericContainers",
            """
            using System.Collections.Generic;
            using SymmetryDsl;
            namespace N;
            public partial struct S<T> where T : struct
            {
                public partial record R
                {
                    public partial record struct Model
                    {
                        [Permutation(Group = "hidden")] public double[,] W { get; set; }
                        [Permutation(Group = "hidden")] public List<float> A { get; set; }
                        [Permutation, Translation(Period = 1)] public double[][] Torus { get; set; }
                    }
                }
            }
            """
        },
        {
            "KeywordNamesInGroups",
            """
            using SymmetryDsl;
            public partial class @class
            {
                [Permutation(Group = "event")] public double[] @params = [];
                [Permutation(Group = "event")] public double[] @int = [];
                [Permutation(Group = "two words!")] public float[] @object = [];
            }
            """
        },
        {
            "ModelParticlesOfGenericAndNestedTypes",
            """
            using System.Collections.Generic;
            using SymmetryDsl;
            namespace N
            {
                public partial class Outer<T>
                {
                    public partial struct Neuron { [Translation(Period = 1)] public double Bias; public double[] W; }
                }

                public partial record Layer
                {
                    [Permutation] public List<Outer<int>.Neuron> Neurons { get; set; } = [];
                    [Permutation] public Outer<string>.Neuron[] Others { get; set; } = [];
                }
            }
            """
        },
        {
            "RecursiveModel",
            """
            using SymmetryDsl;
            public partial class Tree
            {
                [Translation(Period = 1)] public double Phase;
                [Permutation] public Tree[] Children = [];
            }
            """
        },
        {
            "UserTypesNamedLikeRuntimeTypes",
            """
            using SymmetryDsl;
            namespace N
            {
                public class System { }
                public class Math { }
                public class Permutation { }
                public class Wasserstein { }
                public class ArrayPool<T> { }
                public partial class Model
                {
                    [SymmetryDsl.Permutation] public double[] Points = [];
                    [SymmetryDsl.Permutation(Group = "g")] public double[,] Rows = new double[0, 0];
                    [SymmetryDsl.Permutation(Group = "g")] public double[] Values = [];
                }
            }
            """
        },
        {
            "TypeLevelTranslationWithParticles",
            """
            using System.Collections.Generic;
            using SymmetryDsl;
            [Translation(Period = 6.283185307179586)]
            public partial class Angles
            {
                [Permutation] public List<float> Phases = [];
                [Permutation] public double[,] Directions = new double[0, 0];
                public double Offset;
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(ParticleInputs))]
    public void ParticleModelCompiles(string name, string source)
    {
        Assert.NotEmpty(name);
        var run = GeneratorHarness.Run(source);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        var problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
