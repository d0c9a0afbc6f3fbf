using SymmetryDsl.CodeGeneration;

namespace SymmetryDsl.Generators.Tests;

public class GeneratedModelSupportTests
{
    /// <summary>
    /// Each check of a model's content, made to fail on a model named by the given parameter. The rule that picks
    /// the exception type is shared, so every check must agree with it.
    /// </summary>
    private static readonly Dictionary<string, Action<string>> ModelChecks = new()
    {
        ["NullMember"] = parameter => throw GeneratedModelSupport.NullMember("Cloud", "Angles", parameter),
        ["NoNullElements rows"] = parameter => GeneratedModelSupport.NoNullElements(new double[][] { null! }, "Torus", "Points", parameter),
        ["NoNullElements list"] = parameter => GeneratedModelSupport.NoNullElements(new List<string> { "a", null! }, "Layer", "Neurons", parameter),
        ["ThrowIfNotFinite scalar"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(double.NaN, "Cloud", "Bias", parameter),
        ["ThrowIfNotFinite float scalar"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(float.NaN, "Floats", "Phase", parameter),
        ["ThrowIfNotFinite array"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(new[] { double.NaN }, "Cloud", "Points", parameter),
        ["ThrowIfNotFinite float array"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(new[] { float.NaN }, "Floats", "Values", parameter),
        ["ThrowIfNotFinite matrix"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(new[] { double.NaN }, 1, "Net", "W", parameter),
        ["ThrowIfNotFinite jagged"] = parameter => GeneratedModelSupport.ThrowIfNotFinite(new[] { new[] { double.NaN } }, "Torus", "Points", parameter),
        ["ThrowIfRowLengthsDiffer"] = parameter => GeneratedModelSupport.ThrowIfRowLengthsDiffer(new[] { new[] { 1d }, [] }, "Torus", "Points", parameter),
        ["GroupCountMismatch"] = parameter => throw GeneratedModelSupport.GroupCountMismatch(parameter, "Net", "hidden", "W", 3, "A", 2),
    };

    public static TheoryData<string> ModelCheckNames => new(ModelChecks.Keys);

    private static int[] Order(double[] coordinates, int[] offsets)
    {
        var permutation = new int[offsets.Length - 1];
        GeneratedModelSupport.CanonicalOrder(coordinates, offsets, permutation);
        return permutation;
    }

    [Fact]
    public void CanonicalOrderSortsLexicographically()
    {
        // Particles (2, 1), (1, 5), (1, 3): sorted they are (1, 3), (1, 5), (2, 1).
        var permutation = Order([2, 1, 1, 5, 1, 3], [0, 2, 4, 6]);

        Assert.Equal([2, 1, 0], permutation);
    }

    [Fact]
    public void CanonicalOrderPutsPrefixFirst()
    {
        // Particles (1, 2) and (1): the shorter one is a prefix of the longer one.
        var permutation = Order([1, 2, 1], [0, 2, 3]);

        Assert.Equal([1, 0], permutation);
    }

    [Fact]
    public void CanonicalOrderKeepsEqualParticlesInOrder()
    {
        var permutation = Order([4, 4, 4], [0, 1, 2, 3]);

        Assert.Equal([0, 1, 2], permutation);
    }

    [Fact]
    public void CanonicalOrderPutsNaNFirst()
    {
        var permutation = Order([1, double.NaN, -1], [0, 1, 2, 3]);

        Assert.Equal([2, 0, 1], permutation);
    }

    [Fact]
    public void CanonicalOrderRejectsWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.CanonicalOrder([1, 2], [0, 1, 2], new int[3]));

        Assert.Equal("permutation", error.ParamName);
        Assert.Contains("length 3", error.Message);
    }

    [Fact]
    public void PermuteRowsMovesRowIToSigmaI()
    {
        var source = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };

        var result = GeneratedModelSupport.PermuteRows(source, [2, 0, 1]);

        Assert.Equal(new double[,] { { 3, 4 }, { 5, 6 }, { 1, 2 } }, result);
    }

    [Fact]
    public void PermuteToListMovesItemIToSigmaI()
    {
        var result = GeneratedModelSupport.PermuteToList<string>(["a", "b", "c"], [1, 2, 0]);

        Assert.Equal(["c", "a", "b"], result);
    }

    [Fact]
    public void PermuteRejectsWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.PermuteToArray<int>([1, 2, 3], [0, 1]));

        Assert.Equal("permutation", error.ParamName);
        Assert.Contains("3 particles", error.Message);
    }

    [Fact]
    public void AsSpanCoversMatrixRowMajor()
    {
        var matrix = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        var span = GeneratedModelSupport.AsSpan(matrix);
        span[4] = 50;

        Assert.Equal([1, 2, 3, 4, 50, 6], span.ToArray());
        Assert.Equal(50, matrix[1, 1]);
    }

