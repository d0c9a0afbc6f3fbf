using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymmetryDsl.Generators.Tests.Analyzers;

/// <summary>
/// Runs the analyzers over a corpus of model code written the way users write it, then compiles the corpus with
/// the generator, loads it, and runs <see cref="Invariance.Check{TModel, TGroupElement}"/> on every function, so the
/// corpus labels are checked at run time as well as by the analyzers.
/// </summary>
public class CorpusTests
{
    // The analysis cannot see through these functions, so docs/diagnostics/SYM100.md lists them as out of reach.
    private static readonly string[] OutOfReach = ["ThroughOpaqueHelper", "ThroughClone"];

    private static readonly Lazy<CorpusRun> Run = new(CorpusRun.Create);

    public static IEnumerable<object[]> InvariantFunctions() => FunctionNames("InvariantCorpus");

    public static IEnumerable<object[]> NonInvariantFunctions() => FunctionNames("NonInvariantCorpus");

    [Fact]
    public void CorpusHasEnoughFunctions()
    {
        Assert.True(InvariantFunctions().Count() >= 30, "at least 30 invariant functions");
        Assert.True(NonInvariantFunctions().Count() >= 20, "at least 20 non-invariant functions");
    }

    [Fact]
    public void CorpusCompilesWithoutProblems()
    {
        Assert.Empty(Run.Value.CompilerProblems);
        Assert.Empty(Run.Value.AnalyzerExceptions);
    }

    [Theory]
    [MemberData(nameof(InvariantFunctions))]
    public void InvariantFunctionIsNotReported(string name)
    {
        var reported = Run.Value.DiagnosticsIn("InvariantCorpus", name);

        Assert.True(reported.Count == 0, string.Join(Environment.NewLine, reported));
    }

    [Theory]
    [MemberData(nameof(NonInvariantFunctions))]
    public void NonInvariantFunctionIsReported(string name)
    {
        var reported = Run.Value.DiagnosticsIn("NonInvariantCorpus", name);

        if (OutOfReach.Contains(name))
        {
            Assert.Empty(reported);
        }
        else
        {
            Assert.Contains(reported, d => d.Id is "SYM100" or "SYM101");
        }
    }

    [Theory]
    [MemberData(nameof(InvariantFunctions))]
    public void InvariantFunctionPassesRuntimeCheck(string name)
    {
        var (deviation, scale) = Run.Value.Check("Corpus.InvariantCorpus", name);

        // Reordering a floating-point sum changes it by rounding only.
        Assert.True(deviation <= 1e-9 * (1 + scale), $"{name}: max deviation {deviation:R}");
    }

    [Theory]
    [MemberData(nameof(NonInvariantFunctions))]
    public void NonInvariantFunctionFailsRuntimeCheck(string name)
    {
        var (deviation, _) = Run.Value.Check("Corpus.NonInvariantCorpus", name);

        Assert.True(deviation > 1e-6, $"{name}: max deviation {deviation:R}");
    }

    [Fact]
    public void OutOfReachFunctionsAreDocumented()
    {
        var page = File.ReadAllText(Path.Combine(CorpusRun.RepositoryRoot(), "docs", "diagnostics", "SYM100.md"));

        foreach (var name in OutOfReach)
        {
            Assert.Contains(name, page);
        }
    }

    private static IEnumerable<object[]> FunctionNames(string className)
    {
        var source = File.ReadAllText(Path.Combine(CorpusRun.CorpusDirectory, className + ".cs"));
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot();
        return root.DescendantNodes()
            .OfType<ClassDeclarationSyntax>()
            .Where(c => c.Identifier.ValueText == className)
            .SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>())
            .Select(m => new object[] { m.Identifier.ValueText });
    }

    private sealed class CorpusRun
    {
        public static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Analyzers", "Corpus");

        private CorpusRun(Compilation compilation, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions, IReadOnlyList<Diagnostic> problems, Assembly assembly)
        {
            Compilation = compilation;
            Diagnostics = diagnostics;
            AnalyzerExceptions = exceptions;
            CompilerProblems = problems;
            Assembly = assembly;
        }

        public Compilation Compilation { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        public IReadOnlyList<Exception> AnalyzerExceptions { get; }

        public IReadOnlyList<Diagnostic> CompilerProblems { get; }

        public Assembly Assembly { get; }

        public static CorpusRun Create()
        {
            var sources = Directory.GetFiles(CorpusDirectory, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
            var input = GeneratorHarness.Compile(sources);
            var (diagnostics, exceptions) = AnalyzerHarness.Analyze(input);

            var output = GeneratorHarness.Run(input).Output;
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            using var image = new MemoryStream();
            var emitted = output.Emit(image);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

            // A collectible context keeps the corpus out of the default context of the test process.
            var context = new AssemblyLoadContext("Corpus", isCollectible: true);
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            return new CorpusRun(input, diagnostics.ToList(), exceptions, problems, assembly);
        }

        public IReadOnlyList<Diagnostic> DiagnosticsIn(string className, string methodName)
        {
            var tree = Compilation.SyntaxTrees.Single(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.ValueText == className));
            var method = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
                .Single(c => c.Identifier.ValueText == className)
                .Members.OfType<MethodDeclarationSyntax>()
                .Single(m => m.Identifier.ValueText == methodName);
            return Diagnostics.Where(d => d.Location.SourceTree == tree && method.FullSpan.Contains(d.Location.SourceSpan)).ToList();
        }

        /// <summary>
        /// Runs Invariance.Check on a corpus function with 200 trials and returns the largest deviation and the
        /// largest |f| seen. A second model parameter is fixed to one sample, so the group acts on the first only.
        /// </summary>
        public (double Deviation, double Scale) Check(string typeName, string methodName)
        {
            var method = Assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName)!;
            var modelType = method.GetParameters()[0].ParameterType;
            var groupElementType = modelType.GetInterfaces()
                .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuotientModel<,>))
                .GetGenericArguments()[1];
            var sampler = modelType.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.ReturnType == modelType && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(Random));

            var model = Expression.Parameter(modelType, "model");
            var arguments = method.GetParameters().Length == 1
                ? new Expression[] { model }
                : [model, Expression.Constant(sampler.Invoke(null, [new Random(99)]), modelType)];
            var function = Expression.Lambda(
                typeof(Func<,>).MakeGenericType(modelType, typeof(double)),
                Expression.Call(method, arguments),
                model).Compile();
            var sample = sampler.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(Random), modelType));

            var check = typeof(Invariance).GetMethod(nameof(Invariance.Check))!.MakeGenericMethod(modelType, groupElementType);
            var report = check.Invoke(null, [function, sample, 200, 7])!;
            double deviation = (double)report.GetType().GetProperty("MaxDeviation")!.GetValue(report)!;

            double scale = 0;
            var random = new Random(7);
            for (int trial = 0; trial < 20; trial++)
            {
                scale = Math.Max(scale, Math.Abs((double)function.DynamicInvoke(sampler.Invoke(null, [random]))!));
            }

            return (deviation, scale);
        }

        public static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SymmetryDsl.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("SymmetryDsl.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
