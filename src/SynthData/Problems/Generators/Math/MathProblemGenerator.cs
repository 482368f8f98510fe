using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// What every built-in math family shares: five difficulty levels, the argument check, and the shape of the
/// result (a worked solution whose last line is <c>\boxed{answer}</c>, and the problem's parameters in metadata so
/// that tests and users can re-derive the answer independently).
/// </summary>
public abstract class MathProblemGenerator : IProblemGenerator
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public ProblemDomain Domain => ProblemDomain.Math;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, MaxDifficulty);
        return Create(rng, difficulty);
    }

    /// <summary>Draws one problem. Impossible draws are rejected by drawing again from the same generator.</summary>
    protected abstract GeneratedProblem Create(SeededRandom rng, int difficulty);

    protected static GeneratedProblem Problem(string prompt, string answer, IEnumerable<string> steps, JsonObject metadata) => new()
    {
        Prompt = prompt,
        Answer = answer,
        Solution = string.Join('\n', steps.Append($"The answer is \\boxed{{{answer}}}")),
        Metadata = metadata,
    };
}
