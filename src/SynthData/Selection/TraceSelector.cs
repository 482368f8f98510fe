using System.Globalization;
using SynthData.Common;
using SynthData.Filtering;
using SynthData.Ledger;

namespace SynthData.Selection;

/// <summary>Picks up to k of a problem's eligible accepted traces by a <see cref="SelectionStrategy"/>; returns them by sample index.</summary>
public sealed class TraceSelector(SelectionStrategy strategy, int keep, long seed)
{
    private const int ShingleSize = 3;

    /// <param name="candidates">One problem's eligible traces, ordered by sample index.</param>
    public List<LedgerAttempt> Select(IReadOnlyList<LedgerAttempt> candidates)
    {
        if (candidates.Count <= keep)
            return [.. candidates];
        var picked = strategy switch
        {
            SelectionStrategy.First => candidates.Take(keep),
            SelectionStrategy.Shortest => candidates.OrderBy(a => a.Attempt.CompletionTokens).ThenBy(a => a.Attempt.SampleIndex).Take(keep),
            SelectionStrategy.Random => candidates.OrderBy(RandomKey).ThenBy(a => a.Attempt.SampleIndex).Take(keep),
            SelectionStrategy.Distinct => MostDistinct(candidates),
            _ => throw new InvalidOperationException($"unknown strategy {strategy}"),
        };
        return [.. picked.OrderBy(a => a.Attempt.SampleIndex)];
    }

    private long RandomKey(LedgerAttempt a) =>
        StableHash.Int64(seed.ToString(CultureInfo.InvariantCulture), a.Problem.Id, a.Attempt.SampleIndex.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Greedy max-min diversity: start from the lowest sample index, then repeatedly add the trace whose highest
    /// similarity to those already kept is lowest (ties: lower sample index).
    /// </summary>
    private IEnumerable<LedgerAttempt> MostDistinct(IReadOnlyList<LedgerAttempt> candidates)
    {
        var shingles = candidates.Select(a => TextTokens.NgramHashes(TextTokens.Tokens(a.Attempt.ReasoningContent + "\n" + a.Attempt.Content), ShingleSize).ToHashSet()).ToList();
        var chosen = new List<int> { 0 };
        var closest = shingles.Select(s => Jaccard(s, shingles[0])).ToArray();
        while (chosen.Count < keep)
        {
            var next = -1;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (!chosen.Contains(i) && (next < 0 || closest[i] < closest[next]))
                    next = i;
            }

            chosen.Add(next);
            for (var i = 0; i < candidates.Count; i++)
                closest[i] = Math.Max(closest[i], Jaccard(shingles[i], shingles[next]));
        }

        return chosen.Select(i => candidates[i]);
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
            return 1;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