    [Fact]
    public void RandomShiftsStayInBound()
    {
        var shifts = GeneratedModelSupport.RandomShifts(1000, new Random(3));

        Assert.All(shifts, s => Assert.InRange(s, -GeneratedModelSupport.RandomShiftBound, GeneratedModelSupport.RandomShiftBound));
        Assert.Contains(shifts, s => s == GeneratedModelSupport.RandomShiftBound);
        Assert.Contains(shifts, s => s == -GeneratedModelSupport.RandomShiftBound);
    }

    [Fact]
    public void RowLengthCheckAcceptsEqualRows()
    {
        GeneratedModelSupport.ThrowIfRowLengthsDiffer([], "Torus", "Points", "shape");
        GeneratedModelSupport.ThrowIfRowLengthsDiffer([[1, 2, 3]], "Torus", "Points", "shape");
        GeneratedModelSupport.ThrowIfRowLengthsDiffer([[1, 2], [3, 4], [5, 6]], "Torus", "Points", "shape");
        GeneratedModelSupport.ThrowIfRowLengthsDiffer([[], [], []], "Torus", "Points", "this");
    }

    [Fact]
    public void RowLengthCheckNamesFirstDifferingRow()
    {
        double[][] rows = [[1, 2], [3, 4], [5], [6, 7, 8]];

        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.ThrowIfRowLengthsDiffer(rows, "Torus", "Points", "shape"));

