using System.Globalization;

namespace SymmetryDsl.Samples.MeanField;

/// <summary>
/// A regression split ready for training: standardized features with a constant last column for the bias, and a
/// standardized response, stored both row-major (one sample a row) and feature-major for vectorized passes.
/// </summary>
public sealed class RegressionData
{
    private RegressionData(double[] features, double[] targets, int sampleCount, int featureCount)
    {
        Features = features;
        Targets = targets;
        SampleCount = sampleCount;
        FeatureCount = featureCount;
        FeatureMajor = new double[features.Length];
        for (int sample = 0; sample < sampleCount; sample++)
        {
            for (int feature = 0; feature < featureCount; feature++)
            {
                FeatureMajor[feature * sampleCount + sample] = features[sample * featureCount + feature];
            }
        }
    }

    /// <summary>Sample-major features, <see cref="SampleCount"/> × <see cref="FeatureCount"/>.</summary>
    public double[] Features { get; }

    /// <summary>The same features feature-major, <see cref="FeatureCount"/> × <see cref="SampleCount"/>.</summary>
    public double[] FeatureMajor { get; }

    /// <summary>Standardized responses, one per sample.</summary>
    public double[] Targets { get; }

    /// <summary>Number m of samples.</summary>
    public int SampleCount { get; }

    /// <summary>Number D of features, the constant bias feature included.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// Splits a table into a training and a test set with a seeded shuffle, and standardizes both with the
    /// training set's means and standard deviations so that nothing of the test set leaks into training.
    /// </summary>
    /// <param name="table">Rows of raw values; the last column is the response.</param>
    /// <param name="testFraction">Fraction of rows held out for testing, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static RegressionSplit Split(IReadOnlyList<double[]> table, double testFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(testFraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1.0);

        int[] order = Enumerable.Range(0, table.Count).ToArray();
        new Random(seed).Shuffle(order);
        int testCount = (int)Math.Round(table.Count * testFraction);
        int[] trainRows = order[testCount..];
        int[] testRows = order[..testCount];

        var (means, deviations) = ColumnMoments(table, trainRows);
        return new RegressionSplit(
            Standardize(table, trainRows, means, deviations),
            Standardize(table, testRows, means, deviations),
            new ResponseScaling(means[^1], deviations[^1]));
    }

    /// <summary>Standardizes every row of a table with its own means and standard deviations, without a split.</summary>
    /// <param name="table">Rows of raw values; the last column is the response.</param>
    public static RegressionData Standardize(IReadOnlyList<double[]> table)
    {
        int[] rows = Enumerable.Range(0, table.Count).ToArray();
        var (means, deviations) = ColumnMoments(table, rows);
        return Standardize(table, rows, means, deviations);
    }

    private static (double[] Means, double[] Deviations) ColumnMoments(IReadOnlyList<double[]> table, int[] rows)
    {
        int columns = table[0].Length;
        var means = new double[columns];
        var deviations = new double[columns];
        for (int column = 0; column < columns; column++)
        {
            double[] values = rows.Select(row => table[row][column]).ToArray();
            means[column] = values.Average();
            deviations[column] = Math.Sqrt(values.Sum(value => (value - means[column]) * (value - means[column])) / values.Length);
        }

        return (means, deviations);
    }

    private static RegressionData Standardize(IReadOnlyList<double[]> table, int[] rows, double[] means, double[] deviations)
    {
        int inputs = means.Length - 1;
        int featureCount = inputs + 1;
        var features = new double[rows.Length * featureCount];
        var targets = new double[rows.Length];
        for (int sample = 0; sample < rows.Length; sample++)
        {
            double[] values = table[rows[sample]];
            for (int column = 0; column < inputs; column++)
            {
                features[sample * featureCount + column] = (values[column] - means[column]) / deviations[column];
            }

            features[sample * featureCount + inputs] = 1.0;
            targets[sample] = (values[inputs] - means[inputs]) / deviations[inputs];
        }

        return new RegressionData(features, targets, rows.Length, featureCount);
    }

    /// <summary>Reads a comma-separated table with one header line and numeric cells.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A cell is not a number or a row has the wrong number of cells.</exception>
    public static List<double[]> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 2)
        {
            throw new InvalidDataException($"The file '{path}' has no data rows.");
        }

        int columns = lines[0].Split(',').Length;
        var rows = new List<double[]>(lines.Length - 1);
        for (int line = 1; line < lines.Length; line++)
        {
            if (lines[line].Length == 0)
            {
                continue;
            }

            string[] cells = lines[line].Split(',');
            if (cells.Length != columns)
            {
                throw new InvalidDataException($"Line {line + 1} of '{path}' has {cells.Length} cells; the header has {columns}.");
            }

            var row = new double[columns];
            for (int column = 0; column < columns; column++)
            {
                if (!double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out row[column]))
                {
                    throw new InvalidDataException($"Line {line + 1} of '{path}', column {column + 1}: '{cells[column]}' is not a number.");
                }
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>The affine map between the standardized response and its original units.</summary>
public readonly record struct ResponseScaling(double Mean, double StandardDeviation)
{
    /// <summary>Converts a mean squared error in standardized units to the response's original units.</summary>
    public double ToOriginalUnits(double standardizedMse) => standardizedMse * StandardDeviation * StandardDeviation;
}

/// <summary>A training and a test set standardized alike.</summary>
public sealed record RegressionSplit(RegressionData Train, RegressionData Test, ResponseScaling Scaling);
