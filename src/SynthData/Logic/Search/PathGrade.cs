namespace SynthData.Logic.Search;

/// <summary>
/// The common verdict for shortest-solution puzzles. The prompts ask for a shortest solution, so a valid solution
/// that is longer than the optimum is not accepted: it scores optimal/length and the reason says "valid but not
/// shortest". A sequence that breaks a rule or stops short of the goal scores at most half its progress towards the
/// goal (a family-specific measure in [0,1] of the last legal state), so it always stays well below a valid solution.
/// </summary>
public static class PathGrade
{
    /// <summary>Most moves a checker simulates; longer answers are rejected unread (work is capped).</summary>
    public const int MaxMoves = 10_000;

    public static LogicCheck Grade(int optimal, int used, bool solved, string? error, double progress)
    {
        var partial = 0.5 * Math.Clamp(double.IsFinite(progress) ? progress : 0, 0, 1);
        if (error is not null)
            return LogicCheck.Fail(error, partial);
        if (!solved)
            return LogicCheck.Fail($"after {used} legal moves the goal is not reached", partial);
        if (used > optimal)
            return LogicCheck.Fail($"valid but not shortest: {used} moves, the shortest solution takes {optimal}",
                (double)optimal / used);
        return LogicCheck.Pass($"solved in {used} moves, the shortest possible");
    }

    /// <summary>Progress as the fraction of an initial distance-like measure removed (0 when it did not shrink).</summary>
    public static double Progress(double startMeasure, double nowMeasure) =>
        startMeasure <= 0 ? 0 : Math.Clamp(1 - nowMeasure / startMeasure, 0, 1);
}
