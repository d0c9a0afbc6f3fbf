namespace SymmetryDsl;

/// <summary>
/// Outcome of <see cref="Invariance.Check{TModel, TGroupElement}"/> or
/// <see cref="Invariance.CheckEquivariance{TModel, TGroupElement}"/>: the largest deviation seen over all trials
/// and the model and group element that produced it.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <typeparam name="TGroupElement">The model's group element type.</typeparam>
public sealed class InvarianceReport<TModel, TGroupElement>
{
    internal InvarianceReport(int trials, double maxDeviation, TModel? worstModel, TGroupElement? worstElement)
    {
        Trials = trials;
        MaxDeviation = maxDeviation;
        WorstModel = worstModel;
        WorstElement = worstElement;
    }

    /// <summary>Number of (model, group element) pairs evaluated.</summary>
    public int Trials { get; }

    /// <summary>
    /// Largest deviation over all trials: |f(g·x) − f(x)| for a function, max over coordinates of
    /// |F(g·x) − g·F(x)| for a map. <see cref="double.PositiveInfinity"/> when an evaluation returned a non-finite
    /// value on one side only.
    /// </summary>
    public double MaxDeviation { get; }

    /// <summary>The model x of the worst trial, or the default value when no trial deviated at all.</summary>
    public TModel? WorstModel { get; }

    /// <summary>The group element g of the worst trial, or the default value when no trial deviated at all.</summary>
    public TGroupElement? WorstElement { get; }

    /// <summary>Returns whether every trial deviated by at most <paramref name="tolerance"/>.</summary>
    public bool IsWithin(double tolerance) => MaxDeviation <= tolerance;

    /// <inheritdoc />
    public override string ToString() =>
        $"max deviation {MaxDeviation:R} over {Trials} trials (worst group element: {WorstElement?.ToString() ?? "none"})";
}
