using Microsoft.CodeAnalysis;
using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.PositionalTranslationAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class PositionalTranslationTests
{
    private static string DeclareInBody(string type, string memberType, string member, string parameter) =>
        $"declare the member in the body of '{type}', such as 'public {memberType} {member} {{ get; set; }} = {parameter};'";

    private static string RemoveReadonly(string type) =>
        $"remove 'readonly' from '{type}', so that the record struct synthesizes a settable property, which the generator covers";

    [Fact]
    public async Task PositionalRecordIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record Oscillator(double {|#0:Phase|});
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("Oscillator", "Phase", DeclareInBody("Oscillator", "double", "Phase", "Phase")));
    }

    [Fact]
    public async Task OnlyCoveredTypesAreReported()
    {
        await Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using SymmetryDsl;

            [Translation(Period = 2)]
            public readonly partial record struct Lattice(
                double[] {|#0:X|}, float {|#1:W|}, float[] {|#2:F|}, int N, string S, List<double> L, double[,] Grid, double? Maybe);
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Lattice", "X", RemoveReadonly("Lattice")),
            Verify.Diagnostic("SYM010").WithLocation(1).WithArguments("Lattice", "W", RemoveReadonly("Lattice")),
            Verify.Diagnostic("SYM010").WithLocation(2).WithArguments("Lattice", "F", RemoveReadonly("Lattice")));
    }

    [Fact]
    public async Task ClassAndStructSuggestPascalCase()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial class Cloud(double[] {|#0:points|})
            {
                public double[] Copy() => (double[])points.Clone();
            }

            [SymmetryDsl.Translation(Period = 1)]
            public partial struct Rotor(float {|#1:angle|}, double Scale)
            {
                public double Scale { get; set; } = Scale;
                public float Turn => angle;
            }
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Cloud", "points", DeclareInBody("Cloud", "double[]", "Points", "points")),
            Verify.Diagnostic("SYM010").WithLocation(1).WithArguments("Rotor", "angle", DeclareInBody("Rotor", "float", "Angle", "angle")));
    }

    [Fact]
    public async Task NestedGenericRecordIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public static partial class Outer
            {
                [Translation(Period = 1)]
                public partial record Pair<T>(T Tag, double {|#0:Phase|})
                {
                    public double Offset { get; set; }
                }
            }
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Pair", "Phase", DeclareInBody("Pair", "double", "Phase", "Phase")));
    }

    [Fact]
    public async Task AttributeOnOtherPartIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial record Oscillator(double {|#0:Phase|});

            [Translation(Period = 1)]
            public partial record Oscillator;
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Oscillator", "Phase", DeclareInBody("Oscillator", "double", "Phase", "Phase")));
    }

    [Fact]
    public void HelpPageExamplesBehaveAsDescribed()
    {
        const string wrong = """
            using System;
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record Oscillator(double Phase);

            [Translation(Period = 2 * Math.PI)]
            public partial class Rotor(double angle)
            {
                public double Turns => angle / (2 * Math.PI);
            }
            """;
        const string right = """
            using System;
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record Oscillator(double Phase)
            {
                public double Phase { get; set; } = Phase;
            }

            [Translation(Period = 2 * Math.PI)]
            public partial class Rotor(double angle)
            {
                public double Angle { get; set; } = angle;
                public double Turns => Angle / (2 * Math.PI);
            }
            """;

        var (wrongDiagnostics, wrongExceptions) = AnalyzerHarness.Analyze(GeneratorHarness.Compile(wrong));
        var rightCompilation = GeneratorHarness.Compile(right);
        var (rightDiagnostics, rightExceptions) = AnalyzerHarness.Analyze(rightCompilation);
        var rightSources = GeneratorHarness.Run(rightCompilation).Sources.Select(s => s.SourceText.ToString()).ToList();

        Assert.Empty(wrongExceptions);
        Assert.Empty(rightExceptions);
        Assert.Equal(["Phase", "angle"], wrongDiagnostics.Where(d => d.Id == "SYM010").Select(d => d.GetMessage().Split('\'')[3]));
        Assert.DoesNotContain(rightDiagnostics, d => d.Id.StartsWith("SYM", StringComparison.Ordinal));
        Assert.Contains(rightSources, text => text.Contains("this.Phase = source[offset++];", StringComparison.Ordinal));
        Assert.Contains(rightSources, text => text.Contains("this.Angle = source[offset++];", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MembersInBodyAreSilent()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record Oscillator(double Phase, double[] X)
            {
                public double Phase { get; set; } = Phase;
                public double[] X = X;
            }

            [Translation(Period = 1)]
            public partial class Cloud(double[] points)
            {
                public double[] Points { get; set; } = points;
            }

            [Translation(Period = 1)]
            public partial record Split(double Phase);

            public partial record Split
            {
                public double Phase { get; set; } = Phase;
            }
            """);
    }

    // A parameter read only in member initializers is not captured, so the members hold all of its value.
    [Fact]
    public async Task ParameterOnlyInInitializersIsSilent()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial class Rotor(double turns)
            {
                public double Phase { get; set; } = turns - Math.Floor(turns);
                public double Doubled = 2 * turns, Tripled = 3 * turns;
            }

            [Translation(Period = 1)]
            public partial struct Swarm(float[] start)
            {
                public float[] Positions { get; set; } = Array.ConvertAll(start, value => value + 0.5f);
            }
            """);
    }

    [Fact]
    public async Task ParameterCapturedBesideInitializerIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial class Rotor(double {|#0:turns|}, double {|#1:unused|})
            {
                public double Phase { get; set; } = turns;
                public double Start() => turns;
                public double Shadow(double turns) => turns;
            }
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Rotor", "turns", DeclareInBody("Rotor", "double", "Turns", "turns")),
            Verify.Diagnostic("SYM010").WithLocation(1).WithArguments("Rotor", "unused", DeclareInBody("Rotor", "double", "Unused", "unused")));
    }

    // A record synthesizes a property from the parameter beside the renamed member, and that property is left out.
    [Fact]
    public async Task RecordWithRenamedMemberIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record Rotor(double {|#0:Turns|})
            {
                public double Phase { get; set; } = Turns;
            }
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments("Rotor", "Turns", DeclareInBody("Rotor", "double", "Turns", "Turns")));
    }

    [Fact]
    public void InitializedMemberGetsCoordinates()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; [Translation(Period = 1)] public partial class Rotor(double turns) { public double Phase = turns; }");

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);
        var source = Assert.Single(GeneratorHarness.Run(compilation).Sources);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SYM010");
        Assert.Contains("this.Phase = source[offset++];", source.SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bturns\b", source.SourceText.ToString());
    }

    // A readonly struct cannot hold a settable member, so the suggested body member alone would not compile there.
    [Fact]
    public async Task ReadonlyStructSuggestsRemovingReadonly()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public readonly partial struct Gauge(double {|#0:level|})
            {
                public double Reading => level;
            }
            """,
            Verify.Diagnostic("SYM010").WithLocation(0).WithArguments(
                "Gauge",
                "level",
                "remove 'readonly' from 'Gauge', because a readonly struct cannot have settable members, and declare the "
                    + "member in the body, such as 'public double Level { get; set; } = level;'"));
    }

    // The properties of a record struct that is not readonly have set accessors, and the generator covers them.
    [Fact]
    public async Task MutableRecordStructIsSilent()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial record struct Point(double U, float[] V);
            """);
    }

    [Fact]
    public void MutableRecordStructGetsCoordinates()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; [Translation(Period = 1)] public partial record struct Point(double U);");

        var source = Assert.Single(GeneratorHarness.Run(compilation).Sources);

        Assert.Contains("this.U = source[offset++];", source.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypesWithoutTranslationAreSilent()
    {
        await Verify.VerifyAsync(
            """
            using Translation = System.ObsoleteAttribute;

            public record Plain(double Phase);

            [Translation]
            public record Lookalike(double Phase);

            public partial record Swarm(double Phase)
            {
                [SymmetryDsl.Permutation] public double[] X { get; set; } = [];
            }
            """);
    }

    // SYM008 already reports a symmetry attribute on the parameter itself.
    [Fact]
    public async Task AttributedParameterIsLeftToSym008()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            [Translation(Period = 1)]
            public partial class Oscillator([property: Translation(Period = 2)] double phase, [field: Permutation] double[] x)
            {
                public double Sum => phase + x[0];
            }
            """);
    }

    // The premise of SYM010: the generated model code never reads the positional parameter.
    [Fact]
    public void GeneratedModelOmitsParameter()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; [Translation(Period = 1)] public partial record Oscillator(double Phase);");

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == "SYM010");
        var source = Assert.Single(GeneratorHarness.Run(compilation).Sources);
        Assert.DoesNotMatch(@"\bPhase\b", source.SourceText.ToString());
    }

    [Theory]
    [InlineData("[Translation(Period = 1)] public partial record R(double Phase", 1)]
    [InlineData("[Translation(Period = 1)] public partial record R(double );", 0)]
    [InlineData("[Translation(Period = 1)] public partial record R(double Phase, );", 1)]
    [InlineData("[Translation(Period = )] public partial record R(double Phase);", 1)]
    [InlineData("[Translation(Period = 1)] public partial record R(Missing Phase);", 0)]
    [InlineData("[Translation(Period = 1)] public partial record R(ref double Phase);", 0)]
    [InlineData("[Translation(Period = 1)] public partial record R();", 0)]
    [InlineData("[Translation(Period = 1)] public partial interface I(double Phase);", 0)]
    public void HalfTypedInputDoesNotThrow(string declaration, int expected)
    {
        var compilation = GeneratorHarness.Compile("using SymmetryDsl;\n" + declaration);

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Equal(expected, diagnostics.Count(d => d.Id == "SYM010"));
    }

    [Fact]
    public void MessageNamesParameterAndFix()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; [Translation(Period = 1)] public partial record Oscillator(double Phase);");

        var (diagnostics, _) = AnalyzerHarness.Analyze(compilation);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "SYM010");
        Assert.Equal(
            "The [Translation] on 'Oscillator' does not cover primary constructor parameter 'Phase', because the symmetry "
                + "generator reads only members declared in the body; declare the member in the body of 'Oscillator', "
                + "such as 'public double Phase { get; set; } = Phase;'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DescriptorHasHelpPageAndReleaseEntry()
    {
        var descriptor = DiagnosticDescriptors.TranslationMissesPrimaryConstructorParameter;
        var root = SeverityConfigurationTests.FindRepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal("docs/diagnostics/SYM010.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(root, descriptor.HelpLinkUri)), descriptor.HelpLinkUri);
        Assert.Contains("SYM010 | SymmetryDsl.Usage | Warning |", releases);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Same(descriptor, DiagnosticDescriptors.Find("SYM010"));
    }
}
