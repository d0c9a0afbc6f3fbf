using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = SymmetryDsl.Generators.Tests.Analyzers.AnalyzerTest<SymmetryDsl.Generators.Analyzers.PrimaryConstructorParameterAnalyzer>;

namespace SymmetryDsl.Generators.Tests.Analyzers;

public class PrimaryConstructorParameterTests
{
    [Fact]
    public async Task RecordClassPropertyTargetIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial record Swarm([property: {|#0:Permutation|}] double[] X, [property: {|#1:Translation(Period = 1)|}] double Phase);
            """,
            Verify.Diagnostic("SYM008").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("Permutation", "X", "Swarm", "double[]", "X"),
            Verify.Diagnostic("SYM008").WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("Translation(Period = 1)", "Phase", "Swarm", "double", "Phase"));
    }

    [Fact]
    public async Task RecordStructFieldTargetIsReported()
    {
        await Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using SymmetryDsl;

            public partial record struct Point([field: {|#0:Translation(Period = 2)|}] double U, [field: {|#1:Permutation(Group = "g")|}] List<double> Values);
            """,
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("Translation(Period = 2)", "U", "Point", "double", "U"),
            Verify.Diagnostic("SYM008").WithLocation(1).WithArguments("Permutation(Group = \"g\")", "Values", "Point", "List<double>", "Values"));
    }

    [Fact]
    public async Task RecordWithoutTargetIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial record Swarm([{|#0:Permutation|}] double[] X);
            """,
            DiagnosticResult.CompilerError("CS0592").WithLocation(0).WithArguments("Permutation", "property, indexer, field"),
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("Permutation", "X", "Swarm", "double[]", "X"));
    }

    [Fact]
    public async Task ClassPrimaryConstructorIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial class Cloud([{|#0:Permutation|}] double[] points, [property: {|#1:Translation(Period = 1)|}] double phase)
            {
                public double[] Points => points;
                public double Phase => phase;
            }
            """,
            DiagnosticResult.CompilerError("CS0592").WithLocation(0).WithArguments("Permutation", "property, indexer, field"),
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("Permutation", "points", "Cloud", "double[]", "Points"),
            Verify.Diagnostic("SYM008").WithLocation(1).WithArguments("Translation(Period = 1)", "phase", "Cloud", "double", "Phase"));
    }

    [Fact]
    public async Task StructPrimaryConstructorIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial struct Rotor([field: {|#0:Translation(Period = 1)|}] double Angle)
            {
                public double Value => Angle;
            }
            """,
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("Translation(Period = 1)", "Angle", "Rotor", "double", "Angle"));
    }

    [Fact]
    public async Task AliasedAttributeIsReported()
    {
        await Verify.VerifyAsync(
            """
            using Exchangeable = SymmetryDsl.PermutationAttribute;

            namespace Physics;

            public partial record Swarm([property: {|#0:Exchangeable|}] double[] X);
            """,
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("Exchangeable", "X", "Swarm", "double[]", "X"));
    }

    [Fact]
    public async Task NestedGenericRecordIsReported()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public static partial class Outer
            {
                public partial record Pair<T>([property: {|#0:SymmetryDsl.Permutation|}] float[] Weights, T Tag);
            }
            """,
            Verify.Diagnostic("SYM008").WithLocation(0).WithArguments("SymmetryDsl.Permutation", "Weights", "Pair", "float[]", "Weights"));
    }

    [Fact]
    public async Task MembersInBodyAreSilent()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public partial record Swarm(double[] X, double Phase)
            {
                [Permutation] public double[] X { get; set; } = X;
                [Translation(Period = 1)] public double Phase { get; set; } = Phase;
            }

            public partial class Cloud(double[] points)
            {
                [Permutation] public double[] Points = points;
            }

            public partial struct Rotor(double angle)
            {
                [Translation(Period = 1)] public double Angle { get; set; } = angle;
            }
            """);
    }

    [Fact]
    public async Task UnrelatedParameterAttributesAreSilent()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using Permutation = System.ObsoleteAttribute;

            public record Tagged([property: Obsolete] double[] X, [param: NotNull] string? Name, [property: Permutation] double Y);

            public class Holder([NotNull] object? value)
            {
                public object? Value => value;
            }

            public static class Helpers
            {
                public static double First([NotNull] double[]? values) => values![0];
            }
            """);
    }

    [Fact]
    public async Task OrdinaryMethodParameterIsLeftToCompiler()
    {
        await Verify.VerifyAsync(
            """
            using SymmetryDsl;

            public static class Helpers
            {
                public static double First([{|#0:Permutation|}] double[] values) => values[0];
            }
            """,
            DiagnosticResult.CompilerError("CS0592").WithLocation(0).WithArguments("Permutation", "property, indexer, field"));
    }

    // The analyzer tests above compare compiler errors only, so the compiler's own warning for a target it ignores on
    // a class or struct parameter is checked here.
    [Theory]
    [InlineData("public partial class Cloud([property: Permutation] double[] points) { public double[] P => points; }")]
    [InlineData("public partial struct Rotor([field: Translation(Period = 1)] double angle) { public double A => angle; }")]
    public void ClassOrStructTargetIsIgnoredByCompiler(string declaration)
    {
        var compilation = GeneratorHarness.Compile("using SymmetryDsl;\n" + declaration);

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0657");
        Assert.Single(diagnostics, d => d.Id == "SYM008");
        Assert.Empty(GeneratorHarness.Run(compilation).Sources);
    }

    [Fact]
    public void MessageShowsBodyDeclaration()
    {
        var compilation = GeneratorHarness.Compile(
            "using SymmetryDsl; public partial record Swarm([property: Translation(Period = 1)] double Phase);");

        var (diagnostics, exceptions) = AnalyzerHarness.Analyze(compilation);

        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "SYM008");
        Assert.Equal(
            "[Translation(Period = 1)] is on primary constructor parameter 'Phase' of 'Swarm', where the symmetry generator "
                + "does not read it; declare the member in the body of 'Swarm' instead, such as "
                + "'[Translation(Period = 1)] public double Phase { get; set; } = Phase;'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DescriptorHasHelpPageAndReleaseEntry()
    {
        var descriptor = DiagnosticDescriptors.AttributeOnPrimaryConstructorParameter;
        var root = SeverityConfigurationTests.FindRepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal("docs/diagnostics/SYM008.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(root, descriptor.HelpLinkUri)), descriptor.HelpLinkUri);
        Assert.Contains("SYM008 | SymmetryDsl.Usage | Error |", releases);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Same(descriptor, DiagnosticDescriptors.Find("SYM008"));
    }
}
