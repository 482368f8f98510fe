using SynthData.Config;
using SynthData.Export;
using SynthData.Ledger;

namespace SynthData.Selection.Quality;

/// <summary>
/// Quality filters on accepted traces. Each returns a reason (one of <see cref="QualityReasons"/>) or null; the first
/// that fires is the one counted. Pure functions of the ledger record, so they can change without new requests.
/// </summary>
public sealed class TraceQualityFilter(FilterOptions options)
{
    public string? Reject(LedgerAttempt a)
    {
        // The pipeline never accepts a cut-off response; this guards ledgers written by other tools or verifiers.
        if (a.Attempt.FinishReason == "length")
            return QualityReasons.Truncated;
        if (options.MinTokens is { } min && a.Attempt.CompletionTokens < min)
            return QualityReasons.TooShort;
        if (options.MaxTokens is { } max && a.Attempt.CompletionTokens > max)
            return QualityReasons.TooLong;
        var (reasoning, answer) = ThinkSplitter.Split(a.Attempt.Content, a.Attempt.ReasoningContent);
        if (options.RequireThink && (string.IsNullOrWhiteSpace(reasoning) || string.IsNullOrWhiteSpace(answer)))
            return QualityReasons.MissingThink;
        var trace = reasoning is null ? answer : reasoning + "\n" + answer;
        if (options.MixedLanguage && ScriptMix.IsMixed(trace, a.Problem.Prompt))
            return QualityReasons.MixedLanguage;
        if (options.MaxRepeatedNgramRatio is { } ratio && Repetition.RepeatedRatio(trace, options.RepetitionNgram) > ratio)
            return QualityReasons.Repetition;
        if (options.Hedging && Hedging.IsHedged(reasoning is null ? FinalPart(answer) : answer))
            return QualityReasons.Hedging;
        return null;
    }

    /// <summary>Without a reasoning/answer split, the answer is what the response ends with.</summary>
    private static string FinalPart(string content) => content.Length <= 300 ? content : content[^300..];
}

public static class QualityReasons
{
    public const string Truncated = "truncated";
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string MissingThink = "missing_think";
    public const string MixedLanguage = "mixed_language";
    public const string Repetition = "repetition";
    public const string Hedging = "hedging";
    public const string DuplicateTrace = "duplicate_trace";
}
