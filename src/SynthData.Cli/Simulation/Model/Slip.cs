using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// An arithmetic slip mid-way through a worked solution: one intermediate result (a number right after <c>=</c>) is
/// miscomputed, and every later mention of it, and of the final answer, carries the error forward.
/// </summary>
internal static partial class Slip
{
    /// <summary>The slipped steps, or <c>null</c> when no step before the last has a result to get wrong.</summary>
    public static IReadOnlyList<string>? TryApply(IReadOnlyList<string> steps, string answer, string wrongAnswer, SeededRandom rng)
    {
        var candidates = Enumerable.Range(0, Math.Max(0, steps.Count - 1))
            .Where(i => Result().IsMatch(steps[i]))
            .ToList();
        if (candidates.Count == 0)
            return null;

        var at = rng.Pick(candidates);
        var result = Result().Matches(steps[at])[^1].Groups["value"];
        var slipped = WrongAnswers.Perturb(result.Value, rng);
        var output = steps.ToList();
        output[at] = steps[at][..result.Index] + slipped + steps[at][(result.Index + result.Length)..];
        var carried = WorkedSolution.NumberToken(result.Value);
        var finalToken = WorkedSolution.NumberToken(answer);
        for (var i = at + 1; i < output.Count; i++)
            output[i] = finalToken.Replace(carried.Replace(output[i], _ => slipped), _ => wrongAnswer);
        return output;
    }

    [GeneratedRegex(@"=\s*\\?\$?\s*(?<value>-?\d+(\.\d+)?)")]
    private static partial Regex Result();
}
