using System.Collections;
using System.Reflection;
using SymmetryDsl.Flows;
using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// A null row of a <c>double[][]</c> member or a null class particle makes every generated method that reads the
/// member throw an exception naming the member and the index, never <see cref="NullReferenceException"/>. A model
/// passed as a parameter gets <see cref="ArgumentException"/> with that <see cref="ArgumentException.ParamName"/>,
/// and the instance itself gets <see cref="InvalidOperationException"/> naming "this instance".
/// </summary>
public class NullElementTests(CompiledModels models) : IClassFixture<CompiledModels>
{
    private const int NullIndex = 1;

    /// <summary>The model types with entries that can be null, and the member that contains them.</summary>
    private static readonly Dictionary<string, string> Members = new()
    {
        ["Torus"] = "Points",
        ["Strands"] = "Rows",
        ["Tissue"] = "Cells",
        ["Colony"] = "Cells",
    };

    /// <summary>
    /// Each public method called with the model that has a null entry in one position, paired with a valid model of
    /// the same shape, and the parameter that the message names.
    /// </summary>
    private static readonly Dictionary<string, (string Parameter, Action<object, object> Call)> Methods = new(QuotientMethodCalls)
    {
        ["DeepClone"] = ("this", (broken, _) => Call(broken, "DeepClone")),
        ["ParameterCount"] = ("this", (broken, _) => Get(broken, "ParameterCount")),
        ["CopyTo"] = ("this", (broken, valid) => InvokeWithSpan(broken, "CopyTo", Buffer(valid))),
        ["CopyFrom"] = ("this", (broken, valid) => InvokeWithSpan(broken, "CopyFrom", Buffer(valid))),
        ["GetMetricWeights"] = ("this", (broken, valid) => InvokeWithSpan(broken, "GetMetricWeights", Buffer(valid))),
        ["IdentityElement"] = ("shape", (broken, _) => IdentityElement(broken)),
        ["GroupElement.Identity"] = ("shape", (broken, _) => CallStatic(broken.GetType().GetNestedType("GroupElement")!, "Identity", broken)),
        ["RandomGroupElement"] = ("shape", (broken, _) => RandomElement(broken, new Random(1))),
        ["Flow"] = ("this", (broken, _) => RunFlow(broken, nameof(FlowWithEnergyAndGradient))),
        ["Flow(energy, gradient)"] = ("this", (broken, _) => RunFlow(broken, nameof(FlowWithSeparateGradient))),
    };

