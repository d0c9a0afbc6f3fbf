namespace SymmetryDsl.Flows;

/// <summary>Energy and Euclidean gradient of a flow problem as functions of flat coordinates.</summary>
internal interface IGradientSource
{
    /// <summary>Writes ∇L(θ) into <paramref name="gradient"/> and returns L(θ).</summary>
    double EnergyAndGradient(ReadOnlySpan<double> coordinates, Span<double> gradient);

    /// <summary>Writes ∇L(θ) into <paramref name="gradient"/>. Sources with a separate energy function do not evaluate it here.</summary>
    void Gradient(ReadOnlySpan<double> coordinates, Span<double> gradient);
}

/// <summary>Source that calls a user function on flat coordinates.</summary>
internal sealed class CoordinateGradientSource(CoordinateEnergyAndGradient function) : IGradientSource
{
    public double EnergyAndGradient(ReadOnlySpan<double> coordinates, Span<double> gradient) => function(coordinates, gradient);

    public void Gradient(ReadOnlySpan<double> coordinates, Span<double> gradient) => function(coordinates, gradient);
}

/// <summary>Source that loads the coordinates into a scratch model instance and calls a user function on it.</summary>
internal sealed class ModelGradientSource<M>(M scratch, EnergyAndGradient<M> function) : IGradientSource
    where M : IQuotientModel<M>
{
    public double EnergyAndGradient(ReadOnlySpan<double> coordinates, Span<double> gradient)
    {
        scratch.CopyFrom(coordinates);
        return function(scratch, gradient);
    }

    public void Gradient(ReadOnlySpan<double> coordinates, Span<double> gradient)
    {
        scratch.CopyFrom(coordinates);
        function(scratch, gradient);
    }
}

/// <summary>Source with separate energy and gradient functions on a scratch model, evaluating the energy only at step end points.</summary>
internal sealed class SplitModelGradientSource<M>(M scratch, Func<M, double> energy, GradientFunction<M> gradient)
    : IGradientSource
    where M : IQuotientModel<M>
{
    public double EnergyAndGradient(ReadOnlySpan<double> coordinates, Span<double> destination)
    {
        scratch.CopyFrom(coordinates);
        gradient(scratch, destination);
        return energy(scratch);
    }

    public void Gradient(ReadOnlySpan<double> coordinates, Span<double> destination)
    {
        scratch.CopyFrom(coordinates);
        gradient(scratch, destination);
    }
}
