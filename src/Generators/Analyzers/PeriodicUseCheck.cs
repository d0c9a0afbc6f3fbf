using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SymmetryDsl.Generators.Analyzers;

/// <summary>
/// Finds uses of a periodic coordinate x (period P) whose value changes under x ↦ x + kP. The uses left alone are
/// <c>Sin</c>/<c>Cos</c> of m·2π·x/P plus a term free of x with m a nonzero integer, the arguments of
/// <c>Periodic.Wrap</c>, <c>Difference</c>, <c>Distance</c> and <c>SquaredDistance</c> with the same period, and members
/// of a canonical representative (the value of <c>Canonicalize()</c>).
/// </summary>
internal sealed class PeriodicUseCheck
{
    private const int MaxDepth = 16;

    private readonly InvariantBody _body;
    private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

    public PeriodicUseCheck(InvariantBody body) => _body = body;

    public void Run()
    {
        foreach (var operation in _body.Operations)
        {
            if (operation is not (IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }))
            {
                continue;
            }

            var member = ((IMemberReferenceOperation)operation).Member;
            if (SymmetrySymbols.Period(member) is not { } period || IsCanonical(((IMemberReferenceOperation)operation).Instance, 0))
            {
                continue;
            }

            var coordinate = new Coordinate(member.Name, period);
            if (SymmetrySymbols.IsArrayMember(member))
            {
                ClassifyArray(operation, coordinate);
            }
            else
            {
                ClassifyValue(operation, coordinate, 0);
            }
        }
    }

    private void ClassifyArray(IOperation array, Coordinate coordinate)
    {
        var parent = SymmetrySymbols.ParentSkippingConversions(array, out var child);
        switch (parent)
        {
            case IArrayElementReferenceOperation element when element.ArrayReference == child:
                ClassifyValue(element, coordinate, 0);
                return;

            case IForEachLoopOperation loop when loop.Collection == child:
                if (loop.LoopControlVariable is IVariableDeclaratorOperation declarator)
                {
                    ClassifyReferences(declarator.Symbol, coordinate, 0);
                }

                return;

            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == child:
                ClassifyValue(indexer, coordinate, 0);
                return;

            case IInvocationOperation { TargetMethod.Name: "GetLength" } shape when shape.Instance == child:
            case IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" or "Count" or "Rank" } property when property.Instance == child:
            case IAssignmentOperation assignment when assignment.Target == child:
                return;

            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                ClassifyArrayArgument(invocation, argument, array, coordinate);
                return;

            default:
                _body.ReportUndecided(array.Syntax, coordinate.MemberName, "it is used in a way the analyzer does not model");
                return;
        }
    }

    private void ClassifyArrayArgument(IInvocationOperation invocation, IArgumentOperation argument, IOperation array, Coordinate coordinate)
    {
        var method = invocation.TargetMethod;
        if (IsPeriodicHelper(method))
        {
            CheckPeriodArgument(invocation, array, coordinate);
            return;
        }

        if (SymmetrySymbols.HasAttribute(method, SymmetrySymbols.InvariantAttributeName))
        {
            return;
        }

        var original = method.ReducedFrom ?? method;
        if (original.ContainingType?.ToDisplayString() == "System.Linq.Enumerable" && argument.Parameter?.Ordinal == 0)
        {
            var selector = invocation.Arguments
                .Skip(1)
                .Select(a => SymmetrySymbols.Unwrap(a.Value))
                .Select(v => v is IDelegateCreationOperation creation ? creation.Target : v)
                .OfType<IAnonymousFunctionOperation>()
                .FirstOrDefault();
            if (selector is { Symbol.Parameters.Length: 1 })
            {
                // Each element reaches the selector as its parameter, so the parameter carries the period.
                ClassifyReferences(selector.Symbol.Parameters[0], coordinate, 0);
                return;
            }

            if (method.Name is "Count" or "LongCount" or "Any")
            {
                return;
            }

            Report(invocation, coordinate, $"through '{method.Name}' of the raw values");
            return;
        }

        _body.ReportUndecided(array.Syntax, coordinate.MemberName, $"it is passed to '{method.Name}', which the analyzer cannot see into");
    }

    private void ClassifyReferences(ISymbol symbol, Coordinate coordinate, int depth)
    {
        if (depth > MaxDepth || !_visited.Add(symbol))
        {
            return;
        }

        foreach (var reference in _body.ReferencesTo(symbol))
        {
            ClassifyValue(reference, coordinate, depth + 1);
        }
    }

    private void ClassifyValue(IOperation value, Coordinate coordinate, int depth)
    {
        // Climb through arithmetic: a periodic expression may combine the value with other terms before Sin, Cos or Wrap.
        var top = value;
        var parent = SymmetrySymbols.ParentSkippingConversions(top, out var child);
        while (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide }
               or IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus })
        {
            top = parent;
            parent = SymmetrySymbols.ParentSkippingConversions(top, out child);
        }

        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                ClassifyArgumentUse(invocation, child, value, coordinate);
                return;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when top == value:
                ClassifyReferences(declarator.Symbol, coordinate, depth);
                return;

            case IAssignmentOperation assignment when assignment.Target == child:
                return;

            case IBinaryOperation comparison when comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                Report(value, coordinate, "in a comparison");
                return;

            case IReturnOperation:
                Report(value, coordinate, top == value ? "as the returned value" : "in arithmetic whose result is returned");
                return;

            default:
                Report(value, coordinate, top == value ? "in an expression that is not periodic" : "in arithmetic outside Sin, Cos or Periodic.Wrap");
                return;
        }
    }

    private void ClassifyArgumentUse(IInvocationOperation invocation, IOperation argument, IOperation value, Coordinate coordinate)
    {
        var method = invocation.TargetMethod;
        if (IsSinOrCos(method))
        {
            var coefficient = Linear(argument, value, 0);
            if (coefficient is { } c && IsNonzeroInteger(c * coordinate.Period / (2 * Math.PI)))
            {
                return;
            }

            Report(value, coordinate, $"inside '{method.Name}' with a coefficient that is not an integer multiple of 2π/P");
            return;
        }

        if (IsPeriodicHelper(method) && method.Name is "Wrap" or "Difference" or "Distance" or "SquaredDistance")
        {
            var coefficient = Linear(argument, value, 0);
            if (coefficient is not { } c || !IsNonzeroInteger(c))
            {
                Report(value, coordinate, $"inside 'Periodic.{method.Name}' with a coefficient that is not an integer");
                return;
            }

            CheckPeriodArgument(invocation, value, coordinate);
            return;
        }

        if (argument == value && SymmetrySymbols.HasAttribute(method, SymmetrySymbols.InvariantAttributeName))
        {
            return;
        }

        Report(value, coordinate, $"as an argument of '{method.Name}'");
    }

    private void CheckPeriodArgument(IInvocationOperation invocation, IOperation value, Coordinate coordinate)
    {
        var periodArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "period");
        if (periodArgument is not null && NumericConstant(periodArgument.Value) is { } used
            && Math.Abs(used - coordinate.Period) > 1e-12 * coordinate.Period)
        {
            Report(value, coordinate, $"with 'Periodic.{invocation.TargetMethod.Name}' at period {SymmetrySymbols.FormatPeriod(used)}, not its own");
        }
    }

    /// <summary>
    /// Returns the coefficient c when <paramref name="expression"/> equals c·value plus terms free of value, or null when
    /// it is not of that form. A factor of integer type counts as an integer multiple and so contributes 1.
    /// </summary>
    private static double? Linear(IOperation expression, IOperation value, int depth)
    {
        if (expression == value)
        {
            return 1.0;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case IConversionOperation conversion:
                return Linear(conversion.Operand, value, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Linear(parenthesized.Operand, value, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation:
                return -Linear(negation.Operand, value, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Linear(plus.Operand, value, depth + 1);
            case IBinaryOperation binary:
                return LinearBinary(binary, value, depth);
            default:
                return null;
        }
    }

    private static double? LinearBinary(IBinaryOperation binary, IOperation value, int depth)
    {
        bool inLeft = Contains(binary.LeftOperand, value);
        bool inRight = Contains(binary.RightOperand, value);
        var withValue = inLeft ? binary.LeftOperand : binary.RightOperand;
        var other = inLeft ? binary.RightOperand : binary.LeftOperand;
        if (inLeft && inRight)
        {
            return null;
        }

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
                return Linear(withValue, value, depth + 1);
            case BinaryOperatorKind.Subtract:
                return inLeft ? Linear(withValue, value, depth + 1) : -Linear(withValue, value, depth + 1);
            case BinaryOperatorKind.Multiply:
                return Linear(withValue, value, depth + 1) * Factor(other, depth + 1);
            case BinaryOperatorKind.Divide when inLeft:
                return Factor(other, depth + 1) is { } divisor && divisor != 0 && other.ConstantValue.HasValue
                    ? Linear(withValue, value, depth + 1) / divisor
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Returns the value of a constant factor, 1 for a factor of integer type, or null for anything else.</summary>
    private static double? Factor(IOperation factor, int depth)
    {
        if (NumericConstant(factor) is { } constant)
        {
            return constant;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        switch (factor)
        {
            case IConversionOperation conversion:
                return SymmetrySymbols.IsIntegral(conversion.Operand.Type) ? 1.0 : Factor(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Factor(parenthesized.Operand, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation:
                return -Factor(negation.Operand, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product:
                return Factor(product.LeftOperand, depth + 1) * Factor(product.RightOperand, depth + 1);
            default:
                return SymmetrySymbols.IsIntegral(factor.Type) ? 1.0 : null;
        }
    }

    /// <summary>Returns the value of a numeric compile-time constant, or null for any other operation.</summary>
    private static double? NumericConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: var value }
            ? value switch
            {
                double d => d,
                float f => f,
                int i => i,
                long l => l,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                uint ui => ui,
                ulong ul => ul,
                ushort us => us,
                decimal m => (double)m,
                _ => null,
            }
            : null;

    private static bool Contains(IOperation expression, IOperation value) =>
        expression == value || expression.Descendants().Contains(value);

    private static bool IsNonzeroInteger(double ratio)
    {
        double rounded = Math.Round(ratio);
        return rounded != 0 && Math.Abs(ratio - rounded) <= 1e-9 * Math.Max(1.0, Math.Abs(ratio));
    }

    private static bool IsSinOrCos(IMethodSymbol method) =>
        method.Name is "Sin" or "Cos" or "SinCos"
        && method.ContainingType?.ToDisplayString() is "System.Math" or "System.MathF" or "double" or "float";

    private static bool IsPeriodicHelper(IMethodSymbol method) =>
        method.ContainingType?.ToDisplayString() == SymmetrySymbols.PeriodicTypeName;

    /// <summary>Returns whether a receiver chain starts at a canonical representative, whose coordinates are wrapped.</summary>
    private bool IsCanonical(IOperation? receiver, int depth)
    {
        if (receiver is null || depth > MaxDepth)
        {
            return false;
        }

        switch (SymmetrySymbols.Unwrap(receiver))
        {
            case IInvocationOperation { TargetMethod.Name: "Canonicalize" }:
                return true;
            case IMemberReferenceOperation member:
                return IsCanonical(member.Instance, depth + 1);
            case IArrayElementReferenceOperation element:
                return IsCanonical(element.ArrayReference, depth + 1);
            case ILocalReferenceOperation local:
                var declarator = _body.Operations.OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymmetrySymbols.Equal(d.Symbol, local.Local));
                return declarator?.Initializer?.Value is { } initializer && IsCanonical(initializer, depth + 1);
            default:
                return false;
        }
    }

    private void Report(IOperation at, Coordinate coordinate, string use)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add("Period", coordinate.Period.ToString("R", CultureInfo.InvariantCulture));
        _body.Report(
            DiagnosticDescriptors.PeriodicValueOutsidePeriodicExpression,
            at.Syntax,
            properties,
            _body.FunctionName,
            coordinate.MemberName,
            SymmetrySymbols.FormatPeriod(coordinate.Period),
            use);
    }

    private sealed record Coordinate(string MemberName, double Period);
}
