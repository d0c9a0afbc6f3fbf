using System.Linq;
using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    private const string Wasserstein = "global::SymmetryDsl.Transport.Wasserstein";
    private const string LinearAssignment = "global::SymmetryDsl.Transport.LinearAssignment";
    private const string ArrayPool = "global::System.Buffers.ArrayPool";

    private static void NullChecks(SourceWriter w, EmitContext context)
    {
        if (!context.Type.IsValueType)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(x);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(y);");
        }
    }

    /// <summary>The signed difference of two entries: plain, or the shortest one on the circle for periodic members.</summary>
    private static string Difference(MemberSpec member, string x, string y) =>
        member.IsPeriodic
            ? $"{Periodic}.Difference((double){x}, (double){y}, {PeriodOf(member)})"
            : $"(double){x} - {y}";

    private static void EmitDistance(SourceWriter w, EmitContext context)
    {
        InheritDoc(w);
        w.Open($"public static double OrbitDistanceSquared({context.Self} x, {context.Self} y)");
        NullChecks(w, context);
        w.Line("var total = 0d;");
        foreach (var k in context.UnpermutedIndices)
        {
            var member = context.Members[k];
            w.Open();
            if (member.Shape == MemberShape.Scalar)
            {
                CheckFinite(w, context, k, "x");
                CheckFinite(w, context, k, "y");
                w.Line($"var difference = {Difference(member, $"x.{member.Name}", $"y.{member.Name}")};");
                w.Line("total += difference * difference;");
                w.Close();
                continue;
            }

            Load(w, context, k, "x", "x", checkFinite: true);
            Load(w, context, k, "y", "y", checkFinite: true);
            w.Line($"if (x{k}.Length != y{k}.Length) throw {Support}.LengthMismatch(nameof(y), {TypeName(context)}, {Literal(member.DisplayName)}, x{k}.Length, y{k}.Length);");
            w.Open($"for (var j = 0; j < x{k}.Length; j++)");
            w.Line($"var difference = {Difference(member, $"x{k}[j]", $"y{k}[j]")};");
            w.Line("total += difference * difference;");
            w.Close();
            w.Close();
        }

        foreach (var group in context.Groups)
        {
            w.Line($"total += {context.DistanceMethod(group)}(x, y, default);");
        }

        w.Line("return total;");
        w.Close();

        w.Line();
        InheritDoc(w);
        w.Line($"public static double OrbitDistance({context.Self} x, {context.Self} y) => global::System.Math.Sqrt(OrbitDistanceSquared(x, y));");

        w.Line();
        InheritDoc(w);
        w.Open($"public static bool AreEquivalent({context.Self} x, {context.Self} y, double tolerance)");
        w.Open("if (double.IsNaN(tolerance) || tolerance < 0)");
        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(tolerance), tolerance, \"The tolerance must be zero or positive.\");");
        w.Close();
        w.Line();
        w.Line("return OrbitDistance(x, y) <= tolerance;");
        w.Close();
    }

    private static void EmitAlign(SourceWriter w, EmitContext context)
    {
        InheritDoc(w);
        w.Open($"public static GroupElement Align({context.Self} x, {context.Self} y)");
        NullChecks(w, context);

        // Members outside permutation groups come first, so that a coordinate of theirs that is not finite is
        // reported before any assignment is solved.
        foreach (var k in context.UnpermutedIndices)
        {
            EmitUnpermutedAlignment(w, context, k);
        }

        for (var g = 0; g < context.Groups.Count; g++)
        {
            var group = context.Groups[g];
            w.Line($"var assignment{g} = new int[{context.CountMethod(group)}(x, nameof(x))];");
            w.Line($"{context.DistanceMethod(group)}(x, y, assignment{g});");
        }

        for (var c = 0; c < context.Components.Count; c++)
        {
            var component = context.Components[c];
            if (component.MemberIndex < 0)
            {
                var g = context.Groups.FindIndex(group => group.PropertyName == component.Property);
                w.Line($"var c{c} = new {PermutationType}(assignment{g});");
                continue;
            }

            var k = component.MemberIndex;
            var member = context.Members[k];
            if (!member.IsPermuted)
            {
                continue;
            }

            // The distance method of the member's group has already checked its rows and particles in x and y.
            Load(w, context, k, "x", "x", elementsChecked: true);
            Load(w, context, k, "y", "y", elementsChecked: true);
            var sigma = $"assignment{member.GroupIndex}";
            switch (member.Element, member.Shape)
            {
                case (ElementKind.Model, _):
                    w.Line($"var c{c} = new {GroupElementOf(member)}[x{k}.Length];");
                    w.Line($"for (var i = 0; i < x{k}.Length; i++) c{c}[i] = {member.ElementType}.Align(x{k}[i], y{k}[{sigma}[i]]);");
                    break;
                case (_, MemberShape.MatrixRows):
                    w.Line($"var c{c} = new long[x{k}.Length];");
                    w.Line($"for (var i = 0; i < x{k}Rows; i++) for (var j = 0; j < x{k}Columns; j++) c{c}[i * x{k}Columns + j] = {Periodic}.NearestShift(x{k}[i * x{k}Columns + j], y{k}[{sigma}[i] * y{k}Columns + j], {PeriodOf(member)});");
                    break;
                case (_, MemberShape.JaggedRows):
                    w.Line($"var c{c} = new long[{Support}.TotalLength(x{k})];");
                    w.Line($"var entry{k} = 0;");
                    w.Line($"for (var i = 0; i < x{k}.Length; i++) for (var j = 0; j < x{k}[i].Length; j++) c{c}[entry{k}++] = {Periodic}.NearestShift(x{k}[i][j], y{k}[{sigma}[i]][j], {PeriodOf(member)});");
                    break;
                default:
                    w.Line($"var c{c} = new long[x{k}.Length];");
                    w.Line($"for (var i = 0; i < x{k}.Length; i++) c{c}[i] = {Periodic}.NearestShift((double)x{k}[i], (double)y{k}[{sigma}[i]], {PeriodOf(member)});");
                    break;
            }
        }

        var arguments = string.Join(", ", Enumerable.Range(0, context.Components.Count).Select(c => $"c{c}"));
        w.Line($"return new GroupElement({arguments});");
        w.Close();
    }

    /// <summary>
    /// Writes the finiteness check of a member outside permutation groups in <c>Align</c> and, for a periodic
    /// member, its group element component: the shift k that minimizes |x + kP − y| for each entry.
    /// </summary>
    private static void EmitUnpermutedAlignment(SourceWriter w, EmitContext context, int k)
    {
        var member = context.Members[k];
        var c = context.Components.FindIndex(component => component.MemberIndex == k);
        if (member.Shape == MemberShape.Scalar)
        {
            CheckFinite(w, context, k, "x");
            CheckFinite(w, context, k, "y");
            if (c >= 0)
            {
                w.Line($"var c{c} = {Periodic}.NearestShift((double)x.{member.Name}, (double)y.{member.Name}, {PeriodOf(member)});");
            }

            return;
        }

        Load(w, context, k, "x", "x", checkFinite: true);
        Load(w, context, k, "y", "y", checkFinite: true);
        if (c >= 0)
        {
            w.Line($"if (x{k}.Length != y{k}.Length) throw {Support}.LengthMismatch(nameof(y), {TypeName(context)}, {Literal(member.DisplayName)}, x{k}.Length, y{k}.Length);");
            w.Line($"var c{c} = new long[x{k}.Length];");
            w.Line($"for (var j = 0; j < x{k}.Length; j++) c{c}[j] = {Periodic}.NearestShift((double)x{k}[j], (double)y{k}[j], {PeriodOf(member)});");
        }
    }

    private static void EmitGroupHelpers(SourceWriter w, EmitContext context)
    {
        for (var g = 0; g < context.Groups.Count; g++)
        {
            if (g > 0)
            {
                w.Line();
            }

            EmitCountMethod(w, context, context.Groups[g]);
            w.Line();
            EmitGroupDistance(w, context, context.Groups[g]);
        }
    }

    /// <summary>The particle count of a member of the count method's <c>model</c>, whose exceptions carry its <c>parameterName</c> argument.</summary>
    private static string MemberCount(EmitContext context, MemberSpec member) => member.Shape switch
    {
        MemberShape.ParticleList => $"{NotNull(context, member, "model", "parameterName")}.Count",
        MemberShape.MatrixRows => $"{NotNull(context, member, "model", "parameterName")}.GetLength(0)",
        _ => $"{NotNull(context, member, "model", "parameterName")}.Length",
    };

    private static void EmitCountMethod(SourceWriter w, EmitContext context, GroupSpec group)
    {
        var first = context.Members[group.MemberIndices[0]];
        w.Line($"/// <summary>Returns the particle count of permutation group {XmlText(group.DisplayName)}, checking that co-permuted members agree.</summary>");
        w.Line(GeneratedCodeAttribute);
        w.Open($"private static int {context.CountMethod(group)}({context.Self} model, string parameterName)");
        w.Line($"var count = {MemberCount(context, first)};");
        foreach (var k in group.MemberIndices.Skip(1))
        {
            var member = context.Members[k];
            w.Line($"var count{k} = {MemberCount(context, member)};");
            w.Line($"if (count{k} != count) throw {Support}.GroupCountMismatch(parameterName, {TypeName(context)}, {Literal(group.DisplayName)}, {Literal(first.DisplayName)}, count, {Literal(member.DisplayName)}, count{k});");
        }

        w.Line("return count;");
        w.Close();
    }

    /// <summary>
    /// Writes the squared quotient distance of one permutation group, min over σ of (1/n) Σᵢ c(xᵢ, y_σ(i)), and
    /// the optimal σ when the caller passes a span of n entries for it.
    /// </summary>
    private static void EmitGroupDistance(SourceWriter w, EmitContext context, GroupSpec group)
    {
        w.Line($"/// <summary>Returns the squared quotient distance of permutation group {XmlText(group.DisplayName)} and writes the optimal assignment when <paramref name=\"rowToColumn\"/> is not empty.</summary>");
        w.Line(GeneratedCodeAttribute);
        w.Open($"private static double {context.DistanceMethod(group)}({context.Self} x, {context.Self} y, {SpanOf}<int> rowToColumn)");
        w.Line($"var count = {context.CountMethod(group)}(x, nameof(x));");
        w.Line($"var yCount = {context.CountMethod(group)}(y, nameof(y));");
        // Co-permuted members have equal counts, so the first member's name identifies the mismatch for the whole group.
        var first = context.Members[group.MemberIndices[0]];
        w.Line($"if (yCount != count) throw {Support}.CountMismatch(nameof(y), {TypeName(context)}, {Literal(first.DisplayName)}, count, yCount);");
        w.Line("if (count == 0) return 0d;");
        w.Line();
        foreach (var k in group.MemberIndices)
        {
            Load(w, context, k, "x", "x", checkFinite: true);
            Load(w, context, k, "y", "y", checkFinite: true);
            if (context.Members[k].Shape == MemberShape.MatrixRows)
            {
                w.Line($"if (x{k}Columns != y{k}Columns) throw {Support}.RowLengthMismatch(nameof(y), {TypeName(context)}, {Literal(context.Members[k].DisplayName)}, x{k}Columns, y{k}Columns);");
            }
        }

        w.Line();
        var single = context.Members[group.MemberIndices[0]];
        var sortable = group.MemberIndices.Count == 1
            && !single.IsPeriodic
            && single.Element != ElementKind.Model
            && single.Shape is MemberShape.ParticleArray or MemberShape.ParticleList;
        if (sortable)
        {
            EmitSortedDistance(w, single, group.MemberIndices[0]);
        }
        else
        {
            EmitAssignmentDistance(w, context, group);
        }

        w.Close();
    }

    /// <summary>
    /// Writes the one-dimensional path: for particles that are single numbers with no inner symmetry, pairing
    /// both sides in sorted order is an optimal assignment, so the runtime's sorting Wasserstein distance applies.
    /// </summary>
    private static void EmitSortedDistance(SourceWriter w, MemberSpec member, int k)
    {
        var xs = $"x{k}";
        var ys = $"y{k}";
        if (member.Element == ElementKind.Float)
        {
            w.Line($"var xBuffer = {ArrayPool}<double>.Shared.Rent(count);");
            w.Line($"var yBuffer = {ArrayPool}<double>.Shared.Rent(count);");
            w.Open("try");
            w.Line($"var xWide = new {SpanOf}<double>(xBuffer, 0, count);");
            w.Line($"var yWide = new {SpanOf}<double>(yBuffer, 0, count);");
            w.Line($"for (var i = 0; i < count; i++) xWide[i] = {xs}[i];");
            w.Line($"for (var i = 0; i < count; i++) yWide[i] = {ys}[i];");
            xs = "xWide";
            ys = "yWide";
        }

        w.Line($"if (rowToColumn.IsEmpty) return {Wasserstein}.W2Squared({xs}, {ys});");
        w.Line();
        w.Line($"var coupling = {Wasserstein}.Compute({xs}, {ys});");
        w.Line("new global::System.ReadOnlySpan<int>(coupling.Matching).CopyTo(rowToColumn);");
        w.Line("return coupling.SquaredDistance;");
        if (member.Element == ElementKind.Float)
        {
            w.Close();
            w.Open("finally");
            w.Line($"{ArrayPool}<double>.Shared.Return(xBuffer);");
            w.Line($"{ArrayPool}<double>.Shared.Return(yBuffer);");
            w.Close();
        }
    }

    /// <summary>
    /// Writes the general path: the n × n cost matrix of per-pair squared quotient distances, summed over the
    /// co-permuted members, in pooled buffers, solved exactly by the linear assignment solver.
    /// </summary>
    private static void EmitAssignmentDistance(SourceWriter w, EmitContext context, GroupSpec group)
    {
        w.Line($"var costBuffer = {Support}.RentCostMatrix(nameof(x), {TypeName(context)}, {Literal(group.DisplayName)}, count);");
        w.Line($"var assignmentBuffer = rowToColumn.IsEmpty ? {ArrayPool}<int>.Shared.Rent(count) : null;");
        w.Open("try");
        w.Line($"var cost = new {SpanOf}<double>(costBuffer, 0, count * count);");
        w.Open("for (var i = 0; i < count; i++)");
        w.Open("for (var j = 0; j < count; j++)");
        w.Line("var pairCost = 0d;");
        foreach (var k in group.MemberIndices)
        {
            EmitPairCost(w, context, k);
        }

        w.Line("cost[i * count + j] = pairCost;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"var assignment = assignmentBuffer is null ? rowToColumn : new {SpanOf}<int>(assignmentBuffer, 0, count);");
        w.Line($"return {LinearAssignment}.Solve(cost, count, count, assignment) / count;");
        w.Close();
        w.Open("finally");
        w.Line($"{ArrayPool}<double>.Shared.Return(costBuffer);");
        w.Line($"if (assignmentBuffer is not null) {ArrayPool}<int>.Shared.Return(assignmentBuffer);");
        w.Close();
    }

    private static void EmitPairCost(SourceWriter w, EmitContext context, int k)
    {
        var member = context.Members[k];
        string Rows(string x, string y) => member.IsPeriodic
            ? $"{Periodic}.SquaredDistance({x}, {y}, {PeriodOf(member)})"
            : $"{Support}.SquaredDistance({x}, {y})";

        switch (member.Element, member.Shape)
        {
            case (ElementKind.Model, _):
                w.Line($"pairCost += {member.ElementType}.OrbitDistanceSquared(x{k}[i], y{k}[j]);");
                break;
            case (_, MemberShape.MatrixRows):
                w.Line($"pairCost += {Rows($"x{k}.Slice(i * x{k}Columns, x{k}Columns)", $"y{k}.Slice(j * y{k}Columns, y{k}Columns)")};");
                break;
            case (_, MemberShape.JaggedRows):
                w.Line($"if (x{k}[i].Length != y{k}[j].Length) throw {Support}.RowLengthMismatch(nameof(y), {TypeName(context)}, {Literal(member.DisplayName)}, i, x{k}[i].Length, j, y{k}[j].Length);");
                w.Line($"pairCost += {Rows($"x{k}[i]", $"y{k}[j]")};");
                break;
            default:
                w.Open();
                w.Line($"var difference = {Difference(member, $"x{k}[i]", $"y{k}[j]")};");
                w.Line("pairCost += difference * difference;");
                w.Close();
                break;
        }
    }
}
