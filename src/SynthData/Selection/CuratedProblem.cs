using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Selection;

/// <summary>One problem as the exports see it: its attempts, the traces selected for training, and its pass rate.</summary>
public sealed record CuratedProblem
{
    public required Problem Problem { get; init; }

    /// <summary>Every attempt, by sample index.</summary>
    public required IReadOnlyList<LedgerAttempt> Attempts { get; init; }

    /// <summary>Accepted traces that passed the quality filters and the selection strategy, by sample index.</summary>
    public required IReadOnlyList<LedgerAttempt> Selected { get; init; }

    /// <summary>Attempts the verifier rejected (verifier errors and unverified attempts excluded), by sample index.</summary>
    public required IReadOnlyList<LedgerAttempt> Rejected { get; init; }

    /// <summary>Attempts with a verdict other than a verifier error.</summary>
    public required int Verified { get; init; }

    /// <summary>Attempts the verifier accepted (before quality filters).</summary>
    public required int Accepted { get; init; }

    /// <summary><c>train</c> or <c>test</c>.</summary>
    public required string Split { get; init; }

    /// <summary>Why an accepted trace was filtered out, by sample index.</summary>
    public IReadOnlyDictionary<int, string> FilterReasons { get; init; } = new Dictionary<int, string>();

    /// <summary>Why this accepted trace was filtered out, or null.</summary>
    public string? FilterReason(LedgerAttempt a) => FilterReasons.GetValueOrDefault(a.Attempt.SampleIndex);

    /// <summary>Accepted / verified; null when nothing was verified.</summary>
    public double? PassRate => Verified == 0 ? null : Math.Round((double)Accepted / Verified, 6);

    /// <summary>
    /// Mean partial credit over the verified attempts (code: fraction of test cases passed; 1/0 where a verifier
    /// has no partial credit, so there it equals the pass rate); null when nothing was verified.
    /// </summary>
    public double? MeanScore
    {
        get
        {
            var scores = Attempts.Where(a => a.Verdict is { IsVerifierError: false }).Select(a => a.Verdict!.EffectiveScore()).ToList();
            return scores.Count == 0 ? null : Math.Round(scores.Average(), 6);
        }
    }
}
