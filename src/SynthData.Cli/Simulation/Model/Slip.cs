using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// An arithmetic slip mid-way through a worked solution: one intermediate result (a number right after <c>=</c>) is
/// miscomputed, later steps use the wrong value and are recomputed from it, so the error reaches the final answer
/// the way it would in a real chain of thought.
/// </summary>
internal static partial class Slip
{
    /// <summary>The slipped steps and the answer they lead to, or <c>null</c> when no step before the last has a result to get wrong.</summary>
    public static (IReadOnlyList<string> Steps, string Answer)? TryApply(IReadOnlyList<string> steps, string answer, SeededRandom rng)
    {
        var candidates = Enumerable.Range(0, Math.Max(0, steps.Count - 1))
            .Where(i => Equation().IsMatch(steps[i]))
            .ToList();
        if (candidates.Count == 0)
            return null;

        var at = rng.Pick(candidates);
        var result = Equation().Matches(steps[at])[^1].Groups["value"];
        var slipped = WrongAnswers.Perturb(result.Value, rng);
        if (Arithmetic.TryParse(slipped, out var slippedValue))
            slipped = Arithmetic.Format(slippedValue, result.Value);
        var carried = new List<(string Old, string New)> { (result.Value, slipped) };
        var output = steps.ToList();
        output[at] = steps[at][..result.Index] + slipped + steps[at][(result.Index + result.Length)..];
        for (var i = at + 1; i < output.Count; i++)
        {
            var step = carried.Aggregate(output[i], (s, c) => WorkedSolution.NumberToken(c.Old).Replace(s, _ => c.New));
            output[i] = Recompute(step, carried);
        }
        return (output, FinalAnswer(answer, carried, rng));
    }

    /// <summary>Redoes each <c>expression = value</c> in a step whose inputs changed, remembering what changed.</summary>
    private static string Recompute(string step, List<(string Old, string New)> carried)
    {
        foreach (var equation in Equation().Matches(step).Reverse())
        {
            var literal = equation.Groups["value"];
            if (!Arithmetic.TryEvaluate(equation.Groups["expr"].Value, out var value)
                || !Arithmetic.TryParse(literal.Value, out var written) || value == written)
                continue;
            var redone = Arithmetic.Format(value, literal.Value);
            step = step[..literal.Index] + redone + step[(literal.Index + literal.Length)..];
            carried.Add((literal.Value, redone));
        }
        return step;
    }

    /// <summary>The carried value of the reference answer, or a near miss when the slip never reached it.</summary>
    private static string FinalAnswer(string answer, List<(string Old, string New)> carried, SeededRandom rng)
    {
        if (Arithmetic.TryParse(answer, out var reference))
        {
            foreach (var (old, changed) in Enumerable.Reverse(carried))
            {
                if (Arithmetic.TryParse(old, out var was) && was == reference
                    && Arithmetic.TryParse(changed, out var now) && now != reference)
                    return changed.Replace(",", string.Empty, StringComparison.Ordinal);
            }
        }
        return WrongAnswers.Perturb(answer, rng);
    }

    [GeneratedRegex(@"(?<expr>[\d.,+\-*/×÷()$\s]*)=\s*\\?\$?\s*(?<value>-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)")]
    private static partial Regex Equation();
}