        Assert.Equal("shape", error.ParamName);
        Assert.StartsWith("Row 2 of member 'Points' of 'Torus' has length 1 but row 0 has length 2.", error.Message);
        Assert.Contains("Give every row of 'Points' the same length.", error.Message);
    }

    [Fact]
    public void RowLengthCheckOfThisThrowsInvalidOperation()
    {
        double[][] rows = [[1], [2, 3]];

        var error = Assert.Throws<InvalidOperationException>(() => GeneratedModelSupport.ThrowIfRowLengthsDiffer(rows, "Torus", "Points", "this"));

        Assert.StartsWith("Row 1 of member 'Points' of 'Torus' has length 2 but row 0 has length 1 in this instance.", error.Message);
    }

    [Fact]
    public void NullCheckReturnsSameCollection()
    {
        double[][] rows = [[1, 2], [], [3]];
        List<string> particles = ["a", "b"];

        Assert.Same(rows, GeneratedModelSupport.NoNullElements(rows, "Torus", "Points", "this"));
        Assert.Same(particles, GeneratedModelSupport.NoNullElements(particles, "Layer", "Neurons", "x"));
        Assert.Empty(GeneratedModelSupport.NoNullElements(Array.Empty<double[]>(), "Torus", "Points", "this"));
    }

    [Fact]
    public void NullCheckNamesFirstNullRow()
    {
        double[][] rows = [[1, 2], [3, 4], null!, null!];

        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.NoNullElements(rows, "Torus", "Points", "shape"));

        Assert.Equal("shape", error.ParamName);
        Assert.Equal(
            "Row 2 of member 'Points' of 'Torus' is null. Assign an array, empty or filled, to every row before using the quotient methods. (Parameter 'shape')",
            error.Message);
    }

    [Fact]
    public void NullCheckNamesNullParticleOfList()
    {
        List<string> particles = [null!, "b"];

        var error = Assert.Throws<InvalidOperationException>(() => GeneratedModelSupport.NoNullElements(particles, "Layer", "Neurons", "this"));

        Assert.StartsWith("Particle 0 of member 'Neurons' of 'Layer' is null in this instance.", error.Message);
    }

    [Fact]
    public void NullMemberOfParameterThrowsArgumentException()
    {
        var error = GeneratedModelSupport.NullMember("Cloud", "Angles", "y");

        var argumentError = Assert.IsType<ArgumentException>(error);
        Assert.Equal("y", argumentError.ParamName);
        Assert.Equal(
            "Member 'Angles' of 'Cloud' is null. Assign it an empty or filled collection before using the quotient methods. (Parameter 'y')",
            error.Message);
    }

    [Fact]
    public void NullMemberOfThisThrowsInvalidOperation()
    {
        var error = GeneratedModelSupport.NullMember("Cloud", "Angles", "this");

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(
            "Member 'Angles' of 'Cloud' is null in this instance. Assign it an empty or filled collection before using the quotient methods.",
            error.Message);
    }

    [Fact]
    public void GroupCountMismatchFollowsModelRule()
    {
        var ofParameter = GeneratedModelSupport.GroupCountMismatch("shape", "Net", "hidden", "W", 3, "A", 2);
        var ofThis = GeneratedModelSupport.GroupCountMismatch("this", "Net", "hidden", "W", 3, "A", 2);

        Assert.Equal("shape", Assert.IsType<ArgumentException>(ofParameter).ParamName);
        Assert.StartsWith(
            "Permutation group 'hidden' of 'Net' reorders member 'W' with 3 particles together with member 'A' with 2 particles. ",
            ofParameter.Message);
        Assert.IsType<InvalidOperationException>(ofThis);
        Assert.StartsWith(
            "Permutation group 'hidden' of 'Net' reorders member 'W' with 3 particles together with member 'A' with 2 particles in this instance. ",
            ofThis.Message);
        Assert.EndsWith("so give 'W' and 'A' the same number of particles.", ofThis.Message);
    }

    [Theory]
    [MemberData(nameof(ModelCheckNames))]
    public void ModelCheckOfParameterThrowsArgumentException(string check)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelChecks[check]("y"));

        Assert.Equal("y", error.ParamName);
        Assert.EndsWith(". (Parameter 'y')", error.Message);
        Assert.DoesNotContain("parameter 'y'", error.Message);
        Assert.DoesNotContain("this instance", error.Message);
    }

    [Theory]
    [MemberData(nameof(ModelCheckNames))]
    public void ModelCheckOfThisThrowsInvalidOperation(string check)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModelChecks[check]("this"));

        Assert.Contains(" in this instance. ", error.Message);
        Assert.EndsWith(".", error.Message);
    }

    [Fact]
    public void ModelChecksAllocateNothingForValidModels()
    {
        double[] values = [1, -2, 3.5, double.MaxValue, double.Epsilon];
        float[] floats = [1, -2, float.MaxValue];
        double[][] rows = [[1, 2], [3], []];
        double[][] equalRows = [[1, 2], [3, 4]];
        List<string> particles = ["a", "b"];
        CheckAll();
        var before = GC.GetAllocatedBytesForCurrentThread();

        CheckAll();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void CheckAll()
        {
            GeneratedModelSupport.ThrowIfNotFinite(-double.MaxValue, "Cloud", "Bias", "x");
            GeneratedModelSupport.ThrowIfNotFinite(float.MinValue, "Floats", "Phase", "y");
            GeneratedModelSupport.ThrowIfNotFinite(values, "Cloud", "Points", "x");
            GeneratedModelSupport.ThrowIfNotFinite(floats, "Floats", "Values", "this");
            GeneratedModelSupport.ThrowIfNotFinite(values.AsSpan(0, 4), 2, "Net", "W", "y");
            GeneratedModelSupport.ThrowIfNotFinite(rows, "Torus", "Points", "x");
            GeneratedModelSupport.NoNullElements(rows, "Torus", "Points", "y");
            GeneratedModelSupport.NoNullElements(particles, "Layer", "Neurons", "this");
            GeneratedModelSupport.ThrowIfRowLengthsDiffer(equalRows, "Torus", "Points", "shape");
        }
    }

    [Fact]
    public void FiniteCheckNamesMatrixRowAndColumn()
    {
        double[] values = [1, 2, 3, 4, 5, double.NaN, 7, double.NaN];

        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.ThrowIfNotFinite(values, 3, "Net", "W", "y"));

        Assert.Equal("y", error.ParamName);
        Assert.StartsWith("Coordinate 2 of row 1 of member 'W' of 'Net' is NaN. ", error.Message);
    }

    [Fact]
    public void FiniteCheckNamesJaggedRowAndIndex()
    {
        double[][] rows = [[1, 2], [], [3, double.NegativeInfinity]];

        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.ThrowIfNotFinite(rows, "Torus", "Points", "x"));

        Assert.Equal("x", error.ParamName);
        Assert.StartsWith("Coordinate 1 of row 2 of member 'Points' of 'Torus' is -Infinity. ", error.Message);
    }

    [Fact]
    public void FiniteCheckOfThisThrowsInvalidOperation()
    {
        float[] values = [0.5f, float.PositiveInfinity];

        var error = Assert.Throws<InvalidOperationException>(() => GeneratedModelSupport.ThrowIfNotFinite(values, "Floats", "Values", "this"));

        Assert.Equal(
            "Coordinate 1 of member 'Values' of 'Floats' is Infinity in this instance. Every coordinate of a model must be finite. Set it to a finite value before using the quotient methods.",
            error.Message);
    }

    [Fact]
    public void FiniteCheckOfScalarHasNoIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.ThrowIfNotFinite(float.NaN, "Floats", "Phase", "x"));

        Assert.Equal("x", error.ParamName);
        Assert.StartsWith("Member 'Phase' of 'Floats' is NaN. ", error.Message);
    }

    [Fact]
    public void CostMatrixRejectsTooManyParticles()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.RentCostMatrix("x", "Net", "hidden", 46_341));

        Assert.Equal("x", error.ParamName);
        Assert.Equal(46_341, error.ActualValue);
        Assert.StartsWith("Permutation group 'hidden' of 'Net' has 46341 particles", error.Message);
    }

    [Fact]
    public void CostMatrixHoldsSquareOfCount()
    {
        var buffer = GeneratedModelSupport.RentCostMatrix("x", "Net", "hidden", 30);

        Assert.True(buffer.Length >= 900);
        System.Buffers.ArrayPool<double>.Shared.Return(buffer);
    }
}
