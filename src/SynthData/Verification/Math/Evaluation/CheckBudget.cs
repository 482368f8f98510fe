using System.Diagnostics;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// A cooperative deadline for one check. Loops that can run long (parsing, evaluation, matching) call
/// <see cref="Tick"/>; once the deadline passes it throws <see cref="CheckBudgetExceededException"/>, which the
/// checker turns into a verdict. Unlike signals or Thread.Abort this works on any thread, and together with the
/// size caps (exponents, factorials, expression size) no single step between two ticks can take long.
/// </summary>
internal sealed class CheckBudget
{
    private const int StepsBetweenClockReads = 64;
    private readonly long _deadline;
    private int _steps;

    public CheckBudget(TimeSpan timeout)
    {
        _deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The deadline has passed (a step may have given up for that reason without throwing).</summary>
    public bool Expired => Stopwatch.GetTimestamp() > _deadline;

    public void Tick()
    {
        if (++_steps % StepsBetweenClockReads == 0 && Stopwatch.GetTimestamp() > _deadline)
            throw new CheckBudgetExceededException();
    }
}

internal sealed class CheckBudgetExceededException() : Exception("the check ran out of time");
