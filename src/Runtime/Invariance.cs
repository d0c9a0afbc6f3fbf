namespace SymmetryDsl;

/// <summary>
/// Checks at run time what the analyzers cannot prove: that a function of a model is invariant under the model's
/// group, or that a map from model to model is equivariant. Each trial draws a model from the caller's sampler and
/// a group element from the model's own <c>RandomGroupElement</c>, so a fixed seed reproduces the report.
/// </summary>
/// <remarks>
/// A check can only find violations, never prove invariance: a small deviation over many trials is evidence, not a
/// proof. Deviations are absolute, so compare them with a tolerance at the scale of the function's values.
/// </remarks>
public static class Invariance
{
    /// <summary>Evaluates f(g·x) − f(x) on random models x and group elements g and reports the largest deviation.</summary>
    /// <param name="function">The function that should be invariant.</param>
    /// <param name="sampleModel">Draws a model from the caller's distribution, using the random source it is given.</param>
    /// <param name="trials">Number of (model, group element) pairs; at least 1.</param>
    /// <param name="seed">Seed of the random source handed to <paramref name="sampleModel"/> and to the group.</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="sampleModel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static InvarianceReport<TModel, TGroupElement> Check<TModel, TGroupElement>(
        Func<TModel, double> function, Func<Random, TModel> sampleModel, int trials = 100, int seed = 0)
        where TModel : IQuotientModel<TModel, TGroupElement>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(sampleModel);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);

        var random = new Random(seed);
        var worst = new WorstTrial<TModel, TGroupElement>();
        for (int trial = 0; trial < trials; trial++)
        {
            TModel model = sampleModel(random);
            TGroupElement element = TModel.RandomGroupElement(model, random);
            double deviation = Deviation(function(model), function(model.Apply(element)));
            worst.Offer(deviation, model, element);
        }

        return worst.ToReport(trials);
    }

    /// <summary>
    /// Evaluates F(g·x) − g·F(x) coordinate by coordinate on random models x and group elements g and reports the
    /// largest deviation. A model whose output has a different coordinate count on the two sides counts as an
    /// infinite deviation.
    /// </summary>
    /// <param name="map">The map that should be equivariant.</param>
    /// <param name="sampleModel">Draws a model from the caller's distribution, using the random source it is given.</param>
    /// <param name="trials">Number of (model, group element) pairs; at least 1.</param>
    /// <param name="seed">Seed of the random source handed to <paramref name="sampleModel"/> and to the group.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> or <paramref name="sampleModel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static InvarianceReport<TModel, TGroupElement> CheckEquivariance<TModel, TGroupElement>(
        Func<TModel, TModel> map, Func<Random, TModel> sampleModel, int trials = 100, int seed = 0)
        where TModel : IQuotientModel<TModel, TGroupElement>
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(sampleModel);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);

        var random = new Random(seed);
        var worst = new WorstTrial<TModel, TGroupElement>();
        for (int trial = 0; trial < trials; trial++)
        {
            TModel model = sampleModel(random);
            TGroupElement element = TModel.RandomGroupElement(model, random);
            TModel mapThenAct = map(model).Apply(element);
            TModel actThenMap = map(model.Apply(element));
            worst.Offer(CoordinateDeviation(mapThenAct, actThenMap), model, element);
        }

        return worst.ToReport(trials);
    }

    private static double Deviation(double original, double transformed)
    {
        if (double.IsNaN(original) && double.IsNaN(transformed))
        {
            return 0.0;
        }

        if (!double.IsFinite(original) || !double.IsFinite(transformed))
        {
            return original.Equals(transformed) ? 0.0 : double.PositiveInfinity;
        }

        return Math.Abs(transformed - original);
    }

    private static double CoordinateDeviation<TModel>(TModel left, TModel right)
        where TModel : IQuotientModel<TModel>
    {
        if (left.ParameterCount != right.ParameterCount)
        {
            return double.PositiveInfinity;
        }

        var leftCoordinates = new double[left.ParameterCount];
        var rightCoordinates = new double[right.ParameterCount];
        left.CopyTo(leftCoordinates);
        right.CopyTo(rightCoordinates);

        double max = 0.0;
        for (int k = 0; k < leftCoordinates.Length; k++)
        {
            max = Math.Max(max, Deviation(leftCoordinates[k], rightCoordinates[k]));
        }

        return max;
    }

    private sealed class WorstTrial<TModel, TGroupElement>
    {
        private double _deviation = -1.0;
        private TModel? _model;
        private TGroupElement? _element;

        public void Offer(double deviation, TModel model, TGroupElement element)
        {
            if (deviation > _deviation)
            {
                _deviation = deviation;
                _model = model;
                _element = element;
            }
        }

        // A run in which every trial was exact reports deviation 0 and names no worst trial.
        public InvarianceReport<TModel, TGroupElement> ToReport(int trials) =>
            _deviation > 0.0
                ? new InvarianceReport<TModel, TGroupElement>(trials, _deviation, _model, _element)
                : new InvarianceReport<TModel, TGroupElement>(trials, 0.0, default, default);
    }
}
