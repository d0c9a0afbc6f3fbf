using SymmetryDsl.Generators.Tests.Execution;

namespace SymmetryDsl.Generators.Tests;

public class TranslationReadOnlyMemberTests
{
    [Theory]
    [InlineData("public partial class", "public double Phase { get; init; }", "Phase", "init-only", "give 'Phase' a set accessor")]
    [InlineData("public partial class", "public double Phase { get; }", "Phase", "read-only (it has no setter)", "give 'Phase' a set accessor")]
    [InlineData("public partial class", "public readonly double[] Angles = [];", "Angles", "read-only", "remove 'readonly' from 'Angles'")]
    [InlineData("public partial record", "public float Gain { get; init; }", "Gain", "init-only", "give 'Gain' a set accessor")]
    [InlineData(
        "public readonly partial struct",
        "public double Phase { get; init; }",
        "Phase",
        "init-only",
        "remove 'readonly' from 'Model', because a readonly struct cannot have settable members, and give 'Phase' a set accessor")]
    [InlineData(
        "public readonly partial struct",
        "public readonly float Level;",
        "Level",
        "read-only",
        "remove 'readonly' from 'Model', because a readonly struct cannot have settable members, and remove 'readonly' from 'Level'")]
    public void ReadOnlyCoveredMemberReportsSym012(string declaration, string member, string name, string reason, string remedy)
    {
        var run = GeneratorHarness.Run($$"""
            using SymmetryDsl;
            [Translation(Period = 1)]
            {{declaration}} Model
            {
                {{member}}
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SYM012");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(
            $"The [Translation] on 'Model' does not cover member '{name}', because it is {reason} and the generated group "
                + $"action assigns members on a copy of the model; {remedy}",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(name, run.Input.SyntaxTrees[0].GetRoot().FindToken(diagnostic.Location.SourceSpan.Start).ValueText);
    }

    [Theory]
    [InlineData("[Translation(Period = 1)] public partial class Model { public double Phase { get; set; } public double Turns => Phase / 2; }")]
    [InlineData("[Translation(Period = 1)] public partial class Model { public double Phase; public static readonly double Scale = 2; public const double Unit = 1; }")]
    [InlineData("[Translation(Period = 1)] public partial record Model(double Phase);")]
    [InlineData("[Translation(Period = 1)] public partial class Model { public double Phase; public readonly int Count; public string Name { get; } = \"\"; }")]
    [InlineData("public partial class Model { [Translation(Period = 1)] public double Phase; public readonly double Offset; }")]
    public void SettableComputedOrOtherMembersAreSilent(string declaration)
    {
        var run = GeneratorHarness.Run("using SymmetryDsl;\n" + declaration);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM012");
    }

    // An attributed read-only member is an error that SYM005 already reports.
    [Fact]
    public void AttributedReadOnlyMemberIsLeftToSym005()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            [Translation(Period = 1)]
            public partial class Model { [Translation(Period = 2)] public double Phase { get; init; } }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "SYM005");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM012");
    }

    [Fact]
    public void HelpPageExamplesBehaveAsDescribed()
    {
        var wrong = GeneratorHarness.Run("using SymmetryDsl;\n" + HelpPageExample("## Wrong"));
        var right = GeneratorHarness.Run("using SymmetryDsl;\n" + HelpPageExample("## Right"));

        Assert.Equal(
            ["Phase", "Offset", "Angle"],
            wrong.GeneratorDiagnostics.Where(d => d.Id == "SYM012").Select(d => d.GetMessage().Split('\'')[3]));
        Assert.DoesNotContain(right.GeneratorDiagnostics, d => d.Id.StartsWith("SYM", StringComparison.Ordinal));
    }

    // The right example's members are coordinates. The phases are 0.2 apart on the circle of period 1 and the offsets
    // 0.3 apart, and the dial's angles are 0.5 apart on the circle of period 2.
    [Fact]
    public void HelpPageRightExampleHasCoordinates()
    {
        var values = (double[])ProbeAssembly.Call(
            "using SymmetryDsl;\n" + HelpPageExample("## Right") + """

                public static class Probe
                {
                    public static double[] Run() =>
                    [
                        Oscillator.OrbitDistanceSquared(new Oscillator { Phase = 0.9, Offset = 0.1 }, new Oscillator { Phase = 0.1, Offset = 0.4 }),
                        Dial.OrbitDistanceSquared(new Dial { Angle = 0.25 }, new Dial { Angle = 3.75 }),
                    ];
                }
                """,
            "Probe",
            "Run")!;

        Assert.Equal(0.04 + 0.09, values[0], 1e-12);
        Assert.Equal(0.25, values[1], 1e-12);
    }

    private static string HelpPageExample(string heading) => HelpPages.FirstCSharpBlock("SYM012", heading);
}
