namespace SymmetryDsl.Tests;

/// <summary>
/// Tolerance comparisons for values computed from random inputs.
/// </summary>
/// <remarks>
/// xUnit's <c>Assert.Equal(expected, actual, precision)</c> rounds both values to a number of decimal places, so two
/// values that differ in the last bit fail whenever they straddle a rounding boundary. Property tests draw thousands of
/// values, and some land on such a boundary, so they compare the difference against a tolerance instead.
/// </remarks>
internal static class Approximately
{
    /// <summary>
    /// Asserts |expected − actual| ≤ tolerance · max(1, |expected|, |actual|): absolute near zero, relative for large
    /// values.
    /// </summary>
    public static void Equal(double expected, double actual, double tolerance = 1e-9)
    {
        double scale = Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        double difference = Math.Abs(expected - actual);

        // The negated comparison also fails on NaN.
        if (!(difference <= tolerance * scale))
        {
            Assert.Fail(
                $"Expected {expected:R} and actual {actual:R} differ by {difference:R}, " +
                $"more than {tolerance:R} × {scale:R}.");
        }
    }
}
