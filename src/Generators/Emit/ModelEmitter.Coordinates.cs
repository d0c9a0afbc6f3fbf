using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    private static void EmitCoordinates(SourceWriter w, EmitContext context)
    {
        var members = context.Members;

        InheritDoc(w);
        w.Open("public int ParameterCount");
        w.Open("get");
        w.Line("var count = 0;");
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            if (member.Shape == MemberShape.Scalar)
            {
                w.Line("count += 1;");
                continue;
            }

            w.Open();
            Load(w, context, k, "this", "v");
            if (member.Element == ElementKind.Model)
            {
                w.Line($"foreach (var particle in v{k}) count += particle.ParameterCount;");
            }
            else
            {
                w.Line($"count += {NumericEntryCount(context, k, "v")};");
            }

            w.Close();
        }

        w.Line("return count;");
        w.Close();
        w.Close();

        w.Line();
        EmitCopyTo(w, context);
        w.Line();
        EmitCopyFrom(w, context);
        w.Line();
        EmitMetricWeights(w, context);
    }

    /// <summary>
    /// Writes the span length check. It reads <c>ParameterCount</c>, which checks the rows and particles for null,
    /// so the methods that call it load their members with <c>elementsChecked</c>.
    /// </summary>
    private static void CheckSpanLength(SourceWriter w, EmitContext context, string parameter)
    {
        w.Line("var required = this.ParameterCount;");
        w.Line($"if ({parameter}.Length < required) throw {Support}.SpanTooShort(nameof({parameter}), required, {parameter}.Length);");
        if (context.Members.Count > 0)
        {
            w.Line("var offset = 0;");
        }
    }

    private static void EmitCopyTo(SourceWriter w, EmitContext context)
    {
        var members = context.Members;
        InheritDoc(w);
        w.Open($"public void CopyTo({SpanOf}<double> destination)");
        CheckSpanLength(w, context, "destination");
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            if (member.Shape == MemberShape.Scalar)
            {
                w.Line($"destination[offset++] = this.{member.Name};");
                continue;
            }

            w.Open();
            Load(w, context, k, "this", "v", elementsChecked: true);
            if (member.Element == ElementKind.Model)
            {
                w.Open($"foreach (var particle in v{k})");
                w.Line("particle.CopyTo(destination.Slice(offset));");
                w.Line("offset += particle.ParameterCount;");
                w.Close();
            }
            else if (member.Shape == MemberShape.JaggedRows)
            {
                w.Open($"foreach (var row in v{k})");
                w.Line($"{AsSpan("row")}.CopyTo(destination.Slice(offset));");
                w.Line("offset += row.Length;");
                w.Close();
            }
            else if (member.Element == ElementKind.Float)
            {
                w.Line($"foreach (var value in v{k}) destination[offset++] = value;");
            }
            else
            {
                w.Line($"v{k}.CopyTo(destination.Slice(offset));");
                w.Line($"offset += v{k}.Length;");
            }

            w.Close();
        }

        w.Close();
    }

    private static void EmitCopyFrom(SourceWriter w, EmitContext context)
    {
        var members = context.Members;
        InheritDoc(w);
        w.Open("public void CopyFrom(global::System.ReadOnlySpan<double> source)");
        CheckSpanLength(w, context, "source");
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            var cast = member.Element == ElementKind.Float ? "(float)" : string.Empty;
            if (member.Shape == MemberShape.Scalar)
            {
                w.Line($"this.{member.Name} = {cast}source[offset++];");
                continue;
            }

            w.Open();
            Load(w, context, k, "this", "v", elementsChecked: true);
            if (member.Element == ElementKind.Model)
            {
                // Indexing the span writes a struct particle in place; a foreach copy would be lost.
                w.Open($"for (var i = 0; i < v{k}.Length; i++)");
                w.Line($"var length = v{k}[i].ParameterCount;");
                w.Line($"v{k}[i].CopyFrom(source.Slice(offset, length));");
                w.Line("offset += length;");
                w.Close();
            }
            else if (member.Shape == MemberShape.JaggedRows)
            {
                w.Open($"foreach (var row in v{k})");
                w.Line("source.Slice(offset, row.Length).CopyTo(row);");
                w.Line("offset += row.Length;");
                w.Close();
            }
            else if (member.Element == ElementKind.Float)
            {
                w.Line($"for (var i = 0; i < v{k}.Length; i++) v{k}[i] = (float)source[offset++];");
            }
            else
            {
                w.Line($"source.Slice(offset, v{k}.Length).CopyTo(v{k});");
                w.Line($"offset += v{k}.Length;");
            }

            w.Close();
        }

        w.Close();
    }

    private static void EmitMetricWeights(SourceWriter w, EmitContext context)
    {
        var members = context.Members;
        InheritDoc(w);
        w.Open($"public void GetMetricWeights({SpanOf}<double> destination)");
        CheckSpanLength(w, context, "destination");
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            if (member.Shape == MemberShape.Scalar)
            {
                w.Line("destination[offset++] = 1d;");
                continue;
            }

            w.Open();
            Load(w, context, k, "this", "v", elementsChecked: true);
            if (!member.IsPermuted)
            {
                w.Line($"destination.Slice(offset, v{k}.Length).Fill(1d);");
                w.Line($"offset += v{k}.Length;");
                w.Close();
                continue;
            }

            // Every entry of a particle in a collection of n particles has weight 1/n, so the squared norm is the
            // mean over particles. A model particle's own weights are scaled by the same factor.
            w.Line($"var weight = 1d / {Count(context, k, "v")};");
            if (member.Element == ElementKind.Model)
            {
                w.Open($"foreach (var particle in v{k})");
                w.Line("var weights = destination.Slice(offset, particle.ParameterCount);");
                w.Line("particle.GetMetricWeights(weights);");
                w.Line("for (var j = 0; j < weights.Length; j++) weights[j] *= weight;");
                w.Line("offset += weights.Length;");
                w.Close();
            }
            else
            {
                w.Line($"var entries = {NumericEntryCount(context, k, "v")};");
                w.Line("destination.Slice(offset, entries).Fill(weight);");
                w.Line("offset += entries;");
            }

            w.Close();
        }

        w.Close();
    }
}
