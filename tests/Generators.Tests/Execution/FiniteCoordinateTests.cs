using System.Collections;
using System.Globalization;
using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// A NaN or infinite coordinate in any numeric member makes the orbit distance methods, <c>Align</c>,
/// <c>Canonicalize</c> and <c>Apply</c> throw before they compute. The exception names the type, the member, the
/// index and the value, instead of a runtime routine's message or a NaN distance.
/// </summary>
public class FiniteCoordinateTests(CompiledModels models) : IClassFixture<CompiledModels>
{
    private const int ParticleCount = 3;

    private static readonly double[] NonFiniteValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    /// <summary>
    /// One coordinate of each kind of numeric member: the model, the position that the message names, and how to
    /// write a value into the coordinate. Float members receive the value cast to float, which keeps it NaN or infinite.
    /// </summary>
    private static readonly Dictionary<string, (string Model, string Position, Action<object, double> Write)> Targets = new()
    {
        ["plain scalar"] = ("Cloud", "Member 'Bias'", (model, value) => Set(model, "Bias", value)),
        ["plain array"] = ("Gauge", "Coordinate 1 of member 'Offsets'", (model, value) => Get<double[]>(model, "Offsets")[1] = value),
        ["plain float scalar"] = ("Gauge", "Member 'Gain'", (model, value) => Set(model, "Gain", (float)value)),
        ["plain float array"] = ("Gauge", "Coordinate 2 of member 'Scales'", (model, value) => Get<float[]>(model, "Scales")[2] = (float)value),
        ["periodic scalar"] = ("Cloud", "Member 'Phase'", (model, value) => Set(model, "Phase", value)),
        ["periodic array"] = ("Cloud", "Coordinate 2 of member 'Angles'", (model, value) => Get<double[]>(model, "Angles")[2] = value),
        ["periodic float scalar"] = ("Floats", "Member 'Phase'", (model, value) => Set(model, "Phase", (float)value)),
        ["particles by sorting"] = ("Cloud", "Coordinate 1 of member 'Points'", (model, value) => Get<double[]>(model, "Points")[1] = value),
        ["float particles by sorting"] = ("Floats", "Coordinate 2 of member 'Values'", (model, value) => Get<List<float>>(model, "Values")[2] = (float)value),
        ["matrix rows"] = ("Net", "Coordinate 1 of row 2 of member 'W'", (model, value) => Get<double[,]>(model, "W")[2, 1] = value),
        ["co-permuted vector"] = ("Net", "Coordinate 0 of member 'A'", (model, value) => Get<double[]>(model, "A")[0] = value),
        ["periodic particles by assignment"] = ("Net", "Coordinate 1 of member 'Phases'", (model, value) => Get<List<double>>(model, "Phases")[1] = value),
        ["jagged rows"] = ("Torus", "Coordinate 0 of row 1 of member 'Points'", (model, value) => Get<double[][]>(model, "Points")[1][0] = value),
        ["float particles by assignment"] = ("Rotor", "Coordinate 1 of member 'Spins'", (model, value) => Get<float[]>(model, "Spins")[1] = (float)value),
        ["struct particle array"] = ("Layer", "Coordinate 1 of particle 2 of member 'Neurons'", (model, value) => ParticleWeights(model, "Neurons", 2)[1] = value),
        ["struct particle scalar"] = ("Layer", "Coordinate 2 of particle 0 of member 'Neurons'", (model, value) => SetParticleBias(model, "Neurons", 0, value)),
        ["class particle"] = ("Tissue", "Coordinate 0 of particle 1 of member 'Cells'", (model, value) => ParticleWeights(model, "Cells", 1)[0] = value),
    };

