using System.CommandLine;
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
    /// <param name="error">Receives one line per invalid option.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = CreateRootCommand();
        ParseResult parseResult = root.Parse(StartsWithSampleOption(args) ? [DefaultSample, .. args] : args);

        // Errors are reported here, one line each, instead of through System.CommandLine's default parse-error action.
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                // Some messages list alternatives on separate lines, and one line per error keeps the output scannable.
                error.WriteLine($"{ReadableParseError(parseError.Message)} Run with --help to list the options.");
            }

            return InvalidOptionsExitCode;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    // System.CommandLine names the expected .NET type ("as expected type 'System.Int64'"), which means nothing to a
    // user who typed 1.5 for a count, so the common numeric types are named in words.
    private static string ReadableParseError(string message) =>
        message.ReplaceLineEndings(" ")
            .Replace("as expected type 'System.Int64'", "as an integer", StringComparison.Ordinal)
            .Replace("as expected type 'System.Int32'", "as an integer", StringComparison.Ordinal)
            .Replace("as expected type 'System.Double'", "as a number", StringComparison.Ordinal);

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
