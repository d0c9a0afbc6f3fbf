using SymmetryDsl.Transport;

namespace SymmetryDsl.Tests.Transport;

/// <summary>Invalid inputs to <see cref="Wasserstein"/> and the exceptions they raise.</summary>
public class WassersteinValidationTests
{
    public static TheoryData<double> NonFiniteValues => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Fact]
    public void DifferentSizesAreRejected()
    {
        AssertRejected(() => Wasserstein.W2([1.0, 2.0], [1.0, 2.0, 3.0]), "y", "2 points", "3");
        AssertRejected(() => Wasserstein.Compute([1.0, 2.0], [1.0, 2.0, 3.0]), "y", "2 points", "3");
        AssertRejected(() => Wasserstein.W2Squared([1.0, 2.0], [1.0, 2.0, 3.0, 4.0], 2), "y", "1 points", "2");
        AssertRejected(() => Wasserstein.Compute(new double[2, 2], new double[3, 2]), "y", "2 points", "3");
    }

    [Fact]
    public void EmptyInputsAreRejected()
    {
        AssertRejected(() => Wasserstein.W2([], []), "x", "empty");
        AssertRejected(() => Wasserstein.Compute([1.0], []), "y", "empty");
        AssertRejected(() => Wasserstein.W2Squared([], [], 3), "x", "empty");
        AssertRejected(() => Wasserstein.W2(new double[0, 2], new double[0, 2]), "x", "empty");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void NonPositiveDimensionIsRejected(int dimension)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Wasserstein.W2([1.0, 2.0], [3.0, 4.0], dimension));

        Assert.Equal("dimension", error.ParamName);
        Assert.Contains(dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void PartialPointIsRejected()
    {
        AssertRejected(() => Wasserstein.W2([1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0], 2), "x", "3 coordinates", "dimension 2");
        AssertRejected(() => Wasserstein.Compute([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0], 2), "y", "3 coordinates", "dimension 2");
    }

    [Fact]
    public void MismatchedArrayDimensionsAreRejected()
    {
        AssertRejected(() => Wasserstein.W2(new double[2, 2], new double[2, 3]), "y", "dimension 2", "dimension 3");
        AssertRejected(() => Wasserstein.W2(new double[2, 0], new double[2, 0]), "x", "0 coordinates");
    }

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void NonFiniteCoordinateIsRejected(double value)
    {
        string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        AssertRejected(() => Wasserstein.W2([1.0, value], [1.0, 2.0]), "x", "x[1]", text);
        AssertRejected(() => Wasserstein.Compute([1.0, 2.0], [value, 2.0]), "y", "y[0]", text);
        AssertRejected(() => Wasserstein.W2Squared([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, value], 2), "y", "y[3]", "point 1, coordinate 1", text);
        AssertRejected(() => Wasserstein.Compute(new double[,] { { 0, 0 }, { value, 1 } }, new double[2, 2]), "x", "x[2]", text);
    }

    [Fact]
    public void OversizedCloudCoordinateIsRejected()
    {
        AssertRejected(() => Wasserstein.W2([1e200, 0.0], [0.0, 0.0], 2), "x", "x[0]", "1E+200");
    }

    [Fact]
    public void NullArraysAreRejected()
    {
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Wasserstein.W2(null!, new double[1, 1])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Wasserstein.Compute(new double[1, 1], null!)).ParamName);
    }

    private static void AssertRejected(Action action, string parameter, params string[] fragments)
    {
        var error = Assert.Throws<ArgumentException>(action);
        Assert.Equal(parameter, error.ParamName);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Message);
        }
    }
}
