namespace SymmetryDsl.Flows;

/// <summary>
/// Runs the step loop of a flow on flat coordinates: stopping rules, recording, observer calls and checkpoints.
/// </summary>
internal static class FlowDriver
{
    /// <summary>Starts a run at θ₀ and t = 0.</summary>
    public static (FlowStatus Status, FlowIntegrator Integrator, FlowHistory History) Run(
        IGradientSource source, ReadOnlySpan<double> initial, ReadOnlySpan<double> metricWeights, FlowOptions options)
    {
        var integrator = new FlowIntegrator(source, options, metricWeights);
        var history = new FlowHistory();
        bool finite = integrator.Start(initial, time: 0);
        Record(integrator, history, options);
        if (!finite)
        {
            return (Finish(FlowStatus.Diverged, integrator, history, options), integrator, history);
        }

        double slack = FlowIntegrator.TimeSlack * options.StepSize;
        double nextRecord = NextMultiple(integrator.Time, options.RecordInterval, slack);
        return (Loop(integrator, history, options, nextRecord), integrator, history);
    }

    /// <summary>Continues a run from a checkpoint with its recorded history and record schedule.</summary>
    public static (FlowStatus Status, FlowIntegrator Integrator, FlowHistory History) Resume(
        IGradientSource source, FlowCheckpoint checkpoint, ReadOnlySpan<double> metricWeights, FlowOptions options)
    {
        var integrator = new FlowIntegrator(source, options, metricWeights);
        checkpoint.RestoreInto(integrator);
        var history = checkpoint.History;

        // A changed record interval starts its schedule afresh from the last record.
        double nextRecord = options.RecordInterval == checkpoint.RecordInterval
            ? checkpoint.NextRecordTime
            : NextMultiple(history.Times[^1], options.RecordInterval, FlowIntegrator.TimeSlack * integrator.LastStepSize);
        return (Loop(integrator, history, options, nextRecord), integrator, history);
    }

    private static FlowStatus Loop(FlowIntegrator integrator, FlowHistory history, FlowOptions options, double nextRecord)
    {
        double slack = FlowIntegrator.TimeSlack * integrator.LastStepSize;
        double nextCheckpoint = NextMultiple(integrator.Time, options.CheckpointInterval, slack);
        var checkpointOrigin = options.CheckpointStream?.Position ?? 0;
        FlowStatus status;
        while (true)
        {
            if (integrator.GradientNorm < options.GradientTolerance)
            {
                status = FlowStatus.Converged;
                break;
            }

            if (integrator.Time >= options.EndTime)
            {
                status = FlowStatus.ReachedEndTime;
                break;
            }

            if (options.CancellationToken.IsCancellationRequested)
            {
                status = FlowStatus.Cancelled;
                break;
            }

            var outcome = integrator.Step(options.EndTime);
            if (outcome == StepOutcome.Diverged)
            {
                status = FlowStatus.Diverged;
                break;
            }

            if (outcome == StepOutcome.Rejected)
            {
                continue;
            }

            slack = FlowIntegrator.TimeSlack * integrator.LastStepSize;
            if (integrator.Time >= nextRecord - slack)
            {
                Record(integrator, history, options);
                nextRecord = NextMultiple(integrator.Time, options.RecordInterval, slack);
            }

            if (integrator.Time >= nextCheckpoint - slack)
            {
                FlowCheckpoint.Write(options.CheckpointStream!, checkpointOrigin, integrator, history,
                    options.RecordInterval, nextRecord);
                nextCheckpoint = NextMultiple(integrator.Time, options.CheckpointInterval, slack);
            }
        }

        if (options.CheckpointStream is { } stream)
        {
            // Written before the closing record, so a resumed run records exactly what an uninterrupted one does.
            FlowCheckpoint.Write(stream, checkpointOrigin, integrator, history, options.RecordInterval, nextRecord);
        }

        return Finish(status, integrator, history, options);
    }

    /// <summary>Records the final state unless the last record already is it.</summary>
    private static FlowStatus Finish(FlowStatus status, FlowIntegrator integrator, FlowHistory history, FlowOptions options)
    {
        if (history.Count == 0 || history.Times[^1] != integrator.Time)
        {
            Record(integrator, history, options);
        }

        return status;
    }

    private static void Record(FlowIntegrator integrator, FlowHistory history, FlowOptions options)
    {
        history.Add(integrator.Time, integrator.Energy, integrator.GradientNorm, integrator.Coordinates);
        options.Observer?.Invoke(new FlowProgress(integrator.Time, options.EndTime, integrator.Energy,
            integrator.GradientNorm, integrator.AcceptedSteps, integrator.RejectedSteps, integrator.LastStepSize));
    }

    /// <summary>
    /// Returns the first multiple of <paramref name="interval"/> after <paramref name="time"/>, counting a time
    /// within <paramref name="slack"/> below a multiple as that multiple. An interval of 0 gives every step.
    /// </summary>
    private static double NextMultiple(double time, double interval, double slack)
    {
        if (interval == 0 || double.IsPositiveInfinity(interval))
        {
            return interval;
        }

        return (Math.Floor((time + slack) / interval) + 1) * interval;
    }
}
