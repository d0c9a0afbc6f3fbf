using System.Linq;

namespace SymmetryDsl.Generators.Emit;

internal static partial class ModelEmitter
{
    private static void EmitGroupElement(SourceWriter w, EmitContext context)
    {
        var components = context.Components;
        w.Line("/// <summary>");
        w.Line($"/// An element of the symmetry group of {XmlText(context.Type.DisplayName)}: one permutation per permutation group, one");
        w.Line("/// integer shift per periodic entry, and one inner group element per particle that is itself a model.");
        w.Line("/// Instances are immutable.");
        w.Line("/// </summary>");
        w.Line(GeneratedCodeAttribute);
        w.Open("public sealed class GroupElement");

        foreach (var component in components)
        {
            var storage = component.IsSequence ? component.ArrayElementType + "[]" : component.Type;
            w.Line($"private readonly {storage} {component.Field};");
        }

        if (components.Count > 0)
        {
            w.Line();
        }

        w.Line("/// <summary>Creates a group element from its components; sequences are copied.</summary>");
        foreach (var component in components)
        {
            w.Line($"/// <param name=\"{component.Field}\">{component.Summary}</param>");
        }

        var parameters = components.Select(c => (c.IsSequence ? $"global::System.ReadOnlySpan<{c.ArrayElementType}>" : c.Type) + " " + c.Parameter);
        w.Line(GeneratedCodeAttribute);
        w.Open($"public GroupElement({string.Join(", ", parameters)})");
        foreach (var component in components.Where(c => !c.IsSequence && c.Type != "long"))
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({component.Parameter});");
        }

        foreach (var component in components)
        {
            var value = component.IsSequence ? component.Parameter + ".ToArray()" : component.Parameter;
            w.Line($"this.{component.Field} = {value};");
        }

        w.Close();

        foreach (var component in components)
        {
            w.Line();
            Header(w, component.Summary);
            var type = component.IsSequence ? $"global::System.ReadOnlySpan<{component.ArrayElementType}>" : component.Type;
            w.Line($"public {type} {component.Property} => this.{component.Field};");
        }

        w.Line();
        Header(w, "Whether this element leaves every model unchanged: identity permutations, zero shifts and identity inner elements.");
        w.Open("public bool IsIdentity");
        w.Open("get");
        foreach (var component in components)
        {
            if (component.MemberIndex < 0)
            {
                w.Line($"if (!this.{component.Field}.IsIdentity) return false;");
            }
            else if (component.ArrayElementType == "long")
            {
                w.Line($"foreach (var shift in this.{component.Field}) if (shift != 0) return false;");
            }
            else if (component.IsSequence)
            {
                w.Line($"foreach (var inner in this.{component.Field}) if (!inner.IsIdentity) return false;");
            }
            else
            {
                w.Line($"if (this.{component.Field} != 0) return false;");
            }
        }

        w.Line("return true;");
        w.Close();
        w.Close();

        w.Line();
        EmitCompose(w, context);

        w.Line();
        EmitInverse(w, context);

        w.Line();
        EmitGroupElementToString(w, components);

        w.Line();
        w.Line("/// <summary>Returns the identity element for models shaped like <paramref name=\"shape\"/>.</summary>");
        w.Line("/// <param name=\"shape\">A model whose particle counts and array lengths the element must fit.</param>");
        EmitRowLengthException(w, context, "shape");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public static GroupElement Identity({context.Self} shape) => {context.Self}.IdentityElement(shape);");
        w.Close();
    }

    /// <summary>
    /// Writes a <c>ToString</c> that names every component, so a printed alignment shows the permutations and shifts
    /// instead of the type name. Numbers use the invariant culture, so the text does not depend on the machine.
    /// </summary>
    private static void EmitGroupElementToString(SourceWriter w, System.Collections.Generic.List<Component> components)
    {
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        w.Line("/// <summary>Returns the components by name, for example <c>{ PointsPermutation = [1, 0, 2], PhaseShift = -1 }</c>.</summary>");
        w.Line(GeneratedCodeAttribute);
        w.Open("public override string ToString()");
        w.Line("var text = new global::System.Text.StringBuilder(\"{\");");
        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            var label = (c == 0 ? " " : ", ") + component.Property + " = ";
            string value;
            if (component.MemberIndex < 0)
            {
                value = $"this.{component.Field}.ToString()";
            }
            else if (component.ArrayElementType == "long")
            {
                value = $"\"[\" + global::System.String.Join(\", \", global::System.Linq.Enumerable.Select(this.{component.Field}, shift => shift.ToString({Invariant}))) + \"]\"";
            }
            else if (component.IsSequence)
            {
                value = $"\"[\" + global::System.String.Join(\", \", global::System.Linq.Enumerable.Select(this.{component.Field}, inner => inner.ToString())) + \"]\"";
            }
            else
            {
                value = $"this.{component.Field}.ToString({Invariant})";
            }

            w.Line($"text.Append({Literal(label)}).Append({value});");
        }

        w.Line("return text.Append(\" }\").ToString();");
        w.Close();
    }
}
