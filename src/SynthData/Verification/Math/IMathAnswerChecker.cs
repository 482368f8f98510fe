namespace SynthData.Verification.Math;

/// <summary>
/// Decides whether a predicted math answer is equivalent to a gold answer. The extension point behind
/// <c>synthdata verify math</c> and the math verifier.
/// </summary>
public interface IMathAnswerChecker
{
    string Version { get; }

    /// <summary>
    /// <paramref name="gold"/> is a reference answer (possibly <c>\boxed{}</c>-wrapped); <paramref name="prediction"/>
    /// is a bare answer or a whole model response from which the final answer is extracted. Never throws.
    /// </summary>
    MathCheckResult Check(string gold, string prediction);
}

/// <summary>The <c>verify math</c> result: <c>{"equivalent", "extracted", "reason"}</c>.</summary>
public sealed record MathCheckResult(bool Equivalent, string? Extracted, string Reason, MathCheckOutcome Outcome);

public enum MathCheckOutcome
{
    Equivalent,
    NotEquivalent,
    NoAnswer,
}
