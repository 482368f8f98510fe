using SynthData.Config;
using SynthData.Filtering.Index;
using SynthData.Problems;

namespace SynthData.Filtering;

/// <summary>
/// The problem stage between the sources and the ledger: decontamination against benchmarks, then exact and near
/// duplicate removal across sources and against problems already in the ledger. Problems already in the ledger stay
/// (their samples exist) unless they overlap a benchmark; new problems that duplicate one are dropped; within a run
/// the first in config order is kept.
/// </summary>
public sealed class ProblemFilter
{
    private readonly DedupOptions _dedup;
    private readonly BenchmarkIndex? _benchmarks;
    private readonly MinHasher? _hasher;
    private readonly LshBands? _bands;

    public ProblemFilter(DedupOptions dedup, BenchmarkIndex? benchmarks)
    {
        _dedup = dedup;
        _benchmarks = benchmarks;
        _hasher = dedup.NearThreshold is null ? null : new MinHasher(dedup.NumPermutations, dedup.ShingleSize);
        _bands = _hasher is null ? null : new LshBands(_hasher.Permutations, dedup.NearThreshold!.Value);
    }

    /// <summary>Loads the configured benchmark files (a missing one is a <see cref="ConfigException"/>).</summary>
    public static ProblemFilter Create(PipelineOptions options) =>
        new(options.Dedup, options.Decontamination.Benchmarks.Count > 0 ? BenchmarkIndex.Load(options) : null);

    public sealed record Result(List<Problem> Kept, List<DroppedProblem> Dropped);

    /// <summary>
    /// Says which index contents this filter can read: digests and bands built under other settings mean something
    /// else, so an index records this and is rebuilt when it changes.
    /// </summary>
    public string IndexLayout =>
        $"v1;exact={_dedup.Exact};near={(_hasher is null ? "off" : $"{_hasher.Permutations}/{_dedup.ShingleSize}/{_bands!.Layout}")};" +
        $"same_answer={_dedup.RequireSameAnswer};text={KeptTextLength}";

    /// <summary>Whether the filter compares problems with each other at all (it may only decontaminate).</summary>
    public bool Deduplicates => _dedup.Exact || _hasher is not null;

    /// <param name="collected">This run's problems, in config order.</param>
    /// <param name="ledger">Problems recorded by earlier runs.</param>
    public Result Apply(IReadOnlyList<Problem> collected, IReadOnlyList<Problem> ledger)
    {
        var known = ledger.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var session = Start(new MemoryDedupIndex(), ledger);
        var kept = new List<Problem>(collected.Count);
        var dropped = new List<DroppedProblem>();
        foreach (var p in collected)
        {
            // A problem already in the ledger keeps its samples: it is only checked against the benchmarks.
            if ((known.Contains(p.Id) ? Contamination(p) : session.Judge(p)) is { } drop)
                dropped.Add(drop);
            else
                kept.Add(p);
        }

        return new Result(kept, dropped);
    }

    /// <summary>
    /// An incremental judge for new problems streamed in config order: each kept problem is remembered in
    /// <paramref name="index"/>, so later ones are compared with it.
    /// </summary>
    /// <param name="unindexed">Problems to remember first (those of the ledger the index does not hold yet).</param>
    public Session Start(IDedupIndex index, IEnumerable<Problem> unindexed) => new(this, index, unindexed);

    public sealed class Session
    {
        private readonly ProblemFilter _filter;
        private readonly IDedupIndex _index;

        internal Session(ProblemFilter filter, IDedupIndex index, IEnumerable<Problem> unindexed)
        {
            _filter = filter;
            _index = index;
            if (!filter.Deduplicates)
                return;
            foreach (var p in unindexed)
                Remember(p, filter.Describe(p));
        }

        /// <summary>Why the new problem <paramref name="p"/> is dropped, or null when it is kept (and remembered).</summary>
        public DroppedProblem? Judge(Problem p)
        {
            if (_filter.Contamination(p) is { } contaminated)
                return contaminated;
            if (!_filter.Deduplicates)
                return null;
            var described = _filter.Describe(p);
            if (Duplicate(p, described) is { } duplicate)
                return duplicate;
            Remember(p, described);
            return null;
        }

