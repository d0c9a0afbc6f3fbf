using System.CommandLine;
using System.Globalization;
using SymmetryDsl.Flows;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Samples.Align;

/// <summary>
/// The <c>align</c> sample: two mean-field networks trained from different seeds on the same data, compared
/// before and after the optimal relabeling of the first network's neurons, by distance and by the loss barrier
/// on the straight line between them.
/// </summary>
internal static class AlignSample
{
    /// <summary>The subcommand name.</summary>
    public const string Name = "align";

    /// <summary>The file name of the CSV output.</summary>
    public const string CsvFileName = "align-path.csv";

    /// <summary>Creates the <c>align</c> subcommand with its options and action.</summary>
    public static Command CreateCommand()
    {
        var neuronsOption = new Option<int>("--neurons")
        {
            Description = "Width n of both networks, positive.",
            HelpName = "n",
            DefaultValueFactory = _ => 64,
        };
        var seedsOption = new MultipleValueOption<int>(
            "--seeds", "The two different initialization seeds, separated by a space (--seeds 0 1).", "first second", [0, 1]);
        var timeOption = SampleOptions.Time("Flow time T at which both trainings stop, positive.", 20.0);
        var stepOption = SampleOptions.Step("Time step of the integrator (the first trial step for DormandPrince45), positive.", 0.05);
        var methodOption = SampleOptions.Method("Time integrator.", FlowMethod.Euler);
        var pointsOption = new Option<int>("--points")
        {
            Description = "Number of equally spaced points on each straight line, at least 2.",
            HelpName = "count",
            DefaultValueFactory = _ => 41,
        };
        var splitSeedOption = SampleOptions.SplitSeed();
        var dataOption = SampleOptions.Data();
        var outputOption = SampleOptions.Output(Name, "the plot and the CSV file");

        var command = new Command(Name, "Train two networks from different seeds and compare them before and after aligning their neurons.")
        {
            neuronsOption, seedsOption.Option, timeOption, stepOption, methodOption, pointsOption, splitSeedOption, dataOption, outputOption,
        };

        command.SetAction(parseResult => Run(
            parseResult.GetValue(neuronsOption),
            seedsOption.GetValue(parseResult),
            new FlowOptions
            {
                Method = parseResult.GetValue(methodOption),
                StepSize = parseResult.GetValue(stepOption),
                EndTime = parseResult.GetValue(timeOption),
            },
            parseResult.GetValue(pointsOption),
            parseResult.GetValue(splitSeedOption),
            parseResult.GetValue(dataOption)!,
            parseResult.GetValue(outputOption)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            ProgressLine.For(parseResult.InvocationConfiguration.Error)));

        return command;
    }

