using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Logic;

/// <summary>
/// A family of logic or search puzzles: an extension point. A family generates solvable instances (a pure function of
/// (rng, difficulty), the same on every machine), solves them with its own reference solver, and checks any response
/// by the puzzle's rules, never by comparing with the stored solution, so every valid solution is accepted.
/// </summary>
public interface ILogicFamily
{
    /// <summary>Stable name used in config (<c>generator: NAME</c>), provenance and the instance, e.g. <c>klotski</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Levels are 1..5; a higher level really is a larger or deeper search.</summary>
    int MaxDifficulty => 5;

    LogicPuzzle Generate(SeededRandom rng, int difficulty);

    /// <summary>
    /// Checks <paramref name="response"/> (a whole model response) against <paramref name="instance"/> (exactly what
    /// <see cref="LogicPuzzle.Instance"/> held, possibly after a JSON round trip). Never throws on any response; throws
    /// <see cref="LogicInstanceException"/> only when the instance itself is malformed.
    /// </summary>
    LogicCheck Check(JsonObject instance, string response);
}

/// <summary>One generated puzzle.</summary>
/// <param name="Prompt">The full problem statement, including the exact answer format.</param>
/// <param name="Instance">Everything <see cref="ILogicFamily.Check"/> needs (self-contained ground truth for RL rows).</param>
/// <param name="ReferenceResponse">A response in the stated format, from the reference solver; checks with score 1.</param>
public sealed record LogicPuzzle(string Prompt, JsonObject Instance, string ReferenceResponse);

/// <summary>The checker's verdict: <paramref name="Score"/> in [0,1] is partial credit, 1 exactly when accepted.</summary>
public sealed record LogicCheck(bool Accepted, double Score, string Reason)
{
    public static LogicCheck Pass(string reason = "the solution satisfies every rule") => new(true, 1.0, reason);

    /// <summary>A rejection; the score is clamped below 1 so that only accepted answers score 1.</summary>
    public static LogicCheck Fail(string reason, double score = 0) =>
        new(false, double.IsFinite(score) ? Math.Clamp(score, 0, 0.99) : 0, reason);
}

/// <summary>The instance (not the response) is malformed: a caller error, reported with the field.</summary>
public sealed class LogicInstanceException(string field, string expected)
    : Exception($"puzzle instance field '{field}': expected {expected}")
{
    public string Field { get; } = field;
}
