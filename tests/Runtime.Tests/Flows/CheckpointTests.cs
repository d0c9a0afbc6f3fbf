using System.Buffers.Binary;
using CsCheck;
using SymmetryDsl.Flows;
using SymmetryDsl.Tests.Flows.Models;

namespace SymmetryDsl.Tests.Flows;

public class CheckpointTests
{
    [Theory]
    [InlineData(FlowMethod.Euler)]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.RungeKutta4)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void ResumeAfterCancelMatchesUninterrupted(FlowMethod method)
    {
        var (loss, initial) = Problem(seed: 21);
        var options = new FlowOptions { Method = method, StepSize = 0.05, EndTime = 4, RecordInterval = 0.2 };
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        using var checkpoint = new MemoryStream();
        long evaluations = uninterrupted.Statistics.GradientEvaluations;
        var interrupted = RunCancelledAfter(initial, loss, options with { CheckpointStream = checkpoint }, evaluations / 2);
        checkpoint.Position = 0;
        var resumed = GradientFlow.Resume(initial, checkpoint, loss.EnergyAndGradient, options);

        Assert.Equal(FlowStatus.Cancelled, interrupted.Status);
        Assert.True(interrupted.FinalTime < 4);
        AssertBitwiseEqual(uninterrupted, resumed);
    }

    [Fact]
    public void ResumeMatchesAtRandomCancelPoints()
    {
        var (loss, initial) = Problem(seed: 4);
        var options = new FlowOptions
        {
            Method = FlowMethod.DormandPrince45,
            StepSize = 0.3,
            EndTime = 3,
            RelativeTolerance = 1e-7,
            AbsoluteTolerance = 1e-9,
            RecordInterval = 0.25,
        };
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        Gen.Long[1, uninterrupted.Statistics.GradientEvaluations - 1].Sample(evaluations =>
        {
            using var checkpoint = new MemoryStream();
            RunCancelledAfter(initial, loss, options with { CheckpointStream = checkpoint }, evaluations);
            checkpoint.Position = 0;
            var resumed = GradientFlow.Resume(initial, checkpoint, loss.EnergyAndGradient, options);
            AssertBitwiseEqual(uninterrupted, resumed);
        }, iter: 20, threads: 1);
    }

    [Theory]
    [InlineData(FlowMethod.Heun)]
    [InlineData(FlowMethod.DormandPrince45)]
    public void ResumeFromIntervalCheckpointMatches(FlowMethod method)
    {
        // Models a crash: the run is resumed from a checkpoint that a later one would have replaced.
        var (loss, initial) = Problem(seed: 17);
        var options = new FlowOptions { Method = method, StepSize = 0.05, EndTime = 3, RecordInterval = 0.5 };
        using var stream = new SnapshotStream();
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient,
            options with { CheckpointStream = stream, CheckpointInterval = 0.7 });

        Assert.True(stream.Snapshots.Count >= 4, $"{stream.Snapshots.Count} checkpoints");
        foreach (var snapshot in stream.Snapshots)
        {
            using var saved = new MemoryStream(snapshot);
            var resumed = GradientFlow.Resume(initial, saved, loss.EnergyAndGradient, options);
            AssertBitwiseEqual(uninterrupted, resumed);
        }
    }

    [Fact]
    public void ResumeWithNewRecordInterval()
    {
        var (loss, initial) = Problem(seed: 6);
        var options = new FlowOptions { Method = FlowMethod.RungeKutta4, StepSize = 1.0 / 32, EndTime = 4, RecordInterval = 1 };
        using var checkpoint = new MemoryStream();
        var first = RunCancelledAfter(initial, loss, options with { CheckpointStream = checkpoint }, evaluations: 4 * 40);
        checkpoint.Position = 0;

        var resumed = GradientFlow.Resume(initial, checkpoint, loss.EnergyAndGradient, options with { RecordInterval = 0.25 });

        // The first run stopped after 40 steps, at t = 1.25, having recorded 0 and 1. The new schedule counts from the
        // last record, so its first record is the first step after 1.25, and the later ones land on multiples of 0.25.
        Assert.Equal(1.25, first.FinalTime);
        Assert.Equal([0, 1, 1.28125, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4], resumed.Times);
    }

    [Fact]
    public void ResumeExtendsEndTime()
    {
        var (loss, initial) = Problem(seed: 8);
        var options = new FlowOptions { Method = FlowMethod.RungeKutta4, StepSize = 1.0 / 64, EndTime = 1 };
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        using var checkpoint = new MemoryStream();
        var first = GradientFlow.Run(initial, loss.EnergyAndGradient, options with { EndTime = 0.5, CheckpointStream = checkpoint });
        checkpoint.Position = 0;
        var resumed = GradientFlow.Resume(initial, checkpoint, loss.EnergyAndGradient, options);

        Assert.Equal(FlowStatus.ReachedEndTime, first.Status);
        Assert.Equal(0.5, first.FinalTime);
        AssertBitwiseEqual(uninterrupted, resumed);
    }

    [Fact]
    public void ResumeTwiceFromSameStream()
    {
        var (loss, initial) = Problem(seed: 13);
        var options = new FlowOptions { Method = FlowMethod.DormandPrince45, StepSize = 0.1, EndTime = 3, RecordInterval = 0.5 };
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient, options);
        long evaluations = uninterrupted.Statistics.GradientEvaluations;

        using var stream = new MemoryStream();
        var first = RunCancelledAfter(initial, loss, options with { CheckpointStream = stream }, evaluations / 3);
        stream.Position = 0;
        var second = ResumeCancelledAfter(initial, loss, stream, options with { CheckpointStream = stream }, evaluations / 3);
        stream.Position = 0;
        var third = GradientFlow.Resume(initial, stream, loss.EnergyAndGradient, options with { CheckpointStream = stream });

        Assert.Equal(FlowStatus.Cancelled, first.Status);
        Assert.Equal(FlowStatus.Cancelled, second.Status);
        Assert.True(second.FinalTime > first.FinalTime);
        AssertBitwiseEqual(uninterrupted, third);

        // The last run replaced the checkpoint it read, so the stream resumes at the end time.
        stream.Position = 0;
        var done = GradientFlow.Resume(initial, stream, loss.EnergyAndGradient, options);
        Assert.Equal(3, done.FinalTime);
        Assert.Equal(uninterrupted.Statistics, done.Statistics);
    }

    [Fact]
    public void PeriodicCheckpointsKeepStreamPrefix()
    {
        var (loss, initial) = Problem(seed: 2);
        using var stream = new MemoryStream();
        stream.Write("prefix"u8);
        var options = new FlowOptions { StepSize = 0.05, EndTime = 2, CheckpointStream = stream, CheckpointInterval = 0.3 };
        var uninterrupted = GradientFlow.Run(initial, loss.EnergyAndGradient, options);

        Assert.Equal("prefix"u8.ToArray(), stream.ToArray()[..6]);

        // The stream contains the checkpoint written at the stop, which has nothing left to integrate.
        stream.Position = 6;
        var resumed = GradientFlow.Resume(initial, stream, loss.EnergyAndGradient, options with { CheckpointStream = null });
        AssertBitwiseEqual(uninterrupted, resumed);
        Assert.Equal(uninterrupted.Statistics, resumed.Statistics);
    }

    [Fact]
    public void CorruptCheckpointFailsChecksum()
    {
        var bytes = CheckpointBytes();
        bytes[bytes.Length / 2] ^= 0x10;

        var error = Assert.Throws<InvalidDataException>(() => ResumeFlat(bytes));

        Assert.Contains("checksum", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(19)]
    [InlineData(100)]
    public void TruncatedCheckpointThrows(int keep)
    {
        var bytes = CheckpointBytes();

        var error = Assert.Throws<InvalidDataException>(() => ResumeFlat(bytes[..keep]));

        Assert.Contains("truncated", error.Message);
        Assert.Contains($"after {keep}", error.Message);
    }

    [Fact]
    public void ForeignDataIsNotCheckpoint()
    {
        var error = Assert.Throws<InvalidDataException>(() => ResumeFlat("PNG image data, not a checkpoint"u8.ToArray()));

        Assert.Contains("not a flow checkpoint", error.Message);
    }

    [Fact]
    public void UnknownVersionThrows()
    {
        var bytes = CheckpointBytes();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 7);

        var error = Assert.Throws<InvalidDataException>(() => ResumeFlat(bytes));

        Assert.Contains("format version 7", error.Message);
    }

    [Fact]
    public void ParameterCountMismatchThrows()
    {
        using var stream = new MemoryStream(CheckpointBytes());

        var error = Assert.Throws<ArgumentException>(() =>
            GradientFlow.Resume(stream, [1.0, 1.0, 1.0], TestProblems.Quadratic(1), FlatOptions));

        Assert.Equal("checkpoint", error.ParamName);
        Assert.Contains("holds 2 parameters", error.Message);
        Assert.Contains("have 3", error.Message);
    }

    [Fact]
    public void MethodMismatchThrows()
    {
        using var stream = new MemoryStream(CheckpointBytes());

        var error = Assert.Throws<ArgumentException>(() => GradientFlow.Resume(stream, [1.0, 1.0],
            TestProblems.Quadratic(1), FlatOptions with { Method = FlowMethod.Euler }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("RungeKutta4 run", error.Message);
        Assert.Contains("Method is Euler", error.Message);
    }

    [Fact]
    public void FixedStepMismatchThrows()
    {
        using var stream = new MemoryStream(CheckpointBytes());

        var error = Assert.Throws<ArgumentException>(() => GradientFlow.Resume(stream, [1.0, 1.0],
            TestProblems.Quadratic(1), FlatOptions with { StepSize = 0.2 }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("fixed step of 0.1", error.Message);
        Assert.Contains("StepSize is 0.2", error.Message);
    }

    private static readonly FlowOptions FlatOptions = new() { Method = FlowMethod.RungeKutta4, StepSize = 0.1, EndTime = 1 };

    private static byte[] CheckpointBytes()
    {
        using var stream = new MemoryStream();
        GradientFlow.Run([1.0, -2.0], [1.0, 1.0], TestProblems.Quadratic(1), FlatOptions with { CheckpointStream = stream });
        return stream.ToArray();
    }

    private static FlowResult<double[]> ResumeFlat(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return GradientFlow.Resume(stream, [1.0, 1.0], TestProblems.Quadratic(1), FlatOptions);
    }

    private static (MeanFieldLoss Loss, MeanFieldNetwork Initial) Problem(int seed)
    {
        var random = new Random(seed);
        return (MeanFieldLoss.Random(samples: 9, dimension: 2, random), MeanFieldNetwork.Random(neurons: 5, dimension: 2, random));
    }

    /// <summary>Runs until the gradient has been evaluated <paramref name="evaluations"/> times, then cancels.</summary>
    private static FlowResult<MeanFieldNetwork> RunCancelledAfter(MeanFieldNetwork initial, MeanFieldLoss loss,
        FlowOptions options, long evaluations)
    {
        using var cancellation = new CancellationTokenSource();
        long count = 0;
        return GradientFlow.Run(initial, (state, gradient) =>
        {
            if (++count == evaluations)
            {
                cancellation.Cancel();
            }

            return loss.EnergyAndGradient(state, gradient);
        }, options with { CancellationToken = cancellation.Token });
    }

    /// <summary>Resumes until the gradient has been evaluated <paramref name="evaluations"/> more times, then cancels.</summary>
    private static FlowResult<MeanFieldNetwork> ResumeCancelledAfter(MeanFieldNetwork initial, MeanFieldLoss loss,
        Stream checkpoint, FlowOptions options, long evaluations)
    {
        using var cancellation = new CancellationTokenSource();
        long count = 0;
        return GradientFlow.Resume(initial, checkpoint, (state, gradient) =>
        {
            if (++count == evaluations)
            {
                cancellation.Cancel();
            }

            return loss.EnergyAndGradient(state, gradient);
        }, options with { CancellationToken = cancellation.Token });
    }

    private static void AssertBitwiseEqual(FlowResult<MeanFieldNetwork> expected, FlowResult<MeanFieldNetwork> actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Statistics, actual.Statistics);
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.Energies, actual.Energies);
        Assert.Equal(expected.GradientNorms, actual.GradientNorms);
        for (int r = 0; r < expected.States.Count; r++)
        {
            Assert.Equal(expected.States[r].W, actual.States[r].W);
            Assert.Equal(expected.States[r].A, actual.States[r].A);
            Assert.Equal(expected.CanonicalStates[r].A, actual.CanonicalStates[r].A);
        }

        Assert.Equal(expected.FinalState.W, actual.FinalState.W);
        Assert.Equal(expected.FinalState.A, actual.FinalState.A);
    }

    /// <summary>Memory stream that keeps a copy of its contents at every flush, one per checkpoint written.</summary>
    private sealed class SnapshotStream : MemoryStream
    {
        public List<byte[]> Snapshots { get; } = [];

        public override void Flush()
        {
            base.Flush();
            Snapshots.Add(ToArray());
        }
    }
}
