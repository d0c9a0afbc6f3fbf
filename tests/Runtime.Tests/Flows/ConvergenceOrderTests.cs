using SymmetryDsl.Flows;

namespace SymmetryDsl.Tests.Flows;

public class ConvergenceOrderTests
{
    private static readonly double[] Initial = [1.0, -0.5, 2.0];
    private static readonly double[] Weights = [1.0, 0.5, 2.0];
    private static readonly int[] StepCounts = [10, 20, 40, 80];

    [Theory]
    [InlineData(FlowMethod.Euler, 1)]
    [InlineData(FlowMethod.Heun, 2)]
    [InlineData(FlowMethod.RungeKutta4, 4)]
    public void LinearDecayHasMethodOrder(FlowMethod method, int order)
    {
        const double lambda = 1.5;
        var exact = TestProblems.QuadraticSolution(Initial, Weights, lambda, 1);
        var (steps, errors) = Errors(method, TestProblems.Quadratic(lambda), exact);

        Assert.InRange(TestProblems.LogLogSlope(steps, errors), order - 0.3, order + 0.3);
    }

    [Theory]
    [InlineData(FlowMethod.Euler, 1)]
    [InlineData(FlowMethod.Heun, 2)]
    [InlineData(FlowMethod.RungeKutta4, 4)]
    public void CoshEnergyHasMethodOrder(FlowMethod method, int order)
    {
        var exact = TestProblems.CoshSolution(Initial, Weights, 1);
        var (steps, errors) = Errors(method, TestProblems.CoshEnergyAndGradient, exact);

        Assert.InRange(TestProblems.LogLogSlope(steps, errors), order - 0.3, order + 0.3);
    }

    [Fact]
    public void DormandPrinceFixedStepHasOrderFive()
    {
        // Loose tolerances with MaxStep = h accept every step at h, so the pair runs as its fifth-order method. Below
        // 16 steps the error still falls faster than h⁵, so the fit starts there.
        var exact = TestProblems.CoshSolution(Initial, Weights, 1);
        var steps = new List<double>();
        var errors = new List<double>();
        foreach (int count in new[] { 16, 32, 64, 128 })
        {
            double h = 1.0 / count;
            var result = GradientFlow.Run(Initial, Weights, TestProblems.CoshEnergyAndGradient, new FlowOptions
            {
                Method = FlowMethod.DormandPrince45,
                StepSize = h,
                MaxStep = h,
                EndTime = 1,
                RelativeTolerance = 1e3,
                AbsoluteTolerance = 1e3,
            });

            Assert.Equal(count, result.Statistics.AcceptedSteps);
            Assert.Equal(0, result.Statistics.RejectedSteps);
            steps.Add(h);
            errors.Add(TestProblems.MaxAbsDifference(result.FinalState, exact));
        }

        Assert.InRange(TestProblems.LogLogSlope(steps, errors), 4.7, 5.3);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    public void DormandPrinceErrorFollowsTolerance(double tolerance)
    {
        var options = new FlowOptions
        {
            Method = FlowMethod.DormandPrince45,
            StepSize = 1,
            EndTime = 3,
            RelativeTolerance = tolerance,
            AbsoluteTolerance = tolerance,
            RecordInterval = double.PositiveInfinity,
        };

        var result = GradientFlow.Run(Initial, Weights, TestProblems.CoshEnergyAndGradient, options);
        var exact = TestProblems.CoshSolution(Initial, Weights, 3);

        Assert.Equal(FlowStatus.ReachedEndTime, result.Status);
        Assert.Equal(3, result.FinalTime);
        Assert.True(TestProblems.MaxAbsDifference(result.FinalState, exact) < 20 * tolerance,
            $"error {TestProblems.MaxAbsDifference(result.FinalState, exact)} for tolerance {tolerance}");
        Assert.True(result.Statistics.RejectedSteps > 0, "a first step of 1 must fail these tolerances");
        Assert.Equal(1 + 6 * (result.Statistics.AcceptedSteps + result.Statistics.RejectedSteps),
            result.Statistics.GradientEvaluations);
    }

    [Fact]
    public void DormandPrinceTakesFewerStepsForLooserTolerance()
    {
        long Steps(double tolerance) => GradientFlow.Run(Initial, Weights, TestProblems.CoshEnergyAndGradient, new FlowOptions
        {
            Method = FlowMethod.DormandPrince45,
            StepSize = 0.01,
            EndTime = 3,
            RelativeTolerance = tolerance,
            AbsoluteTolerance = tolerance,
        }).Statistics.AcceptedSteps;

        Assert.True(Steps(1e-4) < Steps(1e-8));
    }

    private static (List<double> Steps, List<double> Errors) Errors(FlowMethod method,
        CoordinateEnergyAndGradient energyAndGradient, double[] exact)
    {
        var steps = new List<double>();
        var errors = new List<double>();
        foreach (int count in StepCounts)
        {
            double h = 1.0 / count;
            var result = GradientFlow.Run(Initial, Weights, energyAndGradient, new FlowOptions
            {
                Method = method,
                StepSize = h,
                EndTime = 1,
                RecordInterval = double.PositiveInfinity,
            });

            Assert.Equal(FlowStatus.ReachedEndTime, result.Status);
            Assert.Equal(count, result.Statistics.AcceptedSteps);
            steps.Add(h);
            errors.Add(TestProblems.MaxAbsDifference(result.FinalState, exact));
        }

        return (steps, errors);
    }
}
