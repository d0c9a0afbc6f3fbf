using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Finds reads of a permuted collection that depend on the position of a particle. These are constant indices,
/// indices that are not the variable of a loop over every particle, and order-taking LINQ operators. Index-parallel
/// reads of collections that are not permuted together count as well.
/// </summary>
/// <remarks>
/// Sequences are identified by a key made of the receiver, the declaring type and the permutation group, so
/// <c>m.W</c> and <c>m.A</c> in one group share a key while <c>a.X</c> and <c>b.X</c> do not: the group acts on
/// each model parameter independently.
/// </remarks>
internal sealed class PermutedReadCheck
{
    private const int MaxChainDepth = 16;

    private readonly InvariantBody _body;
    private readonly Dictionary<ISymbol, Sequence> _aliases = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Sequence> _lengthAliases = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _localBuffers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Loop> _loops = new(SymbolEqualityComparer.Default);

    public PermutedReadCheck(InvariantBody body) => _body = body;

    public void Run()
    {
        CollectLocals();

        foreach (var loop in _body.Operations.OfType<IForLoopOperation>())
        {
            RecordLoop(loop);
        }

        foreach (var range in _body.Operations.OfType<IInvocationOperation>())
        {
            RecordIndexRange(range);
        }

        foreach (var loop in _loops.Values)
        {
            CheckLoopVariableUses(loop);
        }

        foreach (var operation in _body.Operations)
        {
            if (SourceOf(operation) is { } sequence)
            {
                ClassifySequence(operation, sequence, 0);
            }
        }
    }

    private void CollectLocals()
    {
        foreach (var declarator in _body.Operations.OfType<IVariableDeclaratorOperation>())
        {
            var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            if (initializer is null)
            {
                continue;
            }

            if (SequenceOf(initializer) is { } sequence)
            {
                _aliases[declarator.Symbol] = sequence;
            }
            else if (CountOf(initializer) is { } counted)
            {
                _lengthAliases[declarator.Symbol] = counted;
            }
            else if (SymmetrySymbols.Unwrap(initializer) is IArrayCreationOperation { Initializer: null })
            {
                // An empty array created here can only hold values the function writes, which inside a loop over the
                // particles come from them, so indexing it alongside them is order-free. Arrays created with
                // contents are fixed data and do not qualify.
                _localBuffers.Add(declarator.Symbol);
            }
        }
    }

