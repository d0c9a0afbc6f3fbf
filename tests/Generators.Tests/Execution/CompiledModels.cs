using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// The execution test models, compiled once with the generated code against the runtime, emitted in memory and
/// loaded into a collectible load context. The runtime assembly resolves to the one the tests already loaded, so
/// group elements and permutations are the runtime's own types.
/// </summary>
public sealed class CompiledModels : IDisposable
{
    public const string Source = """
        using System.Collections.Generic;
        using SymmetryDsl;

        namespace Models;

        /// Plain particles on the line (the sorting path) next to plain and periodic entries.
        public partial class Cloud
        {
            [Permutation] public double[] Points = [];
            [Translation(Period = 1)] public double Phase;
            public double Bias;
            [Translation(Period = 2)] public double[] Angles = [];
        }

        /// Only plain particles, so the quotient distance is exactly W2 between the empirical measures.
        public partial class Sample
        {
            [Permutation] public double[] Values = [];
        }

        /// Single-precision particles in a list, on the sorting path after widening.
        public partial class Floats
        {
            [Permutation] public List<float> Values = [];
            [Translation(Period = 1)] public float Phase;
        }

        /// Rows of a matrix co-permuted with a vector, and particles on a circle in their own group.
        public partial class Net
        {
            [Permutation(Group = "hidden")] public double[,] W = new double[0, 0];
            [Permutation(Group = "hidden")] public double[] A = [];
            [Permutation, Translation(Period = 1)] public List<double> Phases = [];
        }

        /// A particle with an inner symmetry: a periodic bias.
        public partial struct Neuron
        {
            public double[] Weights;
            [Translation(Period = 1)] public double Bias;
        }

        /// Particles that are model types, so the inner group is minimized per pair before the assignment.
        public partial class Layer
        {
            [Permutation] public Neuron[] Neurons = [];
            public double Scale;
        }

        /// A struct whose type-level translation makes its scalar, its array and its float particles periodic.
        [Translation(Period = 1)]
        public partial struct Rotor
        {
            public double Angle;
            public double[] Phases;
            [Permutation] public float[] Spins;
        }

        /// Points on a flat torus as rows of a jagged array.
        public partial class Torus
        {
            [Permutation, Translation(Period = 1)] public double[][] Points = [];
        }

        /// Rows of a jagged array without a period, so group elements contain only the permutation.
        public partial class Strands
        {
            [Permutation] public double[][] Rows = [];
        }

        /// A particle model that is a class, so an array or list of such particles can contain null.
        public partial class Cell
        {
            public double[] Weights = [];
            [Translation(Period = 1)] public double Bias;
        }

        /// Class particles in an array.
        public partial class Tissue
        {
            [Permutation] public Cell[] Cells = [];
        }

        /// Plain members of both precisions, which no group acts on, beside a periodic scalar that makes the type a model.
        public partial class Gauge
        {
            public double[] Offsets = [];
            public float Gain;
            public float[] Scales = [];
            [Translation(Period = 1)] public double Turn;
        }

        /// Class particles in a list, in a record class.
        public partial record Colony
        {
            [Permutation] public List<Cell> Cells { get; set; } = [];
        }
        """;

    private readonly AssemblyLoadContext context = new("GeneratedModels", isCollectible: true);

    public CompiledModels()
    {
        var run = GeneratorHarness.Run(Source);
        Diagnostics = run.GeneratorDiagnostics.Concat(run.CompilationProblems()).ToList();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Diagnostics.AddRange(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        if (emitted.Success)
        {
            image.Position = 0;
            Assembly = context.LoadFromStream(image);
        }
    }

    /// <summary>Problems found while generating, compiling or emitting; the tests assert there are none.</summary>
    public List<Diagnostic> Diagnostics { get; }

    public Assembly? Assembly { get; }

    public Type Type(string name) =>
        Assembly?.GetType("Models." + name) ?? throw new InvalidOperationException("The models did not compile: " + string.Join(Environment.NewLine, Diagnostics));

    public void Dispose() => context.Unload();
}
