namespace SymmetryDsl.Generators.Tests.Execution;

public class FlowEntryTests
{
    // L = (1/2)(1/n) Σ vᵢ² has Euclidean gradient vᵢ / n. The metric weight of a particle is 1/n, so the flow is
    // dv/dt = −v and v(t) = v(0)·e^(−t): the result shows that the generated entry integrates in the model's metric.
    private const string Source = """
        using System;
        using SymmetryDsl;
        using SymmetryDsl.Flows;

        namespace Models;

        public partial class Sample
        {
            [Permutation] public double[] Values = [];
        }

        public static class Probe
        {
            private static readonly FlowOptions Options = new() { Method = FlowMethod.RungeKutta4, StepSize = 0.01, EndTime = 1.0 };

            public static double[] RunCombined()
            {
                var initial = new Sample { Values = [0.3, -1.2, 2.0, 0.7] };
                var result = Sample.Flow(initial, (state, gradient) =>
                {
                    double energy = 0.0;
                    for (int i = 0; i < state.Values.Length; i++)
                    {
                        gradient[i] = state.Values[i] / state.Values.Length;
                        energy += 0.5 * state.Values[i] * state.Values[i] / state.Values.Length;
                    }

                    return energy;
                }, Options);
                return result.FinalState.Values;
            }

            public static double[] RunSplit()
            {
                var initial = new Sample { Values = [0.3, -1.2, 2.0, 0.7] };
                var result = Sample.Flow(
                    initial,
                    state => 0.0,
                    (state, gradient) =>
                    {
                        for (int i = 0; i < state.Values.Length; i++)
                        {
                            gradient[i] = state.Values[i] / state.Values.Length;
                        }
                    },
                    Options);
                return result.FinalState.Values;
            }
        }
        """;

    private static readonly double[] Initial = [0.3, -1.2, 2.0, 0.7];

    [Theory]
    [InlineData("RunCombined")]
    [InlineData("RunSplit")]
    public void FlowIntegratesInModelMetric(string probe)
    {
        var values = (double[])ProbeAssembly.Call(Source, "Models.Probe", probe)!;

        Assert.Equal(Initial.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(Initial[i] * Math.Exp(-1.0), values[i], 1e-9);
        }
    }
}