    public static TheoryData<string, string, double> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, double>();
            foreach (var target in Targets.Keys)
            {
                foreach (var method in QuotientMethodCalls.Keys)
                {
                    foreach (var value in NonFiniteValues)
                    {
                        cases.Add(target, method, value);
                    }
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NonFiniteCoordinateThrowsNamingIt(string target, string method, double value)
    {
        var (parameter, call) = QuotientMethodCalls[method];
        var (model, position, write) = Targets[target];
        var valid = Valid(model, seed: 1);
        var broken = Valid(model, seed: 2);
        write(broken, value);

        var text = value.ToString(CultureInfo.InvariantCulture);
        InvalidModelAssert.Throws(parameter, $"{position} of '{model}' is {text}", () => call(broken, valid));
    }

    [Fact]
    public void MessageSaysWhatToDo()
    {
        var valid = Valid("Cloud", seed: 1);
        var broken = Valid("Cloud", seed: 2);
        Get<double[]>(broken, "Points")[0] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => OrbitDistanceSquared(valid, broken));

        Assert.Equal(
            "Coordinate 0 of member 'Points' of 'Cloud' is NaN. Every coordinate of a model must be finite. Set it to a finite value before using the quotient methods. (Parameter 'y')",
            error.Message);
    }

    [Fact]
    public void ThisMessageSaysWhatToDo()
    {
        var broken = Valid("Net", seed: 2);
        Get<double[,]>(broken, "W")[1, 0] = double.NegativeInfinity;

        var error = Assert.Throws<InvalidOperationException>(() => Canonicalize(broken));

        Assert.Equal(
            "Coordinate 0 of row 1 of member 'W' of 'Net' is -Infinity in this instance. Every coordinate of a model must be finite. Set it to a finite value before using the quotient methods.",
            error.Message);
    }

    /// <summary>
    /// Particles whose coordinate counts grow from one particle to the next make the check rent a larger buffer,
    /// and the index is still counted within the particle that contains the value.
    /// </summary>
    [Fact]
    public void ParticlesOfDifferentSizesAreChecked()
    {
        var cellType = models.Type("Cell");
        var cells = Array.CreateInstance(cellType, 3);
        double[][] weights = [[0.5], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7], [0.3, 0.4]];
        for (var i = 0; i < weights.Length; i++)
        {
            cells.SetValue(Create(cellType, ("Weights", weights[i]), ("Bias", 0.1 * i)), i);
        }

        var tissue = Create(models.Type("Tissue"), ("Cells", cells));
        _ = Canonicalize(tissue);
        weights[2][1] = double.PositiveInfinity;

        var error = Assert.Throws<InvalidOperationException>(() => Canonicalize(tissue));

        Assert.StartsWith("Coordinate 1 of particle 2 of member 'Cells' of 'Tissue' is Infinity in this instance.", error.Message);
    }

    [Fact]
    public void LargestFiniteValuesAreAccepted()
    {
        var x = Valid("Gauge", seed: 1);
        Set(x, "Gain", float.MaxValue);
        Get<double[]>(x, "Offsets")[0] = double.MaxValue;
        Get<float[]>(x, "Scales")[0] = -float.MaxValue;

        var canonical = Canonicalize(x);
        var moved = Apply(x, RandomElement(x, new Random(4)));

        Assert.Equal(float.MaxValue, Get<float>(canonical, "Gain"));
        Assert.Equal(double.MaxValue, Get<double[]>(moved, "Offsets")[0]);
        Assert.Equal(0, OrbitDistanceSquared(x, x));
        Assert.True((bool)Get(Align(x, x), "IsIdentity")!);
    }

    /// <summary>Returns a valid model with <see cref="ParticleCount"/> particles whose coordinates lie in [−3, 3].</summary>
    private object Valid(string model, int seed)
    {
        var random = new Random(seed);
        if (model != "Gauge")
        {
            return TestModel.All(models).Single(m => m.Name == model).NewInstance(random, ParticleCount);
        }

        double Uniform() => (random.NextDouble() * 6) - 3;
        return Create(
            models.Type(model),
            ("Offsets", new[] { Uniform(), Uniform() }),
            ("Gain", (float)Uniform()),
            ("Scales", new[] { (float)Uniform(), (float)Uniform(), (float)Uniform() }),
            ("Turn", Uniform()));
    }

    /// <summary>Returns the <c>Weights</c> array of a particle, which the model shares, so writing into it changes the model.</summary>
    private static double[] ParticleWeights(object model, string member, int index) =>
        Get<double[]>(((IList)Get(model, member)!)[index]!, "Weights");

    /// <summary>Sets the <c>Bias</c> of a particle. A struct particle is read as a boxed copy, so the copy is written back.</summary>
    private static void SetParticleBias(object model, string member, int index, double value)
    {
        var particles = (IList)Get(model, member)!;
        var particle = particles[index]!;
        Set(particle, "Bias", value);
        particles[index] = particle;
    }
}
