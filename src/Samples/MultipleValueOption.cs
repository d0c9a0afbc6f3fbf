using System.CommandLine;
using System.Globalization;

namespace SymmetryDsl.Samples;

/// <summary>
/// An option that takes one or more values, separated by spaces after one flag (<c>--x 0.2 1.5</c>) or given by
/// repeating the flag, with a default that the help shows as the user would type it.
/// </summary>
/// <remarks>
/// System.CommandLine 2.0.0 shows the default of an array option joined with '|' (<c>[default: 16|64]</c>), which
/// reads like a list of alternatives, and its help builder, which could change that, is internal in that version.
/// So <see cref="Option"/> has no <c>DefaultValueFactory</c>. Its description ends with the default separated by
/// spaces, in the form the help uses for the other options, and <see cref="GetValue"/> returns the default when the
/// option is absent.
/// </remarks>
/// <typeparam name="T">The type of one value.</typeparam>
internal sealed class MultipleValueOption<T>
    where T : IFormattable
{
    private readonly T[] defaultValues;

    /// <summary>Creates the option.</summary>
    /// <param name="name">The option name, as in <c>--neurons</c>.</param>
    /// <param name="description">What the values set and how to pass them, without the default.</param>
    /// <param name="helpName">The name of the values in the help, as in <c>n</c> for <c>--neurons &lt;n&gt;</c>.</param>
    /// <param name="defaultValues">The values used when the option is absent.</param>
    public MultipleValueOption(string name, string description, string helpName, T[] defaultValues)
    {
        this.defaultValues = (T[])defaultValues.Clone();
        Option = new Option<T[]>(name)
        {
            Description = $"{description} [default: {MultipleValueOption.FormatValues(defaultValues)}]",
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
    }

    /// <summary>The System.CommandLine option to add to a command.</summary>
    public Option<T[]> Option { get; }

    /// <summary>
    /// Returns the parsed values of the option, or a copy of the default values when the command line does not
    /// contain the option.
    /// </summary>
    public T[] GetValue(ParseResult parseResult) =>
        parseResult.GetResult(Option) is null ? (T[])defaultValues.Clone() : parseResult.GetValue(Option)!;
}

/// <summary>Formatting of the values of a <see cref="MultipleValueOption{T}"/> for help text and error messages.</summary>
internal static class MultipleValueOption
{
    /// <summary>Formats values in invariant culture, separated by spaces, as a user types them after the option.</summary>
    public static string FormatValues<T>(IEnumerable<T> values)
        where T : IFormattable =>
        string.Join(" ", values.Select(value => value.ToString(null, CultureInfo.InvariantCulture)));

    /// <summary>
    /// Describes the values a user gave, with their count, for error messages: <c>1 value: 0.2</c> or
    /// <c>3 values: 1 2 3</c>.
    /// </summary>
    public static string DescribeValues<T>(IReadOnlyCollection<T> values)
        where T : IFormattable =>
        $"{values.Count} {(values.Count == 1 ? "value" : "values")}: {FormatValues(values)}";
}
