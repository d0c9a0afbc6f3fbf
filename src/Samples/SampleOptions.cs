using System.CommandLine;
using SymmetryDsl.Flows;
using SymmetryDsl.Samples.MeanField;

namespace SymmetryDsl.Samples;

/// <summary>The options that several samples share, so that their names, help names and wording stay the same.</summary>
internal static class SampleOptions
{
    /// <summary>Creates <c>--output</c>, the folder a sample writes into, by default <c>output/&lt;sample&gt;</c>.</summary>
    /// <param name="sampleName">The subcommand name, which names the default folder.</param>
    /// <param name="contents">What the folder receives, as in "the plots and CSV files".</param>
    public static Option<string> Output(string sampleName, string contents) => new("--output")
    {
        Description = $"Folder for {contents}, created if missing. A relative path starts at the current directory.",
        HelpName = "folder",
        DefaultValueFactory = _ => Path.Combine("output", sampleName),
    };

    /// <summary>Creates <c>--time</c>, the flow time T at which the runs stop.</summary>
    public static Option<double> Time(string description, double defaultValue) => new("--time")
    {
        Description = description,
        HelpName = "T",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Creates <c>--step</c>, the integrator's time step.</summary>
    public static Option<double> Step(string description, double defaultValue) => new("--step")
    {
        Description = description,
        HelpName = "h",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Creates <c>--method</c>, the time integrator.</summary>
    public static Option<FlowMethod> Method(string description, FlowMethod defaultValue) => new("--method")
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Creates <c>--split-seed</c>, the seed of the 80/20 training and test split.</summary>
    public static Option<int> SplitSeed() => new("--split-seed")
    {
        Description = "Seed of the shuffle that splits the rows 80/20 into training and test sets.",
        HelpName = "seed",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Creates <c>--data</c>, the regression table, by default the diabetes table shipped with the samples.</summary>
    public static Option<string> Data() => new("--data")
    {
        Description = "CSV file with a header line, one row per sample and the response in the last column.",
        HelpName = "file",
        DefaultValueFactory = _ => MeanFieldSample.DefaultDataPath,
    };
}
