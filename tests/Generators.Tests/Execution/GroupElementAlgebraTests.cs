using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// Checks the generated <c>Compose</c> and <c>Inverse</c> against the group action on every compiled model type:
/// composing must agree with applying one element after the other, and the inverse must undo an element.
/// </summary>
public class GroupElementAlgebraTests(CompiledModels models) : IClassFixture<CompiledModels>
{
    public static TheoryData<string> ModelNames => ["Cloud", "Sample", "Floats", "Net", "Neuron", "Layer", "Rotor", "Torus"];

    /// <summary>The models whose group elements contain a permutation, so elements can differ in particle count.</summary>
    public static TheoryData<string> PermutedModelNames => ["Cloud", "Sample", "Floats", "Net", "Layer", "Rotor", "Torus"];

    /// <summary>
    /// Absolute tolerance on coordinates. The action adds k·P, so (x + aP) + bP and x + (a + b)P differ by a few
    /// rounding errors of numbers below 20: about 1e-14 in double precision and 1e-5 where members are floats.
    /// </summary>
    private static double Tolerance(string name) => name is "Floats" or "Rotor" ? 1e-5 : 1e-12;

    private object NewInstance(string name, Random random, int particles)
    {
        switch (name)
        {
            case "Sample":
                return Create(models.Type("Sample"), ("Values", Uniforms(random, particles)));
            case "Neuron":
                return Create(models.Type("Neuron"), ("Weights", Uniforms(random, 2)), ("Bias", Uniforms(random, 1)[0]));
            case "Torus":
                // Rows of 0 to 3 entries, so Compose and Inverse split the shifts at more widths than 2.
                var width = random.Next(4);
                return Create(models.Type("Torus"), ("Points", Enumerable.Range(0, particles).Select(_ => Uniforms(random, width)).ToArray()));
            default:
                return TestModel.All(models).Single(m => m.Name == name).NewInstance(random, particles);
        }
    }

