using SymmetryDsl.CodeGeneration;
using SymmetryDsl.Transport;
using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>Runs the generated quotient code and checks it against brute force and the definitions.</summary>
public class ExecutionTests(CompiledModels models) : IClassFixture<CompiledModels>
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> ModelNames => ["Cloud", "Floats", "Net", "Layer", "Tissue", "Torus", "Rotor"];

    private TestModel Model(string name) => TestModel.All(models).Single(m => m.Name == name);

    /// <summary>Pairs of random instances with 1 to 5 particles, three seeds each.</summary>
    private IEnumerable<(object X, object Y, Random Random)> Pairs(string name)
    {
        var model = Model(name);
        for (var seed = 0; seed < 3; seed++)
        {
            for (var n = 1; n <= 5; n++)
            {
                var random = new Random((seed * 100) + n);
                yield return (model.NewInstance(random, n), model.NewInstance(random, n), random);
            }
        }
    }

    [Fact]
    public void ModelsCompileWithoutWarnings() => Assert.True(models.Diagnostics.Count == 0, string.Join(Environment.NewLine, models.Diagnostics));

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void DistanceMatchesBruteForce(string name)
    {
        foreach (var (x, y, _) in Pairs(name))
        {
            Assert.Equal(Model(name).BruteForce(x, y), OrbitDistanceSquared(x, y), Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void DistanceIsSymmetric(string name)
    {
        foreach (var (x, y, _) in Pairs(name))
        {
            Assert.Equal(OrbitDistanceSquared(x, y), OrbitDistanceSquared(y, x), Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void AlignAttainsDistance(string name)
    {
        foreach (var (x, y, _) in Pairs(name))
        {
            var aligned = Apply(x, Align(x, y));
            Assert.Equal(OrbitDistanceSquared(x, y), FlatSquaredDistance(aligned, y), Model(name).Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void DistanceVanishesOnOrbit(string name)
    {
        foreach (var (x, _, random) in Pairs(name))
        {
            var moved = Apply(x, RandomElement(x, random));
            Assert.Equal(0, OrbitDistanceSquared(x, moved), Model(name).Tolerance);
            Assert.True((bool)CallStatic(x.GetType(), "AreEquivalent", x, moved, 1e-6)!);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void CanonicalizeIsIdempotent(string name)
    {
        foreach (var (x, _, _) in Pairs(name))
        {
            var once = Canonicalize(x);
            Assert.Equal(Coordinates(once), Coordinates(Canonicalize(once)));
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void CanonicalizeIsConstantOnOrbits(string name)
    {
        foreach (var (x, _, random) in Pairs(name))
        {
            var expected = Coordinates(Canonicalize(x));
            var actual = Coordinates(Canonicalize(Apply(x, RandomElement(x, random))));
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], Model(name).Tolerance);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void IdentityElementLeavesModelUnchanged(string name)
    {
        foreach (var (x, _, _) in Pairs(name))
        {
            var identity = IdentityElement(x);
            Assert.True((bool)Get(identity, "IsIdentity")!);
            Assert.Equal(Coordinates(x), Coordinates(Apply(x, identity)));
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ApplyLeavesSourceUnchanged(string name)
    {
        foreach (var (x, _, random) in Pairs(name))
        {
            var before = Coordinates(x);
            _ = Apply(x, RandomElement(x, random));
            _ = Canonicalize(x);
            Assert.Equal(before, Coordinates(x));
        }
    }

    [Theory]
    [InlineData("Net")]
    [InlineData("Layer")]
    [InlineData("Tissue")]
    [InlineData("Torus")]
    public void AssignmentPathAllocatesNothing(string name)
    {
        var random = new Random(21);
        var x = Model(name).NewInstance(random, 6);
        var y = Model(name).NewInstance(random, 6);

        Assert.Equal(0, MeasureAllocations(x, y));
    }

    [Fact]
    public void PlainParticlesAgreeWithWasserstein()
    {
        var type = models.Type("Sample");
        var random = new Random(7);
        for (var n = 1; n <= 40; n += 3)
        {
            var xs = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
            var ys = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
            var x = Create(type, ("Values", xs));
            var y = Create(type, ("Values", ys));

            Assert.Equal(Wasserstein.W2Squared(xs, ys), OrbitDistanceSquared(x, y), Tolerance);
        }
    }

    [Fact]
    public void MetricWeightsAreOneAndOneOverN()
    {
        var cloud = Model("Cloud").NewInstance(new Random(1), 4);
        Assert.Equal([0.25, 0.25, 0.25, 0.25, 1, 1, 1, 1, 1], Weights(cloud));

        var layer = Model("Layer").NewInstance(new Random(2), 3);
        Assert.Equal(Enumerable.Repeat(1d / 3, 9).Append(1), Weights(layer));

        var net = Model("Net").NewInstance(new Random(3), 2);
        Assert.Equal(Enumerable.Repeat(0.5, 8), Weights(net));
    }

    [Fact]
    public void CopyFromRestoresCoordinates()
    {
        var x = Model("Cloud").NewInstance(new Random(4), 3);
        var y = Model("Cloud").NewInstance(new Random(5), 3);
        var coordinates = Coordinates(y);

        InvokeWithSpan(x, "CopyFrom", coordinates);

        Assert.Equal(coordinates, Coordinates(x));
        Assert.Equal(0, FlatSquaredDistance(x, y));
    }

    [Fact]
    public void DeepCloneSharesNoArrays()
    {
        var x = Model("Net").NewInstance(new Random(6), 3);
        var clone = Call(x, "DeepClone")!;

        Assert.NotSame(Get(x, "W"), Get(clone, "W"));
        Assert.NotSame(Get(x, "A"), Get(clone, "A"));
        Assert.NotSame(Get(x, "Phases"), Get(clone, "Phases"));
        Assert.Equal(Coordinates(x), Coordinates(clone));
    }

    [Fact]
    public void DifferentParticleCountsThrow()
    {
        var x = Model("Cloud").NewInstance(new Random(8), 3);
        var y = Model("Cloud").NewInstance(new Random(9), 4);

        var error = Assert.Throws<ArgumentException>(() => OrbitDistanceSquared(x, y));
        Assert.Equal("y", error.ParamName);
        Assert.StartsWith("Member 'Points' of 'Cloud' has 3 particles in x but 4 in y.", error.Message);
    }

    [Fact]
    public void UnequalCoPermutedMembersThrow()
    {
        var x = Model("Net").NewInstance(new Random(10), 3);
        Set(x, "A", new double[2]);

        var error = Assert.Throws<ArgumentException>(() => RandomElement(x, new Random(1)));
        Assert.Equal("shape", error.ParamName);
        Assert.StartsWith("Permutation group 'hidden' of 'Net' reorders member 'W' with 3 particles together with member 'A' with 2 particles. ", error.Message);

        var ofY = Assert.Throws<ArgumentException>(() => OrbitDistanceSquared(Model("Net").NewInstance(new Random(11), 3), x));
        Assert.Equal("y", ofY.ParamName);

        var ofThis = Assert.Throws<InvalidOperationException>(() => Canonicalize(x));
        Assert.StartsWith("Permutation group 'hidden' of 'Net' reorders member 'W' with 3 particles together with member 'A' with 2 particles in this instance. ", ofThis.Message);
    }

    /// <summary>
    /// One particle above the limit of the assignment path. The check runs before the n × n cost matrix is rented,
    /// so the test needs memory only for the two particle lists.
    /// </summary>
    [Fact]
    public void TooManyParticlesThrowNamingX()
    {
        var count = GeneratedModelSupport.MaxAssignmentParticles + 1;
        object Phases() => Create(models.Type("Net"), ("W", new double[0, 0]), ("A", Array.Empty<double>()), ("Phases", new List<double>(new double[count])));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OrbitDistanceSquared(Phases(), Phases()));

        Assert.Equal("x", error.ParamName);
        Assert.Equal(count, error.ActualValue);
        Assert.StartsWith($"Permutation group 'Phases' of 'Net' has {count} particles", error.Message);
    }

    [Fact]
    public void EmptyCollectionsHaveZeroDistance()
    {
        var x = Model("Layer").NewInstance(new Random(12), 0);
        var y = Model("Layer").NewInstance(new Random(13), 0);

        Assert.Equal(Math.Pow(Get<double>(x, "Scale") - Get<double>(y, "Scale"), 2), OrbitDistanceSquared(x, y), Tolerance);
        Assert.Equal(Coordinates(x), Coordinates(Canonicalize(x)));
    }
}
