using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>Compiles a test input with the generated code, loads it into a collectible context and calls one static method.</summary>
internal static class ProbeAssembly
{
    public static object? Call(string source, string typeName, string method)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics.Concat(run.CompilationProblems()));

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("Probe", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            return ModelAccess.CallStatic(assembly.GetType(typeName)!, method);
        }
        finally
        {
            context.Unload();
        }
    }
}