    private static double[] Uniforms(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 6) - 3).ToArray();

    /// <summary>Random instances with 0 to 5 particles, three seeds each, with the generator that made them.</summary>
    private IEnumerable<(object X, Random Random)> Instances(string name)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            for (var n = 0; n <= 5; n++)
            {
                var random = new Random((seed * 1000) + n + 17);
                yield return (NewInstance(name, random, n), random);
            }
        }
    }

    private static object Compose(object outer, object inner) => Call(outer, "Compose", inner)!;

    private static object Inverse(object element) => Call(element, "Inverse")!;

    private static bool IsIdentity(object element) => (bool)Get(element, "IsIdentity")!;

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"Coordinate {i}: expected {expected[i]:R}, actual {actual[i]:R}, tolerance {tolerance}.");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ComposeMatchesSuccessiveApply(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var g = RandomElement(x, random);
            var h = RandomElement(x, random);

            var composed = Apply(x, Compose(g, h));
            var successive = Apply(Apply(x, h), g);

            AssertClose(Coordinates(successive), Coordinates(composed), Tolerance(name));
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ComposeIsAssociative(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var f = RandomElement(x, random);
            var g = RandomElement(x, random);
            var h = RandomElement(x, random);

            var left = Compose(Compose(f, g), h);
            var right = Compose(f, Compose(g, h));

            Assert.Equal(left.ToString(), right.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void InverseUndoesApply(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var g = RandomElement(x, random);
            var inverse = Inverse(g);

            AssertClose(Coordinates(x), Coordinates(Apply(Apply(x, g), inverse)), Tolerance(name));
            AssertClose(Coordinates(x), Coordinates(Apply(Apply(x, inverse), g)), Tolerance(name));
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ComposeWithInverseIsIdentity(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var g = RandomElement(x, random);

            Assert.True(IsIdentity(Compose(g, Inverse(g))), $"g·g⁻¹ is not the identity for g = {g}.");
            Assert.True(IsIdentity(Compose(Inverse(g), g)), $"g⁻¹·g is not the identity for g = {g}.");
            Assert.Equal(g.ToString(), Inverse(Inverse(g)).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void IdentityIsNeutral(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var identity = IdentityElement(x);
            var g = RandomElement(x, random);

            Assert.Equal(g.ToString(), Compose(g, identity).ToString());
            Assert.Equal(g.ToString(), Compose(identity, g).ToString());
            Assert.True(IsIdentity(Compose(identity, identity)));
            Assert.True(IsIdentity(Inverse(identity)));
            Assert.Equal(Coordinates(x), Coordinates(Apply(x, Compose(identity, identity))));
            Assert.Equal(Coordinates(x), Coordinates(Apply(x, Inverse(identity))));
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void InverseOfProductReversesOrder(string name)
    {
        foreach (var (x, random) in Instances(name))
        {
            var g = RandomElement(x, random);
            var h = RandomElement(x, random);

            var expected = Compose(Inverse(h), Inverse(g));

            Assert.Equal(expected.ToString(), Inverse(Compose(g, h)).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(PermutedModelNames))]
    public void DifferentParticleCountsThrow(string name)
    {
        var random = new Random(5);
        var g = RandomElement(NewInstance(name, random, 3), random);
        var h = RandomElement(NewInstance(name, random, 5), random);

        var error = Assert.Throws<ArgumentException>(() => Compose(g, h));
        Assert.Equal("inner", error.ParamName);
        Assert.Contains("length 3 in this element but 5 in 'inner'", error.Message);

        var reversed = Assert.Throws<ArgumentException>(() => Compose(h, g));
        Assert.Equal("inner", reversed.ParamName);
        Assert.Contains("length 5 in this element but 3 in 'inner'", reversed.Message);
    }

    [Fact]
    public void NullInnerThrows()
    {
        var random = new Random(6);
        var g = RandomElement(NewInstance("Cloud", random, 2), random);

        var error = Assert.Throws<ArgumentNullException>(() => Compose(g, null!));
        Assert.Equal("inner", error.ParamName);
    }

    /// <summary>
    /// Rows of 1 and 3 entries: the 4 shifts split evenly into 2 particles, so without the row check Compose and
    /// Inverse would pair shifts with the wrong entries.
    /// </summary>
    private object RaggedTorus() => Create(models.Type("Torus"), ("Points", new[] { new[] { 0.25 }, new[] { 0.5, 0.75, 0.125 } }));

    /// <summary>Rows of 2 and 2 entries, with as many particles and entries as <see cref="RaggedTorus"/>.</summary>
    private object EqualRowsTorus() => Create(models.Type("Torus"), ("Points", new[] { new[] { 0.25, 0.5 }, new[] { 0.75, 0.125 } }));

    private static void AssertRaggedRowsError(ArgumentException error, string parameterName)
    {
        Assert.Equal(parameterName, error.ParamName);
        Assert.StartsWith("Row 1 of member 'Points' of 'Torus' has length 3 but row 0 has length 1. ", error.Message);
    }

    private static void AssertRaggedRowsError(InvalidOperationException error)
    {
        Assert.StartsWith("Row 1 of member 'Points' of 'Torus' has length 3 but row 0 has length 1 in this instance. ", error.Message);
    }

    [Fact]
    public void RaggedRowsRejectIdentityElement()
    {
        var error = Assert.Throws<ArgumentException>(() => IdentityElement(RaggedTorus()));

        AssertRaggedRowsError(error, "shape");
    }

    [Fact]
    public void RaggedRowsRejectGroupElementIdentity()
    {
        var elementType = models.Type("Torus").GetNestedType("GroupElement")!;

        var error = Assert.Throws<ArgumentException>(() => CallStatic(elementType, "Identity", RaggedTorus()));

        AssertRaggedRowsError(error, "shape");
    }

    [Fact]
    public void RaggedRowsRejectRandomGroupElement()
    {
        var error = Assert.Throws<ArgumentException>(() => RandomElement(RaggedTorus(), new Random(7)));

        AssertRaggedRowsError(error, "shape");
    }

    [Fact]
    public void RaggedRowsRejectApply()
    {
        // Elements of the equal-rows model have 2 particles and 4 shifts, which fit the ragged model's counts.
        var random = new Random(8);
        var identity = IdentityElement(EqualRowsTorus());
        var element = RandomElement(EqualRowsTorus(), random);

        AssertRaggedRowsError(Assert.Throws<InvalidOperationException>(() => Apply(RaggedTorus(), identity)));
        AssertRaggedRowsError(Assert.Throws<InvalidOperationException>(() => Apply(RaggedTorus(), element)));
        AssertRaggedRowsError(Assert.Throws<InvalidOperationException>(() => Apply(RaggedTorus(), Compose(element, element))));
        AssertRaggedRowsError(Assert.Throws<InvalidOperationException>(() => Apply(RaggedTorus(), Inverse(element))));
    }

    [Fact]
    public void RaggedRowsRejectAlign()
    {
        var error = Assert.Throws<ArgumentException>(() => Align(RaggedTorus(), RaggedTorus()));

        Assert.Equal("y", error.ParamName);
        Assert.StartsWith("Row 0 of member 'Points' of 'Torus' has length 1 in x but row 1 has length 3 in y. ", error.Message);
    }

    [Fact]
    public void RaggedRowsStillCanonicalize()
    {
        var x = Create(models.Type("Torus"), ("Points", new[] { new[] { 1.25, 0.5 }, new[] { 0.75 }, new[] { -0.5, 0.25, 2.0 } }));

        var rows = Get<double[][]>(Canonicalize(x), "Points");

        // Entries wrap into [0, 1), and then the rows sort lexicographically.
        Assert.Equal(3, rows.Length);
        AssertClose([0.25, 0.5], rows[0], 1e-15);
        AssertClose([0.5, 0.25, 0], rows[1], 1e-15);
        AssertClose([0.75], rows[2], 1e-15);
    }
}
