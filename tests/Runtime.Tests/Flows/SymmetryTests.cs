using SymmetryDsl.Flows;
using SymmetryDsl.Tests.Flows.Models;

namespace SymmetryDsl.Tests.Flows;

public class SymmetryTests
{
    private static readonly FlowOptions CircleOptions = new()
    {
        Method = FlowMethod.RungeKutta4,
        StepSize = 0.01,
        EndTime = 1,
        RecordInterval = 0.05,
    };

    // F(x) = cos(2πx) on ℝ/ℤ.
    private static double CircleEnergyAndGradient(CircleModel state, Span<double> gradient)
    {
        gradient[0] = -2 * Math.PI * Math.Sin(2 * Math.PI * state.Phase);
        return Math.Cos(2 * Math.PI * state.Phase);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.62)]
    [InlineData(0.93)]
    public void CircleFlowCommutesWithShifts(double start)
    {
        var reference = GradientFlow.Run(new CircleModel(start), CircleEnergyAndGradient, CircleOptions);

        foreach (long shift in new long[] { -3, -1, 1, 4, 17 })
        {
            var shifted = GradientFlow.Run(new CircleModel(start + shift), CircleEnergyAndGradient, CircleOptions);

            Assert.Equal(reference.Times, shifted.Times);
            for (int r = 0; r < reference.States.Count; r++)
            {
                double tolerance = 1e-13 * (1 + Math.Abs(shift));
                Assert.Equal(reference.States[r].Phase + shift, shifted.States[r].Phase, tolerance);
                Assert.Equal(reference.CanonicalStates[r].Phase, shifted.CanonicalStates[r].Phase, tolerance);
                Assert.InRange(shifted.CanonicalStates[r].Phase, 0, 1);
                Assert.Equal(reference.Energies[r], shifted.Energies[r], tolerance * 10);
            }
        }
    }

    [Fact]
    public void CircleFlowReachesEnergyMinimum()
    {
        var result = GradientFlow.Run(new CircleModel(3.2), CircleEnergyAndGradient,
            CircleOptions with { EndTime = 5, GradientTolerance = 1e-8 });

        Assert.Equal(FlowStatus.Converged, result.Status);
        Assert.Equal(0.5, result.CanonicalStates[^1].Phase, 1e-9);
        Assert.Equal(-1, result.FinalEnergy, 1e-12);
    }

    [Fact]
    public void CircleFlowMapIsEquivariant()
    {
        var report = Invariance.CheckEquivariance<CircleModel, CircleModel.GroupElement>(
            x => GradientFlow.Run(x, CircleEnergyAndGradient, CircleOptions).FinalState,
            random => new CircleModel(random.NextDouble() * 10 - 5), trials: 40, seed: 7);

        // Shifts reach ±100 periods, so the rounding of x + k·P is up to about 100 ulps of 1.
        Assert.True(report.IsWithin(1e-11), report.ToString());
    }

    [Fact]
    public void NetworkFlowMapIsEquivariant()
    {
        var loss = MeanFieldLoss.Random(samples: 10, dimension: 2, new Random(1));
        var options = new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.05, EndTime = 2 };

        var report = Invariance.CheckEquivariance<MeanFieldNetwork, MeanFieldNetwork.GroupElement>(
            x => GradientFlow.Run(x, loss.EnergyAndGradient, options).FinalState,
            random => MeanFieldNetwork.Random(neurons: 6, dimension: 2, random), trials: 20, seed: 3);

        Assert.True(report.IsWithin(1e-11), report.ToString());
    }

    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void NetworkFlowCommutesWithPermutations(FlowMethod method)
    {
        var random = new Random(11);
        var loss = MeanFieldLoss.Random(samples: 12, dimension: 3, random);
        var initial = MeanFieldNetwork.Random(neurons: 6, dimension: 3, random);
        var options = new FlowOptions { Method = method, StepSize = 0.02, EndTime = 1, RecordInterval = 0.1 };
        var reference = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        for (int trial = 0; trial < 3; trial++)
        {
            var element = MeanFieldNetwork.RandomGroupElement(initial, random);
            var permuted = GradientFlow.Run(initial.Apply(element), loss.EnergyAndGradient, options);

            Assert.Equal(reference.States.Count, permuted.States.Count);
            for (int r = 0; r < reference.States.Count; r++)
            {
                var expected = Flatten(reference.States[r].Apply(element));
                var actual = Flatten(permuted.States[r]);
                Assert.True(TestProblems.MaxAbsDifference(expected, actual) < 1e-11,
                    $"state {r} differs from the permuted reference by {TestProblems.MaxAbsDifference(expected, actual)}");
                Assert.True(TestProblems.MaxAbsDifference(Flatten(reference.CanonicalStates[r]), Flatten(permuted.CanonicalStates[r])) < 1e-11,
                    $"canonical state {r} differs");
                Assert.Equal(reference.Energies[r], permuted.Energies[r], 1e-12);
            }
        }
    }

    [Fact]
    public void NetworkFlowsFromOneOrbitStayInIt()
    {
        var random = new Random(23);
        var loss = MeanFieldLoss.Random(samples: 10, dimension: 2, random);
        var initial = MeanFieldNetwork.Random(neurons: 12, dimension: 2, random);
        var options = new FlowOptions { StepSize = 0.05, EndTime = 2, RecordInterval = 0.5 };
        var reference = GradientFlow.Run(initial, loss.EnergyAndGradient, options);
        var permuted = GradientFlow.Run(initial.Apply(MeanFieldNetwork.RandomGroupElement(initial, random)),
            loss.EnergyAndGradient, options);

        for (int r = 0; r < reference.States.Count; r++)
        {
            Assert.True(MeanFieldNetwork.AreEquivalent(reference.States[r], permuted.States[r], 1e-11),
                $"orbit distance {MeanFieldNetwork.OrbitDistance(reference.States[r], permuted.States[r])} at t = {reference.Times[r]}");
        }

        // The flow moves the orbit: by the end the states are far apart on the quotient.
        Assert.True(MeanFieldNetwork.OrbitDistance(reference.States[0], reference.FinalState) > 1e-3);
    }

    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void EnergyDecreasesForSmallSteps(FlowMethod method)
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var random = new Random(seed);
            var loss = MeanFieldLoss.Random(samples: 10, dimension: 2, random);
            var initial = MeanFieldNetwork.Random(neurons: 5, dimension: 2, random);
            var result = GradientFlow.Run(initial, loss.EnergyAndGradient,
                new FlowOptions { Method = method, StepSize = 0.01, EndTime = 2 });

            Assert.Equal(FlowStatus.ReachedEndTime, result.Status);
            for (int r = 1; r < result.Energies.Count; r++)
            {
                Assert.True(result.Energies[r] <= result.Energies[r - 1],
                    $"seed {seed}: energy rose from {result.Energies[r - 1]} to {result.Energies[r]} at t = {result.Times[r]}");
            }

            Assert.True(result.FinalEnergy < result.Energies[0]);
        }
    }

    private static double[] Flatten<M>(M model)
        where M : IQuotientModel<M>
    {
        var coordinates = new double[model.ParameterCount];
        model.CopyTo(coordinates);
        return coordinates;
    }
}
