using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.OdeSolvers;
using SymmetryDsl.Flows;

namespace SymmetryDsl.Tests.Flows;

public class MathNetAgreementTests
{
    [Fact]
    public void RungeKutta4MatchesMathNetEveryStep()
    {
        double[] initial = [1.2, -0.7, 0.3, 2.5];
        double[] weights = [1.0, 0.5, 0.25, 2.0];
        const int points = 65;

        // MathNet integrates dy/dt = f(t, y) with points − 1 equal steps over [0, 1].
        var reference = RungeKutta.FourthOrder(Vector<double>.Build.DenseOfArray(initial), 0, 1, points, (_, y) =>
            Vector<double>.Build.Dense(y.Count, i => -Math.Sinh(y[i]) / weights[i]));

        var result = GradientFlow.Run(initial, weights, TestProblems.CoshEnergyAndGradient, new FlowOptions
        {
            Method = FlowMethod.RungeKutta4,
            StepSize = 1.0 / (points - 1),
            EndTime = 1,
        });

        Assert.Equal(points, result.States.Count);
        for (int k = 0; k < points; k++)
        {
            Assert.Equal(k / (double)(points - 1), result.Times[k], 1e-15);
            for (int i = 0; i < initial.Length; i++)
            {
                Assert.Equal(reference[k][i], result.States[k][i], 1e-13);
            }
        }
    }
}
