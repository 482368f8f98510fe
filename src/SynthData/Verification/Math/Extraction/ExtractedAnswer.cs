namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// The final answer found in a response. <see cref="Parts"/> holds more than one entry when the response boxed
/// several answers side by side (<c>\boxed{2}, \boxed{3}</c>); <see cref="Join"/> says whether they were offered
/// together or as alternatives, which the checker needs to tell a solution list from hedging.
/// </summary>
internal sealed record ExtractedAnswer(IReadOnlyList<string> Parts, PartJoin Join, string Rule)
{
    public static ExtractedAnswer Single(string text, string rule) => new([text], PartJoin.None, rule);

    /// <summary>The answer as one string, e.g. for the <c>extracted</c> output field.</summary>
    public string Text => Parts.Count == 1 ? Parts[0] : string.Join(Join == PartJoin.Alternatives ? " or " : ", ", Parts);
}

internal enum PartJoin
{
    None,

    /// <summary>Joined by commas or "and": a list of answers.</summary>
    Together,

    /// <summary>Joined by "or": the response did not commit to one answer unless they are all equal.</summary>
    Alternatives,
}

/// <summary>Either an answer or the reason there is none (e.g. "empty \boxed{}").</summary>
internal sealed record ExtractionResult(ExtractedAnswer? Answer, string Reason)
{
    public static ExtractionResult Found(ExtractedAnswer answer) => new(answer, answer.Rule);
    public static ExtractionResult None(string reason) => new(null, reason);
}
