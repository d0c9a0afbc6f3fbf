using Microsoft.CodeAnalysis;
using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.BackingFieldTargetAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class BackingFieldTargetTests
{
    [Fact]
    public async Task AutoPropertyFieldTargetIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial class Swarm
            {
                [field: {|#0:Permutation|}] public double[] X { get; set; } = [];
                [field: {|#1:Translation(Period = 1)|}] public double Phase { get; set; }
            }
            """,
            Verify.Diagnostic("SYM009").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("Permutation", "X", "Swarm"),
            Verify.Diagnostic("SYM009").WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("Translation(Period = 1)", "Phase", "Swarm"));
    }

    [Fact]
    public async Task PropertyWithoutBackingFieldIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial struct Rotor
            {
                private double angle;

                [field: {|#0:Translation(Period = 2)|}] public double Angle { get => angle; set => angle = value; }
            }
            """,
            Verify.Diagnostic("SYM009").WithLocation(0).WithArguments("Translation(Period = 2)", "Angle", "Rotor"));
    }

    [Fact]
    public async Task RecordBodyAndAliasAreReported()
    {
        await Verify.VerifyAsync(
            """
            using Exchangeable = SymmetryDsl.PermutationAttribute;

            public static partial class Outer
            {
                public partial record Pair<T>(T Tag)
                {
                    [field: {|#0:Exchangeable(Group = "g")|}] public float[] Weights { get; set; } = [];
                    [field: {|#1:SymmetryDsl.Permutation(Group = "g")|}] public float[] Charges { get; set; } = [];
                }
            }
            """,
            Verify.Diagnostic("SYM009").WithLocation(0).WithArguments("Exchangeable(Group = \"g\")", "Weights", "Pair"),
            Verify.Diagnostic("SYM009").WithLocation(1).WithArguments("SymmetryDsl.Permutation(Group = \"g\")", "Charges", "Pair"));
    }

    [Fact]
    public async Task OtherPlacementsAreSilent()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using SymmetryDsl;

            public partial class Swarm
            {
                [Permutation] public double[] X { get; set; } = [];
                [property: Translation(Period = 1)] public double Phase { get; set; }
                [field: Permutation(Group = "w")] public double[] Weights = [];
                [Translation(Period = 1)] public double Offset;
                [field: NonSerialized] private double cache;
                public double Cache { get => cache; set => cache = value; }
            }

            public class Tagged
            {
                [field: Obsolete] public double Value { get; set; }
            }
            """);
    }

    [Fact]
    public async Task LookalikeAttributeIsSilent()
    {
        await Verify.VerifyAsync(
            """
            using Permutation = System.ObsoleteAttribute;

            public class Tagged
            {
                [field: Permutation] public double[] X { get; set; } = [];
            }
            """);
    }

    // The premise of SYM009: a property whose only symmetry attribute sits on its backing field yields no model code.
    [Fact]
    public void GeneratorIgnoresFieldTarget()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; public partial class Swarm { [field: Permutation] public double[] X { get; set; } = []; }");

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == "SYM009");
        Assert.Empty(GeneratorHarness.Run(compilation).Sources);
    }

    [Theory]
    [InlineData("public partial class Swarm { [field: Permutation] public double[] X { get; set; ", 1)]
    [InlineData("public partial class Swarm { [field: Permutation] public double[] { get; set; } }", 0)]
    [InlineData("public partial class Swarm { [field: Permutation(] public double[] X { get; set; } }", 1)]
    [InlineData("public partial class Swarm { [field: Permutation] }", 0)]
    [InlineData("public partial class Swarm { [field: ] public double[] X { get; set; } }", 0)]
    [InlineData("[field: Permutation] public double[] X { get; set; }", 0)]
    public void HalfTypedInputDoesNotThrow(string declaration, int expected)
    {
        var compilation = GeneratorHarness.Compile("using SymmetryDsl;\n" + declaration);

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Equal(expected, diagnostics.Count(d => d.Id == "SYM009"));
    }

    [Fact]
    public void MessageNamesPropertyAndFix()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; public partial class Swarm { [field: Permutation] public double[] X { get; set; } = []; }");

        var (diagnostics, _) = AnalyzerHarness.Analyze(compilation);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "SYM009");
        Assert.Equal(
            "[field: Permutation] on property 'X' of 'Swarm' goes to the compiler's backing field, where the symmetry "
                + "generator does not read it; remove the 'field:' target so that the attribute is on the property",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DescriptorHasHelpPageAndReleaseEntry()
    {
        var descriptor = DiagnosticDescriptors.AttributeOnBackingField;
        var root = SeverityConfigurationTests.FindRepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal("docs/diagnostics/SYM009.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(root, descriptor.HelpLinkUri)), descriptor.HelpLinkUri);
        Assert.Contains("SYM009 | SymmetryDsl.Usage | Error |", releases);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Same(descriptor, DiagnosticDescriptors.Find("SYM009"));
    }
}
