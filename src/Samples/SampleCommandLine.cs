using System.CommandLine;
using System.CommandLine.Parsing;
using SymmetryDsl.Flows;
using SymmetryDsl.Samples.Align;
using SymmetryDsl.Samples.Circle;
using SymmetryDsl.Samples.MeanField;
using SymmetryDsl.Samples.Pair;

namespace SymmetryDsl.Samples;

/// <summary>The samples program: a root command with one subcommand per sample.</summary>
internal static class SampleCommandLine
{
    /// <summary>Exit code for invalid options, including an output folder that cannot be written.</summary>
    public const int InvalidOptionsExitCode = 2;

    /// <summary>The sample that runs when the program is called without arguments.</summary>
    public const string DefaultSample = MeanFieldSample.Name;

    /// <summary>Parses <paramref name="args"/>, runs the chosen sample and returns the process exit code.</summary>
    /// <param name="args">
    /// The command-line arguments. None runs <see cref="DefaultSample"/> with its defaults, and options without a
    /// subcommand go to <see cref="DefaultSample"/>.
    /// </param>
    /// <param name="output">Receives the sample's results and the paths of the files it writes.</param>
    /// <param name="error">Receives one line when the arguments are invalid, naming the options at fault.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = CreateRootCommand();
        ParseResult parseResult = root.Parse(StartsWithSampleOption(args) ? [DefaultSample, .. args] : args);

        // System.CommandLine's default parse-error action prints one line per error, so "--bogus 3" would print two
        // lines. All errors are joined into one line here instead.
        if (parseResult.Errors.Count > 0)
        {
            error.WriteLine(DescribeParseErrors(parseResult));
            return InvalidOptionsExitCode;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// Joins every parse error of <paramref name="parseResult"/> into one line. Errors about option values come
    /// first, because a token left over after a bad value is usually a second value for the same option. One
    /// sentence listing the unrecognized tokens follows.
    /// </summary>
    private static string DescribeParseErrors(ParseResult parseResult)
    {
        IReadOnlyList<string> unmatchedTokens = parseResult.UnmatchedTokens;
        var sentences = new List<string>();
        bool hasUnmatchedTokenError = false;
        foreach (ParseError parseError in parseResult.Errors)
        {
            if (IsUnmatchedTokenError(parseError, unmatchedTokens))
            {
                hasUnmatchedTokenError = true;
            }
            else
            {
                sentences.Add(ReadableParseError(parseError.Message));
            }
        }

        if (hasUnmatchedTokenError)
        {
            string quotedTokens = string.Join(", ", unmatchedTokens.Select(token => $"'{token}'"));
            sentences.Add(unmatchedTokens.Count == 1
                ? $"Unrecognized command or argument {quotedTokens}."
                : $"Unrecognized commands or arguments {quotedTokens}.");
        }

        sentences.Add("Run with --help to list the options.");
        return string.Join(" ", sentences);
    }

    // System.CommandLine reports each unmatched token as its own error on the command, with the token in quotes.
    private static bool IsUnmatchedTokenError(ParseError parseError, IReadOnlyList<string> unmatchedTokens) =>
        parseError.SymbolResult is CommandResult
        && unmatchedTokens.Any(token => parseError.Message.Contains($"'{token}'", StringComparison.Ordinal));

    // System.CommandLine names the expected .NET type ("as expected type 'System.Int64'"), which means nothing to a
    // user who typed 1.5 for a count, so the option types are named in words. Some messages list alternatives on
    // separate lines, and those are joined with spaces.
    private static string ReadableParseError(string message)
    {
        string sentence = message.ReplaceLineEndings(" ").Trim()
            .Replace("as expected type 'System.Int64'", "as an integer", StringComparison.Ordinal)
            .Replace("as expected type 'System.Int32'", "as an integer", StringComparison.Ordinal)
            .Replace("as expected type 'System.Double'", "as a number", StringComparison.Ordinal)
            .Replace($"as expected type '{typeof(FlowMethod).FullName}'", "as a method name", StringComparison.Ordinal);

        // A list of alternatives ends without a full stop, and the next sentence follows on the same line.
        return sentence.EndsWith('.') || sentence.EndsWith('?') ? sentence : sentence + ".";
    }

    // No arguments, or options without a subcommand (other than help and version), run the default sample.
    private static bool StartsWithSampleOption(string[] args) =>
        args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version"));

    private static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            $"SymmetryDsl samples. Each subcommand runs one sample; without arguments the program runs '{DefaultSample}'.");

        // Run passes a subcommand unless the arguments ask for help or the version, so this action only stops
        // System.CommandLine from adding "Required command was not provided" beside the error for an unknown one.
        root.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("Choose a sample. Run with --help to list them.");
            return InvalidOptionsExitCode;
        });

        root.Add(MeanFieldSample.CreateCommand());
        root.Add(CircleSample.CreateCommand());
        root.Add(PairSample.CreateCommand());
        root.Add(AlignSample.CreateCommand());
        return root;
    }
}
