using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// How a correct simulated response ends: most often in a box (as the prompt asks), otherwise with the other endings
/// real models and few-shot datasets use: Minerva's "Final Answer: The final answer is X. I hope it is correct.", a
/// bold "**Answer:**", GSM8K's "#### X", a plain "The answer is X." sentence, or a box followed by a later statement
/// of the same value (the later one is the answer). Never two different boxes: that is what hedging looks like.
/// </summary>
internal static class AnswerStatements
{
    /// <summary>The sentences that introduce an answer (the reasoning's last line uses them too).</summary>
    internal static readonly string[] Closers = ["The answer is", "So the final answer is", "Therefore the answer is"];

    /// <summary>The answer part of the response, and the form it finally commits to.</summary>
    public static (string Text, string Final) State(string reference, string prompt, SeededRandom rng)
    {
        var form = AnswerForms.Restate(reference, prompt, rng);
        var plain = IsPlain(form);
        var roll = rng.NextDouble();
        if (roll < 0.55)
            return ($"{rng.Pick(Closers)} $\\boxed{{{form}}}$.", form);
        if (roll < 0.67)
            return ($"Final Answer: The final answer is ${form}$. I hope it is correct.", form);
        if (roll < 0.77)
            return ($"**Answer:** ${form}$", form);
        if (roll < 0.85 && plain)
            return ($"#### {form}", form);
        if (roll < 0.93)
            return ($"{rng.Pick(Closers)} ${form}$.", form);
        var later = AnswerForms.Restate(reference, prompt, rng);
        return ($"{rng.Pick(Closers)} $\\boxed{{{form}}}$.\n\nFinal answer: ${later}$", later);
    }

    /// <summary>A form GSM8K-style data would write after "####": digits, signs, separators and a point only.</summary>
    private static bool IsPlain(string form) => form.All(c => char.IsAsciiDigit(c) || c is '-' or ',' or '.');
}
