using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>The operations of one invariant function together with the context to report on them.</summary>
internal sealed class InvariantBody
{
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<(string Id, TextSpan Span)> _reported = [];
    private Dictionary<ISymbol, List<IOperation>>? _references;

    public InvariantBody(IOperation root, string functionName, ImmutableArray<IParameterSymbol> particleParameters, Action<Diagnostic> report)
    {
        Root = root;
        FunctionName = functionName;
        ParticleParameters = particleParameters;
        _report = report;
        Operations = root.Descendants().ToImmutableArray();
    }

    public IOperation Root { get; }

    public string FunctionName { get; }

    /// <summary>
    /// Collection parameters of a function that has no model parameter: an invariant caller passes the particles of
    /// a model through them, so each is read as a permuted collection of its own.
    /// </summary>
    public ImmutableArray<IParameterSymbol> ParticleParameters { get; }

    /// <summary>Every operation in the body, nested lambdas and local functions included, in document order.</summary>
    public ImmutableArray<IOperation> Operations { get; }

    /// <summary>Returns the references to a local or parameter inside the body.</summary>
    public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol)
    {
        if (_references is null)
        {
            _references = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in Operations)
            {
                ISymbol? referenced = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (referenced is null)
                {
                    continue;
                }

                if (!_references.TryGetValue(referenced, out var list))
                {
                    list = [];
                    _references.Add(referenced, list);
                }

                list.Add(operation);
            }
        }

        return _references.TryGetValue(symbol, out var found) ? found : [];
    }

    /// <summary>Reports a diagnostic at <paramref name="node"/>, at most once per id and span.</summary>
    public void Report(DiagnosticDescriptor descriptor, SyntaxNode node, ImmutableDictionary<string, string?>? properties, params object[] arguments)
    {
        if (!_reported.Add((descriptor.Id, node.Span)))
        {
            return;
        }

        _report(Diagnostic.Create(descriptor, node.GetLocation(), properties, arguments));
    }

    /// <summary>Reports that the analyzer cannot decide whether <paramref name="node"/> keeps the function invariant.</summary>
    public void ReportUndecided(SyntaxNode node, string memberName, string reason) =>
        Report(DiagnosticDescriptors.InvarianceUndecided, node, null, FunctionName, $"this use of '{memberName}'", reason);
}