    /// <summary>Trains both networks, prints the distances and barriers, writes the CSV file and the plot, and prints their paths.</summary>
    /// <returns>0 on success, <see cref="SampleCommandLine.InvalidOptionsExitCode"/> when an option is invalid.</returns>
    public static int Run(
        int neurons, int[] seeds, FlowOptions options, int pathPoints, int splitSeed, string dataPath, string outputFolder,
        TextWriter output, TextWriter error, ProgressLine progress)
    {
        string? problem = FindInvalidOption(neurons, seeds, options, pathPoints);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        List<double[]>? table = MeanFieldSample.TryReadTable(dataPath, error);
        if (table is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        // The folder is created and checked before the training starts, so an unusable --output fails at once.
        string? folder = OutputFolder.TryCreate(outputFolder, error);
        if (folder is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        RegressionSplit split = RegressionData.Split(table, MeanFieldSettings.TestFraction, splitSeed);
        AlignmentComparison comparison = AlignmentComparison.Compute(split.Train, neurons, seeds[0], seeds[1], options, pathPoints, progress);
        WriteResults(comparison, seeds, options, split, splitSeed, output);

        string csvPath = Path.Combine(folder, CsvFileName);
        string plotPath = Path.Combine(folder, AlignPlot.FileName);
        try
        {
            WriteCsv(comparison, csvPath);
            AlignPlot.Save(comparison, plotPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--output: cannot write into '{folder}': {exception.Message}");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        output.WriteLine();
        output.WriteLine("Wrote:");
        output.WriteLine($"  {csvPath}");
        output.WriteLine($"  {plotPath}");
        return 0;
    }

    private static string? FindInvalidOption(int neurons, int[] seeds, FlowOptions options, int pathPoints)
    {
        if (neurons <= 0)
        {
            return $"--neurons: the width must be a positive number of neurons, but got {neurons}.";
        }

        if (seeds.Length != 2)
        {
            return $"--seeds: expected 2 seeds, but got {MultipleValueOption.DescribeValues(seeds)}.";
        }

        if (seeds[0] == seeds[1])
        {
            return $"--seeds: the two seeds must differ, but both are {seeds[0]}.";
        }

        if (!(options.EndTime > 0 && double.IsFinite(options.EndTime)))
        {
            return $"--time: the end time T must be positive and finite, but got {Format(options.EndTime)}.";
        }

        if (!(options.StepSize > 0 && double.IsFinite(options.StepSize)))
        {
            return $"--step: the time step must be positive and finite, but got {Format(options.StepSize)}.";
        }

        if (pathPoints < 2)
        {
            return $"--points: each line needs at least 2 points, but got {pathPoints}.";
        }

        return null;
    }

    private static void WriteResults(
        AlignmentComparison comparison, int[] seeds, FlowOptions options, RegressionSplit split, int splitSeed, TextWriter output)
    {
        output.WriteLine($"align: two networks of {comparison.First.Neurons} neurons trained from seeds {seeds[0]} and {seeds[1]} on the same data.");
        output.WriteLine(Invariant($"data:  {split.Train.SampleCount} training rows of the 80/20 split with shuffle seed {splitSeed}, standardized"));
        output.WriteLine(Invariant($"flow:  {options.Method}, step {options.StepSize}, T = {options.EndTime}; stopped: {string.Join(", ", comparison.Statuses)}"));
        output.WriteLine("Distances are in the model's metric, ‖θ‖² = (1/n) Σᵢ (‖wᵢ‖² + aᵢ²).");
        output.WriteLine();
        output.WriteLine(Invariant($"distance before alignment ‖θ₀ − θ₁‖:        {comparison.DistanceBefore:0.000000}"));
        output.WriteLine(Invariant($"distance after alignment ‖g*·θ₀ − θ₁‖:      {comparison.DistanceAfter:0.000000}"));
        output.WriteLine(Invariant($"orbit distance d([θ₀], [θ₁]):               {comparison.OrbitDistance:0.000000}"));
        output.WriteLine(Invariant($"neurons relabeled by g*:                    {comparison.MovedNeurons} of {comparison.First.Neurons}"));
        output.WriteLine();
        output.WriteLine(Invariant($"training MSE at θ₀, θ₁:                     {comparison.PathBefore.TrainMse[0]:0.000000}, {comparison.PathBefore.TrainMse[^1]:0.000000}"));
        output.WriteLine(Invariant($"max training MSE on the line before:        {comparison.PathBefore.TrainMse.Max():0.000000}"));
        output.WriteLine(Invariant($"max training MSE on the line after:         {comparison.PathAfter.TrainMse.Max():0.000000}"));
        output.WriteLine(Invariant($"loss barrier before alignment:              {comparison.PathBefore.Barrier:0.000000}"));
        output.WriteLine(Invariant($"loss barrier after alignment:               {comparison.PathAfter.Barrier:0.000000}"));
        output.WriteLine("barrier: max over s of MSE((1 − s) θ₀ + s θ₁) − [(1 − s) MSE(θ₀) + s MSE(θ₁)], in standardized units.");
    }

    private static void WriteCsv(AlignmentComparison comparison, string path) =>
        CsvFile.Write(
            path,
            ["s", "train_mse_before_alignment", "train_mse_after_alignment"],
            Enumerable.Range(0, comparison.PathBefore.Positions.Length).Select(point => (IReadOnlyList<object>)[
                comparison.PathBefore.Positions[point], comparison.PathBefore.TrainMse[point], comparison.PathAfter.TrainMse[point]]));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
