using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// A null array, list or matrix member makes every generated method that reads it throw an exception naming the
/// type and the member, never <see cref="NullReferenceException"/>. A model passed as a parameter gets
/// <see cref="ArgumentException"/> with that <see cref="ArgumentException.ParamName"/>, and the instance itself
/// gets <see cref="InvalidOperationException"/> naming "this instance".
/// </summary>
public class NullMemberTests(CompiledModels models) : IClassFixture<CompiledModels>
{
    private const int ParticleCount = 3;

    /// <summary>
    /// One reference member of each kind: the model and the member. Permuted members are read first by the count
    /// method of their permutation group, which receives the parameter name as an argument.
    /// </summary>
    private static readonly Dictionary<string, (string Model, string Member)> Targets = new()
    {
        ["periodic array"] = ("Cloud", "Angles"),
        ["particles by sorting"] = ("Cloud", "Points"),
        ["float particle list"] = ("Floats", "Values"),
        ["matrix rows, first of group"] = ("Net", "W"),
        ["vector, second of group"] = ("Net", "A"),
        ["periodic particle list"] = ("Net", "Phases"),
        ["struct particles"] = ("Layer", "Neurons"),
        ["class particles"] = ("Tissue", "Cells"),
        ["jagged rows"] = ("Torus", "Points"),
        ["array of a struct model"] = ("Rotor", "Phases"),
    };

    /// <summary>
    /// The quotient methods and the group element factories, each called with the broken model in one position, and
    /// the parameter that receives it. Every target member has a group element component, so the factories read it.
    /// </summary>
    private static readonly Dictionary<string, (string Parameter, Action<object, object> Call)> Methods = new(QuotientMethodCalls)
    {
        ["DeepClone"] = ("this", (broken, _) => Call(broken, "DeepClone")),
        ["ParameterCount"] = ("this", (broken, _) => Get(broken, "ParameterCount")),
        ["IdentityElement"] = ("shape", (broken, _) => IdentityElement(broken)),
        ["GroupElement.Identity"] = ("shape", (broken, _) => CallStatic(broken.GetType().GetNestedType("GroupElement")!, "Identity", broken)),
        ["RandomGroupElement"] = ("shape", (broken, _) => RandomElement(broken, new Random(1))),
    };

    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var target in Targets.Keys)
            {
                foreach (var method in Methods.Keys)
                {
                    cases.Add(target, method);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NullMemberThrowsNamingIt(string target, string method)
    {
        var (parameter, call) = Methods[method];
        var (model, member) = Targets[target];
        var valid = Valid(model, seed: 1);
        var broken = Valid(model, seed: 2);
        Set(broken, member, null);

        InvalidModelAssert.Throws(parameter, $"Member '{member}' of '{model}' is null", () => Unwrapped(() => call(broken, valid)));
    }

    [Fact]
    public void NullMemberOfYInOrbitDistance()
    {
        var x = Valid("Cloud", seed: 1);
        var y = Valid("Cloud", seed: 2);
        Set(y, "Angles", null);

        var error = Assert.Throws<ArgumentException>(() => CallStatic(x.GetType(), "OrbitDistance", x, y));

        Assert.Equal("y", error.ParamName);
        Assert.Equal(
            "Member 'Angles' of 'Cloud' is null. Assign it an empty or filled collection before using the quotient methods. (Parameter 'y')",
            error.Message);
    }

    [Fact]
    public void NullMemberOfShapeInRandomGroupElement()
    {
        var shape = Valid("Net", seed: 3);
        Set(shape, "A", null);

        var error = Assert.Throws<ArgumentException>(() => RandomElement(shape, new Random(4)));

        Assert.Equal("shape", error.ParamName);
        Assert.Equal(
            "Member 'A' of 'Net' is null. Assign it an empty or filled collection before using the quotient methods. (Parameter 'shape')",
            error.Message);
    }

    [Fact]
    public void NullMemberOfThisInCanonicalize()
    {
        var x = Valid("Cloud", seed: 5);
        Set(x, "Angles", null);

        var error = Assert.Throws<InvalidOperationException>(() => Canonicalize(x));

        Assert.Equal(
            "Member 'Angles' of 'Cloud' is null in this instance. Assign it an empty or filled collection before using the quotient methods.",
            error.Message);
    }

    // A particle reports its own null member as "this". The orbit distance wraps that error with the particle index
    // and the parameter of the containing model, and keeps the particle's exception as the inner one.
    [Theory]
    [InlineData("x")]
    [InlineData("y")]
    public void NullMemberInsideParticleNamesParticle(string parameter)
    {
        var x = Valid("Tissue", seed: 6);
        var y = Valid("Tissue", seed: 7);
        var broken = parameter == "x" ? x : y;
        var cells = (Array)Get(broken, "Cells")!;
        Set(cells.GetValue(1)!, "Weights", null);

        var error = Assert.Throws<ArgumentException>(() => Unwrapped(() => CallStatic(x.GetType(), "OrbitDistance", x, y)));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(
            "Particle 1 of member 'Cells' of 'Tissue' is invalid. Member 'Weights' of 'Cell' is null in this instance. "
                + $"Assign it an empty or filled collection before using the quotient methods. (Parameter '{parameter}')",
            error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    private object Valid(string model, int seed) =>
        TestModel.All(models).Single(m => m.Name == model).NewInstance(new Random(seed), ParticleCount);
}
