using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymmetryDsl.Generators.Tests;

public class IncrementalityTests
{
    private const string ModelSource = """
        using System.Collections.Generic;
        using SymmetryDsl;

        namespace Samples;

        public partial struct Neuron
        {
            public double[] Weights;
            [Translation(Period = 6.283185307179586)] public double Bias;
        }

        [Translation(Period = 0.5)]
        public partial record Network
        {
            [Permutation(Group = "hidden")] public double[,] W { get; set; } = new double[2, 2];
            [Permutation(Group = "hidden")] public double[] A { get; set; } = [1, 2, 3];
            [Permutation] public List<Neuron> Neurons { get; set; } = [];
            public double Phase;
        }

        public class Unrelated
        {
            public int Value;
        }
        """;

    private static readonly string[] StepNames =
    [
        QuotientGenerator.StepNames.PermutationMembers,
        QuotientGenerator.StepNames.TranslationMembers,
        QuotientGenerator.StepNames.TranslationTypes,
        QuotientGenerator.StepNames.Models,
        QuotientGenerator.StepNames.Diagnostics,
    ];

    [Theory]
    [InlineData("public int Value;", "public int Value; public int Other;")]
    [InlineData("public class Unrelated", "// a comment\npublic class Unrelated")]
    public void UnrelatedEditLeavesStepsCached(string before, string after)
    {
        var first = GeneratorHarness.Run(ModelSource);
        var tree = first.Input.SyntaxTrees[0];
        var edited = first.Input.ReplaceSyntaxTree(
            tree,
            tree.WithChangedText(tree.GetText().Replace(ModelSource.IndexOf(before, StringComparison.Ordinal), before.Length, after)));

        var second = GeneratorHarness.Run(edited, first.Driver);

        var steps = second.Result.Results[0].TrackedSteps;
        foreach (var name in StepNames)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in steps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} output was {output.Reason}");
            }
        }
    }

    [Fact]
    public void NewUnrelatedFileLeavesOutputsCached()
    {
        var first = GeneratorHarness.Run(ModelSource);
        var added = first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("public class Another { }", GeneratorHarness.ParseOptions, path: "Another.cs"));

        var second = GeneratorHarness.Run(added, first.Driver);

        // The diagnostics output is combined with the compilation so that diagnostics point into real trees,
        // and so it runs again on every edit. The source outputs of the models must not.
        var outputs = second.Result.Results[0].TrackedOutputSteps
            .SelectMany(p => p.Value)
            .Where(s => s.Inputs.Any(i => i.Source.Name == QuotientGenerator.StepNames.Models))
            .SelectMany(s => s.Outputs)
            .ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void ModelEditRegeneratesOnlyThatModel()
    {
        var first = GeneratorHarness.Run(ModelSource);
        var tree = first.Input.SyntaxTrees[0];
        const string before = "[Translation(Period = 0.5)]";
        var edited = first.Input.ReplaceSyntaxTree(
            tree,
            tree.WithChangedText(tree.GetText().Replace(ModelSource.IndexOf(before, StringComparison.Ordinal), before.Length, "[Translation(Period = 0.25)]")));

        var second = GeneratorHarness.Run(edited, first.Driver);

        var models = second.Result.Results[0].TrackedSteps[QuotientGenerator.StepNames.Models]
            .SelectMany(step => step.Outputs)
            .Select(output => (Spec: (Model.TypeSpec)output.Value, output.Reason))
            .ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, models.Single(m => m.Spec.HintName == "Samples.Network.g.cs").Reason);
        Assert.Contains(
            models.Single(m => m.Spec.HintName == "Samples.Neuron.g.cs").Reason,
            new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Contains("0.25d", second.Source("Samples.Network.g.cs"));
    }

    [Fact]
    public void ModelsHoldNoSymbolsOrSyntax()
    {
        var run = GeneratorHarness.Run(ModelSource);
        var steps = run.Result.Results[0].TrackedSteps;
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var name in StepNames)
        {
            foreach (var output in steps[name].SelectMany(step => step.Outputs))
            {
                AssertPlainValue(output.Value, $"{name}", visited);
            }
        }

        Assert.NotEmpty(visited);
    }

    /// <summary>Walks a pipeline value and fails on anything that ties it to one compilation.</summary>
    private static void AssertPlainValue(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol, $"{path} holds a symbol");
        Assert.False(value is SyntaxNode, $"{path} holds a syntax node");
        Assert.False(value is Location, $"{path} holds a location");
        Assert.False(value is Compilation, $"{path} holds a compilation");
        Assert.False(value is SemanticModel, $"{path} holds a semantic model");
        Assert.False(value is SyntaxTree, $"{path} holds a syntax tree");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                AssertPlainValue(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertPlainValue(property.GetValue(value), $"{path}.{property.Name}", visited);
            }
        }
    }

    [Fact]
    public void TwoRunsGiveIdenticalOutput()
    {
        var first = GeneratorHarness.Run(ModelSource).Sources;
        var second = GeneratorHarness.Run(ModelSource).Sources;

        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].SourceText.ToString(), second[i].SourceText.ToString());
        }
    }

    [Fact]
    public void CommaDecimalCultureGivesIdenticalOutput()
    {
        var invariant = RunUnder(CultureInfo.InvariantCulture);
        var german = RunUnder(new CultureInfo("de-DE"));

        Assert.Equal(",", new CultureInfo("de-DE").NumberFormat.NumberDecimalSeparator);
        Assert.Contains(invariant, source => source.Contains("0.5d", StringComparison.Ordinal));
        Assert.Equal(invariant, german);
    }

    private static List<string> RunUnder(CultureInfo culture)
    {
        var saved = CultureInfo.CurrentCulture;
        var savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return GeneratorHarness.Run(ModelSource).Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.SourceText.ToString()).ToList();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