        private void Remember(Problem p, Described d) => _index.Add(d.Entry, d.BandKeys, d.Signature);

        private DroppedProblem? Duplicate(Problem p, Described d)
        {
            if (d.Entry.Exact is { } exact && _index.FindExact(exact) is { } same && same.ProblemId != p.Id)
                return new DroppedProblem(p, DropReasons.ExactDuplicate, same.ProblemId, same.Text, 1);
            DroppedProblem? best = null;
            foreach (var (other, signature) in _index.Candidates(d.BandKeys))
            {
                // Band keys are salted with the group, so a candidate of another group only shares a key by a hash collision.
                if (other.ProblemId == p.Id || other.Group != d.Entry.Group)
                    continue;
                var similarity = MinHasher.Similarity(d.Signature, signature);
                if (similarity >= _filter._dedup.NearThreshold!.Value && (best is null || similarity > best.Score))
                    best = new DroppedProblem(p, DropReasons.NearDuplicate, other.ProblemId, other.Text, Math.Round(similarity, 4));
            }

            return best;
        }
    }

    /// <summary>
    /// Enough of a remembered problem's text for the reports (they show a one-line preview of it); keeping whole
    /// prompts of every indexed problem was most of a run's memory.
    /// </summary>
    private const int KeptTextLength = 240;

    private sealed record Described(DedupEntry Entry, ulong[] BandKeys, ulong[] Signature);

    private Described Describe(Problem p)
    {
        var group = Group(p);
        var exact = _dedup.Exact ? Hash128.Of(p.Domain.ToWire() + "\u001f" + TextTokens.ExactKey(p.Prompt)) : (UInt128?)null;
        var entry = new DedupEntry(p.Id, group, exact, p.Prompt.Length <= KeptTextLength ? p.Prompt : p.Prompt[..KeptTextLength]);
        if (_hasher is null)
            return new Described(entry, [], []);
        var signature = _hasher.Signature(p.Prompt);
        return new Described(entry, _bands!.Keys(signature, group), signature);
    }

    /// <summary>Why <paramref name="p"/> overlaps a configured benchmark, or null.</summary>
    public DroppedProblem? Contamination(Problem p)
    {
        if (_benchmarks?.Match(p.Prompt) is not { } m)
            return null;
        return new DroppedProblem(p, DropReasons.Contaminated, $"{m.Benchmark}:{m.Row}", m.ItemText, Math.Round(m.Share, 4));
    }

    /// <summary>
    /// A near-duplicate prompt is only a duplicate problem when it is judged the same way: the same reference answer
    /// (math), the same tests (code) or the same puzzle instance (logic). Generated code problems share their spec
    /// text and differ only in their tests; two puzzles of one family share most of their wording. Hashed with the
    /// domain, so an index holds 16 bytes per problem instead of its answer or tests; with dedup.require_same_answer
    /// off, the problems of a domain are all one group.
    /// </summary>
    private UInt128 Group(Problem p) =>
        Hash128.Of(p.Domain.ToWire() + "\u001f" + (!_dedup.RequireSameAnswer ? "" : p.Domain switch
        {
            ProblemDomain.Math => TextTokens.ExactKey(p.Answer ?? ""),
            ProblemDomain.Logic => InstanceKey(p),
            _ => TestsKey(p),
        }));

    private static string InstanceKey(Problem p) =>
        p.Metadata?[Logic.Domain.LogicProblems.MetadataKey]?.ToJsonString() ?? "";

    private static string TestsKey(Problem p) =>
        TextTokens.ExactKey(p.Tests ?? "") + "\u001f" +
        (p.FunctionTests is { } ft ? System.Text.Json.JsonSerializer.Serialize(ft.Select(t => new object?[] { t.Args, t.Expected })) : "") + "\u001f" +
        (p.IoTests is { } io ? System.Text.Json.JsonSerializer.Serialize(io) : "");
}
