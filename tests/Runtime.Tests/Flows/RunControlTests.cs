using SymmetryDsl.Flows;
using SymmetryDsl.Tests.Flows.Models;

namespace SymmetryDsl.Tests.Flows;

public class RunControlTests
{
    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void StepsAllocateNothing(FlowMethod method)
    {
        var initial = Enumerable.Range(0, 1000).Select(i => Math.Sin(i)).ToArray();
        var weights = Enumerable.Range(0, 1000).Select(i => 1.0 / (1 + i % 3)).ToArray();
        var energyAndGradient = TestProblems.Quadratic(0.5);
        FlowOptions Options(double endTime) => new()
        {
            Method = method,
            StepSize = 1e-3,
            EndTime = endTime,
            RecordInterval = double.PositiveInfinity,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-10,
        };

        // Warm-up: both run lengths once, so that lazy initialization and JIT tiering settle before measuring.
        var shortRun = GradientFlow.Run(initial, weights, energyAndGradient, Options(0.01));
        var longRun = GradientFlow.Run(initial, weights, energyAndGradient, Options(2));

        long extraBytes = MinimumExtraBytes(
            () => GradientFlow.Run(initial, weights, energyAndGradient, Options(0.01)),
            () => GradientFlow.Run(initial, weights, energyAndGradient, Options(2)));

        Assert.True(longRun.Statistics.AcceptedSteps > shortRun.Statistics.AcceptedSteps + 5,
            $"{longRun.Statistics.AcceptedSteps} steps against {shortRun.Statistics.AcceptedSteps}");
        Assert.True(extraBytes <= 0, $"the longer run allocated {extraBytes} more bytes");
    }

    [Fact]
    public void ModelStepsAllocateNothing()
    {
        var random = new Random(3);
        var loss = MeanFieldLoss.Random(samples: 8, dimension: 2, random);
        var initial = MeanFieldNetwork.Random(neurons: 4, dimension: 2, random);
        EnergyAndGradient<MeanFieldNetwork> function = loss.EnergyAndGradient;
        FlowOptions Options(double endTime) => new() { StepSize = 0.01, EndTime = endTime, RecordInterval = double.PositiveInfinity };

        GradientFlow.Run(initial, function, Options(0.1));
        GradientFlow.Run(initial, function, Options(3));

        long extraBytes = MinimumExtraBytes(
            () => GradientFlow.Run(initial, function, Options(0.1)),
            () => GradientFlow.Run(initial, function, Options(3)));

        Assert.True(extraBytes <= 0, $"the longer run allocated {extraBytes} more bytes");
    }

    [Fact]
    public void RepeatedRunsAreBitwiseEqual()
    {
        var random = new Random(5);
        var loss = MeanFieldLoss.Random(samples: 10, dimension: 3, random);
        var initial = MeanFieldNetwork.Random(neurons: 7, dimension: 3, random);
        var options = new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.1, EndTime = 3 };

