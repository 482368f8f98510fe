using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Ledger;

/// <summary>One answered sample: the request as sent and the response as received.</summary>
public sealed record AttemptRecord
{
    public required string ProblemId { get; init; }
    public required int SampleIndex { get; init; }
    public required string Model { get; init; }
    /// <summary>Sampling parameters as JSON (temperature, top_p, max_tokens, seed, stream).</summary>
    public required string SamplingJson { get; init; }
    /// <summary>The chat messages sent, as JSON.</summary>
    public required string MessagesJson { get; init; }
    public required string Content { get; init; }
    public string? ReasoningContent { get; init; }
    public required string FinishReason { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    public string? ResponseId { get; init; }
    /// <summary>HTTP attempts it took, including retries.</summary>
    public int Tries { get; init; } = 1;
    public long RunId { get; init; }
    /// <summary>Fingerprint of the settings that shaped the response (<see cref="RunLedger.LegacyFingerprint"/> for attempts made before they were recorded).</summary>
    public string Fingerprint { get; init; } = RunLedger.LegacyFingerprint;
}

/// <summary>A request that still failed after every retry; the next run asks again.</summary>
public sealed record AttemptErrorRecord(string ProblemId, int SampleIndex, string Error, int Tries, long RunId);

/// <summary>A verdict for one attempt.</summary>
public sealed record VerdictRecord(string ProblemId, int SampleIndex, Verdict Verdict, string Fingerprint = RunLedger.LegacyFingerprint);

/// <summary>An attempt joined with its problem and verdict, as exports read them.</summary>
public sealed record LedgerAttempt(Problem Problem, AttemptRecord Attempt, Verdict? Verdict);
