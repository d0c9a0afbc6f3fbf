using System.Linq;
using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    private static string AsSpan(string arguments) => $"global::System.MemoryExtensions.AsSpan({arguments})";

    private static void EmitDeepClone(SourceWriter w, EmitContext context)
    {
        InheritDoc(w);
        w.Open($"public {context.Self} DeepClone()");
        w.Line(context.Type.IsValueType ? "var clone = this;" : $"var clone = ({context.Self})this.MemberwiseClone();");
        foreach (var member in context.Members)
        {
            if (!member.IsReference)
            {
                continue;
            }

            var value = NotNullWithElements(context, member, "this");
            var element = ElementType(member);
            var copy = (member.Shape, member.Element) switch
            {
                (MemberShape.ParticleList, ElementKind.Model) => $"{Support}.CloneModelsToList<{element}>({CollectionsMarshal}.AsSpan({value}))",
                (_, ElementKind.Model) => $"{Support}.CloneModels<{element}>({value})",
                (MemberShape.ParticleList, _) => $"new global::System.Collections.Generic.List<{element}>({value})",
                (MemberShape.MatrixRows, _) => $"(double[,]){value}.Clone()",
                (MemberShape.JaggedRows, _) => $"{Support}.CloneRows({value})",
                _ => $"({element}[]){value}.Clone()",
            };
            w.Line($"clone.{member.Name} = {copy};");
        }

        w.Line("return clone;");
        w.Close();
    }

    /// <summary>The statement that adds <c>shift·P</c> to the entry <paramref name="target"/>, rounding back for float members.</summary>
    private static string ShiftStatement(MemberSpec member, string target, string shift) =>
        member.Element == ElementKind.Float
            ? $"{target} = (float)({target} + {shift} * {PeriodOf(member)});"
            : $"{target} = {target} + {shift} * {PeriodOf(member)};";

    private static string WrapStatement(MemberSpec member, string target) =>
        $"{target} = {Periodic}.Wrap({target}, {PeriodOf(member, member.Element == ElementKind.Float)});";

    private static void CheckComponentLength(SourceWriter w, string component, string expected, string actual) =>
        w.Line($"if ({actual} != {expected}) throw {Support}.ElementMismatch(nameof(element), {Literal(component)}, {expected}, {actual});");

    /// <summary>
    /// Writes the check that rejects a periodic jagged member whose rows differ in length. Group elements store
    /// the member's shifts flat and split them into rows of equal length, so every method that applies or creates
    /// an element runs it.
    /// </summary>
    /// <param name="owner">The model: <c>result</c>, the copy of <c>this</c> in <c>Apply</c>, or the parameter <c>shape</c>.</param>
    private static void CheckEqualRowLengths(SourceWriter w, EmitContext context, int index, string rows, string owner)
    {
        var member = context.Members[index];
        if (member.HasPeriodicJaggedRows)
        {
            w.Line($"{Support}.ThrowIfRowLengthsDiffer({rows}, {TypeName(context)}, {Literal(member.DisplayName)}, {ModelParameterName(owner)});");
        }
    }

    /// <summary>
    /// Writes <c>&lt;inheritdoc/&gt;</c>, the exception for rows of different lengths when the model has periodic
    /// jagged rows, and the generated-code attribute.
    /// </summary>
    /// <param name="parameter">The parameter with the model, or null when the model is the instance itself.</param>
    private static void InheritDocWithRowLengths(SourceWriter w, EmitContext context, string? parameter)
    {
        w.Line("/// <inheritdoc/>");
        EmitRowLengthException(w, context, parameter);
        w.Line(GeneratedCodeAttribute);
    }

    private static void EmitRowLengthException(SourceWriter w, EmitContext context, string? parameter)
    {
        var names = PeriodicJaggedNames(context);
        if (names is null)
        {
            return;
        }

        w.Line(parameter is null
            ? $"/// <exception cref=\"global::System.InvalidOperationException\">The rows of {names} in this instance differ in length.</exception>"
            : $"/// <exception cref=\"global::System.ArgumentException\">The rows of {names} in <paramref name=\"{parameter}\"/> differ in length.</exception>");
    }

    /// <summary>The names of the periodic jagged members for XML docs, joined with "or", or null when there are none.</summary>
    private static string? PeriodicJaggedNames(EmitContext context)
    {
        var names = context.Members.Where(m => m.HasPeriodicJaggedRows).Select(m => XmlText(m.DisplayName)).ToList();
        return names.Count == 0 ? null : string.Join(" or ", names);
    }

    private static void EmitApply(SourceWriter w, EmitContext context)
    {
        InheritDocWithRowLengths(w, context, null);
        w.Open($"public {context.Self} Apply(GroupElement element)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(element);");

        // DeepClone checks the rows and particles of this for null, and its copy has none, so result loads skip the check.
        w.Line("var result = this.DeepClone();");

        foreach (var k in context.UnpermutedIndices)
        {
            var member = context.Members[k];
            if (member.Shape == MemberShape.Scalar)
            {
                CheckFinite(w, context, k, "result");
                if (member.IsPeriodic)
                {
                    w.Line(ShiftStatement(member, $"result.{member.Name}", $"element.{member.ElementProperty}"));
                }

                continue;
            }

            w.Open();
            Load(w, context, k, "result", "r", elementsChecked: true, checkFinite: true);
            if (member.IsPeriodic)
            {
                w.Line($"var shifts = element.{member.ElementProperty};");
                CheckComponentLength(w, member.ElementProperty!, $"r{k}.Length", "shifts.Length");
                w.Line($"for (var j = 0; j < r{k}.Length; j++) {ShiftStatement(member, $"r{k}[j]", "shifts[j]")}");
            }

            w.Close();
        }

        foreach (var group in context.Groups)
        {
            w.Open();
            w.Line($"var permutation = element.{group.PropertyName};");
            foreach (var k in group.MemberIndices)
            {
                EmitApplyToParticles(w, context, group, k);
            }

            w.Close();
        }

        w.Line("return result;");
        w.Close();
    }

    /// <summary>
    /// Writes the action on one permuted member: the inner shifts or inner group elements act on each particle at
    /// its old position, and then the permutation moves particle i to position σ(i).
    /// </summary>
    private static void EmitApplyToParticles(SourceWriter w, EmitContext context, GroupSpec group, int k)
    {
        var member = context.Members[k];
        w.Open();
        Load(w, context, k, "result", "r", elementsChecked: true, checkFinite: true);
        CheckEqualRowLengths(w, context, k, $"r{k}", "result");
        CheckComponentLength(w, group.PropertyName, Count(context, k, "r"), "permutation.Count");

        if (member.Element == ElementKind.Model)
        {
            w.Line($"var inner = element.{member.ElementProperty};");
            CheckComponentLength(w, member.ElementProperty!, $"r{k}.Length", "inner.Length");
            w.Line($"for (var i = 0; i < r{k}.Length; i++) r{k}[i] = r{k}[i].Apply(inner[i]);");
        }
        else if (member.HasPeriodicJaggedRows)
        {
            w.Line($"var shifts = element.{member.ElementProperty};");
            CheckComponentLength(w, member.ElementProperty!, $"{Support}.TotalLength(r{k})", "shifts.Length");
            w.Line("var entry = 0;");
            w.Line($"foreach (var row in r{k}) for (var c = 0; c < row.Length; c++) {ShiftStatement(member, "row[c]", "shifts[entry++]")}");
        }
        else if (member.IsPeriodic)
        {
            w.Line($"var shifts = element.{member.ElementProperty};");
            CheckComponentLength(w, member.ElementProperty!, $"r{k}.Length", "shifts.Length");
            w.Line($"for (var j = 0; j < r{k}.Length; j++) {ShiftStatement(member, $"r{k}[j]", "shifts[j]")}");
        }

        w.Line($"result.{member.Name} = {PermuteExpression(member, $"r{k}", "permutation.AsSpan()")};");
        w.Close();
    }

    private static string PermuteExpression(MemberSpec member, string local, string permutation) => member.Shape switch
    {
        MemberShape.ParticleList => $"{Support}.PermuteToList<{ElementType(member)}>({local}, {permutation})",
        MemberShape.MatrixRows => $"{Support}.PermuteRows({local}Matrix, {permutation})",
        MemberShape.JaggedRows => $"{Support}.PermuteToArray<double[]>({local}, {permutation})",
        _ => $"{Support}.PermuteToArray<{ElementType(member)}>({local}, {permutation})",
    };

    private static void EmitIdentityAndRandom(SourceWriter w, EmitContext context)
    {
        foreach (var random in new[] { false, true })
        {
            InheritDocWithRowLengths(w, context, "shape");
            w.Open(random
                ? $"public static GroupElement RandomGroupElement({context.Self} shape, global::System.Random random)"
                : $"public static GroupElement IdentityElement({context.Self} shape)");
            if (!context.Type.IsValueType)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(shape);");
            }

            if (random)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
            }

            for (var c = 0; c < context.Components.Count; c++)
            {
                var component = context.Components[c];
                if (component.MemberIndex < 0)
                {
                    var group = context.Groups.First(g => g.PropertyName == component.Property);
                    var count = $"{context.CountMethod(group)}(shape, nameof(shape))";
                    w.Line(random
                        ? $"var c{c} = {PermutationType}.Random({count}, random);"
                        : $"var c{c} = {PermutationType}.Identity({count});");
                    continue;
                }

                var k = component.MemberIndex;
                var member = context.Members[k];
                if (!component.IsSequence)
                {
                    w.Line(random ? $"var c{c} = {Support}.RandomShift(random);" : $"var c{c} = 0L;");
                    continue;
                }

                Load(w, context, k, "shape", "s");
                CheckEqualRowLengths(w, context, k, $"s{k}", "shape");
                if (member.Element == ElementKind.Model)
                {
                    var generic = $"<{member.ElementType}, {GroupElementOf(member)}>";
                    w.Line(random
                        ? $"var c{c} = {Support}.RandomElements{generic}(s{k}, random);"
                        : $"var c{c} = {Support}.IdentityElements{generic}(s{k});");
                }
                else
                {
                    var entries = NumericEntryCount(context, k, "s");
                    w.Line(random
                        ? $"var c{c} = {Support}.RandomShifts({entries}, random);"
                        : $"var c{c} = new long[{entries}];");
                }
            }

            var arguments = string.Join(", ", Enumerable.Range(0, context.Components.Count).Select(c => $"c{c}"));
            w.Line($"return new GroupElement({arguments});");
            w.Close();
            if (!random)
            {
                w.Line();
            }
        }
    }

    private static void EmitCanonicalize(SourceWriter w, EmitContext context)
    {
        InheritDoc(w);
        w.Open($"public {context.Self} Canonicalize()");

        // As in Apply, DeepClone has checked the rows and particles that result loads.
        w.Line("var result = this.DeepClone();");
        foreach (var k in context.UnpermutedIndices)
        {
            var member = context.Members[k];
            if (member.Shape == MemberShape.Scalar)
            {
                CheckFinite(w, context, k, "result");
                if (member.IsPeriodic)
                {
                    w.Line(WrapStatement(member, $"result.{member.Name}"));
                }

                continue;
            }

            w.Open();
            Load(w, context, k, "result", "r", elementsChecked: true, checkFinite: true);
            if (member.IsPeriodic)
            {
                w.Line($"for (var j = 0; j < r{k}.Length; j++) {WrapStatement(member, $"r{k}[j]")}");
            }

            w.Close();
        }

        foreach (var group in context.Groups)
        {
            EmitCanonicalizeGroup(w, context, group);
        }

        w.Line("return result;");
        w.Close();
    }

    /// <summary>
    /// Writes the canonical projection of one permutation group: each particle is canonicalized, and then the
    /// particles are sorted lexicographically by their coordinates, concatenated over the co-permuted members.
    /// </summary>
    private static void EmitCanonicalizeGroup(SourceWriter w, EmitContext context, GroupSpec group)
    {
        w.Open();
        foreach (var k in group.MemberIndices)
        {
            Load(w, context, k, "result", "r", elementsChecked: true, checkFinite: true);
        }

        w.Line($"var count = {context.CountMethod(group)}(result, \"this\");");
        foreach (var k in group.MemberIndices)
        {
            var member = context.Members[k];
            if (member.Element == ElementKind.Model)
            {
                w.Line($"for (var i = 0; i < count; i++) r{k}[i] = r{k}[i].Canonicalize();");
            }
            else if (member.HasPeriodicJaggedRows)
            {
                w.Line($"foreach (var row in r{k}) for (var c = 0; c < row.Length; c++) {WrapStatement(member, "row[c]")}");
            }
            else if (member.IsPeriodic)
            {
                w.Line($"for (var j = 0; j < r{k}.Length; j++) {WrapStatement(member, $"r{k}[j]")}");
            }
        }

        w.Open("if (count > 1)");
        w.Line("var offsets = new int[count + 1];");
        w.Open("for (var i = 0; i < count; i++)");
        var lengths = group.MemberIndices.Select(k => ParticleLength(context.Members[k], k));
        w.Line($"offsets[i + 1] = offsets[i] + {string.Join(" + ", lengths)};");
        w.Close();
        w.Line();
        w.Line("var coordinates = new double[offsets[count]];");
        w.Open("for (var i = 0; i < count; i++)");
        w.Line("var offset = offsets[i];");
        foreach (var k in group.MemberIndices)
        {
            var member = context.Members[k];
            var destination = AsSpan("coordinates, offset");
            switch (member.Element, member.Shape)
            {
                case (ElementKind.Model, _):
                    w.Line($"r{k}[i].CopyTo({destination});");
                    break;
                case (_, MemberShape.MatrixRows):
                    w.Line($"r{k}.Slice(i * r{k}Columns, r{k}Columns).CopyTo({destination});");
                    break;
                case (_, MemberShape.JaggedRows):
                    w.Line($"{AsSpan($"r{k}[i]")}.CopyTo({destination});");
                    break;
                default:
                    w.Line($"coordinates[offset] = r{k}[i];");
                    break;
            }

            w.Line($"offset += {ParticleLength(member, k)};");
        }

        w.Close();
        w.Line();
        w.Line("var order = new int[count];");
        w.Line($"{Support}.CanonicalOrder(coordinates, offsets, order);");
        foreach (var k in group.MemberIndices)
        {
            var member = context.Members[k];
            w.Line($"result.{member.Name} = {PermuteExpression(member, $"r{k}", "order")};");
        }

        w.Close();
        w.Close();
    }

    /// <summary>The number of flat coordinates of particle <c>i</c> of a loaded member.</summary>
    private static string ParticleLength(MemberSpec member, int k) => (member.Element, member.Shape) switch
    {
        (ElementKind.Model, _) => $"r{k}[i].ParameterCount",
        (_, MemberShape.MatrixRows) => $"r{k}Columns",
        (_, MemberShape.JaggedRows) => $"r{k}[i].Length",
        _ => "1",
    };
}