        var first = GradientFlow.Run(initial, loss.EnergyAndGradient, options);
        var second = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        Assert.Equal(first.Times, second.Times);
        Assert.Equal(first.Energies, second.Energies);
        Assert.Equal(first.FinalState.A, second.FinalState.A);
        Assert.Equal(first.FinalState.W, second.FinalState.W);
    }

    [Theory]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void CancellationKeepsRecordedStates(FlowMethod method)
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new List<FlowProgress>();
        var options = new FlowOptions
        {
            Method = method,
            StepSize = 0.01,
            EndTime = 100,
            CancellationToken = cancellation.Token,
            Observer = p =>
            {
                progress.Add(p);
                if (p.AcceptedSteps == 30)
                {
                    cancellation.Cancel();
                }
            },
        };

        var result = GradientFlow.Run([1.0, 2.0], [1.0, 1.0], TestProblems.CoshEnergyAndGradient, options);

        Assert.Equal(FlowStatus.Cancelled, result.Status);
        Assert.Equal(30, result.Statistics.AcceptedSteps);
        Assert.Equal(31, result.States.Count);
        Assert.Equal(result.States[^1], result.FinalState);
        Assert.True(result.FinalTime < 100);
        Assert.Equal(31, progress.Count);
        Assert.Equal(result.Times, progress.Select(p => p.Time));
        Assert.All(progress, p => Assert.Equal(100, p.EndTime));
    }

    [Fact]
    public void LargeStepDivergesOnEnergyRise()
    {
        // Euler with h = 3 on L = x²/2 maps x to −2x, so the first step raises the energy fourfold.
        var result = GradientFlow.Run([1.0, -1.0], [1.0, 1.0], TestProblems.Quadratic(1),
            new FlowOptions { Method = FlowMethod.Euler, StepSize = 3, EndTime = 100 });

        Assert.Equal(FlowStatus.Diverged, result.Status);
        Assert.Equal([1.0, -1.0], result.FinalState);
        Assert.Equal(0, result.FinalTime);
        Assert.Equal(0, result.Statistics.AcceptedSteps);
    }

    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    public void LargeStepDivergesToLastFiniteState(FlowMethod method)
    {
        var result = GradientFlow.Run([1.0, -1.0], [1.0, 1.0], TestProblems.Quadratic(1), new FlowOptions
        {
            Method = method,
            StepSize = 5,
            EndTime = 1e6,
            DivergenceTolerance = double.PositiveInfinity,
        });

        Assert.Equal(FlowStatus.Diverged, result.Status);
        Assert.True(result.Statistics.AcceptedSteps > 10);
        Assert.All(result.FinalState, x => Assert.True(double.IsFinite(x)));
        Assert.True(double.IsFinite(result.FinalEnergy));
        Assert.Equal(result.States[^1], result.FinalState);
        Assert.True(Math.Abs(result.FinalState[0]) > 1e100);
    }

    [Fact]
    public void DormandPrinceShrinksTooLargeStep()
    {
        // With ∇L = sinh(50x), trial steps near 1 overflow or fail the tolerance, so the controller must shrink them.
        var result = GradientFlow.Run([1.0], [1.0], (x, g) =>
        {
            g[0] = Math.Sinh(50 * x[0]);
            return Math.Cosh(50 * x[0]) / 50;
        }, new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 1, EndTime = 1 });

        Assert.Equal(FlowStatus.ReachedEndTime, result.Status);
        Assert.True(result.Statistics.RejectedSteps > 0);
        Assert.True(Math.Abs(result.FinalState[0]) < 0.1);

        // Near x = 0 the problem is stiff (L'' = 50), so the controller runs at the stability limit and the error
        // control lets the energy wobble at the level of the tolerances, far below any real rise.
        for (int r = 1; r < result.Energies.Count; r++)
        {
            Assert.True(result.Energies[r] <= result.Energies[r - 1] + 1e-12,
                $"energy rose from {result.Energies[r - 1]} to {result.Energies[r]} at t = {result.Times[r]}");
        }
    }

    [Fact]
    public void DormandPrinceDivergesBelowMinimumStep()
    {
        var result = GradientFlow.Run([1.0], [1.0], (x, g) =>
        {
            g[0] = Math.Sinh(50 * x[0]);
            return Math.Cosh(50 * x[0]) / 50;
        }, new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.5, MinStep = 0.1, EndTime = 1 });

        Assert.Equal(FlowStatus.Diverged, result.Status);
        Assert.Equal([1.0], result.FinalState);
        Assert.True(result.Statistics.RejectedSteps > 0);
    }

    [Fact]
    public void NonFiniteInitialEnergyDiverges()
    {
        var result = GradientFlow.Run([2.0], [1.0], (x, g) =>
        {
            g[0] = 1;
            return double.NaN;
        });

        Assert.Equal(FlowStatus.Diverged, result.Status);
        Assert.Equal([2.0], result.FinalState);
        Assert.Single(result.States);
        Assert.Equal(0, result.Statistics.AcceptedSteps);
    }

    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void EmptyStateReachesEndTime(FlowMethod method)
    {
        var result = GradientFlow.Run([], [], (_, _) => 0, new FlowOptions { Method = method, StepSize = 0.25, EndTime = 1 });

        Assert.Equal(FlowStatus.ReachedEndTime, result.Status);
        Assert.Equal(1, result.FinalTime);
        Assert.Empty(result.FinalState);
    }

    [Fact]
    public void GradientToleranceStopsConverged()
    {
        var result = GradientFlow.Run([1.0, 2.0], [1.0, 0.5], TestProblems.Quadratic(1),
            new FlowOptions { StepSize = 0.05, EndTime = 100, GradientTolerance = 1e-6 });

        Assert.Equal(FlowStatus.Converged, result.Status);
        Assert.True(result.FinalGradientNorm < 1e-6);
        Assert.True(result.GradientNorms[^2] >= 1e-6);

        // With ∇L = x and weights w, the metric norm of grad L is sqrt(Σ xᵢ² / wᵢ).
        var x = result.FinalState;
        Assert.Equal(Math.Sqrt(x[0] * x[0] / 1.0 + x[1] * x[1] / 0.5), result.FinalGradientNorm, 1e-18);
    }

    [Fact]
    public void RecordIntervalSpacesRecords()
    {
        var result = GradientFlow.Run([1.0], [1.0], TestProblems.Quadratic(1),
            new FlowOptions { StepSize = 0.03, EndTime = 1, RecordInterval = 0.25 });

        Assert.Equal(0, result.Times[0]);
        Assert.Equal(1, result.Times[^1]);
        // Records at 0, after 0.25, 0.5 and 0.75, and at the end, which is also the record after 1.
        Assert.Equal(5, result.Times.Count);
        for (int r = 1; r < result.Times.Count - 1; r++)
        {
            Assert.InRange(result.Times[r], 0.25 * r, 0.25 * r + 0.03);
        }
    }

    [Fact]
    public void FixedStepRecordsLandOnMultiples()
    {
        // 0.05 is inexact in binary, so summing steps would drift and miss multiples of 0.2 by one step.
        var result = GradientFlow.Run([1.0], [1.0], TestProblems.Quadratic(1),
            new FlowOptions { Method = FlowMethod.Euler, StepSize = 0.05, EndTime = 10, RecordInterval = 0.2 });

        Assert.Equal(51, result.Times.Count);
        Assert.Equal(200, result.Statistics.AcceptedSteps);
        for (int r = 0; r < result.Times.Count; r++)
        {
            Assert.Equal(0.2 * r, result.Times[r], 1e-12);
        }
    }

    [Fact]
    public void SplitEnergyOverloadMatchesCombined()
    {
        var random = new Random(9);
        var loss = MeanFieldLoss.Random(samples: 6, dimension: 2, random);
        var initial = MeanFieldNetwork.Random(neurons: 3, dimension: 2, random);
        var options = new FlowOptions { Method = FlowMethod.Heun, StepSize = 0.05, EndTime = 1 };

        var combined = GradientFlow.Run(initial, loss.EnergyAndGradient, options);
        var split = GradientFlow.Run(initial, loss.Energy, (state, gradient) => loss.EnergyAndGradient(state, gradient), options);

        Assert.Equal(combined.Energies, split.Energies);
        Assert.Equal(combined.FinalState.W, split.FinalState.W);
        Assert.Equal(combined.Statistics, split.Statistics);
    }

    [Fact]
    public void RunLeavesInitialStateUnchanged()
    {
        var initial = new VectorModel([1.0, 2.0, 3.0]);
        var result = GradientFlow.Run(initial, (state, gradient) =>
        {
            state.Values.CopyTo(gradient);
            return 0.5 * state.Values.Sum(v => v * v);
        });

        Assert.Equal([1.0, 2.0, 3.0], initial.Values);
        Assert.NotSame(initial, result.FinalState);
        Assert.NotSame(result.States[0].Values, result.States[1].Values);
        Assert.Equal(Math.Exp(-1), result.FinalState.Values[0], 1e-9);
    }

    /// <summary>
    /// Returns the smallest, over a few attempts, of the bytes the long run allocates beyond the short run. A step
    /// that allocates shows up in every attempt, in proportion to the extra steps. A one-off runtime allocation,
    /// such as JIT tiering landing inside the measured window, shows up in only some, so the minimum ignores it.
    /// </summary>
    private static long MinimumExtraBytes(Action shortRun, Action longRun)
    {
        long minimum = long.MaxValue;
        for (int attempt = 0; attempt < 5 && minimum > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            shortRun();
            long shortBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            longRun();
            long longBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            minimum = Math.Min(minimum, longBytes - shortBytes);
        }

        return minimum;
    }
}
