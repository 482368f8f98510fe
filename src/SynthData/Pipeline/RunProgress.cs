namespace SynthData.Pipeline;

/// <summary>A snapshot for progress displays.</summary>
public sealed record RunProgress(int SamplesToRequest, int SamplesCompleted, int Accepted, int Rejected, int RequestErrors, int Requests)
{
    public long PromptTokens { get; init; }
    public long CompletionTokens { get; init; }
    /// <summary>Estimated dollars so far (0 when no price is configured).</summary>
    public double CostUsd { get; init; }
    public bool Priced { get; init; }
    public int InFlight { get; init; }
    /// <summary>Problems with at least one accepted sample in this run (the live stand-in for kept problems).</summary>
    public int ProblemsAccepted { get; init; }
    /// <summary>Verdicts so far per domain: (verified, accepted).</summary>
    public IReadOnlyDictionary<string, (int Verified, int Accepted)> ByDomain { get; init; } = new Dictionary<string, (int, int)>();
}

/// <summary>Counters only the sampler knows, read by the ledger writer when it reports progress.</summary>
public readonly record struct SamplerCounters(int Requests, int InFlight, double CostUsd);
