using SynthData.Ledger;

namespace SynthData.Selection;

/// <summary>Rejection sampling's "keep": up to k accepted traces per problem, the lowest sample indexes first.</summary>
public static class AcceptedTraceSelector
{
    /// <param name="attempts">Ordered by problem id, then sample index (as the ledger returns them).</param>
    public static IEnumerable<LedgerAttempt> Select(IEnumerable<LedgerAttempt> attempts, int keepPerProblem)
    {
        string? current = null;
        var kept = 0;
        foreach (var a in attempts)
        {
            if (a.Problem.Id != current)
            {
                current = a.Problem.Id;
                kept = 0;
            }

            if (a.Verdict is { Accepted: true } && kept < keepPerProblem)
            {
                kept++;
                yield return a;
            }
        }
    }
}
