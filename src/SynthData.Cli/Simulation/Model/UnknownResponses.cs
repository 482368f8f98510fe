using System.Globalization;
using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// What the simulator says about a prompt it has no registered problem for: an honestly hedged attempt with a guessed
/// number (or a placeholder function for code-looking prompts). Never right on purpose, never an error.
/// </summary>
internal static partial class UnknownResponses
{
    public static SimulatedCompletion Guess(string requestText, SeededRandom rng)
    {
        if (LooksLikeCode().IsMatch(requestText))
        {
            var name = FunctionName().Match(requestText) is { Success: true } m ? m.Groups["name"].Value : "solve";
            var code = $"def {name}(*args):\n    # Placeholder: I could not work out the intended behaviour.\n    return None";
            return new SimulatedCompletion
            {
                Reasoning = "I'm not sure what exact behaviour is expected here, so I'll sketch a placeholder and say so.",
                Answer = $"I could not determine the intended behaviour, so this is only a placeholder:\n\n```python\n{code}\n```",
                Flaw = SimulatedFlaw.UnknownProblem,
                FinalAnswer = code,
            };
        }

        var numbers = Number().Matches(requestText).Select(n => long.Parse(n.Value, CultureInfo.InvariantCulture)).Take(6).ToList();
        long guess;
        string working;
        if (numbers.Count >= 2)
        {
            var a = rng.Pick(numbers);
            var b = rng.Pick(numbers);
            guess = rng.Chance(0.5) ? a + b : a * b;
            working = $"The numbers given are {string.Join(", ", numbers)}. I don't see a reliable method, so I'll combine {a} and {b} as the most likely relationship, which gives {guess}.";
        }
        else
        {
            guess = rng.Next(1, 100);
            working = $"I can't find enough information to compute this exactly; a reasonable estimate is {guess}.";
        }
        return new SimulatedCompletion
        {
            Reasoning = $"I'm not confident about how to approach this problem.\n\n{working}\n\nThis is a guess and should be checked.",
            Answer = $"My best guess is $\\boxed{{{guess}}}$, but I have not been able to verify it.",
            Flaw = SimulatedFlaw.UnknownProblem,
            FinalAnswer = guess.ToString(CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"\bdef\s+\w+\s*\(|```python|\bPython\b|\bwrite a (python )?function\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeCode();

    [GeneratedRegex(@"\bdef\s+(?<name>\w+)\s*\(")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"(?<![\d.])\d{1,9}(?![\d])")]
    private static partial Regex Number();
}
