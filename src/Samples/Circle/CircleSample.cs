using System.CommandLine;
using System.Globalization;
using SymmetryDsl.Flows;

namespace SymmetryDsl.Samples.Circle;

/// <summary>
/// The <c>circle</c> sample: the gradient flow of F(x) = cos(2πx) from several x₀ and from x₀ + k on ℝ, and the
/// projected flow on ℝ/ℤ, showing that the flow commutes with integer shifts.
/// </summary>
internal static class CircleSample
{
    /// <summary>The subcommand name.</summary>
    public const string Name = "circle";

    /// <summary>The file name of the CSV output.</summary>
    public const string CsvFileName = "circle.csv";

    // Starts in three periods, on both sides of the maxima at integers and the minima at half-integers.
    private static readonly double[] DefaultStarts = [-0.3, 0.05, 0.45, 0.9, 1.2];

    /// <summary>Creates the <c>circle</c> subcommand with its options and action.</summary>
    public static Command CreateCommand()
    {
        var startsOption = new MultipleValueOption<double>(
            "--starts",
            "Starting points x₀ on ℝ, each finite. Give several after one --starts, separated by spaces (--starts -0.3 0.45), or repeat the option (--starts -0.3 --starts 0.45).",
            "x0",
            DefaultStarts);
        var shiftOption = new Option<long>("--shift")
        {
            Description = "Integer k: the second flow of each start begins at x₀ + k.",
            HelpName = "k",
            DefaultValueFactory = _ => 3,
        };
        var timeOption = SampleOptions.Time("Flow time T at which both flows stop, positive.", 0.25);
        var stepOption = SampleOptions.Step("Fixed time step, positive.", 0.0025);
        var methodOption = new Option<FlowMethod>("--method")
        {
            Description = "Fixed-step time integrator: Euler, Heun or RungeKutta4.",
            HelpName = "Euler|Heun|RungeKutta4",
            DefaultValueFactory = _ => FlowMethod.RungeKutta4,
        };
        var outputOption = SampleOptions.Output(Name, "the plots and the CSV file");

        var command = new Command(Name, "Flow F(x) = cos(2πx) from x₀ and from x₀ + k, and compare them on ℝ and on the circle ℝ/ℤ.")
        {
            startsOption.Option, shiftOption, timeOption, stepOption, methodOption, outputOption,
        };

        command.SetAction(parseResult => Run(
            startsOption.GetValue(parseResult),
            parseResult.GetValue(shiftOption),
            new FlowOptions
            {
                Method = parseResult.GetValue(methodOption),
                StepSize = parseResult.GetValue(stepOption),
                EndTime = parseResult.GetValue(timeOption),
            },
            parseResult.GetValue(outputOption)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return command;
    }

    /// <summary>Runs the flows, prints the largest deviations, writes the CSV file and the plots, and prints their paths.</summary>
    /// <param name="starts">The starts x₀.</param>
    /// <param name="shift">The integer k.</param>
    /// <param name="options">Method, step and end time; every state is recorded.</param>
    /// <param name="outputFolder">Folder for the files.</param>
    /// <param name="output">Receives the results and the written paths.</param>
    /// <param name="error">Receives one line naming the first invalid option.</param>
    /// <returns>0 on success, <see cref="SampleCommandLine.InvalidOptionsExitCode"/> when an option is invalid.</returns>
    public static int Run(double[] starts, long shift, FlowOptions options, string outputFolder, TextWriter output, TextWriter error)
    {
        string? problem = FindInvalidOption(starts, options);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        // The folder is created and checked before the flows run, so an unusable --output fails with one line only.
        string? folder = OutputFolder.TryCreate(outputFolder, error);
        if (folder is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        CircleTrajectory[] trajectories = starts.Select(start => CircleFlows.Run(start, shift, options)).ToArray();
        WriteResults(trajectories, shift, options, output);

        IReadOnlyList<string> written;
        try
        {
            string csvPath = Path.Combine(folder, CsvFileName);
            WriteCsv(trajectories, shift, csvPath);
            written = [csvPath, .. CirclePlots.SaveAll(trajectories, shift, folder)];
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

        return 0;
    }

    private static string? FindInvalidOption(double[] starts, FlowOptions options)
    {
        foreach (double start in starts)
        {
            if (!double.IsFinite(start))
            {
                return $"--starts: every start must be finite, but got {Format(start)}.";
            }
        }

        if (!(options.EndTime > 0 && double.IsFinite(options.EndTime)))
        {
            return $"--time: the end time T must be positive and finite, but got {Format(options.EndTime)}.";
        }

        if (!(options.StepSize > 0 && double.IsFinite(options.StepSize)))
        {
            return $"--step: the time step must be positive and finite, but got {Format(options.StepSize)}.";
        }

        // The two flows are compared record by record, which needs both runs to take the same steps.
        if (options.Method is not (FlowMethod.Euler or FlowMethod.Heun or FlowMethod.RungeKutta4))
        {
            return $"--method: the circle sample compares the flows at equal times, so it needs a fixed-step method (Euler, Heun or RungeKutta4), but got {options.Method}.";
        }

        return null;
    }

    private static void WriteResults(CircleTrajectory[] trajectories, long shift, FlowOptions options, TextWriter output)
    {
        output.WriteLine("circle: gradient flow of F(x) = cos(2πx), which is invariant under x ↦ x + k for integer k.");
        output.WriteLine(Invariant($"X from x₀ and Y from x₀ + k with k = {shift}; {options.Method}, step {options.StepSize}, T = {options.EndTime}."));
        output.WriteLine("The projection onto ℝ/ℤ is the canonical representative in [0, 1).");
        output.WriteLine();
        output.WriteLine("        x₀ |      X at T |  Y − k at T | max |Yₜ − Xₜ − k| | max circle distance of projections");
        foreach (CircleTrajectory trajectory in trajectories)
        {
            output.WriteLine(Invariant(
                $"{trajectory.Start,10:0.####} | {trajectory.X[^1],11:0.000000} | {trajectory.Y[^1] - shift,11:0.000000} | {trajectory.ShiftErrors(shift).Max(),-17:0.000E+00} | {trajectory.ProjectionDistances().Max():0.000E+00}"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"max |Yₜ − Xₜ − k| over all starts and times: {trajectories.Max(trajectory => trajectory.ShiftErrors(shift).Max()):0.000E+00}"));
        output.WriteLine(Invariant($"max circle distance between projections: {trajectories.Max(trajectory => trajectory.ProjectionDistances().Max()):0.000E+00}"));
    }

    private static void WriteCsv(CircleTrajectory[] trajectories, long shift, string path) =>
        CsvFile.Write(
            path,
            ["start", "time", "x", "y", "y_minus_x_minus_k", "projected_x", "projected_y", "circle_distance"],
            from trajectory in trajectories
            from record in Enumerable.Range(0, trajectory.Times.Length)
            select (IReadOnlyList<object>)[
                trajectory.Start, trajectory.Times[record], trajectory.X[record], trajectory.Y[record],
                trajectory.Y[record] - trajectory.X[record] - shift, trajectory.ProjectedX[record], trajectory.ProjectedY[record],
                trajectory.ProjectionDistances()[record]]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
