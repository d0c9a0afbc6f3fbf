namespace SymmetryDsl.Flows;

/// <summary>Recorded states of a run in flat coordinates, in the order they were recorded.</summary>
internal sealed class FlowHistory
{
    public List<double> Times { get; } = [];

    public List<double> Energies { get; } = [];

    public List<double> GradientNorms { get; } = [];

    public List<double[]> States { get; } = [];

    public int Count => Times.Count;

    public void Add(double time, double energy, double gradientNorm, ReadOnlySpan<double> state)
    {
        Times.Add(time);
        Energies.Add(energy);
        GradientNorms.Add(gradientNorm);
        States.Add(state.ToArray());
    }
}
