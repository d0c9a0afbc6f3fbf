using SymmetryDsl.Generators.Tests.Analyzers;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>
/// Runs the right-hand example of docs/diagnostics/SYM008.md: members declared in the body and initialized from
/// primary constructor parameters, in a record, a class and a struct.
/// </summary>
public class PrimaryConstructorModelTests
{
    private const string Source = """
        using SymmetryDsl;

        namespace Models;

        public partial record Swarm(double[] X, double Phase)
        {
            [Permutation] public double[] X { get; set; } = X;
            [Translation(Period = 1)] public double Phase { get; set; } = Phase;
        }

        public partial class Cloud(double[] points)
        {
            [Permutation] public double[] Points { get; set; } = points;
        }

        public partial struct Rotor(double angle)
        {
            [Translation(Period = 1)] public double Angle = angle;
        }

        public static class Probe
        {
            public static double[] Run()
            {
                var a = new Swarm([0.0, 1.0, 3.0], 0.9);
                var b = new Swarm([3.0, 0.5, 0.0], 0.1);
                var (x, phase) = a.Canonicalize();
                var shifted = a with { Phase = 1.4 };
                return
                [
                    Swarm.OrbitDistanceSquared(a, b),
                    Cloud.OrbitDistanceSquared(new Cloud([2.0, -1.0]), new Cloud([0.0, 2.0])),
                    Rotor.OrbitDistanceSquared(new Rotor(0.25), new Rotor(3.5)),
                    x[0], x[1], x[2], phase,
                    Swarm.OrbitDistanceSquared(shifted, b),
                ];
            }
        }
        """;

    [Fact]
    public void BodyMembersFromParametersMakeModels()
    {
        var values = (double[])ProbeAssembly.Call(Source, "Models.Probe", "Run")!;

        // Sorted pairing matches 0↔0, 1↔0.5 and 3↔3, so the particles add (0 + 0.25 + 0) / 3. The phases 0.9 and 0.1
        // are 0.2 apart on the circle of period 1, which adds 0.04.
        Assert.Equal((0.25 / 3) + 0.04, values[0], 1e-12);

        // Cloud: sorted −1↔0 and 2↔2 give (1 + 0) / 2.
        Assert.Equal(0.5, values[1], 1e-12);

        // Rotor: 0.25 and 3.5 are 0.25 apart on the circle of period 1.
        Assert.Equal(0.0625, values[2], 1e-12);

        // Deconstruction reads the body properties, here of the canonical representative: sorted particles and the
        // phase wrapped into [0, 1).
        Assert.Equal([0.0, 1.0, 3.0], values[3..6]);
        Assert.Equal(0.9, values[6], 1e-12);

        // A copy made with 'with' keeps the particles, and its phase 1.4 is 0.3 from 0.1 on the circle.
        Assert.Equal((0.25 / 3) + 0.09, values[7], 1e-12);
    }

    [Fact]
    public void HelpPageRightExampleGeneratesCode()
    {
        var compilation = GeneratorHarness.Compile(HelpPageExample("## Right"));

        var run = GeneratorHarness.Run(compilation);
        var (analyzerDiagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Empty(analyzerDiagnostics);
        Assert.Equal(["Cloud", "Swarm"], run.Sources.Select(s => s.HintName.Split('.')[0]).Order());
    }

    [Fact]
    public void HelpPageWrongExampleIsReported()
    {
        var compilation = GeneratorHarness.Compile(HelpPageExample("## Wrong"));

        var (analyzerDiagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        var parameters = analyzerDiagnostics.Where(d => d.Id == "SYM008").Select(d => d.GetMessage().Split('\'')[1]).Order(StringComparer.Ordinal);
        Assert.Equal(["Phase", "X", "points"], parameters);
        Assert.Empty(GeneratorHarness.Run(compilation).Sources);
    }

    [Fact]
    public void ProbeModelsHaveNoDiagnostics()
    {
        var compilation = GeneratorHarness.Compile(Source);

        var run = GeneratorHarness.Run(compilation);
        var (analyzerDiagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Empty(analyzerDiagnostics);
        Assert.Equal(3, run.Sources.Count);
    }

    // Returns the first C# block after the heading on the SYM008 help page, with the using directive it leaves out.
    private static string HelpPageExample(string heading) =>
        "using SymmetryDsl;\n" + HelpPages.FirstCSharpBlock("SYM008", heading);
}
