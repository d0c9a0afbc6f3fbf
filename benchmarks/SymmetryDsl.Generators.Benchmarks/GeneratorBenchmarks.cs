using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymmetryDsl.Generators.Benchmarks;

/// <summary>
/// Cost of the quotient generator on a compilation with 200 model types in 20 files. The full run uses a new
/// driver, as a clean build does. The edit run reuses a warm driver after a one-line change in an unrelated
/// file, as an editor does, so every pipeline step should come from the cache.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warmDriver = null!;

    [Params(200)]
    public int ModelCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var trees = ModelCorpus.Create(ModelCount, fileCount: 20)
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Models{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText("public static class Unrelated { public const int Value = 1; }", ParseOptions, path: "Unrelated.cs"))
            .ToList();
        compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PermutationAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var unrelated = trees[^1];
        edited = compilation.ReplaceSyntaxTree(
            unrelated,
            unrelated.WithChangedText(unrelated.GetText().Replace(0, unrelated.Length, "public static class Unrelated { public const int Value = 2; }")));

        warmDriver = CreateDriver().RunGenerators(compilation);
        var generated = warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != ModelCount)
        {
            throw new InvalidOperationException($"The corpus produced {generated} generated files for {ModelCount} model types.");
        }
    }

    [Benchmark(Description = "Full run, new driver")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(compilation);

    [Benchmark(Description = "Unrelated one-line edit, warm driver")]
    public GeneratorDriver UnrelatedEdit() => warmDriver.RunGenerators(edited);

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create([new QuotientGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
}
