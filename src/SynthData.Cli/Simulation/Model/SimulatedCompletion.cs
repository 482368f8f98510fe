using SynthData.Problems;

namespace SynthData.Cli.Simulation.Model;

/// <summary>One choice written by the <see cref="SimulatedModel"/>, before any token limit is applied.</summary>
public sealed record SimulatedCompletion
{
    /// <summary>The chain of thought (what goes between <c>&lt;think&gt;</c> tags or into <c>reasoning_content</c>).</summary>
    public required string Reasoning { get; init; }

    /// <summary>The text after <c>&lt;/think&gt;</c>; <c>null</c> when the model never stops thinking (<see cref="SimulatedFlaw.CutOff"/>).</summary>
    public string? Answer { get; init; }

    public required SimulatedFlaw Flaw { get; init; }

    /// <summary>
    /// What the response commits to: for math the answer its ending states (the content of the last <c>\boxed{}</c>, or of
    /// the later statement after it; a correct response may write any form equal to the reference), for code the program
    /// in the fenced block; <c>null</c> when there is none. For a wrong math response this always differs from the
    /// reference answer.
    /// </summary>
    public string? FinalAnswer { get; init; }

    /// <summary>The registered problem the request was recognised as, if any.</summary>
    public Problem? Problem { get; init; }

    public bool IsCorrect => Flaw == SimulatedFlaw.None;

    /// <summary>The whole response with the reasoning inline, as a model with a <c>&lt;think&gt;</c> template writes it.</summary>
    public string ToText() => Answer is null ? $"<think>\n{Reasoning}" : $"<think>\n{Reasoning}\n</think>\n\n{Answer}";
}
