using System.CommandLine;
using System.Globalization;

namespace SymmetryDsl.Samples.Pair;

/// <summary>
/// The <c>pair</c> sample: two particles on the line as a point of ℝ², the two ways to pair them with another
/// configuration, and the quotient distance on ℝ² / S₂, which is the smaller of the two.
/// </summary>
internal static class PairSample
{
    /// <summary>The subcommand name.</summary>
    public const string Name = "pair";

    /// <summary>The file name of the plot inside the output folder.</summary>
    public const string PlotFileName = "pair.png";

    // Defaults for which the swap is the better pairing: x₂ = 1.5 is near y₁ = 1.1 and x₁ = 0.2 near y₂ = 0.1.
    private static readonly double[] DefaultX = [0.2, 1.5];
    private static readonly double[] DefaultY = [1.1, 0.1];

    /// <summary>Creates the <c>pair</c> subcommand with its options and action.</summary>
    public static Command CreateCommand()
    {
        var xOption = CreatePointOption("--x", "Positions x₁ x₂ of the two particles of the first configuration, separated by a space (--x 0.2 1.5).", DefaultX);
        var yOption = CreatePointOption("--y", "Positions y₁ y₂ of the two particles of the second configuration, separated by a space (--y 1.1 0.1).", DefaultY);
        var outputOption = SampleOptions.Output(Name, "the plot");

        var command = new Command(Name, "Compare the two pairings of two particles on the line and plot them.")
        {
            xOption.Option,
            yOption.Option,
            outputOption,
        };

        command.SetAction(parseResult => Run(
            xOption.GetValue(parseResult),
            yOption.GetValue(parseResult),
            parseResult.GetValue(outputOption)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return command;
    }

    /// <summary>Runs the sample: prints the comparison, writes the plot, and prints the path of the plot.</summary>
    /// <returns>0 on success, <see cref="SampleCommandLine.InvalidOptionsExitCode"/> when an option is invalid.</returns>
    public static int Run(double[] x, double[] y, string outputFolder, TextWriter output, TextWriter error)
    {
        string? problem = FindInvalidPoint("--x", "x", x) ?? FindInvalidPoint("--y", "y", y);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        // The folder is created and checked before any result is printed, so an unusable --output fails with one line only.
        string? folder = OutputFolder.TryCreate(outputFolder, error);
        if (folder is null)
        {
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        string plotPath = Path.Combine(folder, PlotFileName);
        PairComparison comparison = PairComparison.Compute(x, y);
        WriteComparison(comparison, output);

        try
        {
            PairPlot.Save(comparison, plotPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--output: cannot write '{plotPath}': {exception.Message}");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        output.WriteLine();
        output.WriteLine("Wrote:");
        output.WriteLine($"  {plotPath}");
        return 0;
    }

    private static MultipleValueOption<double> CreatePointOption(string name, string description, double[] defaultValue) =>
        new(name, description, "first second", defaultValue);

    private static string? FindInvalidPoint(string optionName, string pointName, double[] point)
    {
        if (point.Length != 2)
        {
            return $"{optionName}: expected 2 coordinates {pointName}₁ {pointName}₂, but got {MultipleValueOption.DescribeValues(point)}.";
        }

        for (int i = 0; i < point.Length; i++)
        {
            if (!double.IsFinite(point[i]))
            {
                return $"{optionName}: every coordinate must be finite, but {pointName}{(i == 0 ? "₁" : "₂")} is {Format(point[i])}.";
            }
        }

        return null;
    }

    private static void WriteComparison(PairComparison comparison, TextWriter output)
    {
        string bestPairing = comparison.SwapIsBetter ? "swapped" : "identity";

        output.WriteLine($"Two particles on the line: x = {FormatPoint(comparison.X)}, y = {FormatPoint(comparison.Y)}.");
        output.WriteLine("Distances use the averaged inner product, d(u, v)² = (1/2) Σ (uᵢ − vᵢ)².");
        output.WriteLine();
        output.WriteLine($"identity pairing distance d(x, y):     {Format(comparison.IdentityDistance)}");
        output.WriteLine($"swapped pairing distance d(σx, y):     {Format(comparison.SwappedDistance)}   (σ = {comparison.Swap})");
        output.WriteLine($"quotient distance d([x], [y]):         {Format(comparison.QuotientDistance)}");
        output.WriteLine($"best pairing:                          {bestPairing} {comparison.BestPairing}");
        output.WriteLine($"projection of x onto {{x₁ ≤ x₂}}:        {FormatPoint(PairComparison.ProjectToFundamentalDomain(comparison.X))}");
        output.WriteLine($"projection of y onto {{x₁ ≤ x₂}}:        {FormatPoint(PairComparison.ProjectToFundamentalDomain(comparison.Y))}");
    }

    private static string FormatPoint(double[] point) => $"({Format(point[0])}, {Format(point[1])})";

    /// <summary>Formats a number with up to 6 decimals in invariant culture, as the sample prints it.</summary>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
