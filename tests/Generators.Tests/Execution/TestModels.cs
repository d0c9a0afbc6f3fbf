using static SymmetryDsl.Generators.Tests.Execution.ModelAccess;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// For each compiled model: a random instance with n particles, and the squared quotient distance computed by
/// brute force, trying every permutation and every shift in [−8, 8]. Coordinates lie in [−3, 3] and periods
/// are at least 1, so that range contains the optimal shift. The distance is a sum of independent terms, so
/// trying the shifts entry by entry covers every group element.
/// </summary>
internal sealed record TestModel(string Name, Func<Random, int, object> NewInstance, Func<object, object, double> BruteForce)
{
    /// <summary>Absolute tolerance of comparisons: single-precision members round x + kP to float.</summary>
    public double Tolerance => Name is "Floats" or "Rotor" ? 1e-5 : 1e-9;

    public override string ToString() => Name;

    private static double Uniform(Random random) => (random.NextDouble() * 6) - 3;

    private static double[] Uniforms(Random random, int count) => Enumerable.Range(0, count).Select(_ => Uniform(random)).ToArray();

    private static double Square(double value) => value * value;

    /// <summary>Returns n particles of a model type with two random <c>Weights</c> and a <c>Bias</c> of period 1.</summary>
    private static Array RandomParticles(Type particleType, Random random, int n)
    {
        var particles = Array.CreateInstance(particleType, n);
        for (var i = 0; i < n; i++)
        {
            particles.SetValue(Create(particleType, ("Weights", Uniforms(random, 2)), ("Bias", Uniform(random))), i);
        }

        return particles;
    }

    /// <summary>Returns the brute-force squared quotient distance between two arrays of particles made by <see cref="RandomParticles"/>.</summary>
    private static double ParticleAssignment(Array xs, Array ys)
    {
        double Cost(int i, int j)
        {
            var a = xs.GetValue(i)!;
            var b = ys.GetValue(j)!;
            var wa = Get<double[]>(a, "Weights");
            var wb = Get<double[]>(b, "Weights");
            return Square(wa[0] - wb[0]) + Square(wa[1] - wb[1]) + CircleSquared(Get<double>(a, "Bias"), Get<double>(b, "Bias"), 1);
        }

        return BruteForceAssignment(xs.Length, Cost);
    }

    public static TestModel Cloud(CompiledModels models) => new(
        "Cloud",
        (random, n) => Create(
            models.Type("Cloud"),
            ("Points", Uniforms(random, n)),
            ("Phase", Uniform(random)),
            ("Bias", Uniform(random)),
            ("Angles", Uniforms(random, 3))),
        (x, y) =>
        {
            var xp = Get<double[]>(x, "Points");
            var yp = Get<double[]>(y, "Points");
            var xa = Get<double[]>(x, "Angles");
            var ya = Get<double[]>(y, "Angles");
            return BruteForceAssignment(xp.Length, (i, j) => Square(xp[i] - yp[j]))
                + CircleSquared(Get<double>(x, "Phase"), Get<double>(y, "Phase"), 1)
                + Square(Get<double>(x, "Bias") - Get<double>(y, "Bias"))
                + xa.Select((value, j) => CircleSquared(value, ya[j], 2)).Sum();
        });

    public static TestModel Floats(CompiledModels models) => new(
        "Floats",
        (random, n) => Create(
            models.Type("Floats"),
            ("Values", Uniforms(random, n).Select(v => (float)v).ToList()),
            ("Phase", (float)Uniform(random))),
        (x, y) =>
        {
            var xv = Get<List<float>>(x, "Values");
            var yv = Get<List<float>>(y, "Values");
            return BruteForceAssignment(xv.Count, (i, j) => Square((double)xv[i] - yv[j]))
                + CircleSquared(Get<float>(x, "Phase"), Get<float>(y, "Phase"), 1);
        });

    public static TestModel Net(CompiledModels models) => new(
        "Net",
        (random, n) =>
        {
            var w = new double[n, 2];
            for (var i = 0; i < n; i++)
            {
                w[i, 0] = Uniform(random);
                w[i, 1] = Uniform(random);
            }

            return Create(models.Type("Net"), ("W", w), ("A", Uniforms(random, n)), ("Phases", Uniforms(random, n).ToList()));
        },
        (x, y) =>
        {
            var xw = Get<double[,]>(x, "W");
            var yw = Get<double[,]>(y, "W");
            var xa = Get<double[]>(x, "A");
            var ya = Get<double[]>(y, "A");
            var xp = Get<List<double>>(x, "Phases");
            var yp = Get<List<double>>(y, "Phases");
            var hidden = BruteForceAssignment(
                xa.Length,
                (i, j) => Square(xw[i, 0] - yw[j, 0]) + Square(xw[i, 1] - yw[j, 1]) + Square(xa[i] - ya[j]));
            return hidden + BruteForceAssignment(xp.Count, (i, j) => CircleSquared(xp[i], yp[j], 1));
        });

    public static TestModel Layer(CompiledModels models) => new(
        "Layer",
        (random, n) => Create(
            models.Type("Layer"),
            ("Neurons", RandomParticles(models.Type("Neuron"), random, n)),
            ("Scale", Uniform(random))),
        (x, y) => ParticleAssignment((Array)Get(x, "Neurons")!, (Array)Get(y, "Neurons")!)
            + Square(Get<double>(x, "Scale") - Get<double>(y, "Scale")));

    public static TestModel Tissue(CompiledModels models) => new(
        "Tissue",
        (random, n) => Create(models.Type("Tissue"), ("Cells", RandomParticles(models.Type("Cell"), random, n))),
        (x, y) => ParticleAssignment((Array)Get(x, "Cells")!, (Array)Get(y, "Cells")!));

    public static TestModel Torus(CompiledModels models) => new(
        "Torus",
        (random, n) => Create(models.Type("Torus"), ("Points", Enumerable.Range(0, n).Select(_ => Uniforms(random, 2)).ToArray())),
        (x, y) =>
        {
            var xp = Get<double[][]>(x, "Points");
            var yp = Get<double[][]>(y, "Points");
            return BruteForceAssignment(xp.Length, (i, j) => CircleSquared(xp[i][0], yp[j][0], 1) + CircleSquared(xp[i][1], yp[j][1], 1));
        });

    public static TestModel Rotor(CompiledModels models) => new(
        "Rotor",
        (random, n) => Create(
            models.Type("Rotor"),
            ("Angle", Uniform(random)),
            ("Phases", Uniforms(random, 2)),
            ("Spins", Uniforms(random, n).Select(v => (float)v).ToArray())),
        (x, y) =>
        {
            var xp = Get<double[]>(x, "Phases");
            var yp = Get<double[]>(y, "Phases");
            var xs = Get<float[]>(x, "Spins");
            var ys = Get<float[]>(y, "Spins");
            return CircleSquared(Get<double>(x, "Angle"), Get<double>(y, "Angle"), 1)
                + CircleSquared(xp[0], yp[0], 1)
                + CircleSquared(xp[1], yp[1], 1)
                + BruteForceAssignment(xs.Length, (i, j) => CircleSquared(xs[i], ys[j], 1));
        });

    public static IEnumerable<TestModel> All(CompiledModels models) =>
        [Cloud(models), Floats(models), Net(models), Layer(models), Tissue(models), Torus(models), Rotor(models)];
}
