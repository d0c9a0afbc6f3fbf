using System.Linq;
using Microsoft.CodeAnalysis;
using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators;

/// <summary>Turns a pipeline <see cref="DiagnosticInfo"/> back into a <see cref="Diagnostic"/>.</summary>
internal static class DiagnosticReporter
{
    public static Diagnostic ToDiagnostic(DiagnosticInfo info, Compilation compilation)
    {
        var descriptor = DiagnosticDescriptors.Find(info.DescriptorId)!;

        // A location inside a syntax tree of the compilation lets #pragma warning disable suppress the diagnostic.
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == info.FilePath);
        var location = tree is not null && info.Span.End <= tree.Length
            ? Location.Create(tree, info.Span)
            : Location.Create(info.FilePath, info.Span, info.LineSpan);
        return Diagnostic.Create(descriptor, location, info.MessageArguments.Cast<object>().ToArray());
    }
}
