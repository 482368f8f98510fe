using System.Text;
using System.Text.RegularExpressions;
using SynthData.Common;
using SynthData.Logic;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// Logic responses built from the reference response (the problem's <c>solution</c>): the right one, a near miss
/// with one value, move or cell changed (which usually breaks exactly one rule: the checker decides), the answer
/// written as prose without the requested block, and a run-away that never answers.
/// </summary>
internal static partial class LogicResponses
{
    private static readonly string[] Plans =
    [
        "Let me restate the rules, then search systematically and check the result against every rule.",
        "I'll work through the constraints one at a time and keep track of what is forced.",
        "A careful search should do it; I'll verify each step before writing the answer.",
    ];

    private static readonly (SimulatedFlaw Flaw, double Weight)[] Flaws =
    [
        (SimulatedFlaw.BrokenRule, 0.55),
        (SimulatedFlaw.NoAnswerBlock, 0.25),
        (SimulatedFlaw.CutOff, 0.20),
    ];

    public static SimulatedCompletion Correct(string reference, SeededRandom rng) => new()
    {
        Reasoning = rng.Pick(Plans),
        Answer = reference,
        Flaw = SimulatedFlaw.None,
        FinalAnswer = LogicAnswer.Extract(reference),
    };

    public static SimulatedCompletion Wrong(string reference, SeededRandom rng, int tokenBudget)
    {
        var reasoning = rng.Pick(Plans);
        var body = LogicAnswer.Extract(reference) ?? reference;
        switch (FlawWeights.Pick(rng, Flaws))
        {
            case SimulatedFlaw.BrokenRule when Mutate(body, rng) is { } mutated:
                return new SimulatedCompletion
                {
                    Reasoning = reasoning, Answer = "Here is my answer:\n\n" + LogicAnswer.Fenced(mutated),
                    Flaw = SimulatedFlaw.BrokenRule, FinalAnswer = mutated,
                };
            case SimulatedFlaw.BrokenRule or SimulatedFlaw.NoAnswerBlock:
                return new SimulatedCompletion
                {
                    Reasoning = reasoning,
                    Answer = "I worked it out: " + string.Join("; ", LogicAnswer.Lines(body)) + ". That should satisfy every rule.",
                    Flaw = SimulatedFlaw.NoAnswerBlock,
                };
            default:
                var recheck = LogicAnswer.Lines(body).Select(l => $"is `{l}` really allowed here?").ToList();
                return new SimulatedCompletion { Reasoning = Runaway.Extend(reasoning, recheck, tokenBudget), Flaw = SimulatedFlaw.CutOff };
        }
    }

    /// <summary>One number changed by one, or (with no number) two lines swapped; null when neither changes anything.</summary>
    private static string? Mutate(string body, SeededRandom rng)
    {
        var numbers = Number().Matches(body);
        if (numbers.Count > 0)
        {
            var pick = numbers[rng.Next(0, numbers.Count - 1)];
            var value = long.Parse(pick.Value, System.Globalization.CultureInfo.InvariantCulture);
            var changed = value == 0 || rng.Chance(0.5) ? value + 1 : value - 1;
            return new StringBuilder(body).Remove(pick.Index, pick.Length)
                .Insert(pick.Index, changed.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString();
        }
        var lines = body.Split('\n');
        if (lines.Length < 2)
            return null;
        var i = rng.Next(0, lines.Length - 2);
        (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]);
        var swapped = string.Join('\n', lines);
        return swapped == body ? null : swapped;
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,9}(?![\d.])")]
    private static partial Regex Number();
}
