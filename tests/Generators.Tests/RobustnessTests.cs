using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators.Tests;

/// <summary>Inputs that source generators commonly get wrong; each must generate code that compiles with no warnings.</summary>
public class RobustnessTests
{
    private static void AssertCompilesCleanly(GeneratorRun run)
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        var problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static TheoryData<string, string> PlainInputs => new()
    {
        {
            "GlobalNamespace",
            """
            using SymmetryDsl;
            public partial class Model { [Translation(Period = 1)] public double Phase; public double Bias; }
            """
        },
        {
            "FileScopedNamespace",
            """
            using SymmetryDsl;
            namespace A.B.C;
            public partial class Model { [Translation(Period = 1)] public double[] Phases = []; }
            """
        },
        {
            "BlockNamespaceStruct",
            """
            using SymmetryDsl;
            namespace A { namespace B { public partial struct Model { [Translation(Period = 3)] public float Phase; } } }
            """
        },
        {
            "RecordAndRecordStruct",
            """
            using SymmetryDsl;
            namespace N;
            public partial record Model { [Translation(Period = 1)] public double Phase { get; set; } }
            public partial record struct Other { [Translation(Period = 1)] public double Phase { get; set; } }
            """
        },
        {
            "NestedInStructRecordAndGenericContainers",
            """
            using SymmetryDsl;
            namespace N;
            public partial struct S
            {
                public partial record R
                {
                    internal partial class G<T, U> where T : struct where U : class?, new()
                    {
                        private partial record struct Model { [Translation(Period = 1)] public double Phase; }
                    }
                }
            }
            """
        },
        {
            "StaticContainingClass",
            """
            using SymmetryDsl;
            public static partial class Holder { public partial class Model { [Translation(Period = 1)] public double Phase; } }
            """
        },
        {
            "GenericModel",
            """
            using SymmetryDsl;
            namespace N;
            public partial class Model<T> where T : notnull { [Translation(Period = 1)] public double Phase; public T? Tag; }
            """
        },
        {
            "KeywordMembersAndTypes",
            """
            using SymmetryDsl;
            namespace N;
            public partial class @event
            {
                [Translation(Period = 1)] public double @class;
                [Translation(Period = 1)] public double[] @params { get; set; } = [];
                public double @int;
            }
            """
        },
        {
            "FieldsAndPropertiesWithPrivateSetters",
            """
            using SymmetryDsl;
            public partial class Model
            {
                [Translation(Period = 1)] public double A { get; private set; }
                [Translation(Period = 1)] private double b;
                internal float[] C { get; set; } = [];
                public double GetB() => b;
            }
            """
        },
        {
            "TypeLevelTranslation",
            """
            using SymmetryDsl;
            [Translation(Period = 6.283185307179586)]
            public partial class Angles { public double Theta; public float[] Phis = []; public int Ignored; }
            """
        },
        {
            "UserTypesNamedSystemAndMath",
            """
            using SymmetryDsl;
            namespace N
            {
                public class System { }
                public class Math { }
                public class Span<T> { }
                public class ArgumentNullException { }
                public partial class Model { [Translation(Period = 1)] public double Phase; public double[] Values = []; }
            }
            """
        },
        {
            "NullableArrayMember",
            """
            using SymmetryDsl;
            public partial class Model { [Translation(Period = 1)] public double[]? Phases; }
            """
        },
        {
            "NullableDisabled",
            """
            #nullable disable
            using SymmetryDsl;
            public partial class Model { [Translation(Period = 1)] public double[] Phases; public string Name; }
            """
        },
        {
            "EmptyTypeLevelModel",
            """
            using SymmetryDsl;
            [Translation(Period = 1)] public partial class Model { }
            """
        },
    };

    [Theory]
    [MemberData(nameof(PlainInputs))]
    public void PlainModelCompiles(string name, string source)
    {
        Assert.NotEmpty(name);
        AssertCompilesCleanly(GeneratorHarness.Run(source));
    }

    [Fact]
    public void PartialAcrossTwoFilesGeneratesOnce()
    {
        var run = GeneratorHarness.Run(
            """
            using SymmetryDsl;
            namespace N;
            public partial class Model { [Translation(Period = 1)] public double A; }
            """,
            """
            using SymmetryDsl;
            namespace N;
            [Translation(Period = 2)]
            public partial class Model { [Translation(Period = 1)] public double[] B = []; public double C; }
            """);

        AssertCompilesCleanly(run);
        Assert.Single(run.Sources);
        var source = run.Sources[0].SourceText.ToString();
        Assert.Contains("this.A", source);
        Assert.Contains("this.B", source);
        Assert.Contains("this.C", source);
    }

    [Fact]
    public void SameNamesInOtherNamespacesAndArities()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            namespace A { public partial class Model { [Translation(Period = 1)] public double P; } }
            namespace B { public partial class Model { [Translation(Period = 1)] public double P; } }
            namespace B { public partial class Model<T> { [Translation(Period = 1)] public double P; } }
            namespace B { public partial class Outer { public partial class Model { [Translation(Period = 1)] public double P; } } }
            public partial class Model { [Translation(Period = 1)] public double P; }
            """);

        AssertCompilesCleanly(run);
        var hints = run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToList();
        Assert.Equal(["A.Model.g.cs", "B.Model.g.cs", "B.Model`1.g.cs", "B.Outer.Model.g.cs", "Model.g.cs"], hints);
    }

    [Fact]
    public void ReadOnlyMemberGivesDiagnosticNotBrokenCode()
    {
        var run = GeneratorHarness.Run("""
            using SymmetryDsl;
            public partial class Model { [Translation(Period = 1)] public readonly double Phase; }
            """);

        Assert.Equal("SYM005", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.Sources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }
}
