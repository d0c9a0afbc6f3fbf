using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators.Tests;

public class DiagnosticTests
{
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.Single(matching);
        return matching[0];
    }

    // PartialModelAnalyzer reports SYM001 (see PartialModelTests), so the generator only skips these types.
    [Theory]
    [InlineData("public class Model { [Permutation] public double[] X = []; }")]
    [InlineData("public class Outer { public partial class Model { [Permutation] public double[] X = []; } }")]
    [InlineData("[Translation(Period = 1)] public struct Model { public double U; }")]
    public void TypeNotPartialIsSkippedSilently(string declaration)
    {
        var run = GeneratorHarness.Run("using SymmetryDsl;\n" + declaration);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SYM001");
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("Period = 0", "0")]
    [InlineData("Period = -1", "-1")]
    [InlineData("Period = double.NaN", "NaN")]
    [InlineData("Period = double.PositiveInfinity", "Infinity")]
    [InlineData("", "not set")]
    public void InvalidPeriodReportsSym002(string argument, string shown)
    {
        var run = GeneratorHarness.Run($$"""
            using SymmetryDsl;
            public partial class Model { [Translation({{argument}})] public double Phase; }
            """);

        var diagnostic = Single(run, "SYM002");
        Assert.Contains("'Phase'", diagnostic.GetMessage());
        Assert.Contains(shown, diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void InvalidTypePeriodReportsSym002()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            [Translation(Period = -2)] public partial class Model { public double Phase; }
            """);

        Assert.Contains("'Model'", Single(run, "SYM002").GetMessage());
    }

    [Theory]
    [InlineData("[Permutation] public int[] X = [];", "int[]")]
    [InlineData("[Permutation] public double X;", "double")]
    [InlineData("[Permutation] public string[] X = [];", "string[]")]
    [InlineData("[Permutation] public double[,,] X = new double[0, 0, 0];", "double[,,]")]
    [InlineData("[Translation(Period = 1)] public decimal X;", "decimal")]
    [InlineData("[Translation(Period = 1)] public double[,] X = new double[0, 0];", "double[,]")]
    [InlineData("[Permutation, Translation(Period = 1)] public Inner[] X = [];", "Inner[]")]
    public void UnsupportedMemberTypeReportsSym003(string member, string typeName)
    {
        var run = GeneratorHarness.Run($$"""
            using SymmetryDsl;
            public partial class Inner { [Translation(Period = 1)] public double P; }
            public partial class Model { {{member}} }
            """);

        var diagnostic = Single(run, "SYM003");
        Assert.Contains("'X'", diagnostic.GetMessage());
        Assert.True(diagnostic.GetMessage().Contains($"of type '{typeName}'"), diagnostic.GetMessage());
        Assert.Contains("supported types are", diagnostic.GetMessage());
        Assert.DoesNotContain(run.Sources, s => s.HintName == "Model.g.cs");
    }

    [Fact]
    public void MixedGroupKindsReportsSym004()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Inner { [Translation(Period = 1)] public double P; }
            public partial class Model
            {
                [Permutation(Group = "g")] public Inner[] Models = [];
                [Permutation(Group = "g")] public double[] Numbers = [];
            }
            """);

        var diagnostic = Single(run, "SYM004");
        Assert.Contains("'g'", diagnostic.GetMessage());
        Assert.Contains("'Numbers'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Permutation] public readonly double[] X = [];", "read-only")]
    [InlineData("[Permutation] public static double[] X = [];", "static")]
    [InlineData("[Translation(Period = 1)] public const double X = 1;", "a constant")]
    [InlineData("[Translation(Period = 1)] public double X { get; }", "read-only (it has no setter)")]
    [InlineData("[Translation(Period = 1)] public double X { get; init; }", "init-only")]
    public void ReadOnlyMemberReportsSym005(string member, string reason)
    {
        var run = GeneratorHarness.Run($$"""
            using SymmetryDsl;
            public partial class Model { {{member}} }
            """);

        var diagnostic = Single(run, "SYM005");
        Assert.Contains("'X'", diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ConstantUnequalShapesReportSym006()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Model
            {
                [Permutation(Group = "hidden")] public double[,] W = new double[4, 2];
                [Permutation(Group = "hidden")] public double[] A = [1, 2, 3];
            }
            """);

        var diagnostic = Single(run, "SYM006");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("'W' with 4", diagnostic.GetMessage());
        Assert.Contains("'A' with 3", diagnostic.GetMessage());
        Assert.Single(run.Sources);
    }

    [Fact]
    public void EqualConstantShapesReportNothing()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Model
            {
                [Permutation(Group = "hidden")] public double[,] W = new double[3, 2];
                [Permutation(Group = "hidden")] public double[] A = new double[] { 1, 2, 3 };
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void DerivedModelReportsSym007()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Base { [Translation(Period = 1)] public double A; }
            public partial class Derived : Base { [Translation(Period = 1)] public double B; }
            """);

        var diagnostic = Single(run, "SYM007");
        Assert.Contains("'Derived'", diagnostic.GetMessage());
        Assert.Contains("'Base'", diagnostic.GetMessage());
        Assert.Equal("Base.g.cs", Assert.Single(run.Sources).HintName);
    }

    [Fact]
    public void RefStructIsSkipped()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public ref partial struct Model { [Translation(Period = 1)] public double A; }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DiagnosticLocationIsInInputTree()
    {
        // A location inside the compilation's own tree is what lets #pragma and .editorconfig act on the diagnostic.
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Model
            {
                [Permutation(Group = "hidden")] public double[] W = new double[4];
                [Permutation(Group = "hidden")] public double[] A = new double[3];
            }
            """);

        var diagnostic = Single(run, "SYM006");
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Same(run.Input.SyntaxTrees[0], diagnostic.Location.SourceTree);
        Assert.Equal("A", run.Input.SyntaxTrees[0].GetRoot().FindToken(diagnostic.Location.SourceSpan.Start).ValueText);
    }

    [Fact]
    public void UnattributedUnsupportedMembersAreIgnored()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Model
            {
                [Permutation] public double[] X = [];
                public int Count;
                public string Name = "";
                public readonly double Fixed = 1;
                public double Norm => 0;
                public static double Shared;
                public double[,] Matrix = new double[0, 0];
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source("Model.g.cs");
        Assert.DoesNotContain("Count", source.Replace("ParticleCountOf", string.Empty).Replace(".Count", string.Empty).Replace("count", string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("this.Fixed", source);
        Assert.DoesNotContain("Norm", source);
        Assert.DoesNotContain("Shared", source);
        Assert.DoesNotContain("Matrix", source);
    }
}
