using SymmetryDsl.Flows;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>Settings of one <c>mean-field</c> experiment, already validated.</summary>
/// <param name="NeuronCounts">The network widths n to train, in increasing order.</param>
/// <param name="Seeds">Number of independent initializations per width, at least 2; run s uses seed s.</param>
/// <param name="EndTime">Flow time T at which every run stops.</param>
/// <param name="StepSize">Step of the fixed-step methods, and the first trial step of the adaptive one.</param>
/// <param name="Method">The time integrator.</param>
/// <param name="SplitSeed">Seed of the shuffle that splits the rows 80/20 into training and test sets.</param>
internal sealed record MeanFieldSettings(
    int[] NeuronCounts, int Seeds, double EndTime, double StepSize, FlowMethod Method, int SplitSeed)
{
    /// <summary>Fraction of the rows held out as the test set.</summary>
    public const double TestFraction = 0.2;

    /// <summary>Number of recording intervals over [0, T]. States are recorded at multiples of T divided by this count.</summary>
    public const int RecordIntervals = 40;

    /// <summary>Flow time between recorded states.</summary>
    public double RecordInterval => EndTime / RecordIntervals;

    /// <summary>The widest network, used for the equivariance run and the neuron snapshots.</summary>
    public int LargestNeuronCount => NeuronCounts[^1];
}
