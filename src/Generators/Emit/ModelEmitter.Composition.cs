using System.Linq;
using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    /// <summary>
    /// Writes <c>Compose</c>, the product that applies the inner element first. Apply reads shifts and inner
    /// elements at each particle's position before its permutation. So the outer element's entries for the particle
    /// that started at i are those at σ(i), the position to which the inner permutation σ moved it. For rows of
    /// width w, entry c of particle i of the product is inner[i·w + c] + outer[σ(i)·w + c], and an inner model
    /// element is outer[σ(i)] composed with inner[i].
    /// </summary>
    private static void EmitCompose(SourceWriter w, EmitContext context)
    {
        var components = context.Components;
        w.Line("/// <summary>");
        w.Line("/// Returns the element that acts as <paramref name=\"inner\"/> first and then as this element, so that");
        w.Line("/// <c>x.Apply(g.Compose(h))</c> equals <c>x.Apply(h).Apply(g)</c> for every model x, up to the rounding of");
        w.Line("/// periodic entries. Each permutation of the result is this element's permutation composed with the inner one.");
        w.Line("/// </summary>");
        EmitEqualRowsRemark(w, context);
        w.Line("/// <param name=\"inner\">The element applied first, created from a model of the same shape.</param>");
        w.Line("/// <returns>The product of this element and <paramref name=\"inner\"/>, a new instance.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"inner\"/> is null.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A component of <paramref name=\"inner\"/> has a different length than in this element, as for elements of models with different particle counts.</exception>");
        EmitCompositionExceptions(w, context, "a sum of shifts");
        w.Line(GeneratedCodeAttribute);
        w.Open("public GroupElement Compose(GroupElement inner)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(inner);");
        foreach (var component in components)
        {
            if (component.MemberIndex < 0 || component.IsSequence)
            {
                var length = component.MemberIndex < 0 ? "Count" : "Length";
                w.Line($"if (inner.{component.Field}.{length} != this.{component.Field}.{length}) throw {Support}.ComposeMismatch(nameof(inner), {Literal(component.Property)}, this.{component.Field}.{length}, inner.{component.Field}.{length});");
            }
        }

        w.Line();
        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            var field = component.Field;
            if (component.MemberIndex < 0)
            {
                w.Line($"var c{c} = this.{field}.Compose(inner.{field});");
                continue;
            }

            var member = context.Members[component.MemberIndex];
            if (!component.IsSequence)
            {
                w.Line($"var c{c} = checked(this.{field} + inner.{field});");
                continue;
            }

            if (member.IsPermuted)
            {
                w.Line();
            }

            w.Line($"var c{c} = new {component.ArrayElementType}[this.{field}.Length];");
            if (!member.IsPermuted)
            {
                w.Line($"for (var j = 0; j < c{c}.Length; j++) c{c}[j] = checked(this.{field}[j] + inner.{field}[j]);");
                continue;
            }

            var permutation = PermutationComponent(context, member);
            w.Open();
            w.Line($"var sigma = inner.{permutation.Field}.AsSpan();");
            if (member.Element == ElementKind.Model)
            {
                CheckParticleComponent(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) c{c}[i] = this.{field}[sigma[i]].Compose(inner.{field}[i]);");
            }
            else if (HasRows(member))
            {
                DeclareWidth(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) for (var e = 0; e < width; e++) c{c}[(i * width) + e] = checked(inner.{field}[(i * width) + e] + this.{field}[(sigma[i] * width) + e]);");
            }
            else
            {
                CheckParticleComponent(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) c{c}[i] = checked(inner.{field}[i] + this.{field}[sigma[i]]);");
            }

            w.Close();
        }

        w.Line();
        w.Line($"return new GroupElement({Arguments(components.Count)});");
        w.Close();
    }

    /// <summary>
    /// Writes <c>Inverse</c>. Apply acts on particle i at its old position and then moves it to σ(i), so the
    /// inverse stores the undoing shifts and inner elements at position σ(i) and carries the permutation σ⁻¹.
    /// </summary>
    private static void EmitInverse(SourceWriter w, EmitContext context)
    {
        var components = context.Components;
        w.Line("/// <summary>");
        w.Line("/// Returns the inverse element, so that <c>x.Apply(g).Apply(g.Inverse())</c> equals x for every model x, up to");
        w.Line("/// the rounding of x + kP − kP in periodic entries. Shifts are negated and move with their particles.");
        w.Line("/// </summary>");
        EmitEqualRowsRemark(w, context);
        w.Line("/// <returns>The inverse of this element, a new instance.</returns>");
        EmitCompositionExceptions(w, context, "a negated shift");
        w.Line(GeneratedCodeAttribute);
        w.Open("public GroupElement Inverse()");
        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            var field = component.Field;
            if (component.MemberIndex < 0)
            {
                w.Line($"var c{c} = this.{field}.Inverse();");
                continue;
            }

            var member = context.Members[component.MemberIndex];
            if (!component.IsSequence)
            {
                w.Line($"var c{c} = checked(-this.{field});");
                continue;
            }

            if (member.IsPermuted)
            {
                w.Line();
            }

            w.Line($"var c{c} = new {component.ArrayElementType}[this.{field}.Length];");
            if (!member.IsPermuted)
            {
                w.Line($"for (var j = 0; j < c{c}.Length; j++) c{c}[j] = checked(-this.{field}[j]);");
                continue;
            }

            var permutation = PermutationComponent(context, member);
            w.Open();
            w.Line($"var sigma = this.{permutation.Field}.AsSpan();");
            if (member.Element == ElementKind.Model)
            {
                CheckParticleComponent(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) c{c}[sigma[i]] = this.{field}[i].Inverse();");
            }
            else if (HasRows(member))
            {
                DeclareWidth(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) for (var e = 0; e < width; e++) c{c}[(sigma[i] * width) + e] = checked(-this.{field}[(i * width) + e]);");
            }
            else
            {
                CheckParticleComponent(w, component, permutation);
                w.Line($"for (var i = 0; i < sigma.Length; i++) c{c}[sigma[i]] = checked(-this.{field}[i]);");
            }

            w.Close();
        }

        if (components.Count > 0)
        {
            w.Line();
        }

        w.Line($"return new GroupElement({Arguments(components.Count)});");
        w.Close();
    }

    private static string Arguments(int count) => string.Join(", ", Enumerable.Range(0, count).Select(c => $"c{c}"));

    private static bool HasRows(MemberSpec member) => member.Shape is MemberShape.MatrixRows or MemberShape.JaggedRows;

    /// <summary>The group element component that contains the permutation of a permuted member's group.</summary>
    private static Component PermutationComponent(EmitContext context, MemberSpec member)
    {
        var group = context.Groups[member.GroupIndex];
        return context.Components.First(c => c.MemberIndex < 0 && c.Property == group.PropertyName);
    }

    private static void CheckParticleComponent(SourceWriter w, Component component, Component permutation) =>
        w.Line($"if (this.{component.Field}.Length != sigma.Length) throw {Support}.ParticleComponentMismatch({Literal(component.Property)}, this.{component.Field}.Length, {Literal(permutation.Property)}, sigma.Length);");

    // The element stores no row lengths, so the width fits only rows of equal length. Matrix rows always have
    // that, and Apply, IdentityElement and RandomGroupElement reject periodic jagged rows that differ in length.
    private static void DeclareWidth(SourceWriter w, Component component, Component permutation) =>
        w.Line($"var width = {Support}.EntriesPerParticle({Literal(component.Property)}, this.{component.Field}.Length, {Literal(permutation.Property)}, sigma.Length);");

    /// <summary>
    /// Writes the remark for periodic rows of jagged arrays: the element stores only the flat shifts and splits
    /// them into rows of equal length, which is the only row shape an element can act on.
    /// </summary>
    private static void EmitEqualRowsRemark(SourceWriter w, EmitContext context)
    {
        var names = PeriodicJaggedNames(context);
        if (names is null)
        {
            return;
        }

        w.Line($"/// <remarks>The shifts of {names} are split into rows of equal length. Apply, IdentityElement and RandomGroupElement");
        w.Line($"/// reject models whose rows of {names} differ in length, so every model this element can act on has such rows.</remarks>");
    }

    private static void EmitCompositionExceptions(SourceWriter w, EmitContext context, string overflowing)
    {
        if (context.Members.Any(m => m.IsPermuted && m.ElementProperty is not null))
        {
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A component contains a number of shifts or inner elements that does not fit the particle count of its permutation.</exception>");
        }

        if (context.Components.Any(c => c.MemberIndex >= 0 && c.Type == "long"))
        {
            w.Line($"/// <exception cref=\"global::System.OverflowException\">{char.ToUpperInvariant(overflowing[0]) + overflowing.Substring(1)} overflows <see cref=\"long\"/>.</exception>");
        }
    }
}
