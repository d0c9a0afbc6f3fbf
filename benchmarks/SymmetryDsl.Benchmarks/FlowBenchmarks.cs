using BenchmarkDotNet.Attributes;
using SymmetryDsl.Flows;

namespace SymmetryDsl.Benchmarks;

/// <summary>
/// Cost of one integrator step on its own, with the trivial gradient ∇L = θ, against <see cref="HandWrittenFlow"/>,
/// plain loops doing the same arithmetic: the same stages, gradient copies, energy-free divergence check and norms.
/// </summary>
/// <remarks>
/// The step h = 1e-6 keeps θ far from subnormal numbers over every iteration BenchmarkDotNet runs. The adaptive
/// method runs with loose tolerances and its maximum step at h, so every attempt is accepted at the same size as
/// the hand-written loop's.
/// </remarks>
[MemoryDiagnoser]
public class FlowBenchmarks
{
    private const double StepSize = 1e-6;

    private FlowIntegrator flow = null!;
    private HandWrittenFlow handWritten = null!;

    /// <summary>Number N of flat coordinates.</summary>
    [Params(100_000, 1_000_000)]
    public int Parameters { get; set; }

    /// <summary>Integrator under test.</summary>
    [Params(FlowMethod.Euler, FlowMethod.Heun, FlowMethod.RungeKutta4, FlowMethod.DormandPrince45)]
    public FlowMethod Integrator { get; set; }

    /// <summary>Builds both integrators at the same random state with metric weights 1 and 1/2.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var initial = new double[Parameters];
        var weights = new double[Parameters];
        for (int i = 0; i < Parameters; i++)
        {
            initial[i] = random.NextDouble() * 2 - 1;
            weights[i] = i % 2 == 0 ? 1 : 0.5;
        }

        var options = new FlowOptions
        {
            Method = Integrator,
            StepSize = StepSize,
            EndTime = double.MaxValue,
            MaxStep = StepSize,
            RelativeTolerance = 1,
            AbsoluteTolerance = 1,
        };

        flow = new FlowIntegrator(new CoordinateGradientSource(IdentityGradient), options, weights);
        flow.Start(initial, time: 0);
        handWritten = new HandWrittenFlow(Integrator, initial, weights, StepSize);
    }

    /// <summary>One step of plain loops doing the integrator's arithmetic.</summary>
    [Benchmark(Baseline = true)]
    public double HandWrittenStep() => handWritten.Step();

    /// <summary>One step of the library's integrator.</summary>
    [Benchmark]
    public double IntegratorStep()
    {
        flow.Step(double.MaxValue);
        return flow.GradientNorm;
    }

    private static double IdentityGradient(ReadOnlySpan<double> coordinates, Span<double> gradient)
    {
        coordinates.CopyTo(gradient);
        return 0;
    }
}
