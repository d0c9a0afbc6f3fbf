using System.CommandLine;
using System.Globalization;
using SymmetryDsl.Flows;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// The <c>mean-field</c> sample: the two-layer network f(x) = (1/n) Σᵢ aᵢ tanh(⟨wᵢ, x⟩) trained by the
/// library's gradient flow on the diabetes progression data, for several widths and seeds.
/// </summary>
internal static class MeanFieldSample
{
    /// <summary>The subcommand name.</summary>
    public const string Name = "mean-field";

    private static readonly int[] DefaultNeuronCounts = [16, 64, 256, 1024];

    /// <summary>Creates the <c>mean-field</c> subcommand with its options and action.</summary>
    public static Command CreateCommand()
    {
        var neuronsOption = new MultipleValueOption<int>(
            "--neurons",
            "Network widths n to train, each a positive number of neurons. Give several after one --neurons, separated by spaces (--neurons 16 64), or repeat the option (--neurons 16 --neurons 64).",
            "n",
            DefaultNeuronCounts);
        var seedsOption = new Option<int>("--seeds")
        {
            Description = "Independent initializations per width (seeds 0, 1, ...), at least 2 to measure the spread between runs.",
            HelpName = "count",
            DefaultValueFactory = _ => 4,
        };
        var timeOption = SampleOptions.Time("Flow time T at which every run stops, positive.", 20.0);
        var stepOption = SampleOptions.Step("Time step of the integrator (the first trial step for DormandPrince45), positive.", 0.05);
        var methodOption = SampleOptions.Method("Time integrator.", FlowMethod.Euler);
        var splitSeedOption = SampleOptions.SplitSeed();
        var dataOption = SampleOptions.Data();
        var outputOption = SampleOptions.Output(Name, "the plots and CSV files");

        var command = new Command(Name, "Train the mean-field two-layer network on the diabetes data by gradient flow (the default sample).")
        {
            neuronsOption.Option, seedsOption, timeOption, stepOption, methodOption, splitSeedOption, dataOption, outputOption,
        };

        command.SetAction(parseResult =>
        {
            var settings = new MeanFieldSettings(
                neuronsOption.GetValue(parseResult),
                parseResult.GetValue(seedsOption),
                parseResult.GetValue(timeOption),
                parseResult.GetValue(stepOption),
                parseResult.GetValue(methodOption),
                parseResult.GetValue(splitSeedOption));
            TextWriter error = parseResult.InvocationConfiguration.Error;
            return Run(
                settings,
                parseResult.GetValue(dataOption)!,
                parseResult.GetValue(outputOption)!,
                parseResult.InvocationConfiguration.Output,
                error,
                ProgressLine.For(error));
        });

        return command;
    }

    /// <summary>Runs the experiment, prints its tables, writes CSV files and plots, and prints their paths.</summary>
    /// <returns>0 on success, <see cref="SampleCommandLine.InvalidOptionsExitCode"/> when an option is invalid.</returns>
    public static int Run(
        MeanFieldSettings settings, string dataPath, string outputFolder, TextWriter output, TextWriter error, ProgressLine progress)
    {
        string? problem = FindInvalidSetting(settings);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        List<double[]>? table = TryReadTable(dataPath, error);
        if (table is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        // The folder is created and checked before the runs start, so an unusable --output fails at once with one line.
        string? folder = OutputFolder.TryCreate(outputFolder, error);
        if (folder is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        settings = settings with { NeuronCounts = settings.NeuronCounts.Distinct().Order().ToArray() };
        MeanFieldReport report = MeanFieldExperiment.Run(settings, table, progress);
        MeanFieldConsole.Write(report, dataPath, table.Count, output);

        IReadOnlyList<string> written;
        try
        {
            written = [.. MeanFieldCsv.WriteAll(report, folder), .. MeanFieldPlots.SaveAll(report, folder)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--output: cannot write into '{folder}': {exception.Message}");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        output.WriteLine();
        output.WriteLine("Wrote:");
        foreach (string path in written)
        {
            output.WriteLine($"  {path}");
        }

        if (report.Slopes is null)
        {
            output.WriteLine();
            output.WriteLine(
                $"Skipped {MeanFieldPlots.ChaosFileName}: it plots slopes across widths, which need at least two different --neurons values, but got only {settings.NeuronCounts[0]}.");
        }

        return 0;
    }

    /// <summary>The diabetes table copied beside the program.</summary>
    public static string DefaultDataPath => Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv");

    /// <summary>
    /// Reads the table at <paramref name="dataPath"/>, or returns <c>null</c> after writing one line naming
    /// <c>--data</c> to <paramref name="error"/> when the file is missing or invalid.
    /// </summary>
    public static List<double[]>? TryReadTable(string dataPath, TextWriter error)
    {
        try
        {
            return RegressionData.ReadCsv(dataPath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"--data: the file '{dataPath}' was not found.");
            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException || OutputFolder.IsFileSystemError(exception))
        {
            error.WriteLine($"--data: cannot read '{dataPath}': {exception.Message}");
            return null;
        }
    }

    private static string? FindInvalidSetting(MeanFieldSettings settings)
    {
        if (settings.NeuronCounts.Length == 0)
        {
            return "--neurons: expected at least one width.";
        }

        foreach (int neurons in settings.NeuronCounts)
        {
            if (neurons <= 0)
            {
                return $"--neurons: every width must be a positive number of neurons, but got {neurons}.";
            }
        }

        if (settings.Seeds < 2)
        {
            return $"--seeds: at least 2 seeds are needed to compare independent runs, but got {settings.Seeds}.";
        }

        if (!(settings.EndTime > 0 && double.IsFinite(settings.EndTime)))
        {
            return $"--time: the end time T must be positive and finite, but got {Format(settings.EndTime)}.";
        }

        if (!(settings.StepSize > 0 && double.IsFinite(settings.StepSize)))
        {
            return $"--step: the time step must be positive and finite, but got {Format(settings.StepSize)}.";
        }

        if (!Enum.IsDefined(settings.Method))
        {
            return $"--method: unknown method {settings.Method}; use one of {string.Join(", ", Enum.GetNames<FlowMethod>())}.";
        }

        return null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
