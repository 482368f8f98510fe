using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Selection.Quality;

namespace SynthData.Selection;

/// <summary>One problem's attempts as one ordered pass over the ledger meets them: curated, or dropped before sampling.</summary>
public sealed record ProblemGroup(IReadOnlyList<LedgerAttempt> Attempts, CuratedProblem? Curated, DroppedProblem? Dropped)
{
    public Problems.Problem Problem => Attempts[0].Problem;
}

/// <summary>
/// The ledger turned into training material, streamed: attempts arrive ordered by problem id and sample index, each
/// problem's group is curated as soon as it is complete (dropped problems left out, quality filters and duplicate-trace
/// removal applied to accepted traces, k traces selected, the problem given its split) and handed on, so memory holds
/// one problem at a time whatever the ledger's size. The totals (filter counts, traces not selected) are complete once
/// <see cref="Groups"/> has been enumerated to its end. A pure function of the ledger contents and the options.
/// </summary>
public sealed class Curation
{
    private readonly PipelineOptions _options;
    private readonly Dictionary<string, DroppedProblem> _dropped;

    public Curation(PipelineOptions options, IReadOnlyList<DroppedProblem> dropped)
    {
        _options = options;
        DroppedProblems = dropped;
        _dropped = dropped.GroupBy(d => d.Problem.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<DroppedProblem> DroppedProblems { get; }

    /// <summary>Accepted traces removed by quality filters, by reason.</summary>
    public SortedDictionary<string, int> FilterCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted traces that passed the filters but were beyond the k kept per problem.</summary>
    public int NotSelected { get; private set; }

    /// <summary>Attempts of dropped problems (never exported as training data).</summary>
    public int AttemptsOfDroppedProblems { get; private set; }

    /// <summary>Every problem of <paramref name="attempts"/> (ordered by problem id, then sample index), in order.</summary>
    public IEnumerable<ProblemGroup> Groups(IEnumerable<LedgerAttempt> attempts)
    {
        FilterCounts.Clear();
        NotSelected = 0;
        AttemptsOfDroppedProblems = 0;
        var quality = new TraceQualityFilter(_options.Filters);
        var selector = new TraceSelector(_options.Selection.Strategy, _options.Selection.KeepPerProblem, _options.Selection.Seed ?? _options.Run.Seed);
        var splits = new SplitAssigner(_options.Export.TestFraction, _options.Export.SplitSeed ?? _options.Run.Seed);
        foreach (var group in GroupByProblem(attempts))
        {
            if (_dropped.TryGetValue(group[0].Problem.Id, out var dropped))
            {
                AttemptsOfDroppedProblems += group.Count;
                yield return new ProblemGroup(group, null, dropped);
                continue;
            }

            var reasons = new Dictionary<int, string>();
            var eligible = Eligible(group, quality, _options.Filters.DuplicateTraces, reasons);
            var selected = selector.Select(eligible);
            NotSelected += eligible.Count - selected.Count;
            yield return new ProblemGroup(group, new CuratedProblem
            {
                Problem = group[0].Problem,
                Attempts = group,
                Selected = selected,
                Rejected = [.. group.Where(a => a.Verdict is { Accepted: false, IsVerifierError: false })],
                Verified = group.Count(a => a.Verdict is { IsVerifierError: false }),
                Accepted = group.Count(a => a.Verdict is { Accepted: true }),
                Split = splits.Of(group[0].Problem.Id),
                FilterReasons = reasons,
            }, null);
        }
    }

    private List<LedgerAttempt> Eligible(IReadOnlyList<LedgerAttempt> group, TraceQualityFilter quality, bool dropDuplicateTraces, Dictionary<int, string> reasons)
    {
        var eligible = new List<LedgerAttempt>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in group)
        {
            if (a.Verdict is not { Accepted: true })
                continue;
            var reason = quality.Reject(a);
            if (reason is null && dropDuplicateTraces && !texts.Add(TextTokens.ExactKey(a.Attempt.ReasoningContent + "\u001f" + a.Attempt.Content)))
                reason = QualityReasons.DuplicateTrace;
            if (reason is null)
            {
                eligible.Add(a);
                continue;
            }

            reasons[a.Attempt.SampleIndex] = reason;
            FilterCounts[reason] = FilterCounts.GetValueOrDefault(reason) + 1;
        }

        return eligible;
    }

    /// <summary>Consecutive attempts of one problem, from a stream ordered by problem (as the ledger streams them).</summary>
    public static IEnumerable<List<LedgerAttempt>> GroupByProblem(IEnumerable<LedgerAttempt> attempts)
    {
        var group = new List<LedgerAttempt>();
        foreach (var a in attempts)
        {
            if (group.Count > 0 && group[0].Problem.Id != a.Problem.Id)
            {
                yield return group;
                group = [];
            }

            group.Add(a);
        }

        if (group.Count > 0)
            yield return group;
    }
}
