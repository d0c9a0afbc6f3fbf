using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SymmetryDsl.Generators.Model;

/// <summary>
/// A diagnostic carried through the incremental pipeline as plain values: the descriptor id, the source
/// position and the message arguments. <see cref="Location"/> and symbols are not equatable across runs.
/// </summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments)
    {
        var lineSpan = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            lineSpan.Path ?? string.Empty,
            location?.SourceSpan ?? default,
            lineSpan.Span,
            new EquatableArray<string>(messageArguments));
    }
}