    /// <summary>
    /// Every model with every method, except the group element factories on <c>Strands</c>: its rows have no
    /// period, so the element has no shifts and the factories read only the particle count.
    /// </summary>
    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var model in Members.Keys)
            {
                foreach (var method in Methods.Keys)
                {
                    if (model == "Strands" && method is "IdentityElement" or "GroupElement.Identity" or "RandomGroupElement")
                    {
                        continue;
                    }

                    cases.Add(model, method);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NullEntryThrowsNamingIt(string model, string method)
    {
        var (parameter, call) = Methods[method];
        var valid = Valid(model);
        var broken = Valid(model);
        ((IList)Get(broken, Members[model])!)[NullIndex] = null;

        var entry = model is "Torus" or "Strands" ? "Row" : "Particle";
        var problem = $"{entry} {NullIndex} of member '{Members[model]}' of '{model}' is null";
        InvalidModelAssert.Throws(parameter, problem, () => Unwrapped(() => call(broken, valid)));
    }

    [Fact]
    public void NullRowMessageSaysWhatToDo()
    {
        var valid = Valid("Torus");
        var broken = Valid("Torus");
        Get<double[][]>(broken, "Points")[NullIndex] = null!;

        var error = Assert.Throws<ArgumentException>(() => OrbitDistanceSquared(valid, broken));

        Assert.Equal("y", error.ParamName);
        Assert.Equal(
            "Row 1 of member 'Points' of 'Torus' is null. Assign an array, empty or filled, to every row before using the quotient methods. (Parameter 'y')",
            error.Message);
    }

    [Fact]
    public void NullParticleMessageSaysWhatToDo()
    {
        var broken = Valid("Colony");
        ((IList)Get(broken, "Cells")!)[0] = null;

        var error = Assert.Throws<InvalidOperationException>(() => Canonicalize(broken));

        Assert.Equal(
            "Particle 0 of member 'Cells' of 'Colony' is null in this instance. Assign an instance to every particle, or remove the null entries, before using the quotient methods.",
            error.Message);
    }

    [Fact]
    public void LastNullEntryIsFound()
    {
        var valid = Valid("Tissue");
        var broken = Valid("Tissue");
        var cells = (IList)Get(broken, "Cells")!;
        cells[cells.Count - 1] = null;

        var error = Assert.Throws<ArgumentException>(() => Align(valid, broken));

        Assert.Equal("y", error.ParamName);
        Assert.StartsWith($"Particle {cells.Count - 1} of member 'Cells'", error.Message);
    }

    [Fact]
    public void StructAndNumericParticlesHaveNoCheck()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using SymmetryDsl;

            namespace Samples;

            public partial struct Neuron
            {
                public double[] Weights;
                [Translation(Period = 1)] public double Bias;
            }

            public partial class Layer
            {
                [Permutation] public Neuron[] Neurons = [];
                [Permutation] public List<Neuron> Spares = [];
                [Permutation] public double[] Points = [];
                [Permutation] public List<float> Weights = [];
                [Permutation] public double[,] W = new double[0, 0];
            }
            """);

        Assert.Empty(run.CompilationProblems());
        Assert.DoesNotContain("NoNullElements", run.Source("Samples.Layer.g.cs"));
        Assert.DoesNotContain("NoNullElements", run.Source("Samples.Neuron.g.cs"));
    }

    [Fact]
    public void ClassParticlesAndRowsHaveCheck()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using SymmetryDsl;

            namespace Samples;

            public partial record Neuron
            {
                [Translation(Period = 1)] public double Bias { get; set; }
            }

            public partial class Layer
            {
                [Permutation] public Neuron[] Neurons = [];
                [Permutation] public List<Neuron> Spares = [];
                [Permutation] public double[][] Rows = [];
            }
            """);

        Assert.Empty(run.CompilationProblems());
        var source = run.Source("Samples.Layer.g.cs");
        Assert.Contains("NoNullElements((this.Neurons ??", source);
        Assert.Contains("NoNullElements((y.Spares ??", source);
        Assert.Contains("NoNullElements((x.Rows ??", source);
    }

    private object Valid(string model)
    {
        var type = models.Type(model);
        if (model is "Torus" or "Strands")
        {
            double[][] rows = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]];
            return Create(type, (Members[model], rows));
        }

        var cellType = models.Type("Cell");
        var cells = model == "Colony"
            ? (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(cellType))!
            : Array.CreateInstance(cellType, 3);
        for (var i = 0; i < 3; i++)
        {
            var cell = Create(cellType, ("Weights", new[] { 0.1 * i, -0.2 * i }), ("Bias", 0.3 * i));
            if (cells is Array)
            {
                cells[i] = cell;
            }
            else
            {
                cells.Add(cell);
            }
        }

        return Create(type, ("Cells", cells));
    }

    private static double[] Buffer(object valid) => new double[(int)Get(valid, "ParameterCount")!];

    private static void RunFlow(object initial, string helper) =>
        typeof(NullElementTests)
            .GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(initial.GetType())
            .Invoke(null, [initial]);

    private static object? FlowWithEnergyAndGradient<T>(T initial)
    {
        EnergyAndGradient<T> zero = (_, gradient) =>
        {
            gradient.Clear();
            return 0;
        };
        var flow = typeof(T).GetMethod("Flow", [typeof(T), typeof(EnergyAndGradient<T>), typeof(FlowOptions)])!;
        return flow.Invoke(null, [initial, zero, null]);
    }

    private static object? FlowWithSeparateGradient<T>(T initial)
    {
        Func<T, double> energy = _ => 0;
        GradientFunction<T> gradient = (_, values) => values.Clear();
        var flow = typeof(T).GetMethod("Flow", [typeof(T), typeof(Func<T, double>), typeof(GradientFunction<T>), typeof(FlowOptions)])!;
        return flow.Invoke(null, [initial, energy, gradient, null]);
    }
}
