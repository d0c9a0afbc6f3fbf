using SymmetryDsl.Generators.Tests.Execution;

namespace SymmetryDsl.Generators.Tests;

public class ModelMemberWithoutPermutationTests
{
    private const string Neuron = """
        using System.Collections.Generic;
        using SymmetryDsl;

        public partial class Neuron
        {
            [Translation(Period = 1)] public double Phase;
            public double Weight;
        }

        [Translation(Period = 2)]
        public partial struct Spin { public double Angle; }

        """;

    [Theory]
    [InlineData("public Neuron Readout = new();", "Readout", "Neuron", "Neuron")]
    [InlineData("public Neuron? Readout { get; set; }", "Readout", "Neuron?", "Neuron")]
    [InlineData("public Neuron[] Hidden = [];", "Hidden", "Neuron[]", "Neuron")]
    [InlineData("public List<Neuron> Hidden { get; set; } = [];", "Hidden", "List<Neuron>", "Neuron")]
    [InlineData("public Spin? Orientation;", "Orientation", "Spin?", "Spin")]
    [InlineData("public readonly Spin Fixed;", "Fixed", "Spin", "Spin")]
    [InlineData("public Neuron Template { get; } = new();", "Template", "Neuron", "Neuron")]
    [InlineData("public Neuron[,] Grid = new Neuron[0, 0];", "Grid", "Neuron[,]", "Neuron")]
    [InlineData("public Neuron[][] Layers = [];", "Layers", "Neuron[][]", "Neuron")]
    [InlineData("public Dictionary<string, Neuron> ByName = new();", "ByName", "Dictionary<string, Neuron>", "Neuron")]
    [InlineData("public IReadOnlyList<Neuron> View { get; set; } = [];", "View", "IReadOnlyList<Neuron>", "Neuron")]
    [InlineData("public (Neuron Head, double Gain) Pair;", "Pair", "(Neuron Head, double Gain)", "Neuron")]
    public void UnmarkedModelMemberReportsSym011(string declaration, string member, string type, string model)
    {
        var run = GeneratorHarness.Run(Neuron + $$"""
            public partial class Network
            {
                {{declaration}}
                [Permutation] public double[] Biases = [];
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SYM011");
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var phrase = type.TrimEnd('?') == model
            ? $"Member '{member}' of 'Network' has model type '{type}', but"
            : $"Member '{member}' of 'Network' has type '{type}', which contains model type '{model}', but";
        Assert.StartsWith(phrase, message, StringComparison.Ordinal);
        Assert.Contains($"The group of '{model}' does not act on it", message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(member, run.Input.SyntaxTrees[0].GetRoot().FindToken(diagnostic.Location.SourceSpan.Start).ValueText);

        // The warning leaves the rest of the model intact.
        var source = run.Source("Network.g.cs");
        Assert.Contains("Biases", source, StringComparison.Ordinal);
        Assert.DoesNotContain(member, source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Permutation] public Neuron[] Hidden = [];")]
    [InlineData("[Permutation] public List<Neuron> Hidden { get; set; } = [];")]
    [InlineData("public static Neuron Shared = new();")]
    [InlineData("public Neuron Current => new();")]
    [InlineData("public System.Func<Neuron, double> Score = n => n.Weight;")]
    [InlineData("public string Name = \"\";")]
    public void CoveredOrNonModelMemberIsSilent(string declaration)
    {
        var run = GeneratorHarness.Run(Neuron + $$"""
            public partial class Network
            {
                {{declaration}}
                [Permutation] public double[] Biases = [];
            }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM011");
    }

    // A property with accessor bodies stores its value in a field, and only that field is reported.
    [Fact]
    public void PropertyOverFieldReportsOnce()
    {
        var run = GeneratorHarness.Run(Neuron + """
            public partial class Network
            {
                private Neuron leader = new();
                public Neuron Leader { get => leader; set => leader = value; }
                [Permutation] public double[] Biases = [];
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SYM011");
        Assert.StartsWith("Member 'leader' of 'Network'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // [Permutation] on a single model is an unsupported member type, which SYM003 already reports.
    [Fact]
    public void PermutationOnSingleModelIsLeftToSym003()
    {
        var run = GeneratorHarness.Run(Neuron + """
            public partial class Network { [Permutation] public Neuron Readout = new(); }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "SYM003");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM011");
    }

    [Fact]
    public void HelpPageExamplesBehaveAsDescribed()
    {
        var wrong = GeneratorHarness.Run(HelpPageExample("## Wrong"));
        var right = GeneratorHarness.Run(HelpPageExample("## Right"));

        Assert.Equal(
            ["Readout", "Hidden"],
            wrong.GeneratorDiagnostics.Where(d => d.Id == "SYM011").Select(d => d.GetMessage().Split('\'')[1]));
        Assert.DoesNotContain(right.GeneratorDiagnostics, d => d.Id.StartsWith("SYM", StringComparison.Ordinal));
    }

    // One particle admits only the identity permutation, so a one-element collection adds exactly the inner model's
    // distance, coordinates and metric weights.
    [Fact]
    public void OneElementCollectionActsAsSingleModel()
    {
        var values = (double[])ProbeAssembly.Call(
            HelpPageExample("## Right") + """

                public static class Probe
                {
                    public static double[] Run()
                    {
                        var x = new Network { Readout = [new Neuron { Phase = 0.9, Weight = 1.0 }] };
                        var y = new Network { Readout = [new Neuron { Phase = 0.1, Weight = 3.0 }] };
                        var weights = new double[x.ParameterCount];
                        x.GetMetricWeights(weights);
                        var canonical = x.Apply(Network.Align(x, y));
                        return
                        [
                            Network.OrbitDistanceSquared(x, y),
                            Neuron.OrbitDistanceSquared(x.Readout[0], y.Readout[0]),
                            x.ParameterCount,
                            weights[0],
                            weights[1],
                            canonical.Readout[0].Phase,
                        ];
                    }
                }
                """,
            "Probe",
            "Run")!;

        // The phases 0.9 and 0.1 are 0.2 apart on the circle of period 1, and the weights differ by 2.
        Assert.Equal(0.04 + 4.0, values[0], 1e-12);
        Assert.Equal(values[1], values[0], 1e-12);
        Assert.Equal(2.0, values[2]);
        Assert.Equal(1.0, values[3]);
        Assert.Equal(1.0, values[4]);

        // Aligning x to y shifts the phase 0.9 by −1, to the representative nearest to 0.1.
        Assert.Equal(-0.1, values[5], 1e-12);
    }

    private static string HelpPageExample(string heading)
    {
        var code = HelpPages.FirstCSharpBlock("SYM011", heading);

        // The right example reuses the Neuron declared in the wrong example.
        var page = HelpPages.Page("SYM011");
        var neuron = page[page.IndexOf("public partial class Neuron", StringComparison.Ordinal)..];
        neuron = neuron[..(neuron.IndexOf("}", StringComparison.Ordinal) + 1)];
        return "using SymmetryDsl;\n" + (code.Contains("class Neuron", StringComparison.Ordinal) ? code : neuron + "\n" + code);
    }
}
