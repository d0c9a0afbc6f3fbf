namespace SymmetryDsl.Tests;

public class InvarianceCheckTests
{
    private static ParticleLine SampleFive(Random random) => ParticleLine.Sample(random, 5);

    [Fact]
    public void SymmetricFunctionHasRoundingDeviation()
    {
        var report = Invariance.Check<ParticleLine, int[]>(x => x.Positions.Sum(p => Math.Exp(p)), SampleFive, trials: 200);

        Assert.Equal(200, report.Trials);
        Assert.True(report.IsWithin(1e-12), report.ToString());
    }

    [Fact]
    public void FirstParticleReadIsFlagged()
    {
        var report = Invariance.Check<ParticleLine, int[]>(x => x.Positions[0], SampleFive, trials: 50);

        Assert.True(report.MaxDeviation > 0.1, report.ToString());
        Assert.NotNull(report.WorstModel);
        Assert.NotNull(report.WorstElement);
        double recomputed = Math.Abs(report.WorstModel.Apply(report.WorstElement).Positions[0] - report.WorstModel.Positions[0]);
        Assert.Equal(report.MaxDeviation, recomputed);
    }

    [Fact]
    public void SameSeedGivesSameReport()
    {
        var first = Invariance.Check<ParticleLine, int[]>(x => x.Positions[1] * x.Positions[2], SampleFive, trials: 30, seed: 7);
        var second = Invariance.Check<ParticleLine, int[]>(x => x.Positions[1] * x.Positions[2], SampleFive, trials: 30, seed: 7);

        Assert.Equal(first.MaxDeviation, second.MaxDeviation);
        Assert.Equal(first.WorstElement, second.WorstElement);
    }

    [Fact]
    public void PointwiseMapIsEquivariant()
    {
        var report = Invariance.CheckEquivariance<ParticleLine, int[]>(
            x => new ParticleLine(x.Positions.Select(p => Math.Tanh(2.0 * p)).ToArray()), SampleFive);

        Assert.Equal(0.0, report.MaxDeviation);
        Assert.Null(report.WorstElement);
    }

    [Fact]
    public void CyclicShiftMapIsNotEquivariant()
    {
        // Moving every particle one slot to the left depends on the labels, so it does not commute with relabeling.
        var report = Invariance.CheckEquivariance<ParticleLine, int[]>(
            x => new ParticleLine(x.Positions.Skip(1).Append(x.Positions[0]).ToArray()), SampleFive);

        Assert.True(report.MaxDeviation > 0.1, report.ToString());
    }

    [Fact]
    public void ZeroTrialsIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Invariance.Check<ParticleLine, int[]>(x => 0.0, SampleFive, trials: 0));

        Assert.Equal("trials", error.ParamName);
        Assert.Contains("0", error.Message);
    }

    [Fact]
    public void NullFunctionIsRejected()
    {
        var error = Assert.Throws<ArgumentNullException>(
            () => Invariance.Check<ParticleLine, int[]>(null!, SampleFive));

        Assert.Equal("function", error.ParamName);
    }
}
