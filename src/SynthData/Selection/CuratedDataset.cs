using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Selection.Quality;

namespace SynthData.Selection;

/// <summary>
/// The ledger turned into training material: dropped problems left out, quality filters and duplicate-trace removal
/// applied to accepted traces (each removal counted by reason), k traces selected per problem, problems split into
/// train/test. A pure function of the ledger contents and the options.
/// </summary>
public sealed class CuratedDataset
{
    private readonly Dictionary<(string, int), string> _traceRejections = [];

    private CuratedDataset(IReadOnlyList<DroppedProblem> dropped) => DroppedProblems = dropped;

    /// <summary>Problems with at least one attempt and not dropped, by id.</summary>
    public IReadOnlyList<CuratedProblem> Problems { get; private set; } = [];

    public IReadOnlyList<DroppedProblem> DroppedProblems { get; }

    /// <summary>Accepted traces removed by quality filters, by reason.</summary>
    public SortedDictionary<string, int> FilterCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted traces that passed the filters but were beyond the k kept per problem.</summary>
    public int NotSelected { get; private set; }

    /// <summary>Attempts of dropped problems (never exported as training data).</summary>
    public int AttemptsOfDroppedProblems { get; private set; }

    /// <summary>Why an accepted trace was filtered out, or null.</summary>
    public string? FilterReason(LedgerAttempt a) => _traceRejections.GetValueOrDefault((a.Problem.Id, a.Attempt.SampleIndex));

    /// <param name="attempts">Ordered by problem id, then sample index (as the ledger returns them).</param>
    public static CuratedDataset Build(IReadOnlyList<LedgerAttempt> attempts, IReadOnlyList<DroppedProblem> dropped, PipelineOptions options)
    {
        var dataset = new CuratedDataset(dropped);
        var droppedIds = dropped.Select(d => d.Problem.Id).ToHashSet(StringComparer.Ordinal);
        var quality = new TraceQualityFilter(options.Filters);
        var selector = new TraceSelector(options.Selection.Strategy, options.Selection.KeepPerProblem, options.Selection.Seed ?? options.Run.Seed);
        var splits = new SplitAssigner(options.Export.TestFraction, options.Export.SplitSeed ?? options.Run.Seed);
        var problems = new List<CuratedProblem>();
        foreach (var group in GroupByProblem(attempts))
        {
            if (droppedIds.Contains(group[0].Problem.Id))
            {
                dataset.AttemptsOfDroppedProblems += group.Count;
                continue;
            }

            var eligible = dataset.Eligible(group, quality, options.Filters.DuplicateTraces);
            var selected = selector.Select(eligible);
            dataset.NotSelected += eligible.Count - selected.Count;
            problems.Add(new CuratedProblem
            {
                Problem = group[0].Problem,
                Attempts = group,
                Selected = selected,
                Rejected = [.. group.Where(a => a.Verdict is { Accepted: false, IsVerifierError: false })],
                Verified = group.Count(a => a.Verdict is { IsVerifierError: false }),
                Accepted = group.Count(a => a.Verdict is { Accepted: true }),
                Split = splits.Of(group[0].Problem.Id),
            });
        }

        dataset.Problems = problems;
        return dataset;
    }

    private List<LedgerAttempt> Eligible(IReadOnlyList<LedgerAttempt> group, TraceQualityFilter quality, bool dropDuplicateTraces)
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

            _traceRejections[(a.Problem.Id, a.Attempt.SampleIndex)] = reason;
            FilterCounts[reason] = FilterCounts.GetValueOrDefault(reason) + 1;
        }

        return eligible;
    }

    private static IEnumerable<List<LedgerAttempt>> GroupByProblem(IReadOnlyList<LedgerAttempt> attempts)
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