    /// <summary>
    /// Returns the permuted sequence an operation reads directly: a [Permutation] member, an alias of one, or a
    /// collection parameter of an invariant helper.
    /// </summary>
    private Sequence? SourceOf(IOperation operation)
    {
        switch (operation)
        {
            case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }:
                var group = SymmetrySymbols.PermutationGroup(member.Member);
                return group is null ? null : new Sequence(ReceiverKey(member.Instance) + "|" + member.Member.ContainingType.ToDisplayString() + "|" + group, member.Member.Name);

            case ILocalReferenceOperation local when _aliases.TryGetValue(local.Local, out var alias):
                return alias;

            case IParameterReferenceOperation parameter when _body.ParticleParameters.Contains(parameter.Parameter, SymbolEqualityComparer.Default):
                return new Sequence("parameter|" + parameter.Parameter.Name, parameter.Parameter.Name);

            default:
                return null;
        }
    }

    /// <summary>Returns the permuted sequence an expression evaluates to, following order-keeping LINQ operators.</summary>
    private Sequence? SequenceOf(IOperation operation, int depth = 0)
    {
        var unwrapped = SymmetrySymbols.Unwrap(operation);
        if (SourceOf(unwrapped) is { } source)
        {
            return source;
        }

        if (depth > MaxChainDepth || unwrapped is not IInvocationOperation invocation)
        {
            return null;
        }

        var name = invocation.TargetMethod.Name;
        if (invocation.Instance is { } instance)
        {
            return name is "ToArray" or "AsSpan" or "AsMemory" && invocation.Arguments.Length == 0 ? SequenceOf(instance, depth + 1) : null;
        }

        if (!IsSequenceExtension(invocation.TargetMethod) || invocation.Arguments.Length == 0)
        {
            return null;
        }

        var inner = SequenceOf(invocation.Arguments[0].Value, depth + 1);
        if (inner is null)
        {
            return null;
        }

        return name switch
        {
            "Select" when !TakesIndex(invocation) => inner,
            "ToArray" or "ToList" or "AsEnumerable" or "Cast" => inner,
            "AsSpan" or "AsMemory" when invocation.Arguments.Length == 1 => inner,

            // Filtering keeps the order-free reading valid but breaks index alignment with the source.
            "Where" when !TakesIndex(invocation) => inner.Derived(name),
            "OfType" or "Distinct" or "SelectMany" when !TakesIndex(invocation) => inner.Derived(name),
            _ => null,
        };
    }

    /// <summary>Returns the sequence whose particle count an expression is: <c>X.Length</c>, <c>X.Count</c>, <c>X.GetLength(0)</c>.</summary>
    private Sequence? CountOf(IOperation operation)
    {
        switch (SymmetrySymbols.Unwrap(operation))
        {
            case IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength", Instance: { } instance }:
                return SequenceOf(instance);

            case IInvocationOperation { TargetMethod.Name: "GetLength" or "GetLongLength", Instance: { } instance } invocation
                when invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 }:
                return SequenceOf(instance);

            case IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" } invocation
                when IsSequenceExtension(invocation.TargetMethod) && invocation.Arguments.Length == 1:
                return SequenceOf(invocation.Arguments[0].Value);

            case ILocalReferenceOperation local when _lengthAliases.TryGetValue(local.Local, out var counted):
                return counted;

            default:
                return null;
        }
    }

    private void ClassifySequence(IOperation operation, Sequence sequence, int depth)
    {
        if (depth > MaxChainDepth)
        {
            return;
        }

        var parent = SymmetrySymbols.ParentSkippingConversions(operation, out var child);
        switch (parent)
        {
            case null:
                return;

            case IForEachLoopOperation loop when loop.Collection == child:
                return;

            case IArrayElementReferenceOperation element when element.ArrayReference == child:
                if (element.Indices.Length > 0)
                {
                    ClassifyIndex(element, element.Indices[0], sequence);
                }

                return;

            case IPropertyReferenceOperation property when property.Instance == child:
                if (property.Property.IsIndexer && property.Arguments.Length > 0)
                {
                    ClassifyIndex(property, property.Arguments[0].Value, sequence);
                }
                else if (property.Property.Name is not ("Length" or "Count" or "LongLength" or "Rank" or "IsEmpty" or "Capacity"))
                {
                    _body.ReportUndecided(operation.Syntax, sequence.MemberName, $"it reads property '{property.Property.Name}'");
                }

                return;

            case IInvocationOperation invocation when invocation.Instance == child:
                ClassifyInstanceCall(invocation, operation, sequence, depth);
                return;

            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                ClassifyArgument(invocation, argument, operation, sequence, depth);
                return;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when _aliases.ContainsKey(declarator.Symbol):
                return;

            case IAssignmentOperation assignment when assignment.Target == child:
            case IIsPatternOperation or IIsTypeOperation:
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when comparison.LeftOperand.ConstantValue is { HasValue: true, Value: null } || comparison.RightOperand.ConstantValue is { HasValue: true, Value: null }:
            case INameOfOperation:
                return;

            default:
                _body.ReportUndecided(operation.Syntax, sequence.MemberName, "it is used in a way the analyzer does not model");
                return;
        }
    }

    private void ClassifyInstanceCall(IInvocationOperation invocation, IOperation operation, Sequence sequence, int depth)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "GetLength" or "GetLongLength" or "GetLowerBound" or "GetUpperBound" or "Contains" or "Exists" or "TrueForAll" or "GetType":
                return;

            case "IndexOf" or "LastIndexOf" or "FindIndex" or "FindLastIndex" or "Find" or "FindLast" or "GetRange" or "Slice" or "CopyTo" or "Reverse":
                ReportPosition(invocation, sequence, $"'{invocation.TargetMethod.Name}' depends on the order of the particles");
                return;

            case "ToArray" or "AsSpan" or "AsMemory" when invocation.Arguments.Length == 0:
                ClassifySequence(invocation, sequence, depth + 1);
                return;

            default:
                _body.ReportUndecided(operation.Syntax, sequence.MemberName, $"it is passed to '{invocation.TargetMethod.Name}', which the analyzer cannot see into");
                return;
        }
    }

    private void ClassifyArgument(IInvocationOperation invocation, IArgumentOperation argument, IOperation operation, Sequence sequence, int depth)
    {
        var method = invocation.TargetMethod;
        if (IsSequenceExtension(method))
        {
            ClassifySequenceOperator(invocation, argument, sequence, depth);
            return;
        }

        if (SymmetrySymbols.HasAttribute(method, SymmetrySymbols.InvariantAttributeName)
            || (method.ReducedFrom is { } reduced && SymmetrySymbols.HasAttribute(reduced, SymmetrySymbols.InvariantAttributeName)))
        {
            return;
        }

        var containing = method.ContainingType?.ToDisplayString();
        switch (containing)
        {
            case "SymmetryDsl.Transport.Wasserstein":
                // Distances between empirical measures do not depend on the order of either sample.
                return;

            case "System.Numerics.Tensors.TensorPrimitives":
                ClassifyTensorPrimitive(invocation, argument, sequence);
                return;
        }

        _body.ReportUndecided(operation.Syntax, sequence.MemberName, $"it is passed to '{method.Name}', which the analyzer cannot see into");
    }

    private void ClassifyTensorPrimitive(IInvocationOperation invocation, IArgumentOperation argument, Sequence sequence)
    {
        var name = invocation.TargetMethod.Name;
        switch (name)
        {
            case "Sum" or "SumOfSquares" or "SumOfMagnitudes" or "Product" or "Max" or "Min" or "MaxMagnitude" or "MinMagnitude" or "Norm":
                if (invocation.Arguments.Length == 1)
                {
                    return;
                }

                break;

            case "Dot" or "Distance" or "CosineSimilarity":
                if (invocation.Arguments.Length == 2)
                {
                    CheckPairedWith(invocation, argument, sequence, name);
                    return;
                }

                break;

            case "IndexOfMax" or "IndexOfMin" or "IndexOfMaxMagnitude" or "IndexOfMinMagnitude":
                ReportPosition(invocation, sequence, $"'{name}' returns a position");
                return;
        }

        _body.ReportUndecided(argument.Value.Syntax, sequence.MemberName, $"it is passed to '{name}', which the analyzer cannot see into");
    }

    private void ClassifySequenceOperator(IInvocationOperation invocation, IArgumentOperation argument, Sequence sequence, int depth)
    {
        var name = invocation.TargetMethod.Name;
        if (argument.Parameter?.Ordinal is not 0)
        {
            if (name is "Zip" or "SequenceEqual")
            {
                CheckPairedWith(invocation, argument, sequence, name);
                return;
            }

            _body.ReportUndecided(argument.Value.Syntax, sequence.MemberName, $"it is passed to '{name}' as an argument other than the source");
            return;
        }

        switch (name)
        {
            case "Sum" or "Average" or "Max" or "Min" or "Count" or "LongCount" or "Any" or "All" or "Contains"
                or "Order" or "OrderBy" or "OrderDescending" or "OrderByDescending" or "Single" or "SingleOrDefault"
                or "ToHashSet" or "ToDictionary" or "ToLookup" or "GroupBy":
                return;

            case "Select" or "Where" or "SelectMany" when TakesIndex(invocation):
                ReportPosition(invocation, sequence, $"index-taking '{name}'");
                return;

            case "Select" or "Where" or "ToArray" or "ToList" or "AsEnumerable" or "Cast" or "OfType" or "Distinct" or "SelectMany":
            case "AsSpan" or "AsMemory" when invocation.Arguments.Length == 1:
                ClassifySequence(invocation, sequence, depth + 1);
                return;

            case "AsSpan" or "AsMemory":
                ReportPosition(invocation, sequence, $"'{name}' with a start index or length");
                return;

            case "IndexOf" or "LastIndexOf" or "IndexOfAny" or "LastIndexOfAny" or "BinarySearch":
                ReportPosition(invocation, sequence, $"'{name}' returns a position");
                return;

            case "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault"
                or "Take" or "Skip" or "TakeLast" or "SkipLast" or "TakeWhile" or "SkipWhile" or "Reverse" or "Chunk" or "Index":
                ReportPosition(invocation, sequence, $"'{name}'");
                return;

            case "Zip" or "SequenceEqual":
                if (invocation.Arguments.Length >= 2)
                {
                    CheckPairedWith(invocation, argument, sequence, name);
                    if (name == "Zip" && invocation.Arguments.Length >= 2 && SequenceOf(invocation.Arguments[1].Value)?.Key == sequence.Key)
                    {
                        ClassifySequence(invocation, sequence, depth + 1);
                    }
                }

                return;

            case "Aggregate":
                if (!IsCommutativeFold(invocation))
                {
                    ReportPosition(invocation, sequence, "'Aggregate' with an operation not known to be commutative");
                }

                return;

            default:
                _body.ReportUndecided(invocation.Syntax, sequence.MemberName, $"'{name}' is not an operator the analyzer models");
                return;
        }
    }

    /// <summary>Reports a pairing operator unless every sequence it pairs is permuted together with <paramref name="sequence"/>.</summary>
    private void CheckPairedWith(IInvocationOperation invocation, IArgumentOperation current, Sequence sequence, string name)
    {
        foreach (var other in invocation.Arguments)
        {
            if (other == current || other.Parameter?.Type is not { } type || !IsSequenceType(type))
            {
                continue;
            }

            var otherSequence = SequenceOf(other.Value);
            if (otherSequence?.Key != sequence.Key)
            {
                var otherName = otherSequence?.MemberName ?? other.Value.Syntax.ToString();
                ReportPosition(invocation, sequence, $"'{name}' pairs it by position with '{otherName}', which is not permuted with it");
                return;
            }
        }
    }

    private void ClassifyIndex(IOperation access, IOperation index, Sequence sequence)
    {
        var unwrapped = SymmetrySymbols.Unwrap(index);
        if (unwrapped.ConstantValue.HasValue)
        {
            ReportPosition(access, sequence, $"constant index {unwrapped.Syntax}");
            return;
        }

        if (LoopVariableOf(unwrapped) is { } variable && _loops.TryGetValue(variable, out var loop))
        {
            if (loop.Sequence is null)
            {
                ReportPosition(access, sequence, $"index '{variable.Name}' comes from a loop that does not visit every particle");
            }
            else if (loop.Sequence.Key != sequence.Key)
            {
                ReportPosition(access, sequence, $"index '{variable.Name}' runs over '{loop.Sequence.MemberName}', which is not permuted with it");
            }

            return;
        }

        ReportPosition(access, sequence, $"index '{index.Syntax}' is not the variable of a loop over every particle");
    }

    private static ISymbol? LoopVariableOf(IOperation operation) =>
        operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

    /// <summary>
    /// Records <c>Enumerable.Range(0, count).Sum(i =&gt; …)</c> and the other order-free operators over a range of
    /// indices: the lambda parameter then plays the part of a loop variable over every particle.
    /// </summary>
    private void RecordIndexRange(IInvocationOperation invocation)
    {
        if (!IsSequenceExtension(invocation.TargetMethod)
            || invocation.TargetMethod.Name is not ("Sum" or "Average" or "Max" or "Min" or "Select" or "Where" or "All" or "Any" or "Count")
            || invocation.Arguments.Length != 2
            || SymmetrySymbols.Unwrap(invocation.Arguments[0].Value) is not IInvocationOperation { TargetMethod.Name: "Range" } range
            || range.TargetMethod.ContainingType?.ToDisplayString() != "System.Linq.Enumerable"
            || range.Arguments.Length != 2)
        {
            return;
        }

        var selector = SymmetrySymbols.Unwrap(invocation.Arguments[1].Value) switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
            IAnonymousFunctionOperation lambda => lambda,
            _ => null,
        };
        if (selector is not { Symbol.Parameters: [var index] })
        {
            return;
        }

        bool startsAtZero = range.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 };
        var counted = startsAtZero ? CountOf(range.Arguments[1].Value) : null;
        _loops[index] = new Loop(selector, index, counted);
    }

    private void RecordLoop(IForLoopOperation loop)
    {
        if (!TryReadLoopHeader(loop, out var variable, out var start, out var bound))
        {
            return;
        }

        var counted = CountOf(bound!);
        bool startsAtZero = start!.ConstantValue is { HasValue: true, Value: 0 or 0L };

        // A nested loop that starts at an outer loop variable (plus a constant) enumerates pairs of particles.
        // The set of unordered pairs is permuted with the particles, so such a loop covers every pair.
        // NOTE: this is order-free only for a pair term symmetric in i and j, which is assumed, not checked.
        bool startsAtOuter = SymmetrySymbols.Unwrap(start) switch
        {
            ILocalReferenceOperation outer => _loops.TryGetValue(outer.Local, out var o) && o.Sequence?.Key == counted?.Key,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand: var left, RightOperand: var right }
                when right.ConstantValue.HasValue && SymmetrySymbols.Unwrap(left) is ILocalReferenceOperation outer
                => _loops.TryGetValue(outer.Local, out var o) && o.Sequence?.Key == counted?.Key,
            _ => false,
        };

        bool reassigned = loop.Body.Descendants().Any(o => IsWriteOf(o, variable!));
        var sequence = counted is not null && (startsAtZero || startsAtOuter) && !reassigned ? counted : null;
        _loops[variable!] = new Loop(loop, variable!, sequence);
    }

    private static bool TryReadLoopHeader(IForLoopOperation loop, out ILocalSymbol? variable, out IOperation? start, out IOperation? bound)
    {
        variable = null;
        start = null;
        bound = null;

        if (loop.Before.Length != 1)
        {
            return false;
        }

        switch (loop.Before[0])
        {
            case IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [var declarator] } declaration] }:
                variable = declarator.Symbol;
                start = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                break;
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }:
                variable = target.Local;
                start = assignment.Value;
                break;
            default:
                return false;
        }

        if (start is null || !SymmetrySymbols.IsIntegral(variable.Type))
        {
            return false;
        }

        if (loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition
            && SymmetrySymbols.Unwrap(condition.LeftOperand) is ILocalReferenceOperation left
            && SymmetrySymbols.Equal(left.Local, variable)
            && IsUnitStep(loop, variable, OperationKind.Increment))
        {
            bound = condition.RightOperand;
            return true;
        }

        // A loop from Count - 1 down to 0 visits the same indices, so it is read as the ascending loop: the bound
        // is the count and the start is the 0 it ends at.
        if (loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThanOrEqual } descending
            && SymmetrySymbols.Unwrap(descending.LeftOperand) is ILocalReferenceOperation down
            && SymmetrySymbols.Equal(down.Local, variable)
            && descending.RightOperand.ConstantValue is { HasValue: true, Value: 0 or 0L }
            && IsUnitStep(loop, variable, OperationKind.Decrement)
            && SymmetrySymbols.Unwrap(start) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } last
            && last.RightOperand.ConstantValue is { HasValue: true, Value: 1 or 1L })
        {
            bound = last.LeftOperand;
            start = descending.RightOperand;
            return true;
        }

        // A loop of another shape still has a variable, so indexing with it is reported as not covering every particle.
        bound = null;
        return false;
    }

    private static bool IsUnitStep(IForLoopOperation loop, ILocalSymbol variable, OperationKind direction)
    {
        if (loop.AtLoopBottom.Length != 1 || loop.AtLoopBottom[0] is not IExpressionStatementOperation { Operation: var step })
        {
            return false;
        }

        return step switch
        {
            IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } unit when unit.Kind == direction =>
                SymmetrySymbols.Equal(target.Local, variable),
            ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound
                when compound.OperatorKind == (direction == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract) =>
                SymmetrySymbols.Equal(target.Local, variable) && compound.Value.ConstantValue is { HasValue: true, Value: 1 },
            _ => false,
        };
    }

    private static bool IsWriteOf(IOperation operation, ILocalSymbol variable) =>
        operation switch
        {
            IAssignmentOperation { Target: ILocalReferenceOperation target } => SymmetrySymbols.Equal(target.Local, variable),
            IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } => SymmetrySymbols.Equal(target.Local, variable),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target } =>
                SymmetrySymbols.Equal(target.Local, variable),
            _ => false,
        };

    /// <summary>
    /// Reports every use of a loop variable that reads its value as a number: only indexing the particle dimension of a
    /// collection permuted with the loop, starting a nested pair loop, and comparing with another such variable are
    /// order-free.
    /// </summary>
    private void CheckLoopVariableUses(Loop loop)
    {
        if (loop.Sequence is null)
        {
            return;
        }

        foreach (var use in _body.ReferencesTo(loop.Variable))
        {
            if (!IsInside(use, loop.Operation) || (loop.Operation is IForLoopOperation header && IsInHeader(use, header)) || IsOrderFreeUse(use, loop))
            {
                continue;
            }

            _body.Report(
                DiagnosticDescriptors.PermutedReadByPosition,
                use.Syntax,
                null,
                _body.FunctionName,
                loop.Sequence.MemberName,
                $"loop variable '{loop.Variable.Name}' is used as a number, not only as an index of collections permuted with it");
        }
    }

    private bool IsOrderFreeUse(IOperation use, Loop loop)
    {
        var parent = SymmetrySymbols.ParentSkippingConversions(use, out var child);
        switch (parent)
        {
            case IArrayElementReferenceOperation element when element.Indices.Length > 0 && element.Indices[0] == child:
                return IndexesParticles(element.ArrayReference);

            case IArgumentOperation { Parent: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } argument
                when indexer.Arguments.Length > 0 && indexer.Arguments[0] == argument:
                return indexer.Instance is not null && IndexesParticles(indexer.Instance);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var other = comparison.LeftOperand == child ? comparison.RightOperand : comparison.LeftOperand;
                return LoopVariableOf(SymmetrySymbols.Unwrap(other)) is { } otherVariable
                    && _loops.TryGetValue(otherVariable, out var otherLoop)
                    && otherLoop.Sequence?.Key == loop.Sequence!.Key;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum when IsStartOfNestedLoop(sum):
                return true;

            case IVariableInitializerOperation or ISimpleAssignmentOperation when IsStartOfNestedLoop(parent):
                return true;

            default:
                return false;
        }
    }

    private bool IndexesParticles(IOperation collection)
    {
        // Mismatched permuted collections are reported where they are indexed; plain collections never match.
        if (SequenceOf(collection) is not null)
        {
            return true;
        }

        return SymmetrySymbols.Unwrap(collection) is ILocalReferenceOperation local && _localBuffers.Contains(local.Local);
    }

    private bool IsStartOfNestedLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForLoopOperation nested)
            {
                return nested.Before.Any(b => b == operation || b.Descendants().Contains(operation))
                    && nested.Before.Length == 1
                    && TryReadLoopHeader(nested, out var variable, out _, out _)
                    && _loops.TryGetValue(variable!, out var nestedLoop)
                    && nestedLoop.Sequence is not null;
            }

            if (parent is IBlockOperation or IExpressionStatementOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsInside(IOperation operation, IOperation ancestor)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInHeader(IOperation use, IForLoopOperation loop) =>
        loop.Before.Any(b => b == use || IsInside(use, b))
        || (loop.Condition is { } condition && (condition == use || IsInside(use, condition)))
        || loop.AtLoopBottom.Any(b => b == use || IsInside(use, b));

    private void ReportPosition(IOperation at, Sequence sequence, string reason) =>
        _body.Report(DiagnosticDescriptors.PermutedReadByPosition, at.Syntax, null, _body.FunctionName, sequence.MemberName, reason);

    private static bool IsSequenceExtension(IMethodSymbol method)
    {
        var original = method.ReducedFrom ?? method;
        return original.IsExtensionMethod
            && original.ContainingType?.ToDisplayString() is "System.Linq.Enumerable" or "System.MemoryExtensions";
    }

    private static bool IsSequenceType(ITypeSymbol type) =>
        type is IArrayTypeSymbol
        || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        || type.Name is "ReadOnlySpan" or "Span";

    /// <summary>Returns whether a Select, Where or SelectMany overload passes the element's position to its delegate.</summary>
    private static bool TakesIndex(IInvocationOperation invocation)
    {
        var original = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        return original.Parameters.Length >= 2
            && original.Parameters[1].Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } selector
            && selector.DelegateInvokeMethod is { Parameters.Length: 2 } invoke
            && SymmetrySymbols.IsIntegral(invoke.Parameters[1].Type);
    }

    /// <summary>
    /// Returns whether an Aggregate folds with an operation that makes the result independent of the order:
    /// <c>(acc, x) =&gt; acc + f(x)</c>, <c>acc * f(x)</c>, <c>Math.Max(acc, f(x))</c> or <c>Math.Min(acc, f(x))</c>
    /// with <c>f(x)</c> free of the accumulator.
    /// </summary>
    private static bool IsCommutativeFold(IInvocationOperation invocation)
    {
        var fold = invocation.Arguments
            .Select(a => SymmetrySymbols.Unwrap(a.Value))
            .Select(v => v is IDelegateCreationOperation creation ? creation.Target : v)
            .OfType<IAnonymousFunctionOperation>()
            .FirstOrDefault(f => f.Symbol.Parameters.Length == 2);
        if (fold is null || fold.Body.Operations is not [IReturnOperation { ReturnedValue: { } returned }])
        {
            return false;
        }

        var accumulator = fold.Symbol.Parameters[0];
        IOperation? other = SymmetrySymbols.Unwrap(returned) switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Multiply } binary
                when IsParameter(binary.LeftOperand, accumulator) => binary.RightOperand,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Multiply } binary
                when IsParameter(binary.RightOperand, accumulator) => binary.LeftOperand,
            IInvocationOperation { TargetMethod.Name: "Max" or "Min", TargetMethod.ContainingType.Name: "Math" or "MathF", Arguments.Length: 2 } call
                when IsParameter(call.Arguments[0].Value, accumulator) => call.Arguments[1].Value,
            IInvocationOperation { TargetMethod.Name: "Max" or "Min", TargetMethod.ContainingType.Name: "Math" or "MathF", Arguments.Length: 2 } call
                when IsParameter(call.Arguments[1].Value, accumulator) => call.Arguments[0].Value,
            _ => null,
        };

        return other is not null && !other.DescendantsAndSelf().Any(o => IsParameter(o, accumulator));
    }

    private static bool IsParameter(IOperation operation, IParameterSymbol parameter) =>
        SymmetrySymbols.Unwrap(operation) is IParameterReferenceOperation reference && SymmetrySymbols.Equal(reference.Parameter, parameter);

    private static string ReceiverKey(IOperation? receiver)
    {
        switch (receiver is null ? null : SymmetrySymbols.Unwrap(receiver))
        {
            case null:
                return "static";
            case IInstanceReferenceOperation:
                return "this";
            case var other:
                return new string(other.Syntax.ToString().Where(c => !char.IsWhiteSpace(c)).ToArray());
        }
    }

    private sealed record Sequence(string Key, string MemberName)
    {
        public Sequence Derived(string operatorName) => this with { Key = Key + "/" + operatorName };
    }

    /// <summary>A variable that runs over indices: of a for loop, or the parameter of a lambda over Enumerable.Range.</summary>
    private sealed record Loop(IOperation Operation, ISymbol Variable, Sequence? Sequence);
}
