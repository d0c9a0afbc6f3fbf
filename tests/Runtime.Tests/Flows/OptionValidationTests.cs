using SymmetryDsl.Flows;
using SymmetryDsl.Tests.Flows.Models;

namespace SymmetryDsl.Tests.Flows;

public class OptionValidationTests
{
    public static TheoryData<string, FlowOptions, string> InvalidOptions => new()
    {
        { "StepSize", new FlowOptions { StepSize = 0 }, "0" },
        { "StepSize", new FlowOptions { StepSize = -0.5 }, "-0.5" },
        { "StepSize", new FlowOptions { StepSize = double.NaN }, "NaN" },
        { "StepSize", new FlowOptions { StepSize = double.PositiveInfinity }, "Infinity" },
        { "EndTime", new FlowOptions { EndTime = 0 }, "0" },
        { "EndTime", new FlowOptions { EndTime = double.PositiveInfinity }, "Infinity" },
        { "EndTime", new FlowOptions { EndTime = double.NaN }, "NaN" },
        { "GradientTolerance", new FlowOptions { GradientTolerance = -1 }, "-1" },
        { "GradientTolerance", new FlowOptions { GradientTolerance = double.PositiveInfinity }, "Infinity" },
        { "RecordInterval", new FlowOptions { RecordInterval = -0.1 }, "-0.1" },
        { "RecordInterval", new FlowOptions { RecordInterval = double.NaN }, "NaN" },
        { "RelativeTolerance", new FlowOptions { RelativeTolerance = -1e-3 }, "-0.001" },
        { "AbsoluteTolerance", new FlowOptions { AbsoluteTolerance = double.NaN }, "NaN" },
        { "AbsoluteTolerance", new FlowOptions { AbsoluteTolerance = 0, RelativeTolerance = 0 }, "0" },
        { "MinStep", new FlowOptions { MinStep = -1 }, "-1" },
        { "MaxStep", new FlowOptions { MaxStep = 0 }, "0" },
        { "MaxStep", new FlowOptions { MaxStep = double.NaN }, "NaN" },
        { "MinStep", new FlowOptions { MinStep = 0.5, MaxStep = 0.25 }, "0.5" },
        { "StepSize", new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.5, MaxStep = 0.25 }, "0.5" },
        { "StepSize", new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.01, MinStep = 0.1 }, "0.01" },
        { "SafetyFactor", new FlowOptions { SafetyFactor = 0 }, "0" },
        { "SafetyFactor", new FlowOptions { SafetyFactor = 1.5 }, "1.5" },
        { "MinGrowthFactor", new FlowOptions { MinGrowthFactor = 0 }, "0" },
        { "MinGrowthFactor", new FlowOptions { MinGrowthFactor = 1 }, "1" },
        { "MaxGrowthFactor", new FlowOptions { MaxGrowthFactor = 1 }, "1" },
        { "MaxGrowthFactor", new FlowOptions { MaxGrowthFactor = double.PositiveInfinity }, "Infinity" },
        { "DivergenceTolerance", new FlowOptions { DivergenceTolerance = -1 }, "-1" },
        { "DivergenceTolerance", new FlowOptions { DivergenceTolerance = double.NaN }, "NaN" },
        { "CheckpointInterval", new FlowOptions { CheckpointInterval = 0 }, "0" },
        { "Method", new FlowOptions { Method = (FlowMethod)42 }, "42" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionThrowsWithNameAndValue(string name, FlowOptions options, string value)
    {
        var flat = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientFlow.Run([1.0], [1.0], TestProblems.Quadratic(1), options));
        Assert.Equal(name, flat.ParamName);
        Assert.Contains($"FlowOptions.{name}", flat.Message);
        Assert.Contains($"was {value}.", flat.Message);

        var model = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientFlow.Run(new VectorModel([1.0]), _ => 0, (_, g) => g[0] = 0, options));
        Assert.Equal(name, model.ParamName);
    }

    [Fact]
    public void ReadOnlyCheckpointStreamThrows()
    {
        using var stream = new MemoryStream([], writable: false);

        var error = Assert.Throws<ArgumentException>(() => GradientFlow.Run([1.0], [1.0], TestProblems.Quadratic(1),
            new FlowOptions { CheckpointStream = stream }));

        Assert.Equal("CheckpointStream", error.ParamName);
        Assert.Contains("CanWrite is False", error.Message);
    }

    [Fact]
    public void NonFiniteInitialCoordinateThrows()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GradientFlow.Run([1.0, double.NaN], [1.0, 1.0], TestProblems.Quadratic(1)));

        Assert.Equal("initial", error.ParamName);
        Assert.Contains("coordinate 1 is NaN", error.Message);
    }

    [Fact]
    public void NonFiniteModelCoordinateThrows()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GradientFlow.Run(new VectorModel([double.PositiveInfinity]), _ => 0, (_, g) => g[0] = 0));

        Assert.Equal("initial", error.ParamName);
        Assert.Contains("coordinate 0 is Infinity", error.Message);
    }

    [Fact]
    public void MismatchedWeightCountThrows()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GradientFlow.Run([1.0, 2.0], [1.0], TestProblems.Quadratic(1)));

        Assert.Equal("metricWeights", error.ParamName);
        Assert.Contains("2 coordinates but there are 1 metric weights", error.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1.0, "-1")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void InvalidWeightThrows(double weight, string text)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GradientFlow.Run([1.0, 2.0], [1.0, weight], TestProblems.Quadratic(1)));

        Assert.Equal("metricWeights", error.ParamName);
        Assert.Contains($"weight 1 is {text}", error.Message);
    }

    [Fact]
    public void NullFunctionThrows()
    {
        Assert.Throws<ArgumentNullException>("energyAndGradient", () =>
            GradientFlow.Run([1.0], [1.0], null!));
        Assert.Throws<ArgumentNullException>("initial", () =>
            GradientFlow.Run<VectorModel>(null!, (_, _) => 0));
    }
}
