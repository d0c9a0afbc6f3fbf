namespace SymmetryDsl.Flows;

/// <summary>Step counts of a gradient flow run, including the steps taken before a resumed checkpoint.</summary>
/// <param name="AcceptedSteps">Steps that advanced the state.</param>
/// <param name="RejectedSteps">Adaptive steps whose error estimate exceeded the tolerance and were retried with a smaller step.</param>
/// <param name="GradientEvaluations">Calls of the gradient (or energy-and-gradient) function.</param>
public readonly record struct FlowStatistics(long AcceptedSteps, long RejectedSteps, long GradientEvaluations);
