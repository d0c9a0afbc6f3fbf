namespace SymmetryDsl.Samples.MeanField;

/// <summary>Writes the <c>mean-field</c> report as CSV files, numbers in round-trip format.</summary>
internal static class MeanFieldCsv
{
    /// <summary>Writes the loss curves, the per-width summary, the equivariance distances and the neuron snapshots into <paramref name="folder"/>, and returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(MeanFieldReport report, string folder)
    {
        ResponseScaling scaling = report.Split.Scaling;

        string lossPath = Path.Combine(folder, "mean-field-loss.csv");
        CsvFile.Write(
            lossPath,
            ["neurons", "seed", "time", "train_mse", "test_mse", "train_mse_original_units", "test_mse_original_units"],
            from width in report.Widths
            from run in width.Runs
            from record in Enumerable.Range(0, run.Times.Length)
            select (IReadOnlyList<object>)[
                run.Neurons, run.Seed, run.Times[record], run.TrainMse[record], run.TestMse[record],
                scaling.ToOriginalUnits(run.TrainMse[record]), scaling.ToOriginalUnits(run.TestMse[record])]);

        string summaryPath = Path.Combine(folder, "mean-field-summary.csv");
        CsvFile.Write(
            summaryPath,
            ["neurons", "seeds", "train_mse_mean", "train_mse_sd", "test_mse_mean", "test_mse_sd",
             "train_mse_mean_original_units", "test_mse_mean_original_units", "neuron_w2", "output_weight_w2",
             "ols_train_mse", "ols_test_mse"],
            report.Widths.Select(width => (IReadOnlyList<object>)[
                width.Neurons, width.Runs.Count, width.FinalTrainMse.Mean, width.FinalTrainMse.Deviation,
                width.FinalTestMse.Mean, width.FinalTestMse.Deviation,
                scaling.ToOriginalUnits(width.FinalTrainMse.Mean), scaling.ToOriginalUnits(width.FinalTestMse.Mean),
                width.NeuronW2, width.OutputWeightW2, report.BaselineTrainMse, report.BaselineTestMse]));

        EquivarianceResult equivariance = report.Equivariance;
        string equivariancePath = Path.Combine(folder, "mean-field-equivariance.csv");
        CsvFile.Write(
            equivariancePath,
            ["neurons", "time", "orbit_distance", "permuted_distance"],
            Enumerable.Range(0, equivariance.Times.Length).Select(record => (IReadOnlyList<object>)[
                equivariance.Neurons, equivariance.Times[record], equivariance.OrbitDistances[record],
                equivariance.PermutedDistances[record]]));

        string neuronsPath = Path.Combine(folder, "mean-field-neurons.csv");
        CsvFile.Write(
            neuronsPath,
            ["time", "neuron", "input_weight_norm", "output_weight"],
            from snapshot in report.Snapshots
            from neuron in Enumerable.Range(0, snapshot.OutputWeights.Length)
            select (IReadOnlyList<object>)[
                snapshot.Time, neuron, snapshot.InputWeightNorms[neuron], snapshot.OutputWeights[neuron]]);

        return [lossPath, summaryPath, equivariancePath, neuronsPath];
    }
}
